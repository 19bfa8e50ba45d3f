#include "cli/period_options.h"

namespace cartera::cli {

using namespace cartera::domain;

namespace {

int parseMonthOption(const std::string& text, const char* option)
{
    const auto month = MonthRange::parseMonth(text);
    if (!month) {
        throw CommandError(kExitUsage, std::string(option) + ": '" + text + "' is not a month in the form YYYY-MM");
    }
    return *month;
}

MonthRange usageOrValue(Result<MonthRange> result, const std::string& option)
{
    if (!result) {
        throw CommandError(kExitUsage, option + ": " + result.error().message);
    }
    return result.value();
}

} // namespace

void PeriodOptions::addOptions(CLI::App& command)
{
    auto* fromOption = command.add_option("--from", from, "First month of the period, YYYY-MM");
    auto* toOption = command.add_option("--to", to, "Last month of the period, YYYY-MM");
    fromOption->needs(toOption);
    toOption->needs(fromOption);
    auto* yearOption = command.add_option("--year", year, "A calendar year as the period (2025)");
    auto* asOfOption = command.add_option(
        "--as-of", asOf, "The period is the 12 months ending with this date's month, YYYY-MM-DD (default: today)");
    yearOption->excludes(fromOption)->excludes(toOption)->excludes(asOfOption);
    asOfOption->excludes(fromOption)->excludes(toOption);
}

MonthRange PeriodOptions::period() const
{
    if (!from.empty() || !to.empty()) {
        return usageOrValue(MonthRange::between(parseMonthOption(from, "--from"), parseMonthOption(to, "--to")),
                            "--from/--to");
    }
    if (year) {
        return usageOrValue(MonthRange::calendarYear(*year), "--year");
    }
    if (!asOf.empty()) {
        const auto date = Date::parseIso(asOf);
        if (!date) {
            throw CommandError(kExitUsage, "--as-of: '" + asOf + "' is not a date in the form YYYY-MM-DD");
        }
        return MonthRange::twelveMonthsEndingWith(*date);
    }
    return MonthRange::twelveMonthsEndingWith(Date::today());
}

} // namespace cartera::cli
