#include "exchange/csv_profile.h"

namespace cartera::exchange {

const std::vector<CsvProfile>& csvProfiles()
{
    // Plain ends lines with LF alone: what Unix tools, Python and databases write and expect;
    // every CSV reader we know accepts it, and RFC 4180's CRLF only matters to Excel, which has
    // its own two profiles.
    static const std::vector<CsvProfile> profiles{
        {CsvProfileId::ExcelComma, "excel-comma", "Excel (comma)", ',', '.', true, "\r\n"},
        {CsvProfileId::ExcelSemicolon, "excel-semicolon", "Excel (semicolon, decimal comma)", ';', ',', true, "\r\n"},
        {CsvProfileId::Plain, "plain", "Plain UTF-8", ',', '.', false, "\n"},
    };
    return profiles;
}

const CsvProfile& csvProfile(CsvProfileId id)
{
    for (const auto& profile : csvProfiles()) {
        if (profile.id == id) {
            return profile;
        }
    }
    return csvProfiles().front();
}

std::optional<CsvProfile> parseCsvProfile(std::string_view key)
{
    for (const auto& profile : csvProfiles()) {
        if (profile.key == key) {
            return profile;
        }
    }
    return std::nullopt;
}

std::string csvProfileKeys()
{
    std::string keys;
    for (const auto& profile : csvProfiles()) {
        keys += (keys.empty() ? "" : ", ") + std::string(profile.key);
    }
    return keys;
}

} // namespace cartera::exchange
