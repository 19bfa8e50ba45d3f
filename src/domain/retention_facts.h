#pragma once

#include "domain/customer.h"
#include "domain/customer_exit.h"
#include "domain/date.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace cartera::domain {

/// One month of a customer's figures (from customer_month).
struct MonthFigure final {
    int month = 0;  ///< yyyymm
    std::int64_t revenue = 0;
    int orderCount = 0;
};

/// One survey answer, by customer position in RetentionFacts::customers.
struct SurveyFigure final {
    std::uint32_t customer = 0;  ///< index into RetentionFacts::customers
    Date surveyedOn;
    bool nps = false;            ///< NPS 0-10, else CSAT 1-5
    int score = 0;
};

/// What retention analysis knows about one account, compact so that 1,000,000 of them fit in a
/// few tens of megabytes.
struct RetentionCustomer final {
    CustomerId id = 0;
    RepId ownerRepId = 0;  ///< 0: no owner
    SalesChannel channel = SalesChannel::Direct;
    bool prospect = false;
    bool archived = false;
    bool exited = false;              ///< customer.status is exited
    char abcClass = 0;                ///< class in the latest ABC snapshot ('A'..'D'), 0 when none
    bool droppedClass = false;        ///< fell a class between the two latest ABC snapshots
    std::uint32_t firstFigure = 0;    ///< its months: figures[firstFigure, firstFigure + figureCount)
    std::uint32_t figureCount = 0;
    std::uint16_t overdueClaims = 0;  ///< open claims unanswered past the target
};

/// Every fact the churn, cohort, satisfaction and at-risk computations read, gathered in one bulk
/// read (storage::RetentionRepository) so that each of them is computed in memory.
struct RetentionFacts final {
    std::vector<RetentionCustomer> customers;  ///< ascending id
    std::vector<MonthFigure> figures;          ///< by customer, then month ascending
    std::vector<CustomerExit> exits;           ///< every exit record, by effective date
    std::vector<SurveyFigure> surveys;         ///< by customer, then date ascending
    std::vector<ExitReason> reasons;

    /// Position of the customer in customers, or nothing.
    [[nodiscard]] std::optional<std::uint32_t> indexOf(CustomerId id) const;
};

/// Months since year 0: 202603 -> 2026 * 12 + 2, so that month differences are subtractions.
constexpr int monthIndex(int yyyymm)
{
    return (yyyymm / 100) * 12 + (yyyymm % 100) - 1;
}

/// The inverse of monthIndex.
constexpr int monthKeyOf(int index)
{
    return (index / 12) * 100 + index % 12 + 1;
}

} // namespace cartera::domain
