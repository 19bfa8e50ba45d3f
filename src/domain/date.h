#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cartera::domain {

/// A calendar date without time zone. Stored as ISO 8601 text (YYYY-MM-DD) in SQLite.
class Date final {
public:
    Date() = default;  // 1970-01-01
    Date(int year, unsigned month, unsigned day);
    explicit Date(std::chrono::sys_days days) : m_days(days) {}

    /// Parses "YYYY-MM-DD" (also accepts a trailing time, "1996-07-04 00:00:00.000"); nullopt when invalid.
    static std::optional<Date> parseIso(std::string_view text);
    /// Today's date in UTC.
    static Date today();

    [[nodiscard]] std::string toIso() const;
    [[nodiscard]] int year() const;
    [[nodiscard]] unsigned month() const;
    [[nodiscard]] unsigned day() const;
    /// Year * 100 + month, the key of monthly figures (202611).
    [[nodiscard]] int monthKey() const { return year() * 100 + static_cast<int>(month()); }
    [[nodiscard]] int daysSinceEpoch() const { return static_cast<int>(m_days.time_since_epoch().count()); }

    [[nodiscard]] Date addDays(int days) const { return Date(m_days + std::chrono::days(days)); }
    /// Same day n months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29).
    [[nodiscard]] Date addMonths(int months) const;
    [[nodiscard]] int daysUntil(Date later) const { return later.daysSinceEpoch() - daysSinceEpoch(); }

    friend auto operator<=>(const Date&, const Date&) = default;

private:
    std::chrono::sys_days m_days{};
};

} // namespace cartera::domain
