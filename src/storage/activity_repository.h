#pragma once

#include "domain/activity.h"

#include <optional>
#include <vector>

namespace cartera::storage {

class Database;

/// A claim or request still being worked on, with its account, for the Open claims view.
struct PendingActivityRow final {
    domain::Activity activity;
    std::string customerCode;
    std::string customerName;
    std::string ownerName;
};

/// The activity log of every account. Writes validate first and name the failing field.
class ActivityRepository final {
public:
    explicit ActivityRepository(const Database& db);

    void insert(domain::Activity& activity);
    /// Saves every field of an existing activity (undo writes back an earlier copy this way).
    void update(const domain::Activity& activity);
    void remove(domain::ActivityId id);
    [[nodiscard]] std::optional<domain::Activity> find(domain::ActivityId id) const;

    /// The account's activities, newest first.
    [[nodiscard]] std::vector<domain::Activity> forCustomer(domain::CustomerId customerId) const;
    /// Claims and information requests that are open or in progress, oldest first.
    [[nodiscard]] std::vector<PendingActivityRow> pending() const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
