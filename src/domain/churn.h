#pragma once

#include "domain/retention_facts.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cartera::domain {

/// The length of a churn period.
enum class ChurnGranularity { Month, Quarter, Year };

inline constexpr EnumCodes<ChurnGranularity, 3> kChurnGranularityCodes{{{
    {ChurnGranularity::Month, "month"},
    {ChurnGranularity::Quarter, "quarter"},
    {ChurnGranularity::Year, "year"},
}}};

/// What churn is broken down by. Extension point: a new dimension (segment, territory: being
/// built on other branches) needs a value here, its code below, a key per customer in
/// RetentionCustomer (read by storage::RetentionRepository) and a case in churnGroupKey().
enum class ChurnDimension { None, Rep, Channel, AbcClass, Reason };

inline constexpr EnumCodes<ChurnDimension, 5> kChurnDimensionCodes{{{
    {ChurnDimension::None, "none"},
    {ChurnDimension::Rep, "rep"},
    {ChurnDimension::Channel, "channel"},
    {ChurnDimension::AbcClass, "abc"},
    {ChurnDimension::Reason, "reason"},
}}};

struct ChurnRequest final {
    ChurnGranularity granularity = ChurnGranularity::Year;
    ChurnDimension dimension = ChurnDimension::None;
    int fromMonth = 0;  ///< yyyymm, first month of the first period (rounded down to its start)
    int toMonth = 0;    ///< yyyymm, a month of the last period
};

/// Churn of one group over one period (docs/retention.md has the definitions):
/// customers at start = accounts with an order before the period and not gone at its start;
/// churned = exits (lost or won back later) effective in the period;
/// revenue base = the group's revenue over the 12 months before the period;
/// lost revenue = the lost annual revenue of those exits.
struct ChurnRow final {
    int periodStart = 0;  ///< yyyymm of its first month
    std::string period;   ///< "2025", "2025-Q2", "2025-04"
    std::int64_t group = 0;  ///< rep id, channel, class letter, reason id; 0 for none / the total
    std::int64_t customersAtStart = 0;
    std::int64_t churned = 0;
    std::int64_t revenueBase = 0;
    std::int64_t lostRevenue = 0;

    /// churned / customers at start, in basis points rounded half up (0 when no base).
    [[nodiscard]] std::int64_t customerChurnBp() const;
    /// lost revenue / revenue base, in basis points rounded half up (0 when no base).
    [[nodiscard]] std::int64_t revenueChurnBp() const;
};

/// The group a customer (or, for ChurnDimension::Reason, an exit) falls in.
std::int64_t churnGroupKey(ChurnDimension dimension, const RetentionCustomer& customer, const CustomerExit* exit);

/// Churn per period and group, periods in order, groups by key within a period. Groups with
/// neither a base nor an exit in a period are left out. For ChurnDimension::Reason the customers
/// at start and revenue base are the whole portfolio's (a reason belongs to exits only).
std::vector<ChurnRow> computeChurn(const RetentionFacts& facts, const ChurnRequest& request);

/// The customers who first ordered in one year and how many of them ordered in each later year.
struct CohortRow final {
    int year = 0;
    std::int64_t size = 0;
    std::vector<std::int64_t> ordering;  ///< [k]: customers of the cohort with an order in year + k

    /// ordering[k] / size in basis points (0 when out of range).
    [[nodiscard]] std::int64_t retainedBp(std::size_t k) const;
};

/// The cohort retention table by first-order year, up to lastYear, oldest cohort first.
std::vector<CohortRow> cohortTable(const RetentionFacts& facts, int lastYear);

/// Survey answers of one rep's customers over one period.
struct SatisfactionRow final {
    int periodStart = 0;
    std::string period;
    RepId rep = 0;  ///< 0: accounts without an owner
    std::int64_t csatAnswers = 0;
    std::int64_t csatTotal = 0;
    std::int64_t npsAnswers = 0;
    std::int64_t promoters = 0;   ///< NPS 9-10
    std::int64_t detractors = 0;  ///< NPS 0-6

    /// Average CSAT x 100 (4.25 -> 425), rounded half up; 0 without answers.
    [[nodiscard]] std::int64_t csatAverageX100() const;
    /// NPS = % promoters - % detractors, -100..100, rounded toward zero; 0 without answers.
    [[nodiscard]] std::int64_t nps() const;
};

/// CSAT and NPS per period and owner rep, periods in order then rep id. byRep false: one row per
/// period for the whole portfolio (rep 0).
std::vector<SatisfactionRow> satisfactionByRep(const RetentionFacts& facts, ChurnGranularity granularity,
                                               bool byRep);

/// The period containing month (yyyymm): its first month and its label.
int periodStartOf(int month, ChurnGranularity granularity);
std::string periodLabel(int periodStart, ChurnGranularity granularity);

} // namespace cartera::domain
