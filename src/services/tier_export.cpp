#include "services/tier_export.h"

#include "exchange/csv_writer.h"
#include "exchange/xlsx_writer.h"

#include <fstream>
#include <system_error>

namespace cartera::services {

namespace fs = std::filesystem;
using namespace cartera::domain;
using exchange::Cell;

namespace {

template <typename Write>
Status forEachRow(const TierRun& run, std::optional<int> tier, const CurrencyCode& currency, Write&& write)
{
    for (std::size_t k = 0; k < run.result.entries.size(); ++k) {
        if (tier && run.result.entries[k].tier != *tier) {
            continue;
        }
        if (auto written = write(tierListRow(run, k, currency)); !written) {
            return written;
        }
    }
    return Done{};
}

} // namespace

exchange::Decimal tierPoints(std::int64_t points, std::int64_t weightTotal)
{
    return exchange::Decimal{scaledScore(points, weightTotal, kTierScoreDigits), kTierScoreDigits};
}

std::vector<std::string> tierListColumns(const TierResult& result)
{
    std::vector<std::string> columns{"rank", "code", "name", "tier", "score", "revenue"};
    for (const auto indicator : allTierIndicators()) {
        if (result.weight(indicator) > 0) {
            columns.push_back(std::string(kTierIndicatorCodes.code(indicator)) + "_points");
        }
    }
    return columns;
}

std::vector<Cell> tierListRow(const TierRun& run, std::size_t position, const CurrencyCode& currency)
{
    const auto& result = run.result;
    const auto& entry = result.entries[position];
    const auto& input = run.facts->customers[entry.customer];
    std::vector<Cell> cells{static_cast<std::int64_t>(position) + 1,
                            input.code,
                            input.name,
                            result.model.tiers()[entry.tier].name,
                            tierPoints(entry.points, result.weightTotal),
                            Money{input.revenue, currency}};
    for (const auto indicator : allTierIndicators()) {
        if (result.weight(indicator) > 0) {
            cells.emplace_back(tierPoints(result.weightedValue(*run.facts, entry, indicator), result.weightTotal));
        }
    }
    return cells;
}

Status exportTierList(const TierRun& run, std::optional<int> tier, const CurrencyCode& currency, const fs::path& path,
                      ListFileFormat format)
{
    if (!run.facts) {
        return Error{ErrorCode::Internal, "the run has no facts to export", {}};
    }
    const auto columns = tierListColumns(run.result);
    if (format == ListFileFormat::Xlsx) {
        auto writer = exchange::XlsxWriter::create(path, "Tiers", columns);
        if (!writer) {
            return writer.error();
        }
        if (auto rows = forEachRow(run, tier, currency,
                                   [&](const std::vector<Cell>& cells) { return writer.value()->addRow(cells); });
            !rows) {
            return rows;
        }
        return writer.value()->finish();
    }
    return exchange::writeCsvFile(path, exchange::csvProfile(exchange::CsvProfileId::ExcelComma),
                                  [&](exchange::CsvWriter& csv) {
                                      csv.writeHeader(columns);
                                      return forEachRow(run, tier, currency, [&](const std::vector<Cell>& cells) -> Status {
                                          csv.writeRow(cells);
                                          return Done{};
                                      });
                                  });
}

} // namespace cartera::services
