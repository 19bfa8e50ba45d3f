#pragma once

#include "domain/error.h"

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace cartera::exchange {

/// Reads RFC 4180 CSV through libcsv, strictly: a quote inside an unquoted field or a quoted field
/// left open is an error naming the line. A UTF-8 byte order mark at the start is skipped; CRLF and
/// LF line ends are both accepted; spaces around fields are kept (they are data); blank lines are
/// skipped. Text is returned as it is in the file: formula guards (a leading apostrophe) are not
/// removed, since a reader cannot tell them from data.
class CsvReader final {
public:
    /// Called with each record's fields and the line it started on (1-based); return false to stop.
    using OnRecord = std::function<bool(const std::vector<std::string>& fields, std::int64_t line)>;

    explicit CsvReader(char delimiter = ',') : m_delimiter(delimiter) {}

    /// Reads in from its start; source names it in error messages ("customers.csv").
    domain::Status read(std::istream& in, const std::string& source, const OnRecord& onRecord) const;
    /// Every record of text.
    domain::Result<std::vector<std::vector<std::string>>> readAll(std::string_view text,
                                                                  const std::string& source = "CSV") const;

private:
    char m_delimiter;
};

} // namespace cartera::exchange
