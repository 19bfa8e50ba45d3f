#include "services/abc_export.h"

#include "exchange/csv_writer.h"
#include "exchange/xlsx_writer.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <system_error>

namespace cartera::services {

namespace fs = std::filesystem;
using namespace cartera::domain;
using exchange::Cell;
using exchange::Decimal;

namespace {

constexpr int kShareDigits = 4;  // 81.2345 %

/// The columns of `cartera-cli abc`, so a file from the app and one from the CLI read alike.
std::vector<std::string> columnsFor()
{
    return {"rank", "code", "name", "value", "share", "cumulative_share", "class"};
}

Cell valueCell(const AbcRun& run, std::int64_t value, const CurrencyCode& currency)
{
    if (isMoney(run.request.criterion)) {
        return Money{value, currency};
    }
    return value;
}

/// Calls write(cells) for each row of the part, in rank order.
template <typename Write>
Status forEachRow(const AbcRun& run, const AbcListPart& part, const CurrencyCode& currency, Write&& write)
{
    const auto& result = run.result;
    if (part.apart) {
        for (const auto& input : result.apart) {
            if (auto written = write(std::vector<Cell>{std::monostate{}, input.code, input.name,
                                                       valueCell(run, input.value, currency), std::monostate{},
                                                       std::monostate{}, std::string("apart")});
                !written) {
                return written;
            }
        }
        return Done{};
    }
    for (const auto& entry : result.entries) {
        if (part.abcClass && entry.abcClass != *part.abcClass) {
            continue;
        }
        std::vector<Cell> cells{entry.rank,
                                entry.code,
                                entry.name,
                                valueCell(run, entry.value, currency),
                                Decimal{scaledPercent(entry.value, result.total, kShareDigits), kShareDigits},
                                Decimal{scaledPercent(entry.cumulativeValue, result.total, kShareDigits), kShareDigits},
                                std::string(kAbcClassCodes.code(entry.abcClass))};
        if (auto written = write(cells); !written) {
            return written;
        }
    }
    return Done{};
}

Status exportCsv(const AbcRun& run, const AbcListPart& part, const CurrencyCode& currency, const fs::path& path)
{
    return exchange::writeCsvFile(path, exchange::csvProfile(exchange::CsvProfileId::ExcelComma),
                                  [&](exchange::CsvWriter& csv) {
                                      csv.writeHeader(columnsFor());
                                      return forEachRow(run, part, currency, [&](const std::vector<Cell>& cells) -> Status {
                                          csv.writeRow(cells);
                                          return Done{};
                                      });
                                  });
}

} // namespace

Status exportAbcList(const AbcRun& run, const AbcListPart& part, const CurrencyCode& currency, const fs::path& path,
                     ListFileFormat format)
{
    if (format == ListFileFormat::Csv) {
        return exportCsv(run, part, currency, path);
    }
    auto writer = exchange::XlsxWriter::create(path, "ABC", columnsFor());
    if (!writer) {
        return writer.error();
    }
    if (auto rows = forEachRow(run, part, currency,
                               [&](const std::vector<Cell>& cells) { return writer.value()->addRow(cells); });
        !rows) {
        return rows;
    }
    return writer.value()->finish();
}

std::optional<ListFileFormat> listFileFormatFor(const fs::path& path)
{
    auto extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".csv") {
        return ListFileFormat::Csv;
    }
    if (extension == ".xlsx") {
        return ListFileFormat::Xlsx;
    }
    return std::nullopt;
}

} // namespace cartera::services
