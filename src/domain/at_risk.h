#pragma once

#include "domain/date.h"
#include "domain/retention_facts.h"

#include <cstdint>
#include <vector>

namespace cartera::domain {

/// The risk signals, each worth points of the 0-100 score (docs/retention.md).
enum class RiskSignal : std::uint8_t {
    RevenueDown = 1,      ///< last 12 months down more than the threshold against the 12 before
    DroppedClass = 2,     ///< fell an ABC class between the two latest snapshots
    OrderOverdue = 4,     ///< no order for much longer than its usual interval
    OverdueClaims = 8,    ///< open claims unanswered past the target
    LowSatisfaction = 16, ///< latest CSAT or NPS answer low
};

/// Points of each signal; they add up to 100.
inline constexpr int kRevenueDownPoints = 25;
inline constexpr int kDroppedClassPoints = 20;
inline constexpr int kOrderOverduePoints = 25;
inline constexpr int kOverdueClaimsPoints = 15;
inline constexpr int kLowSatisfactionPoints = 15;

/// When a signal fires.
struct AtRiskRules final {
    Date asOf;                       ///< the last 12 months end with this month
    int revenueDropPercent = 30;     ///< revenue down more than this % against the prior 12 months
    int intervalFactor = 2;          ///< months since the last order > factor x the usual interval
    int minimumGapMonths = 3;        ///< ... and at least this many months
    int lowCsat = 2;                 ///< latest CSAT at or below (1-5)
    int lowNps = 6;                  ///< latest NPS at or below (0-10: a detractor)
    int lookbackMonths = 18;         ///< customers without an order for longer are lapsed, not at risk
    int minimumPriorOrderMonths = 2; ///< revenue down needs orders in this many months of the prior 12
                                     ///< (one order's timing alone is not a trend)
};

/// A customer with at least one signal, with what fired and the figures behind it.
struct AtRiskEntry final {
    std::uint32_t customer = 0;   ///< index into RetentionFacts::customers
    int score = 0;                ///< sum of the signals' points, 0-100
    std::uint8_t signalBits = 0;     ///< RiskSignal bits
    std::int64_t revenueLast12 = 0;
    std::int64_t revenuePrior12 = 0;
    int monthsSinceOrder = 0;
    int usualIntervalMonths = 0;  ///< 0 when too few orders to tell
    int overdueClaims = 0;
    int latestCsat = -1;          ///< -1: no answer
    int latestNps = -1;

    [[nodiscard]] bool has(RiskSignal signal) const { return (signalBits & static_cast<std::uint8_t>(signal)) != 0; }
};

/// The active customers (kind customer, not archived, not exited, ordered within lookbackMonths)
/// with at least one risk signal, highest score first, then the most revenue at stake (prior 12
/// months), then id. Pure computation over facts: milliseconds per 100,000 customers.
std::vector<AtRiskEntry> findAtRisk(const RetentionFacts& facts, const AtRiskRules& rules);

} // namespace cartera::domain
