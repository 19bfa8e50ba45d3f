#pragma once

#include "domain/contact.h"
#include "domain/customer.h"
#include "domain/date.h"
#include "domain/money.h"
#include "storage/abc_snapshot_repository.h"
#include "storage/order_repository.h"

#include <optional>
#include <string>
#include <vector>

namespace cartera::services {

class Portfolio;

/// What the detail pane shows about one account.
struct CustomerOverview final {
    domain::Customer customer;
    std::string ownerName;
    std::vector<domain::Contact> contacts;
    std::vector<storage::OrderSummary> recentOrders;  ///< newest first, at most 10
    domain::Money revenue12m;       ///< the 12 calendar months ending with asOf's month
    domain::Money revenuePrior12m;  ///< the 12 months before those
    domain::Money margin12m;
    std::int64_t orders12m = 0;
    std::optional<domain::Date> lastOrderDate;
    /// The ABC class in the newest saved snapshot that lists the customer (none: listed apart).
    std::optional<storage::AbcSnapshotRepository::Standing> abcStanding;
};

/// Gathers the overview of a customer as of a date; nullopt when the customer does not exist.
std::optional<CustomerOverview> customerOverview(Portfolio& portfolio, domain::CustomerId id, domain::Date asOf);

} // namespace cartera::services
