#pragma once

#include "domain/customer.h"
#include "domain/customer_exit.h"
#include "domain/date.h"
#include "domain/error.h"
#include "storage/exit_repository.h"

#include <vector>

namespace cartera::services {

class Portfolio;

/// A saved exit with the customer's status before it, so that Undo puts the status back.
struct RecordedExit final {
    domain::CustomerExit exit;
    domain::CustomerStatus previousStatus = domain::CustomerStatus::Active;
};

/// Recording, changing and undoing customer exits (docs/retention.md). Each call is one
/// transaction: the exit and the customer's status change together or not at all.
class ExitService final {
public:
    explicit ExitService(Portfolio& portfolio) : m_portfolio(portfolio) {}

    /// The lost annual revenue proposed for a new exit: the customer's revenue over the 12 months
    /// ending with asOf's month.
    domain::Result<std::int64_t> proposedLostRevenue(domain::CustomerId customerId, domain::Date asOf);

    /// Saves the exit and sets the customer's status (domain::statusAfterExit): exited when lost,
    /// active when retained or won back. recordedOn is set to today.
    domain::Result<RecordedExit> record(domain::CustomerExit exit, domain::Date today);
    /// Undoes record(): deletes the exit and puts the customer's status back.
    domain::Status undoRecord(const RecordedExit& recorded, domain::Date today);
    /// Redoes record() with the same exit id.
    domain::Status redoRecord(const RecordedExit& recorded, domain::Date today);

    /// Changes an exit (its outcome, say, when a lost customer is won back) and the customer's
    /// status with it; returns the exit as it was before.
    domain::Result<RecordedExit> update(domain::CustomerExit exit, domain::Date today);

    domain::Result<std::vector<storage::ExitListRow>> list(std::optional<domain::ExitOutcome> outcome = std::nullopt);
    domain::Result<std::vector<domain::CustomerExit>> exitsOf(domain::CustomerId customerId);
    domain::Result<std::vector<domain::ExitReason>> reasons(bool includeInactive = false);
    domain::Result<domain::ExitReason> addReason(domain::ExitReason reason);

private:
    Portfolio& m_portfolio;
};

} // namespace cartera::services
