#pragma once

#include "domain/date.h"
#include "domain/month_range.h"
#include "domain/rfm.h"

#include <vector>

namespace cartera::storage {

class Database;

/// What an RFM analysis reads, from the monthly figures and the order dates.
class RfmRepository final {
public:
    explicit RfmRepository(const Database& db);

    /// Every customer (not archived) with an order in the period: its orders and revenue there
    /// (customer_month) and the days from its last order up to asOf (not cancelled) to asOf.
    [[nodiscard]] std::vector<domain::RfmFacts> facts(const domain::MonthRange& period, domain::Date asOf) const;
    /// Customers (not archived) who ordered before the period and not within it, in id order.
    [[nodiscard]] std::vector<domain::CustomerId> lapsed(const domain::MonthRange& period) const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
