#include "domain/date.h"

#include <charconv>
#include <cstdio>

namespace cartera::domain {

namespace chr = std::chrono;

Date::Date(int y, unsigned m, unsigned d) : m_days(chr::sys_days(chr::year{y} / chr::month{m} / chr::day{d})) {}

namespace {

bool parseNumber(std::string_view text, int& out)
{
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

/// The time after a date: "HH:MM", then seconds, fractions and a zone ("00:00:00.000",
/// "13:45:00Z", "10:00:00+02:00"). Only the shape is checked; the time itself is ignored.
bool isTimeOfDay(std::string_view text)
{
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (text.size() < 5 || !digit(text[0]) || !digit(text[1]) || text[2] != ':' || !digit(text[3]) ||
        !digit(text[4])) {
        return false;
    }
    return text.find_first_not_of("0123456789:.Z+- ", 5) == std::string_view::npos;
}

} // namespace

std::optional<Date> Date::parseIso(std::string_view text)
{
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    if (text.size() > 10 && ((text[10] != ' ' && text[10] != 'T') || !isTimeOfDay(text.substr(11)))) {
        return std::nullopt;
    }
    int y = 0;
    int m = 0;
    int d = 0;
    if (!parseNumber(text.substr(0, 4), y) || !parseNumber(text.substr(5, 2), m) ||
        !parseNumber(text.substr(8, 2), d)) {
        return std::nullopt;
    }
    const chr::year_month_day ymd{chr::year{y}, chr::month{static_cast<unsigned>(m)}, chr::day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || y < 1900 || y > 2999) {
        return std::nullopt;
    }
    return Date(chr::sys_days(ymd));
}

Date Date::today()
{
    return Date(chr::floor<chr::days>(chr::system_clock::now()));
}

std::string Date::toIso() const
{
    const chr::year_month_day ymd{m_days};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

int Date::year() const { return static_cast<int>(chr::year_month_day{m_days}.year()); }
unsigned Date::month() const { return static_cast<unsigned>(chr::year_month_day{m_days}.month()); }
unsigned Date::day() const { return static_cast<unsigned>(chr::year_month_day{m_days}.day()); }

Date Date::addMonths(int n) const
{
    const chr::year_month_day ymd{m_days};
    const chr::year_month target = chr::year_month{ymd.year(), ymd.month()} + chr::months{n};
    const auto last = chr::year_month_day_last{target.year(), chr::month_day_last{target.month()}}.day();
    const auto d = ymd.day() > last ? last : ymd.day();
    return Date(chr::sys_days(target / d));
}

} // namespace cartera::domain
