#pragma once

#include "exchange/report_table.h"

#include <ostream>
#include <string>
#include <vector>

namespace cartera::exchange {

/// Writes CSV that opens in a spreadsheet as it reads in a text editor (RFC 4180):
/// - a UTF-8 byte order mark first, so Excel reads accents right;
/// - text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
///   return) is prefixed with an apostrophe, the usual guard against CSV formula injection;
/// - numbers, money (with a point and the currency's decimals) and dates (ISO) written plainly.
class CsvWriter final {
public:
    explicit CsvWriter(std::ostream& out, bool byteOrderMark = true);

    void writeHeader(const std::vector<std::string>& columns);
    void writeRow(const std::vector<Cell>& cells);

private:
    std::ostream& m_out;
};

/// Text made safe for a spreadsheet cell: a leading apostrophe before = + - @ tab or CR.
std::string spreadsheetSafe(const std::string& text);

} // namespace cartera::exchange
