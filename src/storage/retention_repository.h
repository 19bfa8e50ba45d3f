#pragma once

#include "domain/date.h"
#include "domain/retention_facts.h"

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

private:
    const Database& m_db;
};

} // namespace cartera::storage
