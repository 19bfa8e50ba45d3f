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

/// An exact fixed-point number that is not money: scaled / 10^digits (a share of 81.2345 % is
/// {812345, 4}). Written digit for digit, never through a double.
struct Decimal final {
    std::int64_t scaled = 0;
    int digits = 0;

    [[nodiscard]] std::string str() const;
    friend bool operator==(const Decimal&, const Decimal&) = default;
};

/// A cell of a report: empty, text, a whole number, money (exact), a date or a decimal number.
using Cell = std::variant<std::monostate, std::string, std::int64_t, domain::Money, domain::Date, Decimal>;

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
