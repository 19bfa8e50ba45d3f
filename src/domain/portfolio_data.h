#pragma once

#include "domain/customer.h"
#include "domain/enum_codes.h"
#include "domain/month_range.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cartera::domain {

/// What the portfolio can be broken down by. Every dimension but Category is an attribute of
/// the customer; Category is the product category of what was sold, so one customer's sales
/// can fall into several of its values.
///
/// To add a dimension that is a customer attribute (a saved segment, say): add an enumerator
/// before Count, its code below, and have the loader give each customer its key
/// (PortfolioDataBuilder::CustomerKeys); the breakdown, drill-down, CLI and view need no change.
enum class PortfolioDimension : std::uint8_t {
    Category,  ///< product category (name)
    Country,   ///< ISO 3166-1 alpha-2 code
    Region,    ///< region within its country, "Bretagne (FR)"
    Channel,   ///< sales channel code
    Industry,
    SizeBand,  ///< size band code
    Kind,      ///< customer or prospect
    Owner,     ///< the owner rep's code
    Count
};

inline constexpr int kPortfolioDimensionCount = static_cast<int>(PortfolioDimension::Count);

inline constexpr EnumCodes<PortfolioDimension, kPortfolioDimensionCount> kPortfolioDimensionCodes{{{
    {PortfolioDimension::Category, "category"},
    {PortfolioDimension::Country, "country"},
    {PortfolioDimension::Region, "region"},
    {PortfolioDimension::Channel, "channel"},
    {PortfolioDimension::Industry, "industry"},
    {PortfolioDimension::SizeBand, "size_band"},
    {PortfolioDimension::Kind, "kind"},
    {PortfolioDimension::Owner, "owner"},
}}};

constexpr int dimensionIndex(PortfolioDimension d)
{
    return static_cast<int>(d);
}

/// The key of a customer attribute the customer does not have (no industry, no owner).
inline constexpr std::string_view kNoValueKey = "(none)";

/// CLV looks at the customer's last ten 12-month windows, and caps the expected lifetime there.
inline constexpr int kClvYears = 10;

/// How many of the customers that bought in the 12 months before the last 12 bought again in the
/// last 12 (the 12 months ending with the period's last month): the portfolio's observed
/// retention, from which CLV takes the expected lifetime.
struct RetentionFigures final {
    std::int64_t activeYearBefore = 0;  ///< bought in the 12 months before the last 12
    std::int64_t churned = 0;           ///< of those, bought nothing in the last 12

    /// Expected lifetime in years x 10000: 1 / annual churn rate = activeYearBefore / churned,
    /// rounded half up and capped at kClvYears years (also when nobody churned). Nullopt when
    /// nobody bought in the year before: there is no retention to observe.
    [[nodiscard]] std::optional<std::int64_t> lifetimeBasisPoints() const;
    /// Churn rate x 10000 (2500 = 25 %), rounded half up; nullopt as above.
    [[nodiscard]] std::optional<std::int64_t> churnBasisPoints() const;

    friend bool operator==(const RetentionFigures&, const RetentionFigures&) = default;
};

/// One customer of the analysis, its attributes as indices into PortfolioData::values.
struct PortfolioCustomer final {
    CustomerId id = 0;
    /// Value index per dimension; the Category slot is unused (-1).
    std::array<std::int32_t, kPortfolioDimensionCount> values{};
    /// 12-month windows among the last kClvYears (ending with the period's last month) in which
    /// the customer ordered anything: the years its average yearly margin is taken over.
    std::int32_t activeYears = 0;
};

/// The sales of one customer, or of one customer in one product category, that an analysis adds
/// up. Money in minor units.
struct PortfolioFact final {
    std::uint32_t customer = 0;  ///< index into PortfolioData::customers
    std::int32_t category = -1;  ///< value index of the category; -1 when the data is not split
    std::int64_t revenue = 0;    ///< in the period
    std::int64_t cost = 0;
    std::int64_t priorRevenue = 0;  ///< in the prior equal period
    std::int64_t priorCost = 0;
    /// Gross margin over the customer's last kClvYears 12-month windows: what CLV averages.
    std::int64_t historyMargin = 0;
    bool active = false;       ///< ordered in the period
    bool priorActive = false;  ///< ordered in the prior period
};

/// What a portfolio analysis reads, once per period: the customers with sales in the period or
/// the prior period, their attributes and their figures (split by category or not), and the
/// retention the CLV formula needs. Any breakdown of it is computed in memory.
struct PortfolioData final {
    MonthRange period;
    MonthRange prior;  ///< the equal number of months just before the period
    bool byCategory = false;
    /// The keys each dimension takes, in display order (enumerations in their order, text in byte
    /// order, kNoValueKey last). PortfolioCustomer::values and PortfolioFact::category index them.
    std::array<std::vector<std::string>, kPortfolioDimensionCount> values;
    std::vector<PortfolioCustomer> customers;  ///< in ascending id order
    std::vector<PortfolioFact> facts;          ///< grouped by customer, in customer order
    RetentionFigures retention;

    [[nodiscard]] const std::vector<std::string>& valuesOf(PortfolioDimension d) const
    {
        return values[static_cast<std::size_t>(dimensionIndex(d))];
    }
    /// The value index of key in dimension d, or nullopt.
    [[nodiscard]] std::optional<std::int32_t> findValue(PortfolioDimension d, std::string_view key) const;
};

/// The key of the Region dimension: the region with its country, "Bretagne (FR)", since two
/// countries can have regions of the same name (Limburg). kNoValueKey without a region.
std::string regionKey(std::string_view region, std::string_view country);
/// The same into key, reusing its storage (a loader fills one per customer); empty without a
/// region, which the builder reads as kNoValueKey.
void assignRegionKey(std::string& key, std::string_view region, std::string_view country);

/// One PortfolioData from parts read side by side over consecutive customer id ranges (parts in
/// id order, all of the same period and split): customers and facts one after the other, each
/// dimension's values united and in display order, retention figures added up. The result is the
/// same as reading the whole range at once.
PortfolioData mergePortfolioParts(std::vector<PortfolioData> parts);

/// The months of the prior equal period: as many months as period, ending just before it.
MonthRange priorPeriod(const MonthRange& period);

/// The first month an analysis of period reads: the prior period's first, or the first month of
/// the kClvYears windows if that is earlier.
int firstMonthRead(const MonthRange& period);

/// Builds PortfolioData from monthly figures, customer by customer, as storage reads them:
///   beginCustomer(...); addMonth(...) for each of its months; endCustomer(fillKeys); ... finish().
/// Customers must come in ascending id order. Every customer with sales counts towards the
/// retention figures; only those in scope with sales in the period or the prior period are kept,
/// and only for those does endCustomer ask for the attribute keys.
class PortfolioDataBuilder final {
public:
    /// The attribute keys of a customer, one per dimension (the Category slot is ignored). An
    /// empty key is kNoValueKey.
    using CustomerKeys = std::array<std::string, kPortfolioDimensionCount>;

    /// byCategory: addMonth gives a category id and the facts are split by category.
    /// categories: id and name of every product category (names are the keys).
    PortfolioDataBuilder(const MonthRange& period, bool byCategory,
                         const std::vector<std::pair<std::int64_t, std::string>>& categories = {});

    /// Room for about this many customers (and their facts), to spare regrowing the vectors.
    void reserve(std::size_t customers);

    void beginCustomer(CustomerId id, bool inScope);
    /// One month of the current customer: months in any order; categoryId is the category's id
    /// when byCategory, ignored otherwise. orders: orders in that month (and category); the
    /// monthly figures only hold months with orders, so a loader may leave the default.
    void addMonth(std::int64_t categoryId, int month, std::int64_t revenue, std::int64_t cost,
                  std::int64_t orders = 1);
    /// Ends the current customer. When it is kept, calls fillKeys(CustomerKeys&) to learn its
    /// attribute keys first (the keys hold the previous customer's; overwrite every slot).
    template <typename FillKeys>
    void endCustomer(FillKeys&& fillKeys)
    {
        if (finishCustomer()) {
            fillKeys(m_keys);
            keepCustomer();
        }
    }

    [[nodiscard]] PortfolioData finish();

private:
    struct Pending final {
        std::int64_t categoryId = -1;
        PortfolioFact fact;
    };
    std::int32_t valueIndex(int dimension, std::string_view key);
    Pending& pendingFor(std::int64_t categoryId);
    /// Counts the customer's retention; true when it is kept.
    bool finishCustomer();
    void keepCustomer();

    PortfolioData m_data;
    int m_periodFrom = 0;  ///< month indices (year * 12 + month - 1)
    int m_periodTo = 0;
    int m_priorFrom = 0;
    int m_priorTo = 0;
    std::unordered_map<std::int64_t, std::int32_t> m_categoryIndex;  ///< category id -> value index
    /// Key -> value index of one dimension: open addressing over a power-of-two table of
    /// (hash, index), the keys themselves in PortfolioData::values. Found with one short hash and
    /// usually one comparison: it runs seven times per customer.
    class KeyIndex final {
    public:
        /// The index of key in keys, added at the end of keys when new.
        std::int32_t find(std::string_view key, std::vector<std::string>& keys);
        void clear() { m_slots.clear(); }

    private:
        struct Slot final {
            std::uint32_t hash = 0;
            std::int32_t index = -1;  ///< -1: empty
        };
        void grow(const std::vector<std::string>& keys);
        std::vector<Slot> m_slots;
    };
    std::array<KeyIndex, kPortfolioDimensionCount> m_lookup;

    CustomerId m_id = 0;
    bool m_inScope = false;
    CustomerKeys m_keys;
    std::vector<Pending> m_pending;
    std::uint32_t m_windows = 0;  ///< bit k: ordered in window k
};

} // namespace cartera::domain
