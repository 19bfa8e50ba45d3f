#pragma once

#include "domain/customer.h"
#include "domain/date.h"
#include "domain/enum_codes.h"
#include "domain/error.h"

#include <cstdint>
#include <optional>
#include <string>

namespace cartera::domain {

using ActivityId = std::int64_t;

/// What happened with an account: the entries of its activity log.
enum class ActivityType {
    Call,
    Email,
    Meeting,
    Note,
    Order,
    Claim,               ///< a claim or complaint: has a lifecycle
    InformationRequest,  ///< has a lifecycle
    AfterSalesVisit,
};

/// The lifecycle of claims and information requests; other activities have none.
enum class ActivityStatus {
    Open,
    InProgress,
    Resolved,
    Closed,
};

inline constexpr EnumCodes<ActivityType, 8> kActivityTypeCodes{{{
    {ActivityType::Call, "call"},
    {ActivityType::Email, "email"},
    {ActivityType::Meeting, "meeting"},
    {ActivityType::Note, "note"},
    {ActivityType::Order, "order"},
    {ActivityType::Claim, "claim"},
    {ActivityType::InformationRequest, "information_request"},
    {ActivityType::AfterSalesVisit, "after_sales_visit"},
}}};

inline constexpr EnumCodes<ActivityStatus, 4> kActivityStatusCodes{{{
    {ActivityStatus::Open, "open"},
    {ActivityStatus::InProgress, "in_progress"},
    {ActivityStatus::Resolved, "resolved"},
    {ActivityStatus::Closed, "closed"},
}}};

/// True for the types that are followed from open to closed.
constexpr bool hasLifecycle(ActivityType type)
{
    return type == ActivityType::Claim || type == ActivityType::InformationRequest;
}

/// One entry of a customer's activity log.
struct Activity final {
    ActivityId id = 0;
    CustomerId customerId = 0;
    std::optional<RepId> ownerRepId;
    ActivityType type = ActivityType::Note;
    Date occurredOn;  ///< when it happened; for a claim, when it was opened
    std::string subject;
    std::string details;
    std::optional<ActivityStatus> status;  ///< set exactly for claims and information requests
    std::optional<Date> firstResponseOn;
    std::optional<Date> resolvedOn;
    std::optional<Date> closedOn;

    /// Days from opening to first response, when responded.
    [[nodiscard]] std::optional<int> daysToFirstResponse() const
    {
        return firstResponseOn ? std::optional<int>(occurredOn.daysUntil(*firstResponseOn)) : std::nullopt;
    }
    /// Days from opening to resolution, when resolved.
    [[nodiscard]] std::optional<int> daysToResolution() const
    {
        return resolvedOn ? std::optional<int>(occurredOn.daysUntil(*resolvedOn)) : std::nullopt;
    }
    /// An open claim or request not answered within targetDays of opening, as of today.
    [[nodiscard]] bool isOverdue(Date today, int targetDays) const
    {
        return status == ActivityStatus::Open && !firstResponseOn && occurredOn.addDays(targetDays) < today;
    }

    friend bool operator==(const Activity&, const Activity&) = default;
};

/// Checks an activity before it is saved: a customer, a subject, a status exactly when the type
/// has a lifecycle, and lifecycle dates in order and present for the steps reached.
Status validateActivity(const Activity& activity);

/// Moves a claim or request to status on date, filling the dates of the steps it passes
/// (resolving an unanswered claim also counts as its first response). Moving back (reopening)
/// clears the dates of the later steps; a date before the opening date is refused.
Result<Activity> advanceActivity(Activity activity, ActivityStatus status, Date date);

} // namespace cartera::domain
