#pragma once

#include "domain/date.h"
#include "domain/error.h"

#include <optional>
#include <string>
#include <string_view>

namespace cartera::domain {

/// An inclusive range of calendar months, each a key yyyymm (202611) as in the monthly figures.
/// The period of a report: the last 12 months, a calendar year or any range.
class MonthRange final {
public:
    /// January to December of 2000 (a placeholder; build real ranges with the factories).
    MonthRange() = default;

    /// The months from fromMonth to toMonth (yyyymm, inclusive). Refused unless both are months
    /// of years 1900-2999 and fromMonth is not after toMonth; the message names the field.
    static Result<MonthRange> between(int fromMonth, int toMonth);
    /// The 12 calendar months ending with asOf's month (asOf's month included, as the customer
    /// overview counts "the last 12 months").
    static MonthRange twelveMonthsEndingWith(Date asOf);
    /// January to December of year (1900-2999).
    static Result<MonthRange> calendarYear(int year);

    /// "2026-03" or "202603" as the key 202603; nullopt for anything else.
    static std::optional<int> parseMonth(std::string_view text);
    /// 202603 as "2026-03".
    static std::string formatMonth(int month);

    [[nodiscard]] int fromMonth() const { return m_from; }
    [[nodiscard]] int toMonth() const { return m_to; }
    [[nodiscard]] int monthCount() const;
    /// "2025-12..2026-11".
    [[nodiscard]] std::string toString() const;

    friend bool operator==(const MonthRange&, const MonthRange&) = default;

private:
    MonthRange(int from, int to) : m_from(from), m_to(to) {}

    int m_from = 200001;
    int m_to = 200012;
};

} // namespace cartera::domain
