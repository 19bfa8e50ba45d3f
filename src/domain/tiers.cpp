#include "domain/tiers.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numeric>
#include <utility>

namespace cartera::domain {

namespace {

__extension__ using Int128 = __int128;

/// a / b in millionths, rounded half up; a and b >= 0, b > 0.
std::uint32_t millionths(std::int64_t a, std::int64_t b)
{
    return static_cast<std::uint32_t>((Int128{a} * 2 * kNormalUnit + b) / (Int128{b} * 2));
}

} // namespace

std::optional<MonthRange> tierPriorPeriod(const MonthRange& period)
{
    const int months = period.monthCount();
    const int firstIndex = (period.fromMonth() / 100) * 12 + period.fromMonth() % 100 - 1 - months;
    const int lastIndex = firstIndex + months - 1;
    const auto key = [](int index) { return (index / 12) * 100 + index % 12 + 1; };
    if (firstIndex < 0) {
        return std::nullopt;
    }
    auto prior = MonthRange::between(key(firstIndex), key(lastIndex));
    if (!prior) {
        return std::nullopt;
    }
    return prior.value();
}

Date periodEnd(const MonthRange& period)
{
    const int year = period.toMonth() / 100;
    const auto month = static_cast<unsigned>(period.toMonth() % 100);
    return Date(year, month, 1).addMonths(1).addDays(-1);
}

double growthOf(std::int64_t current, std::int64_t prior)
{
    const double scale = std::fabs(static_cast<double>(current)) + std::fabs(static_cast<double>(prior));
    if (scale == 0) {
        return 0;
    }
    return (static_cast<double>(current) - static_cast<double>(prior)) / scale;
}

std::optional<double> indicatorValue(const TierInput& input, TierIndicator indicator, int periodMonths)
{
    switch (indicator) {
    case TierIndicator::Revenue:
        return static_cast<double>(input.revenue);
    case TierIndicator::Margin:
        return static_cast<double>(input.margin);
    case TierIndicator::Growth:
        return growthOf(input.revenue, input.priorRevenue);
    case TierIndicator::OrderFrequency:
        return static_cast<double>(input.orders) / std::max(1, periodMonths);
    case TierIndicator::Recency:
        if (input.daysSinceLastOrder == TierInput::kNever) {
            return std::numeric_limits<double>::infinity();
        }
        return static_cast<double>(input.daysSinceLastOrder);
    case TierIndicator::OpenClaims:
        return static_cast<double>(input.openClaims);
    case TierIndicator::Satisfaction:
        if (input.satisfaction == TierInput::kNoSurvey) {
            return std::nullopt;
        }
        return static_cast<double>(input.satisfaction);
    case TierIndicator::Strategic:
        return input.strategic ? 1.0 : 0.0;
    }
    return std::nullopt;
}

namespace {

/// Values spread over at most this many whole numbers are counted rather than sorted.
constexpr double kMostCounted = double{1 << 20};

/// beaten / (beaten + beating) in millionths; the middle when nobody differs.
std::uint32_t normalOf(std::int64_t below, std::int64_t above, bool lowerBetter)
{
    const std::int64_t others = below + above;
    return others == 0 ? kNeutralNormal : millionths(lowerBetter ? above : below, others);
}

/// Sorts 64-bit keys in ascending order, 16 bits a pass (least significant first), skipping the
/// passes above the largest key: several times faster than a comparison sort for a million keys.
void radixSort(std::vector<std::uint64_t>& keys)
{
    std::uint64_t largest = 0;
    for (const auto key : keys) {
        largest = std::max(largest, key);
    }
    std::vector<std::uint64_t> buffer(keys.size());
    std::vector<std::size_t> counts(std::size_t{1} << 16);
    for (int shift = 0; shift < 64 && (largest >> shift) != 0; shift += 16) {
        std::fill(counts.begin(), counts.end(), 0);
        for (const auto key : keys) {
            ++counts[(key >> shift) & 0xffff];
        }
        std::size_t start = 0;
        for (auto& count : counts) {
            start += std::exchange(count, start);
        }
        for (const auto key : keys) {
            buffer[counts[(key >> shift) & 0xffff]++] = key;
        }
        keys.swap(buffer);
    }
}

} // namespace

std::vector<std::uint32_t> normaliseByRank(std::span<const double> values, bool lowerBetter,
                                           std::span<const std::uint8_t> present)
{
    std::vector<std::uint32_t> result(values.size(), kNeutralNormal);
    const auto has = [&](std::size_t i) { return present.empty() || present[i] != 0; };

    // Whole numbers over a small range (counts, days, a flag, a score out of 1000) are counted:
    // how many customers have each value tells every customer how many are below and above it.
    std::int64_t count = 0;
    std::int64_t highInfinite = 0;
    std::int64_t lowInfinite = 0;
    bool whole = true;
    double lowest = std::numeric_limits<double>::infinity();
    double highest = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!has(i)) {
            continue;
        }
        ++count;
        const double v = values[i];
        if (std::isinf(v)) {
            (v > 0 ? highInfinite : lowInfinite) += 1;
        } else {
            whole = whole && v == std::floor(v);
            lowest = std::min(lowest, v);
            highest = std::max(highest, v);
        }
    }
    if (count == 0) {
        return result;
    }
    const bool finiteValues = count > highInfinite + lowInfinite;
    if (whole && (!finiteValues || highest - lowest < kMostCounted)) {
        const auto slots = finiteValues ? static_cast<std::size_t>(highest - lowest) + 1 : 0;
        std::vector<std::int64_t> counts(slots, 0);  // customers with each value
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (has(i) && !std::isinf(values[i])) {
                ++counts[static_cast<std::size_t>(values[i] - lowest)];
            }
        }
        std::vector<std::uint32_t> normal(slots, kNeutralNormal);
        std::int64_t running = lowInfinite;
        for (std::size_t slot = 0; slot < slots; ++slot) {
            const std::int64_t equal = counts[slot];
            normal[slot] = normalOf(running, count - running - equal, lowerBetter);
            running += equal;
        }
        const std::uint32_t highNormal = normalOf(count - highInfinite, 0, lowerBetter);
        const std::uint32_t lowNormal = normalOf(0, count - lowInfinite, lowerBetter);
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (!has(i)) {
                continue;
            }
            const double v = values[i];
            result[i] = std::isinf(v) ? (v > 0 ? highNormal : lowNormal) : normal[static_cast<std::size_t>(v - lowest)];
        }
        return result;
    }

    struct Key final {
        double value;
        std::uint32_t index;
    };
    std::vector<Key> keys;
    keys.reserve(static_cast<std::size_t>(count));
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (has(i)) {
            keys.push_back({values[i], static_cast<std::uint32_t>(i)});
        }
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return a.value < b.value; });
    const auto n = static_cast<std::int64_t>(keys.size());
    for (std::int64_t begin = 0; begin < n;) {
        std::int64_t end = begin + 1;
        while (end < n && keys[static_cast<std::size_t>(end)].value == keys[static_cast<std::size_t>(begin)].value) {
            ++end;
        }
        const std::uint32_t normal = normalOf(begin, n - end, lowerBetter);
        for (std::int64_t i = begin; i < end; ++i) {
            result[keys[static_cast<std::size_t>(i)].index] = normal;
        }
        begin = end;
    }
    return result;
}

std::optional<std::size_t> TierFacts::indexOf(CustomerId id) const
{
    const auto found = std::lower_bound(customers.begin(), customers.end(), id,
                                        [](const TierInput& input, CustomerId wanted) { return input.customerId < wanted; });
    if (found != customers.end() && found->customerId == id) {
        return static_cast<std::size_t>(found - customers.begin());
    }
    // Not in id order (facts built by hand): look through them all.
    for (std::size_t i = 0; i < customers.size(); ++i) {
        if (customers[i].customerId == id) {
            return i;
        }
    }
    return std::nullopt;
}

TierFacts prepareTierFacts(std::vector<TierInput> customers, MonthRange period, Date asOf)
{
    TierFacts facts;
    facts.period = period;
    facts.asOf = asOf;
    facts.customers = std::move(customers);
    const std::size_t n = facts.customers.size();
    facts.normalised.resize(n);

    std::vector<double> values(n);
    std::vector<std::uint8_t> present(n);
    for (const auto indicator : allTierIndicators()) {
        const auto column = static_cast<std::size_t>(tierIndicatorIndex(indicator));
        std::int64_t withValue = 0;
        for (std::size_t i = 0; i < n; ++i) {
            // Orders per month rank as the orders do (the months are the same for everyone), and
            // whole numbers are counted rather than sorted.
            const auto value = indicator == TierIndicator::OrderFrequency
                                   ? std::optional<double>(static_cast<double>(facts.customers[i].orders))
                                   : indicatorValue(facts.customers[i], indicator, period.monthCount());
            present[i] = value ? 1 : 0;
            values[i] = value.value_or(0);
            withValue += value ? 1 : 0;
        }
        facts.withValue[column] = withValue;
        const auto normal = normaliseByRank(values, lowerIsBetter(indicator),
                                            withValue == static_cast<std::int64_t>(n) ? std::span<const std::uint8_t>{}
                                                                                      : std::span<const std::uint8_t>(present));
        for (std::size_t i = 0; i < n; ++i) {
            facts.normalised[i][column] = normal[i];
        }
    }

    // Ties between equal scores go by code. Customers read in id order usually are in code order
    // too, which spares sorting a million strings.
    facts.codeRank.resize(n);
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0U);
    const auto byCode = [&](std::uint32_t a, std::uint32_t b) {
        const auto& x = facts.customers[a];
        const auto& y = facts.customers[b];
        return x.code != y.code ? x.code < y.code : x.customerId < y.customerId;
    };
    if (!std::is_sorted(order.begin(), order.end(), byCode)) {
        std::sort(order.begin(), order.end(), byCode);
    }
    for (std::size_t rank = 0; rank < n; ++rank) {
        facts.codeRank[order[rank]] = static_cast<std::uint32_t>(rank);
    }
    return facts;
}

std::int64_t TierResult::weightedValue(const TierFacts& facts, const TierEntry& entry, TierIndicator indicator) const
{
    return static_cast<std::int64_t>(weight(indicator)) * facts.normalisedValue(entry.customer, indicator);
}

double TierResult::score(const TierEntry& entry) const
{
    return weightTotal <= 0 ? 0.0 : static_cast<double>(entry.points) / static_cast<double>(weightTotal) / 1e4;
}

double TierResult::contribution(const TierFacts& facts, const TierEntry& entry, TierIndicator indicator) const
{
    return weightTotal <= 0 ? 0.0
                            : static_cast<double>(weightedValue(facts, entry, indicator)) /
                                  static_cast<double>(weightTotal) / 1e4;
}

std::int64_t scaledScore(std::int64_t points, std::int64_t weightTotal, int digits)
{
    if (weightTotal <= 0) {
        return 0;
    }
    Int128 scale = 1;
    for (int i = 0; i < digits; ++i) {
        scale *= 10;
    }
    // points / (weightTotal x 10^4) is the score on 0-100.
    const Int128 numerator = Int128{points} * scale;
    const Int128 denominator = Int128{weightTotal} * 10'000;
    const Int128 magnitude = numerator < 0 ? -numerator : numerator;
    const Int128 rounded = (magnitude * 2 + denominator) / (denominator * 2);
    return static_cast<std::int64_t>(numerator < 0 ? -rounded : rounded);
}

Result<TierResult> scoreTiers(const TierFacts& facts, const TierModel& model)
{
    TierResult result;
    result.model = model;
    for (const auto indicator : allTierIndicators()) {
        const auto i = static_cast<std::size_t>(tierIndicatorIndex(indicator));
        const int weight = model.indicator(indicator).effectiveWeight();
        if (weight > 0 && !facts.available(indicator) && !facts.customers.empty()) {
            result.ignored[i] = true;
            continue;
        }
        result.weights[i] = weight;
        result.weightTotal += weight;
    }
    if (result.weightTotal <= 0) {
        std::string names;
        for (const auto indicator : allTierIndicators()) {
            if (result.ignored[static_cast<std::size_t>(tierIndicatorIndex(indicator))]) {
                names += (names.empty() ? "" : ", ") + std::string(kTierIndicatorCodes.code(indicator));
            }
        }
        return invalidInput("no weighted indicator has data in the period (" + names +
                                "): give a weight to another indicator",
                            "weights");
    }

    const std::size_t n = facts.customers.size();
    // Points fit in 30 bits (8 x 100 x 10^6) and code ranks in 32: one 64-bit key per customer,
    // ascending = highest score first, then code order.
    const std::int64_t most = result.weightTotal * kNormalUnit;
    std::vector<std::uint64_t> keys(n);
    std::vector<std::int64_t> points(n);
    for (std::size_t c = 0; c < n; ++c) {
        const auto& normal = facts.normalised[c];
        std::int64_t sum = 0;
        for (std::size_t i = 0; i < static_cast<std::size_t>(kTierIndicatorCount); ++i) {
            sum += static_cast<std::int64_t>(result.weights[i]) * normal[i];
        }
        points[c] = sum;
        keys[c] = (static_cast<std::uint64_t>(most - sum) << 32) | facts.codeRank[c];
    }
    // The code rank is unique, so the key identifies the customer: find it again through its rank.
    std::vector<std::uint32_t> byCodeRank(n);
    for (std::size_t c = 0; c < n; ++c) {
        byCodeRank[facts.codeRank[c]] = static_cast<std::uint32_t>(c);
    }
    radixSort(keys);

    result.summary.resize(static_cast<std::size_t>(model.tierCount()));
    for (int t = 0; t < model.tierCount(); ++t) {
        auto& summary = result.summary[static_cast<std::size_t>(t)];
        summary.name = model.tiers()[static_cast<std::size_t>(t)].name;
        summary.shareBasisPoints = model.tiers()[static_cast<std::size_t>(t)].shareBasisPoints;
    }
    result.entries.resize(n);
    result.positionOf.resize(n);
    const auto total = static_cast<std::int64_t>(n);
    int tier = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const std::uint32_t c = byCodeRank[keys[k] & 0xffffffffU];
        TierEntry& entry = result.entries[k];
        entry.customer = c;
        entry.points = points[c];
        // The tier by the customers ranked before this one, unless it ties with the one before.
        const bool tied = k > 0 && result.entries[k - 1].points == entry.points;
        if (!tied) {
            while (tier < model.tierCount() - 1 &&
                   static_cast<std::int64_t>(k) * TierModel::kWhole >= Int128{model.cumulativeShare(tier)} * total) {
                ++tier;
            }
        }
        entry.tier = static_cast<std::uint8_t>(tier);
        result.positionOf[c] = static_cast<std::uint32_t>(k);
        auto& summary = result.summary[static_cast<std::size_t>(tier)];
        if (summary.customers == 0) {
            summary.highestPoints = entry.points;
        }
        ++summary.customers;
        summary.lowestPoints = entry.points;
        summary.revenue += facts.customers[c].revenue;
        result.revenue += facts.customers[c].revenue;
    }
    return result;
}

} // namespace cartera::domain
