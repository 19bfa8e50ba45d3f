#include "storage/portfolio_repository.h"

#include "domain/portfolio_breakdown.h"
#include "storage/customer_repository.h"
#include "storage/order_repository.h"
#include "storage/product_repository.h"
#include "storage/sales_rep_repository.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::sampleCustomer;
using cartera::testing::SampleDatabase;
using cartera::testing::sampleLine;
using cartera::testing::sampleOrder;

namespace {

/// Customers in id order, so the merge must skip customers without sales:
///   A  FR Bretagne, direct, Retail, medium, rep R01: 2025-05 widget 60.00 (cost 36.00);
///      2026-02 widget 80.00 (48.00) and a licence 100.00 (10.00); 2026-03 cancelled
///   N  FR, no orders
///   B  FR Bretagne, online, no industry or size, no owner: 2025-09 widget 10.00 (7.00): churned
///   X  DE, direct, archived: 2025-11 widget 20.00 (10.00), 2026-07 widget 30.00 (15.00)
///   C  BE Limburg, wholesale, rep R02: 2026-12 licence 5.00 (4.00); 2027-01 (after the period)
class PortfolioRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        SalesRepRepository reps(sample.db);
        SalesRep r1{0, "R01", "Ana"};
        SalesRep r2{0, "R02", "Ben"};
        reps.insert(r1);
        reps.insert(r2);
        ProductRepository products(sample.db);
        ProductCategory software{0, "Software"};
        products.insertCategory(software);
        Product product;
        product.code = "P-LICENCE";
        product.name = "Licence";
        product.categoryId = software.id;
        products.insert(product);
        licence = product.id;

        a = add("A", "FR", "Bretagne", SalesChannel::Direct, "Retail", SizeBand::Medium, r1.id);
        add("N", "FR", "Bretagne", SalesChannel::Direct, "Retail", SizeBand::Small, r1.id);
        b = add("B", "FR", "Bretagne", SalesChannel::Online, "", std::nullopt, std::nullopt);
        x = add("X", "DE", "Bayern", SalesChannel::Direct, "Retail", SizeBand::Large, r1.id);
        c = add("C", "BE", "Limburg", SalesChannel::Wholesale, "Construction", SizeBand::Micro, r2.id);
        auto archived = customers.find(x).value();
        archived.archivedOn = Date(2026, 1, 5);
        customers.update(archived);

        order(a, Date(2025, 5, 1), {sampleLine(sample.widget, 1, 6000, 0, 3600)});
        order(a, Date(2026, 2, 1), {sampleLine(sample.widget, 1, 8000, 0, 4800), sampleLine(licence, 1, 10000, 0, 1000)});
        const auto cancelled = order(a, Date(2026, 3, 1), {sampleLine(sample.widget, 9, 9000, 0, 0)});
        orders.setStatus(cancelled, OrderStatus::Cancelled, Date(2026, 3, 2));
        order(b, Date(2025, 9, 1), {sampleLine(sample.widget, 1, 1000, 0, 700)});
        order(x, Date(2025, 11, 1), {sampleLine(sample.widget, 1, 2000, 0, 1000)});
        order(x, Date(2026, 7, 1), {sampleLine(sample.widget, 1, 3000, 0, 1500)});
        order(c, Date(2026, 12, 31), {sampleLine(licence, 1, 500, 0, 400)});
        order(c, Date(2027, 1, 1), {sampleLine(licence, 1, 99900, 0, 0)});
    }

    CustomerId add(const std::string& code, const std::string& country, const std::string& region, SalesChannel channel,
                   const std::string& industry, std::optional<SizeBand> size, std::optional<RepId> owner)
    {
        Customer customer = sampleCustomer(code);
        customer.country = country;
        customer.region = region;
        customer.channel = channel;
        customer.industry = industry;
        customer.sizeBand = size;
        customer.ownerRepId = owner;
        customers.insert(customer);
        return customer.id;
    }

    OrderId order(CustomerId customer, Date date, std::vector<OrderLine> lines)
    {
        Order o = sampleOrder(customer, date, std::move(lines));
        orders.insert(o);
        return o.id;
    }

    PortfolioData load(bool byCategory, bool includeArchived = false)
    {
        PortfolioLoadQuery query;
        query.period = MonthRange::calendarYear(2026).value();
        query.byCategory = byCategory;
        query.includeArchived = includeArchived;
        return PortfolioRepository(sample.db).load(query);
    }

    static std::string key(const PortfolioData& data, const PortfolioCustomer& customer, PortfolioDimension d)
    {
        return data.valuesOf(d)[static_cast<std::size_t>(customer.values[static_cast<std::size_t>(dimensionIndex(d))])];
    }

    SampleDatabase sample;
    CustomerRepository customers{sample.db};
    OrderRepository orders{sample.db};
    ProductId licence = 0;
    CustomerId a = 0;
    CustomerId b = 0;
    CustomerId x = 0;
    CustomerId c = 0;
};

} // namespace

TEST_F(PortfolioRepositoryTest, readsTheCustomersWithSalesAndTheirAttributes)
{
    const auto data = load(false);
    ASSERT_EQ(data.customers.size(), 3u);  // A, B, C: N has no sales, X is archived
    EXPECT_EQ(data.customers[0].id, a);
    EXPECT_EQ(data.customers[1].id, b);
    EXPECT_EQ(data.customers[2].id, c);
    const auto& customerA = data.customers[0];
    EXPECT_EQ(key(data, customerA, PortfolioDimension::Country), "FR");
    EXPECT_EQ(key(data, customerA, PortfolioDimension::Region), "Bretagne (FR)");
    EXPECT_EQ(key(data, customerA, PortfolioDimension::Channel), "direct");
    EXPECT_EQ(key(data, customerA, PortfolioDimension::Industry), "Retail");
    EXPECT_EQ(key(data, customerA, PortfolioDimension::SizeBand), "medium");
    EXPECT_EQ(key(data, customerA, PortfolioDimension::Kind), "customer");
    EXPECT_EQ(key(data, customerA, PortfolioDimension::Owner), "R01");
    EXPECT_EQ(customerA.activeYears, 2);
    const auto& customerB = data.customers[1];
    EXPECT_EQ(key(data, customerB, PortfolioDimension::Industry), "(none)");
    EXPECT_EQ(key(data, customerB, PortfolioDimension::SizeBand), "(none)");
    EXPECT_EQ(key(data, customerB, PortfolioDimension::Owner), "(none)");
    EXPECT_EQ(key(data, data.customers[2], PortfolioDimension::Region), "Limburg (BE)");

    ASSERT_EQ(data.facts.size(), 3u);
    EXPECT_EQ(data.facts[0].revenue, 18000);  // the cancelled March order left out
    EXPECT_EQ(data.facts[0].cost, 5800);
    EXPECT_EQ(data.facts[0].priorRevenue, 6000);
    EXPECT_EQ(data.facts[0].historyMargin, 2400 + 12200);
    EXPECT_EQ(data.facts[2].revenue, 500);  // not January 2027
    // A, B and X (archived, but retention counts everyone) bought in 2025; B did not in 2026.
    EXPECT_EQ(data.retention, (RetentionFigures{3, 1}));
}

TEST_F(PortfolioRepositoryTest, archivedAccountsCountWhenAskedFor)
{
    const auto data = load(false, true);
    ASSERT_EQ(data.customers.size(), 4u);
    EXPECT_EQ(data.customers[2].id, x);
    EXPECT_EQ(data.facts[2].revenue, 3000);
}

TEST_F(PortfolioRepositoryTest, byCategorySplitsTheSameFigures)
{
    const auto whole = load(false);
    const auto split = load(true);
    EXPECT_EQ(split.valuesOf(PortfolioDimension::Category), (std::vector<std::string>{"Hardware", "Software"}));
    ASSERT_EQ(split.facts.size(), 4u);  // A hardware, A software, B hardware, C software
    EXPECT_EQ(split.facts[0].revenue, 8000);
    EXPECT_EQ(split.facts[1].revenue, 10000);
    EXPECT_EQ(split.facts[1].category, 1);
    EXPECT_EQ(split.retention, whole.retention);

    // Every breakdown that does not show categories is the same either way.
    for (const auto rows : {PortfolioDimension::Country, PortfolioDimension::Region, PortfolioDimension::Owner}) {
        const auto fromWhole = breakdownPortfolio(whole, {rows, PortfolioDimension::Channel}).value();
        const auto fromSplit = breakdownPortfolio(split, {rows, PortfolioDimension::Channel}).value();
        EXPECT_EQ(fromWhole.cells, fromSplit.cells);
        EXPECT_EQ(fromWhole.rowTotals, fromSplit.rowTotals);
        EXPECT_EQ(fromWhole.total, fromSplit.total);
    }
    const auto byCategory = breakdownPortfolio(split, {PortfolioDimension::Category, std::nullopt}).value();
    ASSERT_EQ(byCategory.rowCount(), 2);
    EXPECT_EQ(byCategory.at({0, -1}).revenue, 8000);
    EXPECT_EQ(byCategory.at({0, -1}).priorRevenue, 7000);
    EXPECT_EQ(byCategory.at({0, -1}).customers, 1);
    EXPECT_EQ(byCategory.at({1, -1}).revenue, 10500);
    EXPECT_EQ(byCategory.at({1, -1}).customers, 2);
}

TEST_F(PortfolioRepositoryTest, anEmptyPortfolioReadsNothing)
{
    SampleDatabase empty;
    PortfolioLoadQuery query;
    query.period = MonthRange::calendarYear(2026).value();
    const auto data = PortfolioRepository(empty.db).load(query);
    EXPECT_TRUE(data.customers.empty());
    EXPECT_TRUE(data.facts.empty());
    EXPECT_FALSE(data.retention.lifetimeBasisPoints());
    const auto b = breakdownPortfolio(data, {PortfolioDimension::Country, std::nullopt}).value();
    EXPECT_EQ(b.rowCount(), 0);
    EXPECT_FALSE(b.mostProfitable);
}

namespace {

bool sameData(const PortfolioData& a, const PortfolioData& b)
{
    if (a.values != b.values || a.customers.size() != b.customers.size() || a.facts.size() != b.facts.size() ||
        !(a.retention == b.retention) || !(a.period == b.period)) {
        return false;
    }
    for (std::size_t i = 0; i < a.customers.size(); ++i) {
        if (a.customers[i].id != b.customers[i].id || a.customers[i].values != b.customers[i].values ||
            a.customers[i].activeYears != b.customers[i].activeYears) {
            return false;
        }
    }
    for (std::size_t i = 0; i < a.facts.size(); ++i) {
        const auto& x = a.facts[i];
        const auto& y = b.facts[i];
        if (x.customer != y.customer || x.category != y.category || x.revenue != y.revenue || x.cost != y.cost ||
            x.priorRevenue != y.priorRevenue || x.priorCost != y.priorCost || x.historyMargin != y.historyMargin ||
            x.active != y.active || x.priorActive != y.priorActive) {
            return false;
        }
    }
    return true;
}

} // namespace

TEST_F(PortfolioRepositoryTest, readingIdRangesSideBySideGivesTheSameData)
{
    for (const bool byCategory : {false, true}) {
        PortfolioLoadQuery query;
        query.period = MonthRange::calendarYear(2026).value();
        query.byCategory = byCategory;
        query.threads = 1;
        const auto alone = PortfolioRepository(sample.db).load(query);
        for (const int threads : {2, 3, 7}) {
            query.threads = threads;
            const auto sideBySide = PortfolioRepository(sample.db).load(query);
            EXPECT_TRUE(sameData(alone, sideBySide)) << threads << " connections, by category " << byCategory;
        }
    }
}

TEST_F(PortfolioRepositoryTest, insideAnOpenTransactionItsOwnChangesAreRead)
{
    // Other connections could not see them: the read stays on this connection.
    WriteTransaction transaction(sample.db);
    order(b, Date(2026, 4, 1), {sampleLine(sample.widget, 1, 5000, 0, 1000)});
    PortfolioLoadQuery query;
    query.period = MonthRange::calendarYear(2026).value();
    query.threads = 3;
    const auto data = PortfolioRepository(sample.db).load(query);
    ASSERT_EQ(data.facts.size(), 3u);
    EXPECT_EQ(data.facts[1].revenue, 5000);  // B now bought in 2026
}

TEST_F(PortfolioRepositoryTest, labelsInTheOrderGivenForShortAndLongLists)
{
    PortfolioRepository repository(sample.db);
    const std::vector<CustomerId> few{c, a, 9999, b};
    const auto short_ = repository.labels(few);
    ASSERT_EQ(short_.size(), 4u);
    EXPECT_EQ(short_[0].code, "C");
    EXPECT_EQ(short_[1].code, "A");
    EXPECT_EQ(short_[2].code, "");  // no such customer
    EXPECT_EQ(short_[3].name, "Customer B");
    // A long list is read by one pass over the index; repeated and unknown ids included.
    std::vector<CustomerId> many;
    for (int i = 0; i < 1000; ++i) {
        many.insert(many.end(), {x, 9999 + i, a, c, a});
    }
    const auto long_ = repository.labels(many);
    ASSERT_EQ(long_.size(), many.size());
    for (std::size_t i = 0; i < many.size(); ++i) {
        ASSERT_EQ(long_[i].id, many[i]);
        const auto expected = customers.find(many[i]);
        ASSERT_EQ(long_[i].code, expected ? expected->code : "") << i;
        ASSERT_EQ(long_[i].name, expected ? expected->name : "") << i;
    }
}
