#include "exchange/report_table.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace cartera::exchange {

namespace {

std::string cellText(const Cell& cell)
{
    struct Visitor {
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(std::int64_t v) const { return std::to_string(v); }
        std::string operator()(const domain::Money& m) const { return m.toDecimalString(); }
        std::string operator()(const domain::Date& d) const { return d.toIso(); }
        std::string operator()(const Decimal& d) const { return d.str(); }
    };
    return std::visit(Visitor{}, cell);
}

bool isNumeric(const Cell& cell)
{
    return std::holds_alternative<std::int64_t>(cell) || std::holds_alternative<domain::Money>(cell) ||
           std::holds_alternative<Decimal>(cell);
}

/// Display width in characters of UTF-8 text (code points; good enough for Latin scripts).
std::size_t displayWidth(const std::string& text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

} // namespace

std::string Decimal::str() const
{
    // Through the magnitude as unsigned, so that the most negative value has one too.
    const bool negative = scaled < 0;
    const std::uint64_t magnitude =
        negative ? ~static_cast<std::uint64_t>(scaled) + 1 : static_cast<std::uint64_t>(scaled);
    std::string text = std::to_string(magnitude);
    if (digits > 0) {
        const auto width = static_cast<std::size_t>(digits);
        if (text.size() <= width) {
            text.insert(0, width + 1 - text.size(), '0');
        }
        text.insert(text.size() - width, 1, '.');
    }
    return negative ? "-" + text : text;
}

std::optional<ReportFormat> parseReportFormat(const std::string& text)
{
    if (text == "table") {
        return ReportFormat::Table;
    }
    if (text == "csv") {
        return ReportFormat::Csv;
    }
    if (text == "json") {
        return ReportFormat::Json;
    }
    return std::nullopt;
}

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') {
            quoted += '"';
        }
        quoted += c;
    }
    return quoted + "\"";
}

void ReportTable::write(std::ostream& out, ReportFormat format) const
{
    switch (format) {
    case ReportFormat::Table:
        writeText(out);
        return;
    case ReportFormat::Csv:
        writeCsv(out);
        return;
    case ReportFormat::Json:
        writeJson(out);
        return;
    }
}

void ReportTable::writeCsv(std::ostream& out) const
{
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        out << (i ? "," : "") << csvField(m_columns[i]);
    }
    out << "\r\n";
    for (const auto& row : m_rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            out << (i ? "," : "") << csvField(cellText(row[i]));
        }
        out << "\r\n";
    }
}

void ReportTable::writeJson(std::ostream& out) const
{
    out << "[";
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        out << (r ? ",\n  {" : "\n  {");
        const auto& row = m_rows[r];
        for (std::size_t i = 0; i < row.size() && i < m_columns.size(); ++i) {
            out << (i ? ", " : "") << nlohmann::json(m_columns[i]).dump() << ": ";
            const Cell& cell = row[i];
            if (std::holds_alternative<std::monostate>(cell)) {
                out << "null";
            } else if (isNumeric(cell)) {
                // Money is written as an exact decimal number, never through a double.
                out << cellText(cell);
            } else {
                out << nlohmann::json(cellText(cell)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            }
        }
        out << "}";
    }
    out << (m_rows.empty() ? "]\n" : "\n]\n");
}

void ReportTable::writeText(std::ostream& out) const
{
    std::vector<std::size_t> widths(m_columns.size());
    std::vector<bool> numeric(m_columns.size(), false);
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        widths[i] = displayWidth(m_columns[i]);
    }
    for (const auto& row : m_rows) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            widths[i] = std::max(widths[i], displayWidth(cellText(row[i])));
            numeric[i] = numeric[i] || isNumeric(row[i]);
        }
    }
    const auto pad = [&](const std::string& text, std::size_t column) {
        const std::string fill(widths[column] - displayWidth(text), ' ');
        return numeric[column] ? fill + text : text + fill;
    };
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        out << (i ? "  " : "") << pad(m_columns[i], i);
    }
    out << "\n";
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        out << (i ? "  " : "") << std::string(widths[i], '-');
    }
    out << "\n";
    for (const auto& row : m_rows) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            out << (i ? "  " : "") << pad(cellText(row[i]), i);
        }
        out << "\n";
    }
}

} // namespace cartera::exchange
