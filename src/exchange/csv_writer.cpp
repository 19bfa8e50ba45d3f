#include "exchange/csv_writer.h"

#include "exchange/atomic_file.h"

#include <algorithm>
#include <charconv>

namespace cartera::exchange {

namespace {

constexpr std::size_t kBlockBytes = 256 * 1024;

/// Appends the decimal digits of magnitude.
void appendUnsigned(std::string& out, std::uint64_t magnitude)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, magnitude).ptr;
    out.append(digits, static_cast<std::size_t>(end - digits));
}

std::uint64_t magnitudeOf(std::int64_t value)
{
    // Through unsigned arithmetic, so that the most negative value has a magnitude too.
    return value < 0 ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
}

} // namespace

bool startsLikeAFormula(std::string_view text)
{
    return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

std::string spreadsheetSafe(const std::string& text)
{
    if (startsLikeAFormula(text)) {
        return "'" + text;
    }
    return text;
}

CsvWriter::CsvWriter(std::ostream& out, bool byteOrderMark)
    : CsvWriter(out, csvProfile(byteOrderMark ? CsvProfileId::ExcelComma : CsvProfileId::Plain))
{
    if (!byteOrderMark) {
        // The historical plain variant kept CRLF: reports written by earlier versions stay byte-identical.
        m_profile.lineEnd = "\r\n";
    }
}

CsvWriter::CsvWriter(std::ostream& out, const CsvProfile& profile)
    : CsvWriter([&out](std::string_view bytes) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); },
                profile)
{
    // A stream has its own buffer; handing it each row keeps it current for callers that check it.
    m_flushAt = 0;
}

CsvWriter::CsvWriter(Sink sink, const CsvProfile& profile)
    : m_profile(profile), m_sink(std::move(sink)), m_flushAt(kBlockBytes)
{
    m_buffer.reserve(kBlockBytes + 4096);
    for (const unsigned char c : {static_cast<unsigned char>(m_profile.delimiter), static_cast<unsigned char>('"'),
                                  static_cast<unsigned char>('\r'), static_cast<unsigned char>('\n')}) {
        m_needsQuotes[c] = 1;
    }
    if (m_profile.byteOrderMark) {
        m_buffer += "\xEF\xBB\xBF";
    }
}

CsvWriter::~CsvWriter()
{
    flush();
}

void CsvWriter::flush()
{
    if (!m_buffer.empty()) {
        m_sink(m_buffer);
        m_buffer.clear();
    }
}

void CsvWriter::startField()
{
    if (m_rowStarted) {
        m_buffer += m_profile.delimiter;
    }
    m_rowStarted = true;
}

void CsvWriter::appendFieldText(std::string_view value)
{
    const bool formula = startsLikeAFormula(value);
    bool quote = false;
    for (const char c : value) {
        if (m_needsQuotes[static_cast<unsigned char>(c)]) {
            quote = true;
            break;
        }
    }
    if (!quote) {
        if (formula) {
            m_buffer += '\'';
        }
        m_buffer += value;
        return;
    }
    m_buffer += '"';
    if (formula) {
        m_buffer += '\'';
    }
    std::size_t from = 0;
    for (std::size_t at = value.find('"'); at != std::string_view::npos; at = value.find('"', at + 1)) {
        m_buffer.append(value.substr(from, at + 1 - from));
        m_buffer += '"';
        from = at + 1;
    }
    m_buffer.append(value.substr(from));
    m_buffer += '"';
}

void CsvWriter::text(std::string_view value)
{
    startField();
    appendFieldText(value);
}

void CsvWriter::integer(std::int64_t value)
{
    startField();
    if (value < 0) {
        m_buffer += '-';
    }
    appendUnsigned(m_buffer, magnitudeOf(value));
}

void CsvWriter::money(std::int64_t minor, int digits)
{
    startField();
    if (minor < 0) {
        m_buffer += '-';
    }
    const std::uint64_t magnitude = magnitudeOf(minor);
    digits = std::min(digits, 18);  // 10^19 overflows; no currency or report has half as many
    if (digits <= 0) {
        appendUnsigned(m_buffer, magnitude);
        return;
    }
    std::uint64_t scale = 1;
    for (int i = 0; i < digits && i < 19; ++i) {
        scale *= 10;
    }
    appendUnsigned(m_buffer, magnitude / scale);
    m_buffer += m_profile.decimalMark;
    // The fraction with its leading zeros: 5 cents of a 2-digit currency is "05".
    char fraction[24];
    std::uint64_t rest = magnitude % scale;
    for (int i = digits - 1; i >= 0; --i) {
        fraction[i] = static_cast<char>('0' + rest % 10);
        rest /= 10;
    }
    m_buffer.append(fraction, static_cast<std::size_t>(digits));
}

void CsvWriter::date(const domain::Date& value)
{
    startField();
    m_buffer += value.toIso();
}

void CsvWriter::isoDate(std::string_view value)
{
    startField();
    m_buffer += value;
}

void CsvWriter::empty()
{
    startField();
}

void CsvWriter::cell(const Cell& value)
{
    if (const auto* text = std::get_if<std::string>(&value)) {
        this->text(*text);
    } else if (const auto* number = std::get_if<std::int64_t>(&value)) {
        integer(*number);
    } else if (const auto* amount = std::get_if<domain::Money>(&value)) {
        money(amount->minor, amount->currency.minorDigits());
    } else if (const auto* day = std::get_if<domain::Date>(&value)) {
        date(*day);
    } else if (const auto* number = std::get_if<Decimal>(&value)) {
        decimal(*number);
    } else {
        empty();
    }
}

void CsvWriter::endRow()
{
    m_buffer += m_profile.lineEnd;
    m_rowStarted = false;
    if (m_buffer.size() >= m_flushAt) {
        flush();
    }
}

void CsvWriter::writeHeader(const std::vector<std::string>& columns)
{
    for (const auto& column : columns) {
        text(column);
    }
    endRow();
}

void CsvWriter::writeRow(const std::vector<Cell>& cells)
{
    for (const auto& value : cells) {
        cell(value);
    }
    endRow();
}

domain::Status writeCsvFile(const std::filesystem::path& path, const CsvProfile& profile,
                            const std::function<domain::Status(CsvWriter&)>& body)
{
    auto file = AtomicFile::create(path);
    if (!file) {
        return file.error();
    }
    {
        CsvWriter csv([target = file.value().get()](std::string_view bytes) { target->write(bytes); }, profile);
        if (auto written = body(csv); !written) {
            return written;  // the temporary file goes with `file`
        }
    }  // flushed here
    return file.value()->commit();
}

} // namespace cartera::exchange
