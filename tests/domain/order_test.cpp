#include "domain/order.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

namespace {

OrderLine line(std::int64_t quantity, std::int64_t price, int discount = 0, std::int64_t cost = 0)
{
    OrderLine l;
    l.productId = 7;
    l.quantity = quantity;
    l.unitPriceMinor = price;
    l.discountBasisPoints = discount;
    l.unitCostMinor = cost;
    return l;
}

Order validOrder()
{
    Order order;
    order.customerId = 1;
    order.orderDate = Date(2026, 3, 10);
    order.lines = {line(2, 1000, 0, 600), line(1, 500, 1000, 200)};
    return order;
}

/// The `where` of the validation error, or "valid" when the order passes.
std::string failingField(const Order& order)
{
    const auto status = validateOrder(order);
    return status ? std::string("valid") : status.error().where;
}

} // namespace

TEST(Order, validOrderPassesValidation)
{
    EXPECT_TRUE(validateOrder(validOrder()).ok());
}

TEST(Order, revenueSumsDiscountedLinesAndCostSumsUnitCosts)
{
    const Order order = validOrder();
    EXPECT_EQ(order.revenueMinor(), 2000 + 450);
    EXPECT_EQ(order.costMinor(), 1200 + 200);
    EXPECT_EQ(order.lines[1].revenueMinor(), lineAmount(1, 500, 1000));
}

TEST(Order, cancelledOrdersDoNotCountAsSales)
{
    Order order = validOrder();
    EXPECT_TRUE(order.countsAsSales());
    order.status = OrderStatus::Cancelled;
    EXPECT_FALSE(order.countsAsSales());
}

TEST(Order, validationRequiresACustomer)
{
    Order order = validOrder();
    order.customerId = 0;
    EXPECT_EQ(failingField(order), "customer");
    const auto status = validateOrder(order);
    EXPECT_EQ(status.error().code, ErrorCode::InvalidInput);
}

TEST(Order, validationRequiresAtLeastOneLine)
{
    Order order = validOrder();
    order.lines.clear();
    EXPECT_EQ(failingField(order), "lines");
}

TEST(Order, validationNamesTheLineWithANonPositiveQuantity)
{
    Order order = validOrder();
    order.lines[1].quantity = 0;
    EXPECT_EQ(failingField(order), "line 2");
    order.lines[1].quantity = -3;
    const auto status = validateOrder(order);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().where, "line 2");
    EXPECT_NE(status.error().message.find("-3"), std::string::npos) << status.error().message;
    EXPECT_EQ(status.error().describe(), "line 2: " + status.error().message);
}

TEST(Order, validationRefusesNegativePricesAndCosts)
{
    Order order = validOrder();
    order.lines[0].unitPriceMinor = -1;
    EXPECT_EQ(failingField(order), "line 1");
    order = validOrder();
    order.lines[1].unitCostMinor = -1;
    EXPECT_EQ(failingField(order), "line 2");
    order = validOrder();
    order.lines[0].unitPriceMinor = 0;  // a free sample is fine
    EXPECT_EQ(failingField(order), "valid");
}

TEST(Order, validationKeepsDiscountsWithinZeroAndHundredPercent)
{
    Order order = validOrder();
    order.lines[0].discountBasisPoints = 10001;
    EXPECT_EQ(failingField(order), "line 1");
    order.lines[0].discountBasisPoints = -1;
    EXPECT_EQ(failingField(order), "line 1");
    order.lines[0].discountBasisPoints = 10000;
    EXPECT_EQ(failingField(order), "valid");
    order.lines[0].discountBasisPoints = 0;
    EXPECT_EQ(failingField(order), "valid");
}

TEST(Order, validationRequiresAProductOnEveryLine)
{
    Order order = validOrder();
    order.lines[1].productId = 0;
    EXPECT_EQ(failingField(order), "line 2");
}

TEST(Order, validationRequiresTheDateOfEveryStepReached)
{
    Order order = validOrder();
    order.status = OrderStatus::Shipped;
    EXPECT_EQ(failingField(order), "shipped date");
    order.shippedDate = Date(2026, 3, 11);
    EXPECT_EQ(failingField(order), "valid");

    order.status = OrderStatus::Invoiced;
    EXPECT_EQ(failingField(order), "invoiced date");
    order.invoicedDate = Date(2026, 3, 12);
    EXPECT_EQ(failingField(order), "valid");

    order.status = OrderStatus::Paid;
    EXPECT_EQ(failingField(order), "paid date");
    order.paidDate = Date(2026, 4, 12);
    EXPECT_EQ(failingField(order), "valid");

    // A paid order still needs the earlier steps' dates.
    order.shippedDate.reset();
    EXPECT_EQ(failingField(order), "shipped date");
}

TEST(Order, validationRefusesStepDatesBeforeTheOrderDate)
{
    Order order = validOrder();
    order.status = OrderStatus::Shipped;
    order.shippedDate = Date(2026, 3, 9);
    EXPECT_EQ(failingField(order), "shipped date");
    const auto status = validateOrder(order);
    EXPECT_NE(status.error().message.find("2026-03-09"), std::string::npos) << status.error().message;
    EXPECT_NE(status.error().message.find("2026-03-10"), std::string::npos) << status.error().message;

    order.shippedDate = Date(2026, 3, 10);  // the same day is fine
    EXPECT_EQ(failingField(order), "valid");

    order.status = OrderStatus::Invoiced;
    order.invoicedDate = Date(2026, 2, 1);
    EXPECT_EQ(failingField(order), "invoiced date");

    order.status = OrderStatus::Paid;
    order.invoicedDate = Date(2026, 3, 10);
    order.paidDate = Date(2025, 12, 31);
    EXPECT_EQ(failingField(order), "paid date");
}

TEST(Order, validationOfACancelledOrderNeedsOnlyACancelledDateOnOrAfterTheOrder)
{
    Order order = validOrder();
    order.status = OrderStatus::Cancelled;
    EXPECT_EQ(failingField(order), "cancelled date");
    order.cancelledDate = Date(2026, 3, 1);
    EXPECT_EQ(failingField(order), "cancelled date");
    order.cancelledDate = Date(2026, 3, 15);
    EXPECT_EQ(failingField(order), "valid");  // no shipped, invoiced or paid date needed
}

TEST(Order, validationChecksLinesBeforeStatusDates)
{
    Order order = validOrder();
    order.status = OrderStatus::Shipped;
    order.lines[0].quantity = 0;
    EXPECT_EQ(failingField(order), "line 1");
}
