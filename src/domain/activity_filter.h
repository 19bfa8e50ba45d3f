#pragma once

#include "domain/activity.h"
#include "domain/date.h"
#include "domain/customer.h"

#include <optional>

namespace cartera::domain {

/// Which stage of their lifecycle the listed activities are at.
enum class ActivityProgress {
    Any,
    Pending,  ///< claims and requests open or in progress
    Done,     ///< claims and requests resolved or closed
};

/// What the portfolio-wide activity log shows; empty fields do not filter.
struct ActivityFilter final {
    std::optional<ActivityType> type;
    ActivityProgress progress = ActivityProgress::Any;
    std::optional<RepId> ownerRepId;  ///< the rep who logged or owns the activity
    std::optional<Date> since;        ///< occurred on or after

    friend bool operator==(const ActivityFilter&, const ActivityFilter&) = default;
};

} // namespace cartera::domain
