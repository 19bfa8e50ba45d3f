#pragma once

#include "domain/error.h"
#include "exchange/report_table.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace cartera::exchange {

/// Writes one worksheet to an .xlsx file, a row at a time, as Excel users expect it: a bold,
/// frozen header row with filter buttons, numbers and money as numbers (formatted with the
/// currency's decimals), dates as dates, text as text (never a formula, whatever it starts with).
/// Rows go straight to a temporary file (libxlsxwriter's constant-memory mode), so 1,000,000
/// rows cost no more memory than 10; the file appears under its name only when complete
/// (written under a hidden temporary name beside it, see AtomicFile).
class XlsxWriter final {
public:
    /// Excel's limit: 1,048,576 rows per sheet, the header included.
    static constexpr std::int64_t kMaxDataRows = 1'048'575;

    static domain::Result<std::unique_ptr<XlsxWriter>> create(const std::filesystem::path& path,
                                                              const std::string& sheetName,
                                                              const std::vector<std::string>& columns);
    ~XlsxWriter();
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;

    /// Adds a data row (cells beyond the columns are ignored). Fails past Excel's row limit.
    domain::Status addRow(const std::vector<Cell>& cells);
    /// Adds a sheet of text after the data sheet (notes on the export: what it holds, when it was
    /// made); the first cell of each row is bold, as a label. Call before finish().
    domain::Status addTextSheet(const std::string& sheetName, const std::vector<std::vector<std::string>>& rows);
    /// Writes the file and moves it into place (fsynced, then renamed over any previous file at
    /// that path); nothing is left behind on failure.
    domain::Status finish();

private:
    struct State;
    explicit XlsxWriter(std::unique_ptr<State> state);

    std::unique_ptr<State> m_state;
};

/// Writes a whole report table as one sheet.
domain::Status writeXlsx(const ReportTable& table, const std::filesystem::path& path, const std::string& sheetName);

} // namespace cartera::exchange
