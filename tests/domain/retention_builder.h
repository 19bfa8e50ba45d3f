#pragma once

// A hand-made RetentionFacts for the churn, cohort, satisfaction and at-risk tests.

#include "domain/retention_facts.h"

#include <cstdint>
#include <vector>

namespace cartera::testing {

class FactsBuilder final {
public:
    /// Adds a customer (ids must come in ascending order) with its months (yyyymm, revenue);
    /// each month has one order.
    FactsBuilder& customer(domain::CustomerId id, domain::RepId rep,
                           std::vector<std::pair<int, std::int64_t>> months)
    {
        domain::RetentionCustomer c;
        c.id = id;
        c.ownerRepId = rep;
        c.firstFigure = static_cast<std::uint32_t>(facts.figures.size());
        c.figureCount = static_cast<std::uint32_t>(months.size());
        for (const auto& [month, revenue] : months) {
            facts.figures.push_back({month, revenue, 1});
        }
        facts.customers.push_back(c);
        return *this;
    }

    domain::RetentionCustomer& last() { return facts.customers.back(); }

    FactsBuilder& exit(domain::CustomerId id, domain::Date effective, domain::ExitOutcome outcome,
                       std::int64_t lostRevenue, std::optional<domain::ExitReasonId> reason = std::nullopt,
                       std::optional<domain::Date> wonBack = std::nullopt)
    {
        domain::CustomerExit e;
        e.id = static_cast<domain::CustomerExitId>(facts.exits.size()) + 1;
        e.customerId = id;
        e.effectiveOn = effective;
        e.outcome = outcome;
        e.lostAnnualRevenue = lostRevenue;
        e.reasonId = reason;
        e.wonBackOn = wonBack;
        facts.exits.push_back(e);
        return *this;
    }

    FactsBuilder& survey(domain::CustomerId id, domain::Date on, bool nps, int score)
    {
        facts.surveys.push_back({facts.indexOf(id).value(), on, nps, score});
        return *this;
    }

    domain::RetentionFacts facts;
};

} // namespace cartera::testing
