#include "storage/portfolio_repository.h"

#include "storage/database.h"

#include <unordered_map>

namespace cartera::storage {

using namespace cartera::domain;

namespace {

// In primary key order, so each customer's months come together and in customer id order. The
// unary + keeps the planner off customer_month_month (see abc_repository.cpp).
constexpr std::string_view kMonths = R"sql(
SELECT customer_id, -1, month, revenue, cost, order_count FROM customer_month
WHERE +month BETWEEN ?1 AND ?2 ORDER BY customer_id
)sql";
constexpr std::string_view kCategoryMonths = R"sql(
SELECT customer_id, category_id, month, revenue, cost, order_count FROM customer_category_month
WHERE +month BETWEEN ?1 AND ?2 ORDER BY customer_id
)sql";

constexpr std::string_view kCustomerAttributes = R"sql(
SELECT id, kind, channel, size_band, owner_rep_id, archived_on IS NOT NULL, country, region, industry
FROM customer INDEXED BY customer_portfolio_dims ORDER BY id
)sql";

constexpr std::size_t slot(PortfolioDimension d)
{
    return static_cast<std::size_t>(dimensionIndex(d));
}

} // namespace

PortfolioRepository::PortfolioRepository(const Database& db) : m_db(db)
{
}

PortfolioData PortfolioRepository::load(const PortfolioLoadQuery& query) const
{
    const ReadTransaction transaction(m_db);

    std::vector<std::pair<std::int64_t, std::string>> categories;
    {
        auto s = m_db.prepare("SELECT id, name FROM product_category");
        while (s.step()) {
            categories.emplace_back(s.int64(0), s.text(1));
        }
    }
    std::unordered_map<std::int64_t, std::string> repCodes;
    {
        auto s = m_db.prepare("SELECT id, code FROM sales_rep");
        while (s.step()) {
            repCodes.emplace(s.int64(0), s.text(1));
        }
    }

    PortfolioDataBuilder builder(query.period, query.byCategory, categories);
    auto months = m_db.prepare(query.byCategory ? kCategoryMonths : kMonths);
    months.bind(1, firstMonthRead(query.period)).bind(2, query.period.toMonth());
    auto customers = m_db.prepare(kCustomerAttributes);

    bool haveCustomer = customers.step();
    bool haveMonth = months.step();
    while (haveMonth) {
        const CustomerId id = months.int64(0);
        while (haveCustomer && customers.int64(0) < id) {
            haveCustomer = customers.step();  // no sales in the months read
        }
        const bool known = haveCustomer && customers.int64(0) == id;
        const bool inScope = known && (query.includeArchived || customers.int64(5) == 0);
        auto& keys = builder.beginCustomer(id, inScope);
        if (inScope) {
            keys[slot(PortfolioDimension::Kind)] = customers.textView(1);
            keys[slot(PortfolioDimension::Channel)] = customers.textView(2);
            keys[slot(PortfolioDimension::SizeBand)] = customers.textView(3);
            const auto owner = customers.isNull(4) ? repCodes.end() : repCodes.find(customers.int64(4));
            keys[slot(PortfolioDimension::Owner)] = owner != repCodes.end() ? std::string_view(owner->second) : "";
            keys[slot(PortfolioDimension::Country)] = customers.textView(6);
            keys[slot(PortfolioDimension::Region)] = regionKey(customers.textView(7), customers.textView(6));
            keys[slot(PortfolioDimension::Industry)] = customers.textView(8);
        }
        do {
            builder.addMonth(months.int64(1), months.int32(2), months.int64(3), months.int64(4), months.int64(5));
            haveMonth = months.step();
        } while (haveMonth && months.int64(0) == id);
        builder.endCustomer();
    }
    return builder.finish();
}

} // namespace cartera::storage
