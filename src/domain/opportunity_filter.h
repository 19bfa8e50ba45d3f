#pragma once

#include "domain/customer.h"
#include "domain/month_range.h"

#include <optional>
#include <string>

namespace cartera::domain {

/// Which opportunities a list, the board or the stage totals show. Empty fields do not filter.
struct OpportunityFilter final {
    std::optional<RepId> ownerRepId;      ///< "My opportunities", or one rep's
    std::optional<std::string> stage;     ///< a stage code
    std::optional<MonthRange> closeMonths;  ///< expected close (open deals) or close date (closed ones) in these months
    std::optional<CustomerId> customerId;
    bool openOnly = false;                ///< leave out won and lost deals

    friend bool operator==(const OpportunityFilter&, const OpportunityFilter&) = default;
};

} // namespace cartera::domain
