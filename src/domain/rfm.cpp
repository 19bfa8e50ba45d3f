#include "domain/rfm.h"

#include <algorithm>
#include <numeric>

namespace cartera::domain {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, static_cast<std::size_t>(RfmCell::Count)> kNames{{
    {"Champions", "champions"},
    {"Loyal customers", "loyal_customers"},
    {"Potential loyalists", "potential_loyalists"},
    {"New customers", "new_customers"},
    {"Promising", "promising"},
    {"Need attention", "need_attention"},
    {"About to sleep", "about_to_sleep"},
    {"At risk", "at_risk"},
    {"Can't lose them", "cant_lose_them"},
    {"Hibernating", "hibernating"},
    {"Lost", "lost"},
}};

/// Quintile of each value, 1-5, higher values scoring higher: sorted by value, then by the
/// tie-break value, then by input order (customer id), and cut into five parts of equal size. Ties
/// are broken rather than shared: order counts are few distinct numbers (40 % of a portfolio may
/// have ordered once), and a shared score would leave whole quintiles, and the cells built on them,
/// empty.
std::vector<int> quintiles(const std::vector<std::int64_t>& values, const std::vector<std::int64_t>& tieBreak)
{
    const std::size_t n = values.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return values[a] != values[b] ? values[a] < values[b] : tieBreak[a] < tieBreak[b];
    });
    std::vector<int> scores(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        scores[order[i]] = 1 + static_cast<int>(i * 5 / n);
    }
    return scores;
}

} // namespace

RfmCell rfmCell(int r, int f)
{
    if (r >= 5 && f >= 4) {
        return RfmCell::Champions;
    }
    if (r >= 3 && f >= 4) {
        return RfmCell::LoyalCustomers;
    }
    if (r >= 4 && f >= 2) {
        return RfmCell::PotentialLoyalists;
    }
    if (r >= 5) {
        return RfmCell::NewCustomers;
    }
    if (r == 4) {
        return RfmCell::Promising;
    }
    if (r == 3) {
        return f >= 3 ? RfmCell::NeedAttention : RfmCell::AboutToSleep;
    }
    if (f >= 5) {
        return RfmCell::CantLoseThem;
    }
    if (f >= 3) {
        return RfmCell::AtRisk;
    }
    return RfmCell::Hibernating;
}

std::string_view rfmCellName(RfmCell cell)
{
    const auto i = static_cast<std::size_t>(cell);
    return i < kNames.size() ? kNames[i].first : std::string_view();
}

std::string_view rfmCellCode(RfmCell cell)
{
    const auto i = static_cast<std::size_t>(cell);
    return i < kNames.size() ? kNames[i].second : std::string_view();
}

std::vector<RfmScore> scoreRfm(const std::vector<RfmFacts>& facts)
{
    std::vector<std::int64_t> recency;
    std::vector<std::int64_t> frequency;
    std::vector<std::int64_t> monetary;
    recency.reserve(facts.size());
    frequency.reserve(facts.size());
    monetary.reserve(facts.size());
    for (const auto& f : facts) {
        recency.push_back(-f.daysSinceLastOrder);  // fewer days is better
        frequency.push_back(f.orders);
        monetary.push_back(f.revenue);
    }
    // Ties: recency by frequency, frequency by revenue, revenue by frequency.
    const auto r = quintiles(recency, frequency);
    const auto fq = quintiles(frequency, monetary);
    const auto m = quintiles(monetary, frequency);
    std::vector<RfmScore> scores(facts.size());
    for (std::size_t i = 0; i < facts.size(); ++i) {
        scores[i] = RfmScore{facts[i].customerId, r[i], fq[i], m[i], rfmCell(r[i], fq[i])};
    }
    return scores;
}

} // namespace cartera::domain
