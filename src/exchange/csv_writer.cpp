#include "exchange/csv_writer.h"

namespace cartera::exchange {

std::string spreadsheetSafe(const std::string& text)
{
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
        return "'" + text;
    }
    return text;
}

CsvWriter::CsvWriter(std::ostream& out, bool byteOrderMark) : m_out(out)
{
    if (byteOrderMark) {
        m_out << "\xEF\xBB\xBF";
    }
}

void CsvWriter::writeHeader(const std::vector<std::string>& columns)
{
    for (std::size_t i = 0; i < columns.size(); ++i) {
        m_out << (i ? "," : "") << csvField(spreadsheetSafe(columns[i]));
    }
    m_out << "\r\n";
}

void CsvWriter::writeRow(const std::vector<Cell>& cells)
{
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) {
            m_out << ',';
        }
        const auto& cell = cells[i];
        if (const auto* text = std::get_if<std::string>(&cell)) {
            m_out << csvField(spreadsheetSafe(*text));
        } else if (const auto* number = std::get_if<std::int64_t>(&cell)) {
            m_out << *number;
        } else if (const auto* money = std::get_if<domain::Money>(&cell)) {
            m_out << money->toDecimalString();
        } else if (const auto* date = std::get_if<domain::Date>(&cell)) {
            m_out << date->toIso();
        } else if (const auto* decimal = std::get_if<Decimal>(&cell)) {
            m_out << decimal->str();
        }
    }
    m_out << "\r\n";
}

} // namespace cartera::exchange
