#include "services/customer_overview.h"

#include "services/abc_service.h"
#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "support/sample_records.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::services;
using namespace cartera::storage;
using cartera::testing::sampleCustomer;
using cartera::testing::sampleLine;
using cartera::testing::sampleOrder;
using cartera::testing::TempDir;

namespace {

/// Months from the month of `date` to the month of `asOf`: 0 for the same month.
int monthsBefore(Date date, Date asOf)
{
    return (asOf.year() * 12 + static_cast<int>(asOf.month())) - (date.year() * 12 + static_cast<int>(date.month()));
}

struct Expected {
    std::int64_t revenue12m = 0;
    std::int64_t revenuePrior12m = 0;
    std::int64_t margin12m = 0;
    std::int64_t orders12m = 0;
    std::optional<Date> lastOrderDate;
};

/// The overview figures worked out from the customer's orders, without the monthly table.
Expected expectedFromOrders(Portfolio& portfolio, CustomerId id, Date asOf)
{
    Expected e;
    for (const auto& order : portfolio.orders().forCustomer(id)) {
        if (!e.lastOrderDate || order.orderDate > *e.lastOrderDate) {
            e.lastOrderDate = order.orderDate;
        }
        if (order.status == OrderStatus::Cancelled) {
            continue;
        }
        const int back = monthsBefore(order.orderDate, asOf);
        if (back >= 0 && back < 12) {
            e.revenue12m += order.revenueMinor;
            e.margin12m += order.revenueMinor - order.costMinor;
            ++e.orders12m;
        } else if (back >= 12 && back < 24) {
            e.revenuePrior12m += order.revenueMinor;
        }
    }
    return e;
}

class CustomerOverviewTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = Portfolio::open(dir.file("p.db"), OpenMode::CreateOrUpgrade);
        ASSERT_TRUE(opened.ok());
        portfolio = std::move(opened.value());
        ProductCategory category{0, "Hardware"};
        portfolio->products().insertCategory(category);
        Product p;
        p.code = "P1";
        p.name = "Widget";
        p.categoryId = category.id;
        p.listPrice.minor = 1000;
        p.unitCost.minor = 600;
        portfolio->products().insert(p);
        product = p.id;
    }

    OrderId addOrder(CustomerId customer, Date date, std::int64_t quantity, std::int64_t price, std::int64_t cost)
    {
        Order order = sampleOrder(customer, date, {sampleLine(product, quantity, price, 0, cost)});
        portfolio->orders().insert(order);
        return order.id;
    }

    TempDir dir;
    std::unique_ptr<Portfolio> portfolio;
    ProductId product = 0;
};

} // namespace

TEST_F(CustomerOverviewTest, missingCustomerHasNoOverview)
{
    EXPECT_FALSE(customerOverview(*portfolio, 4242, Date(2026, 6, 15)).has_value());
}

TEST_F(CustomerOverviewTest, customerWithoutOrdersHasZeroFigures)
{
    Customer c = sampleCustomer("C1", "Quiet SA");
    portfolio->customers().insert(c);
    const auto overview = customerOverview(*portfolio, c.id, Date(2026, 6, 15));
    ASSERT_TRUE(overview.has_value());
    EXPECT_EQ(overview->customer, c);
    EXPECT_EQ(overview->ownerName, "");
    EXPECT_TRUE(overview->contacts.empty());
    EXPECT_TRUE(overview->recentOrders.empty());
    EXPECT_EQ(overview->revenue12m, (Money{0, CurrencyCode{}}));
    EXPECT_EQ(overview->revenuePrior12m.minor, 0);
    EXPECT_EQ(overview->margin12m.minor, 0);
    EXPECT_EQ(overview->orders12m, 0);
    EXPECT_FALSE(overview->lastOrderDate.has_value());
}

TEST_F(CustomerOverviewTest, figuresCoverTheTwelveMonthsEndingWithTheAsOfMonth)
{
    Customer c = sampleCustomer("C1", "Busy SA");
    portfolio->customers().insert(c);
    Customer other = sampleCustomer("C2", "Other SA");
    portfolio->customers().insert(other);
    const Date asOf(2026, 6, 15);
    // Revenue, cost:
    addOrder(c.id, Date(2026, 6, 30), 1, 10000, 6000);   // this month (after asOf's day, same month): 12m
    addOrder(c.id, Date(2025, 7, 1), 2, 5000, 3000);     // 11 months back, first month of the window: 12m
    addOrder(c.id, Date(2025, 6, 30), 1, 700, 100);      // 12 months back: prior
    addOrder(c.id, Date(2024, 7, 1), 1, 300, 100);       // 23 months back: prior
    addOrder(c.id, Date(2024, 6, 30), 1, 99999, 1);      // 24 months back: neither
    const auto cancelled = addOrder(c.id, Date(2026, 5, 1), 1, 55555, 1);
    portfolio->orders().setStatus(cancelled, OrderStatus::Cancelled, Date(2026, 5, 2));
    addOrder(other.id, Date(2026, 6, 1), 1, 77777, 1);   // another customer's order

    const auto overview = customerOverview(*portfolio, c.id, asOf);
    ASSERT_TRUE(overview.has_value());
    EXPECT_EQ(overview->revenue12m.minor, 10000 + 10000);
    EXPECT_EQ(overview->margin12m.minor, (10000 - 6000) + (10000 - 6000));
    EXPECT_EQ(overview->orders12m, 2);
    EXPECT_EQ(overview->revenuePrior12m.minor, 700 + 300);
    EXPECT_EQ(overview->revenue12m.currency, CurrencyCode{});
    EXPECT_EQ(overview->lastOrderDate, Date(2026, 6, 30));
    EXPECT_EQ(overview->recentOrders.size(), 6u);

    const auto e = expectedFromOrders(*portfolio, c.id, asOf);
    EXPECT_EQ(overview->revenue12m.minor, e.revenue12m);
    EXPECT_EQ(overview->revenuePrior12m.minor, e.revenuePrior12m);
    EXPECT_EQ(overview->margin12m.minor, e.margin12m);
    EXPECT_EQ(overview->orders12m, e.orders12m);
}

TEST_F(CustomerOverviewTest, windowIsWholeCalendarMonthsWhateverTheAsOfDay)
{
    Customer c = sampleCustomer("C1");
    portfolio->customers().insert(c);
    // From 2026-03-31 the window is April 2025 to March 2026; from 2026-02-28, March 2025 to
    // February 2026 (addMonths clamps, the window is whole calendar months either way).
    addOrder(c.id, Date(2025, 3, 1), 1, 100, 0);
    addOrder(c.id, Date(2025, 4, 1), 1, 10, 0);
    const auto fromEndOfMarch = customerOverview(*portfolio, c.id, Date(2026, 3, 31));
    ASSERT_TRUE(fromEndOfMarch.has_value());
    EXPECT_EQ(fromEndOfMarch->revenue12m.minor, 10);
    EXPECT_EQ(fromEndOfMarch->revenuePrior12m.minor, 100);
    const auto fromEndOfFebruary = customerOverview(*portfolio, c.id, Date(2026, 2, 28));
    EXPECT_EQ(fromEndOfFebruary->revenue12m.minor, 110);
    EXPECT_EQ(fromEndOfFebruary->revenuePrior12m.minor, 0);
}

TEST_F(CustomerOverviewTest, showsOwnerContactsAndTheTenNewestOrders)
{
    SalesRep rep;
    rep.code = "R01";
    rep.name = "Ana Ruiz";
    portfolio->reps().insert(rep);
    Customer c = sampleCustomer("C1");
    c.ownerRepId = rep.id;
    portfolio->customers().insert(c);
    for (const auto& [last, primary] : std::vector<std::pair<std::string, bool>>{{"Zed", false}, {"Boss", true}}) {
        Contact contact;
        contact.customerId = c.id;
        contact.lastName = last;
        contact.primary = primary;
        portfolio->contacts().insert(contact);
    }
    std::vector<OrderId> ids;
    for (unsigned month = 1; month <= 12; ++month) {
        ids.push_back(addOrder(c.id, Date(2025, month, 10), 1, 100, 50));
    }
    const auto overview = customerOverview(*portfolio, c.id, Date(2025, 12, 31));
    ASSERT_TRUE(overview.has_value());
    EXPECT_EQ(overview->ownerName, "Ana Ruiz");
    ASSERT_EQ(overview->contacts.size(), 2u);
    EXPECT_EQ(overview->contacts[0].lastName, "Boss");
    ASSERT_EQ(overview->recentOrders.size(), 10u);
    EXPECT_EQ(overview->recentOrders.front().id, ids[11]);
    EXPECT_EQ(overview->recentOrders.back().id, ids[2]);
    EXPECT_EQ(overview->lastOrderDate, Date(2025, 12, 10));
    EXPECT_EQ(overview->orders12m, 12);  // figures cover every order, not just the ten shown
}

TEST(CustomerOverview, figuresOfDemoCustomersMatchTheirOrders)
{
    TempDir dir;
    DemoOptions options;
    options.customers = 120;
    options.seed = 99;
    options.asOf = Date(2026, 6, 30);
    ASSERT_TRUE(createDemoPortfolioFile(dir.file("demo.db"), options, false).ok());
    auto opened = Portfolio::open(dir.file("demo.db"), OpenMode::ReadWrite);
    ASSERT_TRUE(opened.ok());
    Portfolio& portfolio = *opened.value();
    int withRevenue = 0;
    int withPriorRevenue = 0;
    for (const Date asOf : {options.asOf, Date(2025, 11, 15)}) {
        for (const auto& row : portfolio.customers().list({}, {CustomerSortKey::Code, false}, 0, -1)) {
            const auto overview = customerOverview(portfolio, row.id, asOf);
            ASSERT_TRUE(overview.has_value());
            const auto e = expectedFromOrders(portfolio, row.id, asOf);
            EXPECT_EQ(overview->revenue12m.minor, e.revenue12m) << row.code;
            EXPECT_EQ(overview->revenuePrior12m.minor, e.revenuePrior12m) << row.code;
            EXPECT_EQ(overview->margin12m.minor, e.margin12m) << row.code;
            EXPECT_EQ(overview->orders12m, e.orders12m) << row.code;
            withRevenue += e.revenue12m > 0;
            withPriorRevenue += e.revenuePrior12m > 0;
        }
    }
    EXPECT_GT(withRevenue, 100);  // the comparison is not vacuous
    EXPECT_GT(withPriorRevenue, 100);
}

TEST_F(CustomerOverviewTest, showsTheClassOfTheNewestSnapshotThatListsTheCustomer)
{
    Customer big = sampleCustomer("C1", "Big SA");
    portfolio->customers().insert(big);
    Customer small = sampleCustomer("C2", "Small SA");
    portfolio->customers().insert(small);
    addOrder(big.id, Date(2026, 3, 1), 100, 1000, 600);
    addOrder(small.id, Date(2026, 3, 2), 1, 1000, 600);
    EXPECT_FALSE(customerOverview(*portfolio, small.id, Date(2026, 6, 15))->abcStanding.has_value());

    AbcService abc(*portfolio);
    AbcRequest request;
    request.period = MonthRange::twelveMonthsEndingWith(Date(2026, 6, 15));
    auto run = abc.run(request);
    ASSERT_TRUE(run.ok());
    ASSERT_TRUE(abc.saveSnapshot(run.value(), "older", Date(2026, 6, 15)).ok());
    // A newer snapshot with other shares puts the small customer in B.
    AbcService::reclassify(run.value(), AbcThresholds::parse("99,1").value());
    ASSERT_TRUE(abc.saveSnapshot(run.value(), "newer", Date(2026, 7, 1)).ok());

    const auto overview = customerOverview(*portfolio, small.id, Date(2026, 7, 1));
    ASSERT_TRUE(overview->abcStanding.has_value());
    EXPECT_EQ(overview->abcStanding->snapshot.name, "newer");
    EXPECT_EQ(overview->abcStanding->abcClass, AbcClass::B);
    EXPECT_EQ(customerOverview(*portfolio, big.id, Date(2026, 7, 1))->abcStanding->abcClass, AbcClass::A);
}
