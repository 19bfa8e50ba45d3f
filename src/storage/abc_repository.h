#pragma once

#include "domain/abc.h"
#include "domain/abc_scope.h"
#include "domain/month_range.h"

#include <vector>

namespace cartera::storage {

class Database;

/// What to read for an ABC classification.
struct AbcValueQuery final {
    domain::AbcCriterion criterion = domain::AbcCriterion::Revenue;
    domain::MonthRange period;
    domain::AbcScope scope;
    /// Customer names cost a string per customer; a summary does not need them.
    bool withNames = true;
    /// The day a segment in the scope counts its behaviour conditions to.
    domain::Date segmentAsOf = domain::Date::today();
};

/// Reads the per-customer values that ABC classifies, from the monthly figures.
class AbcRepository final {
public:
    explicit AbcRepository(const Database& db);

    /// Every customer in the scope with its value of the criterion over the period: customers
    /// with sales in the period (whatever their kind), and accounts of kind customer without any,
    /// with a value of 0. Prospects without sales are left out. In ascending id order.
    /// Reads the customer_report_scope index once in id order, then the period's rows of
    /// customer_month from its month-first covering index, summing them per customer.
    [[nodiscard]] std::vector<domain::AbcInput> customerValues(const AbcValueQuery& query) const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
