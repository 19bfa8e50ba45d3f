#include "domain/month_range.h"

#include <cstdio>

namespace cartera::domain {

namespace {

// The years Date::parseIso accepts: a month outside them is a typing error, not a period.
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2999;

bool validMonth(int key)
{
    const int year = key / 100;
    const int month = key % 100;
    return year >= kFirstYear && year <= kLastYear && month >= 1 && month <= 12;
}

int monthIndex(int key)
{
    return (key / 100) * 12 + key % 100 - 1;
}

} // namespace

Result<MonthRange> MonthRange::between(int fromMonth, int toMonth)
{
    if (!validMonth(fromMonth)) {
        return invalidInput("not a month between 1900-01 and 2999-12: " + std::to_string(fromMonth), "from");
    }
    if (!validMonth(toMonth)) {
        return invalidInput("not a month between 1900-01 and 2999-12: " + std::to_string(toMonth), "to");
    }
    if (fromMonth > toMonth) {
        return invalidInput(
            "the first month " + formatMonth(fromMonth) + " is after the last month " + formatMonth(toMonth), "from");
    }
    return MonthRange(fromMonth, toMonth);
}

MonthRange MonthRange::twelveMonthsEndingWith(Date asOf)
{
    const Date first = asOf.addMonths(-11);
    return {first.monthKey(), asOf.monthKey()};
}

Result<MonthRange> MonthRange::calendarYear(int year)
{
    if (year < kFirstYear || year > kLastYear) {
        return invalidInput("not a year between 1900 and 2999: " + std::to_string(year), "year");
    }
    return MonthRange(year * 100 + 1, year * 100 + 12);
}

std::optional<int> MonthRange::parseMonth(std::string_view text)
{
    const auto digits = [&](std::size_t from, std::size_t count) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return std::nullopt;
            }
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    std::optional<int> year;
    std::optional<int> month;
    if (text.size() == 7 && text[4] == '-') {
        year = digits(0, 4);
        month = digits(5, 2);
    } else if (text.size() == 6) {
        year = digits(0, 4);
        month = digits(4, 2);
    }
    if (!year || !month || !validMonth(*year * 100 + *month)) {
        return std::nullopt;
    }
    return *year * 100 + *month;
}

std::string MonthRange::formatMonth(int month)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", month / 100, month % 100);
    return text;
}

int MonthRange::monthCount() const
{
    return monthIndex(m_to) - monthIndex(m_from) + 1;
}

std::string MonthRange::toString() const
{
    return formatMonth(m_from) + ".." + formatMonth(m_to);
}

} // namespace cartera::domain
