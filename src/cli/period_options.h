#pragma once

#include "cli/cli_support.h"
#include "domain/month_range.h"

#include <optional>
#include <string>

namespace cartera::cli {

/// The period options of a report: --from/--to (months), --year, or --as-of (the 12 months
/// ending with that date's month; today's by default), as `abc` takes them.
struct PeriodOptions final {
    std::string from;
    std::string to;
    std::optional<int> year;
    std::string asOf;

    void addOptions(CLI::App& command);
    /// The period the options give; a malformed one is a usage error (exit 2).
    [[nodiscard]] domain::MonthRange period() const;
};

} // namespace cartera::cli
