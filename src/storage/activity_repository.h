#pragma once

#include "domain/activity.h"
#include "domain/activity_filter.h"

#include <cstdint>

#include <optional>
#include <vector>

namespace cartera::storage {

class Database;

/// An activity with its account and owner's names, for the portfolio-wide lists.
struct ActivityListRow final {
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
    [[nodiscard]] std::vector<ActivityListRow> pending() const;

    /// The portfolio's activity log, newest first, read a page at a time.
    [[nodiscard]] std::int64_t count(const domain::ActivityFilter& filter) const;
    [[nodiscard]] std::vector<ActivityListRow> list(const domain::ActivityFilter& filter, std::int64_t offset,
                                                    int limit) const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
