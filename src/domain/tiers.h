#pragma once

#include "domain/customer.h"
#include "domain/date.h"
#include "domain/error.h"
#include "domain/month_range.h"
#include "domain/tier_model.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cartera::domain {

/// One customer's facts over a period: what its indicators are worked out from.
struct TierInput final {
    static constexpr std::int32_t kNever = -1;     ///< daysSinceLastOrder: no order up to the as-of date
    static constexpr std::int32_t kNoSurvey = -1;  ///< satisfaction: no survey in the period

    CustomerId customerId = 0;
    std::string code;  ///< the tie-break key
    std::string name;  ///< for display only; may be empty
    std::int64_t revenue = 0;        ///< over the period, minor units
    std::int64_t margin = 0;         ///< revenue less cost over the period, minor units
    std::int64_t priorRevenue = 0;   ///< over the equal period just before
    std::int64_t orders = 0;         ///< orders in the period
    std::int32_t daysSinceLastOrder = kNever;
    std::int32_t openClaims = 0;
    /// Mean survey score in the period on a 0-1000 scale (CSAT 1-5 and NPS 0-10 mapped to it),
    /// rounded half up; kNoSurvey when the customer answered none.
    std::int32_t satisfaction = kNoSurvey;
    bool strategic = false;

    friend bool operator==(const TierInput&, const TierInput&) = default;
};

/// 1.0 as a normalised value: normalised values are whole millionths, 0 to kNormalUnit.
inline constexpr std::int64_t kNormalUnit = 1'000'000;
/// The value given to a customer the indicator has no value for (no survey): the middle.
inline constexpr std::uint32_t kNeutralNormal = 500'000;

/// The months just before period, as many as it has: what growth compares the period with.
/// nullopt when they would start before 1900.
std::optional<MonthRange> tierPriorPeriod(const MonthRange& period);
/// The last day of the period's last month: the as-of date of a run over a past period.
Date periodEnd(const MonthRange& period);

/// Revenue growth as ranked: (current - prior) / (|current| + |prior|), from -1 (lost every sale)
/// to 1 (new buyer); 0 when both are 0. Bounded, so a customer growing from 1 cent to 1,000 EUR
/// does not dwarf everyone else.
double growthOf(std::int64_t current, std::int64_t prior);

/// The value of one indicator for one customer as the ranking compares it (higher is better,
/// except for lowerIsBetter indicators); nullopt when the customer has none (no survey). A customer
/// that never ordered has an infinite recency: the worst.
std::optional<double> indicatorValue(const TierInput& input, TierIndicator indicator, int periodMonths);

/// The normalisation rule (docs/tiers.md): each customer's value becomes the share of the customers
/// with a *different* value that it beats, from 0 (the worst value) to 1 (the best): beaten /
/// (beaten + beating). Equal values get equal results; the best and worst values, even when shared,
/// get exactly 1 and 0; only the order of values counts, so an outlier cannot squash the rest.
/// When every value is equal, all get 0.5. Values where present is 0 (no value) are left out of
/// the counts and get kNeutralNormal. Results are whole millionths, rounded half up.
std::vector<std::uint32_t> normaliseByRank(std::span<const double> values, bool lowerBetter,
                                           std::span<const std::uint8_t> present = {});

/// Every customer's facts for a period with their indicators normalised: what a tier model
/// scores. Computed once per read; scoring under other weights or tiers starts from here.
struct TierFacts final {
    MonthRange period;
    Date asOf;
    /// In the order given (ascending id when read from a portfolio).
    std::vector<TierInput> customers;
    /// Per customer, per indicator, 0 to kNormalUnit.
    std::vector<std::array<std::uint32_t, kTierIndicatorCount>> normalised;
    /// Customers with a value of each indicator: all of them, but for satisfaction those surveyed.
    std::array<std::int64_t, kTierIndicatorCount> withValue{};
    /// Each customer's place in ascending code order: the tie-break between equal scores.
    std::vector<std::uint32_t> codeRank;

    /// True when the indicator can count: some customer has a value (satisfaction needs a survey).
    [[nodiscard]] bool available(TierIndicator indicator) const
    {
        return withValue[static_cast<std::size_t>(tierIndicatorIndex(indicator))] > 0;
    }
    [[nodiscard]] std::uint32_t normalisedValue(std::size_t customer, TierIndicator indicator) const
    {
        return normalised[customer][static_cast<std::size_t>(tierIndicatorIndex(indicator))];
    }
    /// The index of the customer with this id; nullopt when not in the facts.
    [[nodiscard]] std::optional<std::size_t> indexOf(CustomerId id) const;
};

/// Normalises every indicator of the customers (ranks them once per indicator).
TierFacts prepareTierFacts(std::vector<TierInput> customers, MonthRange period, Date asOf);

/// A ranked customer.
struct TierEntry final {
    std::uint32_t customer = 0;  ///< index into TierFacts::customers
    std::uint8_t tier = 0;       ///< index into the model's tiers, 0 = best
    /// Sum over the indicators of weight x normalised value: the score times the total weight,
    /// in millionths. Whole numbers, so ranks, ties and contributions are exact.
    std::int64_t points = 0;
};

/// The customers of one tier together.
struct TierSummary final {
    std::string name;
    int shareBasisPoints = 0;  ///< the share of the ranked customers the model gives the tier
    std::int64_t customers = 0;
    std::int64_t revenue = 0;        ///< of its customers over the period
    std::int64_t highestPoints = 0;  ///< of its first customer (0 when empty)
    std::int64_t lowestPoints = 0;   ///< of its last customer (0 when empty)
};

/// Customers ranked and tiered by a model.
struct TierResult final {
    TierModel model;
    /// The weights that counted: the model's, but 0 when switched off or without data.
    std::array<int, kTierIndicatorCount> weights{};
    /// Indicators the model weighs that have no data in the period (no survey): their weight is
    /// ignored, and a view or report says so.
    std::array<bool, kTierIndicatorCount> ignored{};
    std::int64_t weightTotal = 0;
    /// Highest score first; equal scores by ascending customer code. entries[0] has rank 1.
    std::vector<TierEntry> entries;
    /// For each customer of the facts, its index in entries (its rank - 1).
    std::vector<std::uint32_t> positionOf;
    /// One per tier of the model, best first, also when a tier has no customers.
    std::vector<TierSummary> summary;
    /// Revenue of every ranked customer over the period.
    std::int64_t revenue = 0;

    [[nodiscard]] int weight(TierIndicator indicator) const
    {
        return weights[static_cast<std::size_t>(tierIndicatorIndex(indicator))];
    }
    /// weight x normalised value of one indicator for one entry, in the units of points.
    [[nodiscard]] std::int64_t weightedValue(const TierFacts& facts, const TierEntry& entry,
                                             TierIndicator indicator) const;
    /// The score, 0 to 100.
    [[nodiscard]] double score(const TierEntry& entry) const;
    /// What the indicator adds to the entry's score, 0 to 100 x its weight share. The
    /// contributions of an entry sum to its score.
    [[nodiscard]] double contribution(const TierFacts& facts, const TierEntry& entry, TierIndicator indicator) const;
};

/// Scores every customer of the facts with the model: score = sum(weight x normalised value) /
/// sum(weights) on a 0-100 scale, over the indicators that are on and have data. Ranks by score,
/// highest first, equal scores by code. Tiers by rank: a customer is in the first tier whose
/// cumulative share of the customers, those ranked before it have not reached (so the first
/// customer is always in the best tier), and customers with equal scores share the tier of the
/// first of them. Fails when no weighted indicator has data.
Result<TierResult> scoreTiers(const TierFacts& facts, const TierModel& model);

/// points / weightTotal as a score 0-100 scaled by 10^digits, rounded half up: exact.
std::int64_t scaledScore(std::int64_t points, std::int64_t weightTotal, int digits);

} // namespace cartera::domain
