#pragma once

#include "domain/date.h"
#include "storage/statement.h"

#include <array>
#include <chrono>
#include <optional>
#include <string_view>

namespace cartera::storage {

/// A date as ISO 8601 text (YYYY-MM-DD) in a fixed buffer, the form dates take in the database.
/// Date::toIso formats through snprintf, which shows when a bulk load writes tens of millions of
/// dates; this writes the digits directly. Years outside 0-9999 do not occur (Date::parseIso
/// accepts 1900-2999).
class IsoDate final {
public:
    explicit IsoDate(domain::Date date)
    {
        const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(date.daysSinceEpoch()))};
        const auto year = static_cast<unsigned>(static_cast<int>(ymd.year()));
        putDigits(0, 4, year);
        m_text[4] = '-';
        putDigits(5, 2, static_cast<unsigned>(ymd.month()));
        m_text[7] = '-';
        putDigits(8, 2, static_cast<unsigned>(ymd.day()));
    }

    /// Valid as long as this object.
    [[nodiscard]] std::string_view view() const { return {m_text.data(), m_text.size()}; }

private:
    void putDigits(std::size_t at, std::size_t count, unsigned value)
    {
        for (std::size_t i = count; i-- > 0;) {
            m_text[at + i] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
    }

    std::array<char, 10> m_text{};
};

/// Binds a date as ISO text (copied), or NULL when there is none.
inline void bindOptionalDate(Statement& s, int index, const std::optional<domain::Date>& date)
{
    if (date) {
        s.bind(index, IsoDate(*date).view());
    } else {
        s.bindNull(index);
    }
}

/// Reads an ISO date column; nullopt when NULL or not a date.
inline std::optional<domain::Date> readOptionalDate(const Statement& s, int column)
{
    if (s.isNull(column)) {
        return std::nullopt;
    }
    return domain::Date::parseIso(s.text(column));
}

} // namespace cartera::storage
