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

/// True when key a comes before key b in the display order of dimension.
bool displayedBefore(PortfolioDimension dimension, const std::string& a, const std::string& b)
{
    const int ra = displayRank(dimension, a);
    const int rb = displayRank(dimension, b);
    return ra != rb ? ra < rb : a < b;
}

/// Puts the keys of every dimension in display order and moves the customers' and facts' value
/// indices with them.
void sortValues(PortfolioData& data)
{
    for (int d = 0; d < kPortfolioDimensionCount; ++d) {
        const auto dimension = static_cast<PortfolioDimension>(d);
        auto& keys = data.values[static_cast<std::size_t>(d)];
        std::vector<std::int32_t> order(keys.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
            return displayedBefore(dimension, keys[static_cast<std::size_t>(a)], keys[static_cast<std::size_t>(b)]);
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
            for (auto& fact : data.facts) {
                if (fact.category >= 0) {
                    fact.category = newIndex[static_cast<std::size_t>(fact.category)];
                }
            }
        } else {
            for (auto& customer : data.customers) {
                auto& value = customer.values[static_cast<std::size_t>(d)];
                value = newIndex[static_cast<std::size_t>(value)];
            }
        }
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

void assignRegionKey(std::string& key, std::string_view region, std::string_view country)
{
    key.assign(region);
    if (!region.empty() && !country.empty()) {
        key += " (";
        key += country;
        key += ')';
    }
}

std::string regionKey(std::string_view region, std::string_view country)
{
    if (region.empty()) {
        return std::string(kNoValueKey);
    }
    std::string key;
    assignRegionKey(key, region, country);
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

namespace {

/// FNV-1a: keys are a few bytes to a few dozen; this is all the mixing a small table needs.
std::uint32_t keyHash(std::string_view key)
{
    std::uint32_t hash = 2166136261U;
    for (const char c : key) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 16777619U;
    }
    return hash;
}

} // namespace

std::int32_t PortfolioDataBuilder::KeyIndex::find(std::string_view key, std::vector<std::string>& keys)
{
    if (m_slots.size() < 2 * (keys.size() + 1)) {
        grow(keys);
    }
    const auto hash = keyHash(key);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        auto& slot = m_slots[i];
        if (slot.index < 0) {
            slot = {hash, static_cast<std::int32_t>(keys.size())};
            keys.emplace_back(key);
            return slot.index;
        }
        if (slot.hash == hash && keys[static_cast<std::size_t>(slot.index)] == key) {
            return slot.index;
        }
    }
}

void PortfolioDataBuilder::KeyIndex::grow(const std::vector<std::string>& keys)
{
    std::size_t size = 16;
    while (size < 4 * (keys.size() + 1)) {
        size *= 2;
    }
    m_slots.assign(size, Slot{});
    const std::size_t mask = size - 1;
    for (std::size_t k = 0; k < keys.size(); ++k) {
        const auto hash = keyHash(keys[k]);
        std::size_t i = hash & mask;
        while (m_slots[i].index >= 0) {
            i = (i + 1) & mask;
        }
        m_slots[i] = {hash, static_cast<std::int32_t>(k)};
    }
}

std::int32_t PortfolioDataBuilder::valueIndex(int dimension, std::string_view key)
{
    return m_lookup[static_cast<std::size_t>(dimension)].find(key.empty() ? kNoValueKey : key,
                                                              m_data.values[static_cast<std::size_t>(dimension)]);
}

void PortfolioDataBuilder::reserve(std::size_t customers)
{
    m_data.customers.reserve(customers);
    // A customer buys in two or three categories on average (the demo: 3.4 facts per customer).
    m_data.facts.reserve(m_data.byCategory ? customers * 4 : customers);
}

void PortfolioDataBuilder::beginCustomer(CustomerId id, bool inScope)
{
    m_id = id;
    m_inScope = inScope;
    m_pending.clear();
    m_windows = 0;
}

PortfolioDataBuilder::Pending& PortfolioDataBuilder::pendingFor(std::int64_t categoryId)
{
    // Storage hands out a customer's months category by category: the last one is the usual hit.
    if (!m_pending.empty() && m_pending.back().categoryId == categoryId) {
        return m_pending.back();
    }
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

bool PortfolioDataBuilder::finishCustomer()
{
    // Retention is the whole portfolio's, whatever the scope of the analysis.
    if ((m_windows & 2U) != 0) {
        ++m_data.retention.activeYearBefore;
        if ((m_windows & 1U) == 0) {
            ++m_data.retention.churned;
        }
    }
    return m_inScope && std::any_of(m_pending.begin(), m_pending.end(), [](const Pending& p) {
        return p.fact.active || p.fact.priorActive;
    });
}

void PortfolioDataBuilder::keepCustomer()
{
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
    sortValues(m_data);
    for (auto& lookup : m_lookup) {
        lookup.clear();
    }
    m_categoryIndex.clear();
    return std::move(m_data);
}

PortfolioData mergePortfolioParts(std::vector<PortfolioData> parts)
{
    if (parts.empty()) {
        return {};
    }
    if (parts.size() == 1) {
        return std::move(parts.front());
    }
    PortfolioData merged;
    merged.period = parts.front().period;
    merged.prior = parts.front().prior;
    merged.byCategory = parts.front().byCategory;
    std::size_t customers = 0;
    std::size_t facts = 0;
    for (const auto& part : parts) {
        customers += part.customers.size();
        facts += part.facts.size();
    }
    merged.customers.reserve(customers);
    merged.facts.reserve(facts);

    // Each part's value index -> the merged one, per dimension.
    std::array<std::unordered_map<std::string, std::int32_t>, kPortfolioDimensionCount> lookup;
    for (auto& part : parts) {
        std::array<std::vector<std::int32_t>, kPortfolioDimensionCount> remap;
        for (int d = 0; d < kPortfolioDimensionCount; ++d) {
            const auto slot = static_cast<std::size_t>(d);
            for (const auto& key : part.values[slot]) {
                auto [found, added] =
                    lookup[slot].emplace(key, static_cast<std::int32_t>(merged.values[slot].size()));
                if (added) {
                    merged.values[slot].push_back(key);
                }
                remap[slot].push_back(found->second);
            }
        }
        const auto offset = static_cast<std::uint32_t>(merged.customers.size());
        for (auto& customer : part.customers) {
            for (int d = 0; d < kPortfolioDimensionCount; ++d) {
                auto& value = customer.values[static_cast<std::size_t>(d)];
                if (value >= 0) {
                    value = remap[static_cast<std::size_t>(d)][static_cast<std::size_t>(value)];
                }
            }
            merged.customers.push_back(customer);
        }
        const auto& categories = remap[static_cast<std::size_t>(dimensionIndex(PortfolioDimension::Category))];
        for (auto& fact : part.facts) {
            fact.customer += offset;
            if (fact.category >= 0) {
                fact.category = categories[static_cast<std::size_t>(fact.category)];
            }
            merged.facts.push_back(fact);
        }
        merged.retention.activeYearBefore += part.retention.activeYearBefore;
        merged.retention.churned += part.retention.churned;
        part = PortfolioData{};  // free each part as soon as it is copied
    }
    sortValues(merged);
    return merged;
}

} // namespace cartera::domain
