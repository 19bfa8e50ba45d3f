#pragma once

#include "domain/date.h"
#include "domain/money.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

namespace cartera::exchange {

/// A cell of a report: empty, text, a whole number, money (exact) or a date.
using Cell = std::variant<std::monostate, std::string, std::int64_t, domain::Money, domain::Date>;

/// The output formats every report command offers (--format).
enum class ReportFormat {
    Table,  ///< aligned columns for a terminal
    Csv,    ///< RFC 4180, header row, UTF-8
    Json,   ///< an array of objects keyed by column name
};

/// Parses "table", "csv" or "json".
std::optional<ReportFormat> parseReportFormat(const std::string& text);

/// A named-column table of results, written the same way by every CLI report.
class ReportTable final {
public:
    explicit ReportTable(std::vector<std::string> columns) : m_columns(std::move(columns)) {}

    void addRow(std::vector<Cell> row) { m_rows.push_back(std::move(row)); }
    [[nodiscard]] const std::vector<std::string>& columns() const { return m_columns; }
    [[nodiscard]] const std::vector<std::vector<Cell>>& rows() const { return m_rows; }

    void write(std::ostream& out, ReportFormat format) const;
    void writeCsv(std::ostream& out) const;
    void writeJson(std::ostream& out) const;
    void writeText(std::ostream& out) const;

private:
    std::vector<std::string> m_columns;
    std::vector<std::vector<Cell>> m_rows;
};

/// Quotes a CSV field when it holds a comma, quote, or line break (RFC 4180).
std::string csvField(const std::string& text);

} // namespace cartera::exchange
