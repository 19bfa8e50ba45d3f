#pragma once

#include "exchange/csv_profile.h"
#include "exchange/report_table.h"

#include "domain/error.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cartera::exchange {

/// Writes CSV that opens in a spreadsheet as it reads in a text editor (RFC 4180), in one of the
/// CsvProfile dialects:
/// - a UTF-8 byte order mark first when the profile has one, so Excel reads accents right;
/// - a field holding the delimiter, a quote, CR or LF is quoted, quotes doubled;
/// - text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
///   return) is prefixed with an apostrophe, the usual guard against CSV formula injection;
/// - whole numbers plainly, money in major units with the currency's decimals and decimals with
///   their digits, both with the profile's decimal mark and never through a double; dates ISO.
///
/// Two ways to feed it: whole rows of Cells (reports), or cell by cell (text(), money(), ...,
/// then endRow()), which allocates nothing per cell: exports of 1,000,000 rows use it.
class CsvWriter final {
public:
    /// Receives the bytes written, in blocks.
    using Sink = std::function<void(std::string_view bytes)>;

    /// Writes to out a row at a time, Excel (comma) style; byteOrderMark = false for a plain file.
    explicit CsvWriter(std::ostream& out, bool byteOrderMark = true);
    /// Writes to out a row at a time in profile's dialect.
    CsvWriter(std::ostream& out, const CsvProfile& profile);
    /// Hands sink blocks of about 256 KiB (and the rest on flush()): the fast path for big files.
    CsvWriter(Sink sink, const CsvProfile& profile);
    /// Flushes what is buffered.
    ~CsvWriter();
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    void writeHeader(const std::vector<std::string>& columns);
    void writeRow(const std::vector<Cell>& cells);

    // Cell by cell; each call starts a new field of the current row.
    void text(std::string_view value);
    void integer(std::int64_t value);
    /// minor units shown with digits decimals: money(-123456, 2) writes -1234.56 (or -1234,56).
    void money(std::int64_t minor, int digits);
    void decimal(const Decimal& value) { money(value.scaled, value.digits); }
    void date(const domain::Date& value);
    /// An ISO date already spelled out (as stored): written as it is.
    void isoDate(std::string_view value);
    void empty();
    void cell(const Cell& value);
    void endRow();

    /// Hands everything buffered to the output.
    void flush();
    [[nodiscard]] const CsvProfile& profile() const { return m_profile; }

private:
    void startField();
    void appendFieldText(std::string_view value);

    CsvProfile m_profile;
    Sink m_sink;
    std::string m_buffer;
    std::size_t m_flushAt = 0;  ///< 0: at every row end
    bool m_rowStarted = false;
    char m_needsQuotes[256] = {};
};

/// Writes a CSV file in profile's dialect atomically (AtomicFile): body writes the header and rows;
/// the file replaces path only when body succeeds and all is on disk, else path is left as it was.
domain::Status writeCsvFile(const std::filesystem::path& path, const CsvProfile& profile,
                            const std::function<domain::Status(CsvWriter&)>& body);

/// Text made safe for a spreadsheet cell: a leading apostrophe before = + - @ tab or CR.
std::string spreadsheetSafe(const std::string& text);
/// True when a spreadsheet would read text as a formula or a command (= + - @ tab CR first).
bool startsLikeAFormula(std::string_view text);

} // namespace cartera::exchange
