#include "exchange/csv_reader.h"

#include <csv.h>

#include <cstring>
#include <memory>
#include <sstream>

namespace cartera::exchange {

using namespace cartera::domain;

namespace {

struct ParseState {
    const CsvReader::OnRecord* onRecord = nullptr;
    std::vector<std::string> fields;
    std::int64_t line = 1;         ///< line the parser is on (counted from the bytes fed)
    std::int64_t recordLine = 1;   ///< line the current record started on
    bool stopped = false;
};

void onField(void* data, std::size_t size, void* state)
{
    auto& s = *static_cast<ParseState*>(state);
    s.fields.emplace_back(static_cast<const char*>(data), size);
}

void onRecordEnd(int /*terminator*/, void* state)
{
    auto& s = *static_cast<ParseState*>(state);
    if (!s.stopped && !(*s.onRecord)(s.fields, s.recordLine)) {
        s.stopped = true;
    }
    s.fields.clear();
    // Input is fed a line at a time, so a record ends on the line being parsed; the next starts below.
    s.recordLine = s.line + 1;
}

int noSpaces(unsigned char /*c*/)
{
    return 0;
}

struct ParserDeleter {
    void operator()(csv_parser* p) const
    {
        csv_free(p);
        delete p;
    }
};

} // namespace

Status CsvReader::read(std::istream& in, const std::string& source, const OnRecord& onRecord) const
{
    std::unique_ptr<csv_parser, ParserDeleter> parser(new csv_parser{});
    if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) {
        delete parser.release();
        return Error{ErrorCode::Internal, "the CSV parser could not start", source};
    }
    csv_set_delim(parser.get(), static_cast<unsigned char>(m_delimiter));
    csv_set_space_func(parser.get(), noSpaces);
    ParseState state;
    state.onRecord = &onRecord;
    std::vector<char> block(64 * 1024);
    bool first = true;
    while (!state.stopped && in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        std::size_t size = static_cast<std::size_t>(in.gcount());
        const char* bytes = block.data();
        if (first && size >= 3 && std::string_view(bytes, 3) == "\xEF\xBB\xBF") {
            bytes += 3;
            size -= 3;
        }
        first = false;
        // Fed a line at a time so that records know the line they start on and errors name theirs.
        std::size_t from = 0;
        while (from < size && !state.stopped) {
            const char* newline = static_cast<const char*>(std::memchr(bytes + from, '\n', size - from));
            const std::size_t end = newline ? static_cast<std::size_t>(newline - bytes) + 1 : size;
            if (csv_parse(parser.get(), bytes + from, end - from, onField, onRecordEnd, &state) != end - from) {
                return invalidInput(std::string("malformed CSV: ") + csv_strerror(csv_error(parser.get())) +
                                        " (a quote inside an unquoted field, or text after a closing quote)",
                                    source + ":" + std::to_string(state.line));
            }
            if (newline) {
                ++state.line;
            }
            from = end;
        }
    }
    if (!state.stopped && csv_fini(parser.get(), onField, onRecordEnd, &state) != 0) {
        return invalidInput("malformed CSV: a quoted field is not closed before the end of the file",
                            source + ":" + std::to_string(state.recordLine));
    }
    return Done{};
}

Result<std::vector<std::vector<std::string>>> CsvReader::readAll(std::string_view text, const std::string& source) const
{
    std::vector<std::vector<std::string>> records;
    std::istringstream in{std::string(text)};
    auto status = read(in, source, [&](const std::vector<std::string>& fields, std::int64_t) {
        records.push_back(fields);
        return true;
    });
    if (!status) {
        return status.error();
    }
    return records;
}

} // namespace cartera::exchange
