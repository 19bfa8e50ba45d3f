#pragma once

#include "domain/cross_sell.h"
#include "domain/date.h"
#include "domain/month_range.h"
#include "domain/retention_facts.h"

#include <map>
#include <string>

namespace cartera::storage {

class Database;

/// Reads in bulk what churn, cohort, satisfaction and at-risk analysis need (docs/retention.md):
/// a few sequential scans of narrow indexes, never a query per customer.
class RetentionRepository final {
public:
    explicit RetentionRepository(const Database& db);

    /// Every customer (from customer_portfolio_dims, in id order) with its monthly figures (the
    /// customer_month table in key order), whether it is exited (customer_not_active), its open
    /// claims unanswered for more than overdueClaimDays before asOf, every exit and survey answer
    /// and the reason taxonomy. ABC classes are left to the caller. One read transaction.
    [[nodiscard]] domain::RetentionFacts readFacts(domain::Date asOf, int overdueClaimDays) const;

    /// What the customer and up to maxPeers other active customers of its industry (kind customer,
    /// not archived, not exited; the lowest ids: a fixed sample) bought by product category over
    /// the period, from customer_category_month (clustered by customer: one range per customer).
    /// Empty peers when the customer has no industry.
    struct Baskets {
        domain::CategoryBasket target;
        std::map<domain::CustomerId, domain::CategoryBasket> peers;
        std::string industry;
    };
    [[nodiscard]] Baskets industryBaskets(domain::CustomerId customerId, const domain::MonthRange& period,
                                          int maxPeers) const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
