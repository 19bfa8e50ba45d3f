#include "domain/portfolio_data.h"

#include <algorithm>
#include <bit>
#include <numeric>

namespace cartera::domain {

namespace {

int monthIndex(int key)
{
    return (key / 100) * 12 + key % 100 - 1;
}

int monthKeyOf(int index)
{
    return (index / 12) * 100 + index % 12 + 1;
}

/// Position of an enumeration code in its declaration order, for display; unknown codes after.
template <typename Enum, std::size_t N>
int codeRank(const EnumCodes<Enum, N>& codes, std::string_view key)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (codes.entries[i].second == key) {
            return static_cast<int>(i);
        }
    }
    return static_cast<int>(N);
}

int displayRank(PortfolioDimension dimension, std::string_view key)
{
    if (key == kNoValueKey) {
        return 1000;
    }
    switch (dimension) {
    case PortfolioDimension::Channel:
        return codeRank(kSalesChannelCodes, key);
    case PortfolioDimension::SizeBand:
        return codeRank(kSizeBandCodes, key);
    case PortfolioDimension::Kind:
        return codeRank(kCustomerKindCodes, key);
    default:
        return 0;
    }
}

} // namespace

std::optional<std::int64_t> RetentionFigures::lifetimeBasisPoints() const
{
    constexpr std::int64_t cap = std::int64_t{kClvYears} * 10000;
    if (activeYearBefore <= 0) {
        return std::nullopt;
    }
    if (churned <= 0) {
        return cap;
    }
    return std::min(cap, (activeYearBefore * 10000 + churned / 2) / churned);
}

std::optional<std::int64_t> RetentionFigures::churnBasisPoints() const
{
    if (activeYearBefore <= 0) {
        return std::nullopt;
    }
    return (churned * 10000 + activeYearBefore / 2) / activeYearBefore;
}

std::optional<std::int32_t> PortfolioData::findValue(PortfolioDimension d, std::string_view key) const
{
    const auto& keys = valuesOf(d);
    const auto found = std::find(keys.begin(), keys.end(), key);
    if (found == keys.end()) {
        return std::nullopt;
    }
    return static_cast<std::int32_t>(found - keys.begin());
}

std::string regionKey(std::string_view region, std::string_view country)
{
    if (region.empty()) {
        return std::string(kNoValueKey);
    }
    std::string key(region);
    if (!country.empty()) {
        key += " (";
        key += country;
        key += ')';
    }
    return key;
}

MonthRange priorPeriod(const MonthRange& period)
{
    const int count = period.monthCount();
    const int from = monthKeyOf(monthIndex(period.fromMonth()) - count);
    const int to = monthKeyOf(monthIndex(period.fromMonth()) - 1);
    // A period reaching back to 1900 has a prior period before any date Cartera accepts: clamp it
    // for display (the builder counts the prior months from the period itself).
    auto range = MonthRange::between(std::max(from, 190001), std::max(to, 190001));
    return range ? range.value() : period;
}

int firstMonthRead(const MonthRange& period)
{
    const int windowsStart = monthIndex(period.toMonth()) - 12 * kClvYears + 1;
    return std::min(priorPeriod(period).fromMonth(), monthKeyOf(windowsStart));
}

PortfolioDataBuilder::PortfolioDataBuilder(const MonthRange& period, bool byCategory,
                                           const std::vector<std::pair<std::int64_t, std::string>>& categories)
{
    m_data.period = period;
    m_data.prior = priorPeriod(period);
    m_data.byCategory = byCategory;
    m_periodFrom = monthIndex(period.fromMonth());
    m_periodTo = monthIndex(period.toMonth());
    // From the indices rather than m_data.prior, which cannot reach before 1900.
    m_priorFrom = m_periodFrom - period.monthCount();
    m_priorTo = m_periodFrom - 1;
    for (const auto& [id, name] : categories) {
        m_categoryIndex[id] = valueIndex(dimensionIndex(PortfolioDimension::Category), name);
    }
}

std::int32_t PortfolioDataBuilder::valueIndex(int dimension, std::string_view key)
{
    auto& lookup = m_lookup[static_cast<std::size_t>(dimension)];
    const std::string_view text = key.empty() ? kNoValueKey : key;
    const auto found = lookup.find(text);  // no string built for a key seen before
    if (found != lookup.end()) {
        return found->second;
    }
    auto& keys = m_data.values[static_cast<std::size_t>(dimension)];
    const auto index = static_cast<std::int32_t>(keys.size());
    keys.emplace_back(text);
    lookup.emplace(std::string(text), index);
    return index;
}

PortfolioDataBuilder::CustomerKeys& PortfolioDataBuilder::beginCustomer(CustomerId id, bool inScope)
{
    m_id = id;
    m_inScope = inScope;
    m_pending.clear();
    m_windows = 0;
    return m_keys;
}

PortfolioDataBuilder::Pending& PortfolioDataBuilder::pendingFor(std::int64_t categoryId)
{
    for (auto& pending : m_pending) {
        if (pending.categoryId == categoryId) {
            return pending;
        }
    }
    auto& added = m_pending.emplace_back();
    added.categoryId = categoryId;
    return added;
}

void PortfolioDataBuilder::addMonth(std::int64_t categoryId, int month, std::int64_t revenue, std::int64_t cost,
                                    std::int64_t orders)
{
    const int index = monthIndex(month);
    if (index > m_periodTo) {
        return;
    }
    auto& fact = pendingFor(m_data.byCategory ? categoryId : -1).fact;
    const bool ordered = orders > 0;
    if (index >= m_periodFrom) {
        fact.revenue += revenue;
        fact.cost += cost;
        fact.active = fact.active || ordered;
    }
    if (index >= m_priorFrom && index <= m_priorTo) {
        fact.priorRevenue += revenue;
        fact.priorCost += cost;
        fact.priorActive = fact.priorActive || ordered;
    }
    const int window = (m_periodTo - index) / 12;
    if (window < kClvYears) {
        fact.historyMargin += revenue - cost;
        if (ordered) {
            m_windows |= 1U << window;
        }
    }
}

void PortfolioDataBuilder::endCustomer()
{
    // Retention is the whole portfolio's, whatever the scope of the analysis.
    if ((m_windows & 2U) != 0) {
        ++m_data.retention.activeYearBefore;
        if ((m_windows & 1U) == 0) {
            ++m_data.retention.churned;
        }
    }
    const bool kept = m_inScope && std::any_of(m_pending.begin(), m_pending.end(), [](const Pending& p) {
        return p.fact.active || p.fact.priorActive;
    });
    if (!kept) {
        return;
    }
    const auto customerIndex = static_cast<std::uint32_t>(m_data.customers.size());
    auto& customer = m_data.customers.emplace_back();
    customer.id = m_id;
    customer.activeYears = std::popcount(m_windows);
    for (int d = 0; d < kPortfolioDimensionCount; ++d) {
        customer.values[static_cast<std::size_t>(d)] =
            d == dimensionIndex(PortfolioDimension::Category) ? -1 : valueIndex(d, m_keys[static_cast<std::size_t>(d)]);
    }
    for (auto& pending : m_pending) {
        auto& fact = pending.fact;
        if (!fact.active && !fact.priorActive && fact.revenue == 0 && fact.priorRevenue == 0 &&
            fact.historyMargin == 0) {
            continue;
        }
        fact.customer = customerIndex;
        if (m_data.byCategory) {
            const auto found = m_categoryIndex.find(pending.categoryId);
            fact.category = found != m_categoryIndex.end()
                                ? found->second
                                : valueIndex(dimensionIndex(PortfolioDimension::Category),
                                             "category " + std::to_string(pending.categoryId));
        }
        m_data.facts.push_back(fact);
    }
}

PortfolioData PortfolioDataBuilder::finish()
{
    // Display order: remap every value index to its place among the sorted keys.
    for (int d = 0; d < kPortfolioDimensionCount; ++d) {
        const auto dimension = static_cast<PortfolioDimension>(d);
        auto& keys = m_data.values[static_cast<std::size_t>(d)];
        std::vector<std::int32_t> order(keys.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
            const auto& ka = keys[static_cast<std::size_t>(a)];
            const auto& kb = keys[static_cast<std::size_t>(b)];
            const int ra = displayRank(dimension, ka);
            const int rb = displayRank(dimension, kb);
            return ra != rb ? ra < rb : ka < kb;
        });
        std::vector<std::int32_t> newIndex(keys.size());
        std::vector<std::string> sorted;
        sorted.reserve(keys.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            newIndex[static_cast<std::size_t>(order[i])] = static_cast<std::int32_t>(i);
            sorted.push_back(std::move(keys[static_cast<std::size_t>(order[i])]));
        }
        keys = std::move(sorted);
        if (dimension == PortfolioDimension::Category) {
            for (auto& fact : m_data.facts) {
                if (fact.category >= 0) {
                    fact.category = newIndex[static_cast<std::size_t>(fact.category)];
                }
            }
        } else {
            for (auto& customer : m_data.customers) {
                auto& value = customer.values[static_cast<std::size_t>(d)];
                value = newIndex[static_cast<std::size_t>(value)];
            }
        }
        m_lookup[static_cast<std::size_t>(d)].clear();
    }
    m_categoryIndex.clear();
    return std::move(m_data);
}

} // namespace cartera::domain
