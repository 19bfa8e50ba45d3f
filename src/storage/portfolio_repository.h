#pragma once

#include "domain/month_range.h"
#include "domain/portfolio_data.h"
#include "storage/customer_repository.h"

#include <vector>

namespace cartera::storage {

class Database;

/// What to read for a portfolio analysis.
struct PortfolioLoadQuery final {
    domain::MonthRange period;
    /// Split each customer's figures by product category (needed for a breakdown by category;
    /// reads customer_category_month, about twice the rows of customer_month).
    bool byCategory = false;
    /// Count archived accounts in the breakdown (the retention figures always count them).
    bool includeArchived = false;
    /// Connections reading customer id ranges side by side: 0 picks (one below 50,000 customers,
    /// else one per processor, at most 4); 1 reads on this connection alone.
    int threads = 0;
};

/// Reads what a portfolio analysis breaks down: the monthly figures (customer_month, or
/// customer_category_month by category) from the first month the analysis needs to the period's
/// last, merged with the customers' attributes from the customer_portfolio_dims index. Both are
/// read in customer id order in one read transaction: no per-customer lookups, no sort. A large
/// portfolio is read as several customer id ranges side by side, each on its own read-only
/// connection to the same file, and read again when another connection committed meanwhile, so
/// the parts always come from the same state of the file.
class PortfolioRepository final {
public:
    explicit PortfolioRepository(const Database& db);

    [[nodiscard]] domain::PortfolioData load(const PortfolioLoadQuery& query) const;

    /// Code and name of each id, in the order given (the customers behind a cell). In one read
    /// transaction; a long list (the 300,000 customers of a channel) by one pass over the
    /// customer_report_scope index in id order instead of a lookup per id.
    [[nodiscard]] std::vector<CustomerLabel> labels(const std::vector<domain::CustomerId>& ids) const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
