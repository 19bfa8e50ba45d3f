#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cartera::exchange {

/// The CSV dialects an export offers, each named for the program that reads it.
enum class CsvProfileId {
    ExcelComma,      ///< Excel with an English-style locale: comma between fields, decimal point
    ExcelSemicolon,  ///< Excel where the decimal mark is a comma (France, Germany, Spain...)
    Plain,           ///< scripts and databases: no byte order mark, Unix line ends
    Count
};

/// How a CSV file is spelled. Every profile quotes as RFC 4180 says (a field holding the delimiter,
/// a quote, CR or LF is put in double quotes, quotes doubled) and neutralises formula text.
struct CsvProfile final {
    CsvProfileId id = CsvProfileId::ExcelComma;
    std::string_view key;    ///< command-line name: "excel-comma"
    std::string_view label;  ///< for people: "Excel (comma)"
    char delimiter = ',';
    char decimalMark = '.';
    bool byteOrderMark = true;          ///< UTF-8 BOM first: Excel reads accents right only with it
    std::string_view lineEnd = "\r\n";  ///< between records (inside quoted fields, text is kept as is)

    friend bool operator==(const CsvProfile& a, const CsvProfile& b) { return a.id == b.id; }
};

/// The profile with that id.
const CsvProfile& csvProfile(CsvProfileId id);
/// Every profile, in the order a user is offered them.
const std::vector<CsvProfile>& csvProfiles();
/// The profile named key ("excel-comma", "excel-semicolon", "plain"); nullopt for anything else.
std::optional<CsvProfile> parseCsvProfile(std::string_view key);
/// "excel-comma, excel-semicolon, plain": for messages that say what is expected.
std::string csvProfileKeys();

} // namespace cartera::exchange
