#include "storage/order_repository.h"

#include "storage/customer_repository.h"
#include "storage/sales_rep_repository.h"
#include "storage/setting_repository.h"
#include "storage/storage_error.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

#include <functional>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::SampleDatabase;
using cartera::testing::sampleCustomer;
using cartera::testing::sampleLine;
using cartera::testing::sampleOrder;

namespace cartera::storage {
// Readable failure messages for monthly figures.
void PrintTo(const MonthlyFigure& f, std::ostream* out)
{
    *out << "{" << f.month << ", revenue " << f.revenueMinor << ", cost " << f.costMinor << ", orders " << f.orderCount
         << "}";
}
} // namespace cartera::storage

namespace {

using Figures = std::vector<MonthlyFigure>;

std::string failureOf(const std::function<void()>& action, std::string* message = nullptr)
{
    try {
        action();
        return "none";
    } catch (const StorageError& e) {
        if (message) {
            *message = e.what();
        }
        switch (e.failure()) {
        case StorageFailure::Constraint: return "Constraint";
        case StorageFailure::NotFound: return "NotFound";
        default: return "other: " + std::string(e.what());
        }
    }
}

class OrderRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        Customer a = sampleCustomer("A");
        Customer b = sampleCustomer("B");
        customers.insert(a);
        customers.insert(b);
        customerA = a.id;
        customerB = b.id;
        SalesRep rep;
        rep.code = "R01";
        rep.name = "Ana Ruiz";
        SalesRepRepository(sample.db).insert(rep);
        repId = rep.id;
    }

    std::int64_t orderRows() const { return sample.count("SELECT count(*) FROM sales_order"); }
    std::int64_t lineRows() const { return sample.count("SELECT count(*) FROM order_line"); }

    SampleDatabase sample;
    CustomerRepository customers{sample.db};
    OrderRepository orders{sample.db};
    CustomerId customerA = 0;
    CustomerId customerB = 0;
    RepId repId = 0;
};

} // namespace

TEST_F(OrderRepositoryTest, insertSetsIdsAndLineNumbersAndFindReturnsAnEqualOrder)
{
    Order order = sampleOrder(customerA, Date(2026, 3, 10),
                              {sampleLine(sample.widget, 3, 1999, 0, 1200), sampleLine(sample.gadget, 2, 4550, 1000, 3000)});
    order.repId = repId;
    order.status = OrderStatus::Paid;
    order.shippedDate = Date(2026, 3, 12);
    order.invoicedDate = Date(2026, 3, 13);
    order.paidDate = Date(2026, 4, 20);
    order.notes = "Deliver to the back door";
    orders.insert(order);
    EXPECT_GT(order.id, 0);
    EXPECT_EQ(order.lines[0].lineNo, 1);
    EXPECT_EQ(order.lines[1].lineNo, 2);
    const auto found = orders.find(order.id);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(*found, order);
    EXPECT_FALSE(orders.find(order.id + 1).has_value());
}

TEST_F(OrderRepositoryTest, minimalOrderRoundTrips)
{
    Order order = sampleOrder(customerB, Date(2025, 12, 31), {sampleLine(sample.widget, 1, 0)});
    orders.insert(order);
    EXPECT_EQ(orders.find(order.id), order);
}

TEST_F(OrderRepositoryTest, insertRefusesAnInvalidOrderAndWritesNothing)
{
    Order noLines = sampleOrder(customerA, Date(2026, 1, 1), {});
    std::string message;
    EXPECT_EQ(failureOf([&] { orders.insert(noLines); }, &message), "Constraint");
    EXPECT_NE(message.find("lines"), std::string::npos) << message;

    Order badQuantity = sampleOrder(customerA, Date(2026, 1, 1),
                                    {sampleLine(sample.widget, 1, 100), sampleLine(sample.gadget, 0, 100)});
    EXPECT_EQ(failureOf([&] { orders.insert(badQuantity); }, &message), "Constraint");
    EXPECT_NE(message.find("line 2"), std::string::npos) << message;

    EXPECT_EQ(orderRows(), 0);
    EXPECT_EQ(lineRows(), 0);
    EXPECT_TRUE(orders.monthlyFigures(customerA).empty());
}

TEST_F(OrderRepositoryTest, insertRollsBackWhenALineIsRefusedByTheDatabase)
{
    // The second line names a product that does not exist: the foreign key fails after the
    // order row and the first line were written; none of it may stay.
    Order order = sampleOrder(customerA, Date(2026, 1, 1),
                              {sampleLine(sample.widget, 1, 100), sampleLine(987654, 1, 100)});
    EXPECT_EQ(failureOf([&] { orders.insert(order); }), "Constraint");
    EXPECT_EQ(orderRows(), 0);
    EXPECT_EQ(lineRows(), 0);
    EXPECT_TRUE(orders.monthlyFigures(customerA).empty());
    // The connection is not left inside a transaction.
    Order good = sampleOrder(customerA, Date(2026, 1, 1), {sampleLine(sample.widget, 1, 100)});
    orders.insert(good);
    EXPECT_EQ(orderRows(), 1);
}

TEST_F(OrderRepositoryTest, orderOfAMissingCustomerIsRefused)
{
    Order order = sampleOrder(999999, Date(2026, 1, 1), {sampleLine(sample.widget, 1, 100)});
    EXPECT_EQ(failureOf([&] { orders.insert(order); }), "Constraint");
    EXPECT_EQ(orderRows(), 0);
    EXPECT_EQ(sample.count("SELECT count(*) FROM customer_month"), 0);
}

TEST_F(OrderRepositoryTest, orderInAnotherCurrencyIsRefused)
{
    Order order = sampleOrder(customerA, Date(2026, 1, 1), {sampleLine(sample.widget, 1, 100)});
    order.currency = *CurrencyCode::parse("USD");
    std::string message;
    EXPECT_EQ(failureOf([&] { orders.insert(order); }, &message), "Constraint");
    EXPECT_NE(message.find("USD"), std::string::npos) << message;
    EXPECT_NE(message.find("EUR"), std::string::npos) << message;
    EXPECT_EQ(orderRows(), 0);
    EXPECT_TRUE(orders.monthlyFigures(customerA).empty());
}

TEST(OrderRepository, orderInThePortfolioCurrencyIsAcceptedWhenThatIsNotEuro)
{
    SampleDatabase sample;
    SettingRepository(sample.db).set(SettingRepository::kCurrency, "USD");
    Customer c = sampleCustomer("US1");
    CustomerRepository(sample.db).insert(c);
    OrderRepository orders(sample.db);
    Order euro = sampleOrder(c.id, Date(2026, 1, 1), {sampleLine(sample.widget, 1, 100)});
    EXPECT_THROW(orders.insert(euro), StorageError);
    Order dollars = euro;
    dollars.currency = *CurrencyCode::parse("USD");
    orders.insert(dollars);
    EXPECT_EQ(orders.find(dollars.id)->currency.str(), "USD");
}

TEST_F(OrderRepositoryTest, monthlyFiguresStayExactThroughInsertsCancelsAndRemoves)
{
    const auto insert = [&](CustomerId customer, Date date, std::vector<OrderLine> lines,
                            OrderStatus status = OrderStatus::Ordered) {
        Order order = sampleOrder(customer, date, std::move(lines));
        order.status = status;
        if (status == OrderStatus::Cancelled) {
            order.cancelledDate = date;
        }
        orders.insert(order);
        return order.id;
    };
    // Revenue of each order worked out by hand (half-cent amounts round up):
    //   o1: 3 x 19.99 + 2 x 45.50 less 10 % = 59.97 + 81.90          = 141.87, cost 36.00 + 60.00 = 96.00
    //   o2: 1 x 19.99 less 2.5 % = 19.49025                          =  19.49, cost 12.00
    //   o3: 5 x 45.50                                                 = 227.50, cost 150.00
    //   o4: 1 x 19.99 (customer B)                                    =  19.99, cost 12.00
    //   o5: 10 x 19.99 less 5 % = 189.905                             = 189.91, cost 120.00
    const auto o1 = insert(customerA, Date(2026, 1, 15),
                           {sampleLine(sample.widget, 3, 1999, 0, 1200), sampleLine(sample.gadget, 2, 4550, 1000, 3000)});
    const auto o2 = insert(customerA, Date(2026, 1, 31), {sampleLine(sample.widget, 1, 1999, 250, 1200)});
    const auto o3 = insert(customerA, Date(2026, 3, 2), {sampleLine(sample.gadget, 5, 4550, 0, 3000)});
    insert(customerB, Date(2026, 1, 10), {sampleLine(sample.widget, 1, 1999, 0, 1200)});
    insert(customerA, Date(2025, 12, 31), {sampleLine(sample.widget, 10, 1999, 500, 1200)});
    // A cancelled order counts for nothing from the start.
    const auto o6 = insert(customerA, Date(2026, 2, 14), {sampleLine(sample.gadget, 7, 4550, 0, 3000)},
                           OrderStatus::Cancelled);
    (void)o1;

    EXPECT_EQ(orders.monthlyFigures(customerA), (Figures{{202512, 18991, 12000, 1},
                                                         {202601, 14187 + 1949, 9600 + 1200, 2},
                                                         {202603, 22750, 15000, 1}}));
    EXPECT_EQ(orders.monthlyFigures(customerB), (Figures{{202601, 1999, 1200, 1}}));
    EXPECT_EQ(orders.countMonthlyFigureMismatches(), 0);

    // Cancelling the only March order removes the month entirely.
    orders.setStatus(o3, OrderStatus::Cancelled, Date(2026, 3, 5));
    EXPECT_EQ(orders.monthlyFigures(customerA), (Figures{{202512, 18991, 12000, 1},
                                                         {202601, 16136, 10800, 2}}));
    EXPECT_EQ(orders.countMonthlyFigureMismatches(), 0);

    // Removing o2 takes it out of January.
    orders.remove(o2);
    EXPECT_EQ(orders.monthlyFigures(customerA), (Figures{{202512, 18991, 12000, 1}, {202601, 14187, 9600, 1}}));
    EXPECT_EQ(orders.countMonthlyFigureMismatches(), 0);

    // Removing cancelled orders changes nothing.
    orders.remove(o3);
    orders.remove(o6);
    EXPECT_EQ(orders.monthlyFigures(customerA), (Figures{{202512, 18991, 12000, 1}, {202601, 14187, 9600, 1}}));

    // A second order in January adds to the month: 1 x 45.50, cost 30.00.
    insert(customerA, Date(2026, 1, 20), {sampleLine(sample.gadget, 1, 4550, 0, 3000)});
    EXPECT_EQ(orders.monthlyFigures(customerA), (Figures{{202512, 18991, 12000, 1},
                                                         {202601, 14187 + 4550, 9600 + 3000, 2}}));
    EXPECT_EQ(orders.monthlyFigures(customerB), (Figures{{202601, 1999, 1200, 1}}));
    EXPECT_EQ(orders.countMonthlyFigureMismatches(), 0);

    EXPECT_EQ(orders.revenueBetween(customerA, 202601, 202612), 18737);
    EXPECT_EQ(orders.revenueBetween(customerA, 202501, 202612), 18737 + 18991);
    EXPECT_EQ(orders.revenueBetween(customerA, 202512, 202512), 18991);
    EXPECT_EQ(orders.revenueBetween(customerA, 202602, 202612), 0);
    EXPECT_EQ(orders.revenueBetween(customerB, 202601, 202601), 1999);
}

TEST_F(OrderRepositoryTest, statusStepsOtherThanCancelKeepTheMonthlyFigures)
{
    Order order = sampleOrder(customerA, Date(2026, 5, 5), {sampleLine(sample.widget, 2, 1999, 0, 1200)});
    orders.insert(order);
    const Figures expected{{202605, 3998, 2400, 1}};
    orders.setStatus(order.id, OrderStatus::Shipped, Date(2026, 5, 6));
    EXPECT_EQ(orders.monthlyFigures(customerA), expected);
    orders.setStatus(order.id, OrderStatus::Invoiced, Date(2026, 5, 7));
    EXPECT_EQ(orders.monthlyFigures(customerA), expected);
    orders.setStatus(order.id, OrderStatus::Paid, Date(2026, 6, 30));
    EXPECT_EQ(orders.monthlyFigures(customerA), expected);
    EXPECT_EQ(orders.countMonthlyFigureMismatches(), 0);

    const auto found = orders.find(order.id);
    EXPECT_EQ(found->status, OrderStatus::Paid);
    EXPECT_EQ(found->shippedDate, Date(2026, 5, 6));
    EXPECT_EQ(found->invoicedDate, Date(2026, 5, 7));
    EXPECT_EQ(found->paidDate, Date(2026, 6, 30));
}

TEST_F(OrderRepositoryTest, payingAnOrderFillsTheMissingEarlierStepDates)
{
    Order order = sampleOrder(customerA, Date(2026, 5, 5), {sampleLine(sample.widget, 1, 1999)});
    orders.insert(order);
    orders.setStatus(order.id, OrderStatus::Paid, Date(2026, 5, 20));
    const auto found = orders.find(order.id);
    EXPECT_EQ(found->shippedDate, Date(2026, 5, 20));
    EXPECT_EQ(found->invoicedDate, Date(2026, 5, 20));
    EXPECT_EQ(found->paidDate, Date(2026, 5, 20));
}

TEST_F(OrderRepositoryTest, paidAndCancelledOrdersCannotChangeStatus)
{
    Order paid = sampleOrder(customerA, Date(2026, 5, 5), {sampleLine(sample.widget, 1, 1999, 0, 1200)});
    orders.insert(paid);
    orders.setStatus(paid.id, OrderStatus::Paid, Date(2026, 5, 20));
    EXPECT_EQ(failureOf([&] { orders.setStatus(paid.id, OrderStatus::Cancelled, Date(2026, 5, 21)); }), "Constraint");
    EXPECT_EQ(orders.find(paid.id)->status, OrderStatus::Paid);
    EXPECT_EQ(orders.monthlyFigures(customerA), (Figures{{202605, 1999, 1200, 1}}));

    Order cancelled = sampleOrder(customerA, Date(2026, 5, 6), {sampleLine(sample.widget, 1, 1999)});
    orders.insert(cancelled);
    orders.setStatus(cancelled.id, OrderStatus::Cancelled, Date(2026, 5, 7));
    EXPECT_EQ(failureOf([&] { orders.setStatus(cancelled.id, OrderStatus::Shipped, Date(2026, 5, 8)); }),
              "Constraint");
    EXPECT_EQ(orders.find(cancelled.id)->status, OrderStatus::Cancelled);
    // Cancelling twice is harmless and does not subtract twice.
    orders.setStatus(cancelled.id, OrderStatus::Cancelled, Date(2026, 5, 9));
    EXPECT_EQ(orders.monthlyFigures(customerA), (Figures{{202605, 1999, 1200, 1}}));
    EXPECT_EQ(orders.countMonthlyFigureMismatches(), 0);
}

TEST_F(OrderRepositoryTest, setStatusWithADateBeforeTheOrderIsRefusedAndChangesNothing)
{
    Order order = sampleOrder(customerA, Date(2026, 5, 5), {sampleLine(sample.widget, 1, 1999)});
    orders.insert(order);
    std::string message;
    EXPECT_EQ(failureOf([&] { orders.setStatus(order.id, OrderStatus::Cancelled, Date(2026, 5, 1)); }, &message),
              "Constraint");
    EXPECT_NE(message.find("cancelled date"), std::string::npos) << message;
    EXPECT_EQ(orders.find(order.id), order);
    EXPECT_EQ(orders.monthlyFigures(customerA), (Figures{{202605, 1999, 0, 1}}));
}

TEST_F(OrderRepositoryTest, setStatusAndRemoveOfAMissingOrderFailWithNotFound)
{
    EXPECT_EQ(failureOf([&] { orders.setStatus(4242, OrderStatus::Shipped, Date(2026, 1, 1)); }), "NotFound");
    EXPECT_EQ(failureOf([&] { orders.remove(4242); }), "NotFound");
}

TEST_F(OrderRepositoryTest, removeDeletesTheOrderAndItsLines)
{
    Order a = sampleOrder(customerA, Date(2026, 5, 5), {sampleLine(sample.widget, 1, 1999), sampleLine(sample.gadget, 1, 4550)});
    Order b = sampleOrder(customerA, Date(2026, 5, 6), {sampleLine(sample.widget, 1, 1999)});
    orders.insert(a);
    orders.insert(b);
    orders.remove(a.id);
    EXPECT_FALSE(orders.find(a.id).has_value());
    EXPECT_EQ(orders.find(b.id), b);
    EXPECT_EQ(lineRows(), 1);
}

TEST_F(OrderRepositoryTest, forCustomerSummarisesOrdersNewestFirst)
{
    Order older = sampleOrder(customerA, Date(2026, 1, 5), {sampleLine(sample.widget, 3, 1999, 0, 1200)});
    Order newer = sampleOrder(customerA, Date(2026, 2, 5),
                              {sampleLine(sample.widget, 1, 1999, 250, 1200), sampleLine(sample.gadget, 2, 4550, 0, 3000)});
    Order sameDay = sampleOrder(customerA, Date(2026, 2, 5), {sampleLine(sample.gadget, 1, 4550, 0, 3000)});
    Order otherCustomer = sampleOrder(customerB, Date(2026, 3, 5), {sampleLine(sample.widget, 1, 1999)});
    for (Order* o : {&older, &newer, &sameDay, &otherCustomer}) {
        orders.insert(*o);
    }
    orders.setStatus(older.id, OrderStatus::Cancelled, Date(2026, 1, 6));
    const auto summaries = orders.forCustomer(customerA);
    ASSERT_EQ(summaries.size(), 3u);
    EXPECT_EQ(summaries[0].id, sameDay.id);  // same date: the later order first
    EXPECT_EQ(summaries[1].id, newer.id);
    EXPECT_EQ(summaries[2].id, older.id);
    EXPECT_EQ(summaries[1].orderDate, Date(2026, 2, 5));
    EXPECT_EQ(summaries[1].status, OrderStatus::Ordered);
    EXPECT_EQ(summaries[1].revenueMinor, 1949 + 9100);
    EXPECT_EQ(summaries[1].costMinor, 1200 + 6000);
    EXPECT_EQ(summaries[1].lineCount, 2);
    EXPECT_EQ(summaries[2].status, OrderStatus::Cancelled);
    EXPECT_EQ(summaries[2].revenueMinor, 5997);  // the order's own value, cancelled or not
    EXPECT_TRUE(orders.forCustomer(999).empty());
}

TEST_F(OrderRepositoryTest, rebuildMonthlyFiguresRepairsACorruptedTable)
{
    for (unsigned month = 1; month <= 4; ++month) {
        Order a = sampleOrder(customerA, Date(2026, month, 3), {sampleLine(sample.widget, month, 1999, 0, 1200)});
        Order b = sampleOrder(customerB, Date(2026, month, 9), {sampleLine(sample.gadget, 1, 4550, 500, 3000)});
        orders.insert(a);
        orders.insert(b);
    }
    const auto expectedA = orders.monthlyFigures(customerA);
    const auto expectedB = orders.monthlyFigures(customerB);
    ASSERT_EQ(expectedA, (Figures{{202601, 1999, 1200, 1}, {202602, 3998, 2400, 1}, {202603, 5997, 3600, 1},
                                  {202604, 7996, 4800, 1}}));
    ASSERT_EQ(expectedB.size(), 4u);
    EXPECT_EQ(expectedB[0], (MonthlyFigure{202601, 4323, 3000, 1}));  // 45.50 less 5 % = 43.225 -> 43.23

    // An outside edit: a wrong revenue, a wrong cost, a wrong count, a missing month and a stray month.
    sample.db.execute("UPDATE customer_month SET revenue = revenue + 1 WHERE month = 202601 AND customer_id = " +
                      std::to_string(customerA));
    sample.db.execute("UPDATE customer_month SET cost = 0 WHERE month = 202602 AND customer_id = " +
                      std::to_string(customerA));
    sample.db.execute("UPDATE customer_month SET order_count = 5 WHERE month = 202603 AND customer_id = " +
                      std::to_string(customerB));
    sample.db.execute("DELETE FROM customer_month WHERE month = 202604 AND customer_id = " + std::to_string(customerB));
    sample.db.execute("INSERT INTO customer_month VALUES (" + std::to_string(customerB) + ", 201001, 1, 1, 1)");
    EXPECT_EQ(orders.countMonthlyFigureMismatches(), 5);

    orders.rebuildMonthlyFigures();
    EXPECT_EQ(orders.countMonthlyFigureMismatches(), 0);
    EXPECT_EQ(orders.monthlyFigures(customerA), expectedA);
    EXPECT_EQ(orders.monthlyFigures(customerB), expectedB);
}

TEST_F(OrderRepositoryTest, rebuildMonthlyFiguresLeavesCancelledOrdersOut)
{
    Order kept = sampleOrder(customerA, Date(2026, 1, 3), {sampleLine(sample.widget, 1, 1999, 0, 1200)});
    Order cancelled = sampleOrder(customerA, Date(2026, 2, 3), {sampleLine(sample.widget, 1, 1999, 0, 1200)});
    orders.insert(kept);
    orders.insert(cancelled);
    orders.setStatus(cancelled.id, OrderStatus::Cancelled, Date(2026, 2, 4));
    sample.db.execute("DELETE FROM customer_month");
    orders.rebuildMonthlyFigures();
    EXPECT_EQ(orders.monthlyFigures(customerA), (Figures{{202601, 1999, 1200, 1}}));
}

TEST_F(OrderRepositoryTest, monthlyFiguresStayExactForLinesPastTwoToTheSixtyThird)
{
    // Regression test, fixed (src/storage/order_repository.cpp, kLineRevenue): the SQL that recomputes line revenue
    // for countMonthlyFigureMismatches(), rebuildMonthlyFigures() and forCustomer() evaluates
    // quantity * unit_price * (10000 - discount_bp) in 64-bit SQLite integers; past 2^63 SQLite
    // silently switches to floating point. domain::lineAmount, which fills customer_month on
    // insert, uses 128-bit arithmetic and is exact. Here forCustomer() reports ...246104 instead
    // of ...246106, the check counts a mismatch in a consistent file, and a rebuild writes the
    // inexact value. Fix: split the product so no intermediate passes 2^63; with
    // g = quantity * unit_price (non-negative), the same half-up rounding is
    //   g - (g / 10000) * discount_bp - ((g % 10000) * discount_bp + 4999) / 10000
    // 1234567 x 98765432.10 EUR less 3.33 %: 1.18e20 before the division by 10000.
    Order huge = sampleOrder(customerA, Date(2026, 1, 3), {sampleLine(sample.widget, 1'234'567, 9'876'543'210, 333)});
    orders.insert(huge);
    EXPECT_EQ(orders.monthlyFigures(customerA), (Figures{{202601, 11'787'218'952'246'106, 0, 1}}));
    EXPECT_EQ(orders.countMonthlyFigureMismatches(), 0);
    EXPECT_EQ(orders.forCustomer(customerA).at(0).revenueMinor, 11'787'218'952'246'106);
    orders.rebuildMonthlyFigures();
    EXPECT_EQ(orders.monthlyFigures(customerA), (Figures{{202601, 11'787'218'952'246'106, 0, 1}}));
}

namespace {

/// A customer's figures by category as stored: category name, month, revenue, cost, orders.
struct CategoryFigure {
    std::string category;
    int month = 0;
    std::int64_t revenue = 0;
    std::int64_t cost = 0;
    std::int64_t orders = 0;
    friend bool operator==(const CategoryFigure&, const CategoryFigure&) = default;
};

void PrintTo(const CategoryFigure& f, std::ostream* out)
{
    *out << "{" << f.category << ", " << f.month << ", revenue " << f.revenue << ", cost " << f.cost << ", orders "
         << f.orders << "}";
}

std::vector<CategoryFigure> categoryFigures(const Database& db, CustomerId customer)
{
    auto s = db.prepare(
        "SELECT c.name, m.month, m.revenue, m.cost, m.order_count FROM customer_category_month AS m"
        " JOIN product_category AS c ON c.id = m.category_id WHERE m.customer_id = ?1 ORDER BY m.month, c.name");
    s.bind(1, customer);
    std::vector<CategoryFigure> result;
    while (s.step()) {
        result.push_back({s.text(0), s.int32(1), s.int64(2), s.int64(3), s.int64(4)});
    }
    return result;
}

} // namespace

TEST_F(OrderRepositoryTest, everyOrderWriteKeepsTheFiguresByCategoryCurrent)
{
    ProductRepository products(sample.db);
    ProductCategory software{0, "Software"};
    products.insertCategory(software);
    Product licence;
    licence.code = "P-LICENCE";
    licence.name = "Licence";
    licence.categoryId = software.id;
    licence.listPrice.minor = 10000;
    licence.unitCost.minor = 1000;
    products.insert(licence);

    // o1: widget and gadget (Hardware) and a licence (Software); o2: a widget; o3: a licence.
    Order o1 = sampleOrder(customerA, Date(2026, 1, 15),
                           {sampleLine(sample.widget, 3, 1999, 0, 1200), sampleLine(licence.id, 1, 10000, 0, 1000),
                            sampleLine(sample.gadget, 2, 4550, 1000, 3000)});
    Order o2 = sampleOrder(customerA, Date(2026, 1, 20), {sampleLine(sample.widget, 1, 1999, 0, 1200)});
    Order o3 = sampleOrder(customerA, Date(2026, 2, 1), {sampleLine(licence.id, 2, 10000, 500, 1000)});
    orders.insert(o1);
    orders.insert(o2);
    orders.insert(o3);
    using Figures = std::vector<CategoryFigure>;
    // Hardware in January: 59.97 + 81.90 + 19.99 in two orders; Software: 100.00 in one.
    EXPECT_EQ(categoryFigures(sample.db, customerA), (Figures{{"Hardware", 202601, 5997 + 8190 + 1999, 3600 + 6000 + 1200, 2},
                                                          {"Software", 202601, 10000, 1000, 1},
                                                          {"Software", 202602, 19000, 2000, 1}}));
    // The split adds up to the monthly figures.
    EXPECT_EQ(sample.count("SELECT sum(revenue) FROM customer_category_month"),
              sample.count("SELECT sum(revenue) FROM customer_month"));
    EXPECT_EQ(orders.countCategoryFigureMismatches(), 0);

    // Cancelling o1 takes its lines out of both categories; Hardware keeps o2.
    orders.setStatus(o1.id, OrderStatus::Cancelled, Date(2026, 1, 16));
    EXPECT_EQ(categoryFigures(sample.db, customerA), (Figures{{"Hardware", 202601, 1999, 1200, 1},
                                                          {"Software", 202602, 19000, 2000, 1}}));
    EXPECT_EQ(orders.countCategoryFigureMismatches(), 0);

    // Removing o3 removes February's row.
    orders.remove(o3.id);
    EXPECT_EQ(categoryFigures(sample.db, customerA), (Figures{{"Hardware", 202601, 1999, 1200, 1}}));
    EXPECT_EQ(orders.countCategoryFigureMismatches(), 0);

    // insertMany sums per customer, category and month before writing.
    std::vector<Order> batch{sampleOrder(customerB, Date(2026, 3, 1), {sampleLine(licence.id, 1, 10000, 0, 1000)}),
                             sampleOrder(customerB, Date(2026, 3, 9), {sampleLine(licence.id, 1, 10000, 0, 1000),
                                                                       sampleLine(licence.id, 1, 10000, 0, 1000)})};
    orders.insertMany(batch);
    EXPECT_EQ(categoryFigures(sample.db, customerB), (Figures{{"Software", 202603, 30000, 3000, 2}}));
    EXPECT_EQ(orders.countCategoryFigureMismatches(), 0);

    // Deleting the customer deletes its figures with it.
    customers.remove(customerB);
    EXPECT_TRUE(categoryFigures(sample.db, customerB).empty());
    EXPECT_EQ(orders.countCategoryFigureMismatches(), 0);
}

TEST_F(OrderRepositoryTest, anOrderOfAnUnknownProductIsRefusedWithNothingWritten)
{
    Order order = sampleOrder(customerA, Date(2026, 1, 15), {sampleLine(999, 1, 1999, 0, 1200)});
    EXPECT_EQ(failureOf([&] { orders.insert(order); }), "Constraint");
    EXPECT_EQ(orderRows(), 0);
    EXPECT_EQ(sample.count("SELECT count(*) FROM customer_category_month"), 0);
    EXPECT_EQ(sample.count("SELECT count(*) FROM customer_month"), 0);
}

TEST_F(OrderRepositoryTest, checkAndRebuildCoverTheFiguresByCategory)
{
    for (unsigned month = 1; month <= 3; ++month) {
        Order a = sampleOrder(customerA, Date(2026, month, 3), {sampleLine(sample.widget, month, 1999, 0, 1200)});
        orders.insert(a);
    }
    const auto expected = categoryFigures(sample.db, customerA);
    ASSERT_EQ(expected.size(), 3u);
    // A wrong revenue, a wrong count, a missing row and a stray row.
    const auto a = std::to_string(customerA);
    sample.db.execute("UPDATE customer_category_month SET revenue = revenue + 1 WHERE month = 202601 AND customer_id = " + a);
    sample.db.execute("UPDATE customer_category_month SET order_count = 4 WHERE month = 202602 AND customer_id = " + a);
    sample.db.execute("DELETE FROM customer_category_month WHERE month = 202603 AND customer_id = " + a);
    sample.db.execute("INSERT INTO customer_category_month SELECT " + a + ", id, 201001, 1, 1, 1 FROM product_category");
    EXPECT_EQ(orders.countCategoryFigureMismatches(), 4);
    EXPECT_EQ(orders.countMonthlyFigureMismatches(), 0);  // the totals are another table

    orders.rebuildMonthlyFigures();
    EXPECT_EQ(orders.countCategoryFigureMismatches(), 0);
    EXPECT_EQ(categoryFigures(sample.db, customerA), expected);
}

TEST_F(OrderRepositoryTest, aProductMovedToAnotherCategoryTakesItsPastSalesWithIt)
{
    ProductRepository products(sample.db);
    ProductCategory tools{0, "Tools"};
    products.insertCategory(tools);
    Order mixed = sampleOrder(customerA, Date(2026, 1, 15),
                              {sampleLine(sample.widget, 1, 1999, 0, 1200), sampleLine(sample.gadget, 1, 4550, 0, 3000)});
    Order widgets = sampleOrder(customerB, Date(2026, 2, 15), {sampleLine(sample.widget, 2, 1999, 0, 1200)});
    Order cancelled = sampleOrder(customerB, Date(2026, 3, 15), {sampleLine(sample.widget, 2, 1999, 0, 1200)});
    orders.insert(mixed);
    orders.insert(widgets);
    orders.insert(cancelled);
    orders.setStatus(cancelled.id, OrderStatus::Cancelled, Date(2026, 3, 16));

    auto widget = *products.find(sample.widget);
    widget.categoryId = tools.id;
    products.update(widget);
    using Figures = std::vector<CategoryFigure>;
    EXPECT_EQ(categoryFigures(sample.db, customerA), (Figures{{"Hardware", 202601, 4550, 3000, 1},
                                                          {"Tools", 202601, 1999, 1200, 1}}));
    EXPECT_EQ(categoryFigures(sample.db, customerB), (Figures{{"Tools", 202602, 3998, 2400, 1}}));
    EXPECT_EQ(orders.countCategoryFigureMismatches(), 0);

    // New orders of the widget go to its new category; a rename alone moves nothing.
    widget.name = "Widget (tool)";
    products.update(widget);
    Order later = sampleOrder(customerA, Date(2026, 1, 20), {sampleLine(sample.widget, 1, 1999, 0, 1200)});
    orders.insert(later);
    EXPECT_EQ(categoryFigures(sample.db, customerA), (Figures{{"Hardware", 202601, 4550, 3000, 1},
                                                          {"Tools", 202601, 3998, 2400, 2}}));
    EXPECT_EQ(orders.countCategoryFigureMismatches(), 0);
}

TEST_F(OrderRepositoryTest, aRepositoryToldTheCatalogueIsFixedWritesTheSameFigures)
{
    OrderRepository bulk(sample.db);
    bulk.assumeFixedCatalogue();
    for (unsigned month = 1; month <= 3; ++month) {
        std::vector<Order> batch{sampleOrder(customerA, Date(2026, month, 3), {sampleLine(sample.widget, month, 1999, 0, 1200)}),
                                 sampleOrder(customerB, Date(2026, month, 4), {sampleLine(sample.gadget, 1, 4550, 0, 3000),
                                                                               sampleLine(sample.widget, 2, 1999, 0, 1200)})};
        bulk.insertMany(batch);
    }
    EXPECT_EQ(sample.count("SELECT count(*) FROM customer_category_month"), 6);
    EXPECT_EQ(bulk.countCategoryFigureMismatches(), 0);
    EXPECT_EQ(bulk.countMonthlyFigureMismatches(), 0);
}
