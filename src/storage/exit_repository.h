#pragma once

#include "domain/customer.h"
#include "domain/customer_exit.h"
#include "domain/date.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cartera::storage {

class Database;

/// An exit with its account's code and name and its reason's label, for lists.
struct ExitListRow final {
    domain::CustomerExit exit;
    std::string customerCode;
    std::string customerName;
    std::string reasonLabel;
};

/// Customer exits (table customer_exit) and the reason taxonomy (table exit_reason).
class ExitRepository final {
public:
    explicit ExitRepository(const Database& db);

    /// Saves the exit (with its id when it has one: Redo puts it back as it was) and sets exit.id.
    /// An invalid exit is a Constraint StorageError naming the field.
    void insert(domain::CustomerExit& exit);
    void update(const domain::CustomerExit& exit);
    void remove(domain::CustomerExitId id);
    [[nodiscard]] std::optional<domain::CustomerExit> find(domain::CustomerExitId id) const;
    /// The customer's exits, latest effective date first.
    [[nodiscard]] std::vector<domain::CustomerExit> forCustomer(domain::CustomerId customerId) const;
    /// Every exit, latest effective date first; only those with outcome when given.
    [[nodiscard]] std::vector<ExitListRow> list(std::optional<domain::ExitOutcome> outcome = std::nullopt) const;

    /// Sets customer.status (and updated_on) without touching the rest of the record.
    void setCustomerStatus(domain::CustomerId customerId, domain::CustomerStatus status, domain::Date on);
    [[nodiscard]] std::optional<domain::CustomerStatus> customerStatus(domain::CustomerId customerId) const;
    /// The customer's revenue over the 12 months ending with asOf's month (minor units).
    [[nodiscard]] std::int64_t revenueLastTwelveMonths(domain::CustomerId customerId, domain::Date asOf) const;

    /// The reason taxonomy, by label; inactive reasons too when asked.
    [[nodiscard]] std::vector<domain::ExitReason> reasons(bool includeInactive = true) const;
    /// Adds a reason (code unique: a Constraint StorageError otherwise) and sets reason.id.
    void insertReason(domain::ExitReason& reason);
    void updateReason(const domain::ExitReason& reason);

private:
    const Database& m_db;
};

} // namespace cartera::storage
