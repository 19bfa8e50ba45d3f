#include "domain/activity.h"

namespace cartera::domain {

Status validateActivity(const Activity& a)
{
    if (a.customerId <= 0) {
        return invalidInput("an activity needs a customer", "customer");
    }
    if (a.subject.find_first_not_of(" \t") == std::string::npos) {
        return invalidInput("the subject is empty", "subject");
    }
    if (hasLifecycle(a.type) != a.status.has_value()) {
        return invalidInput(hasLifecycle(a.type) ? "a claim or information request needs a status"
                                                 : "only claims and information requests have a status",
                            "status");
    }
    const auto notBefore = [&](const std::optional<Date>& step, const Date& earlier, const char* field,
                               const char* earlierName) -> Status {
        if (step && *step < earlier) {
            return invalidInput(std::string(field) + " " + step->toIso() + " is before " + earlierName + " " +
                                    earlier.toIso(),
                                field);
        }
        return Done{};
    };
    if (auto s = notBefore(a.firstResponseOn, a.occurredOn, "first response", "the opening date"); !s) {
        return s;
    }
    if (auto s = notBefore(a.resolvedOn, a.occurredOn, "resolution", "the opening date"); !s) {
        return s;
    }
    if (a.resolvedOn && a.firstResponseOn) {
        if (auto s = notBefore(a.resolvedOn, *a.firstResponseOn, "resolution", "the first response"); !s) {
            return s;
        }
    }
    if (a.closedOn && a.resolvedOn) {
        if (auto s = notBefore(a.closedOn, *a.resolvedOn, "closing", "the resolution"); !s) {
            return s;
        }
    }
    if (a.status) {
        const bool needsResolved = *a.status == ActivityStatus::Resolved || *a.status == ActivityStatus::Closed;
        if (needsResolved && !a.resolvedOn) {
            return invalidInput("a resolved or closed claim needs a resolution date", "resolution");
        }
        if (*a.status == ActivityStatus::Closed && !a.closedOn) {
            return invalidInput("a closed claim needs a closing date", "closing");
        }
    }
    return Done{};
}

Result<Activity> advanceActivity(Activity a, ActivityStatus status, Date date)
{
    if (!a.status) {
        return invalidInput("only claims and information requests have a status", "status");
    }
    if (date < a.occurredOn) {
        return invalidInput("the date " + date.toIso() + " is before the opening date " + a.occurredOn.toIso(), "date");
    }
    switch (status) {
    case ActivityStatus::Open:
        a.firstResponseOn.reset();
        a.resolvedOn.reset();
        a.closedOn.reset();
        break;
    case ActivityStatus::InProgress:
        a.firstResponseOn = a.firstResponseOn.value_or(date);
        a.resolvedOn.reset();
        a.closedOn.reset();
        break;
    case ActivityStatus::Resolved:
        a.firstResponseOn = a.firstResponseOn.value_or(date);
        a.resolvedOn = date;
        a.closedOn.reset();
        break;
    case ActivityStatus::Closed:
        a.firstResponseOn = a.firstResponseOn.value_or(date);
        a.resolvedOn = a.resolvedOn.value_or(date);
        a.closedOn = date;
        break;
    }
    a.status = status;
    if (auto valid = validateActivity(a); !valid) {
        return valid.error();
    }
    return a;
}

} // namespace cartera::domain
