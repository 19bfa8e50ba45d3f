#include "storage/portfolio_counts.h"

#include "storage/contact_repository.h"
#include "storage/customer_repository.h"
#include "storage/order_repository.h"
#include "storage/sales_rep_repository.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::SampleDatabase;
using cartera::testing::sampleCustomer;
using cartera::testing::sampleLine;
using cartera::testing::sampleOrder;

TEST(PortfolioCounts, emptyPortfolioCountsZeroAndHasNoOrderDates)
{
    SampleDatabase sample;
    const auto counts = countPortfolio(sample.db);
    EXPECT_EQ(counts.customers, 0);
    EXPECT_EQ(counts.prospects, 0);
    EXPECT_EQ(counts.contacts, 0);
    EXPECT_EQ(counts.reps, 0);
    EXPECT_EQ(counts.products, 2);  // the sample catalogue
    EXPECT_EQ(counts.orders, 0);
    EXPECT_EQ(counts.orderLines, 0);
    EXPECT_EQ(counts.firstOrderDate, "");
    EXPECT_EQ(counts.lastOrderDate, "");
}

TEST(PortfolioCounts, countsEveryKindOfRecordAndTheOrderSpan)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    Customer a = sampleCustomer("A");
    Customer b = sampleCustomer("B");
    Customer p = sampleCustomer("P");
    p.kind = CustomerKind::Prospect;
    for (Customer* c : {&a, &b, &p}) {
        customers.insert(*c);
    }
    Contact contact;
    contact.customerId = p.id;
    contact.lastName = "Lead";
    ContactRepository(sample.db).insert(contact);
    SalesRep rep;
    rep.code = "R1";
    rep.name = "Rep";
    SalesRepRepository(sample.db).insert(rep);
    OrderRepository orders(sample.db);
    Order first = sampleOrder(a.id, Date(2024, 7, 1), {sampleLine(sample.widget, 1, 100), sampleLine(sample.gadget, 1, 100)});
    Order last = sampleOrder(b.id, Date(2026, 6, 30), {sampleLine(sample.widget, 1, 100)});
    Order middle = sampleOrder(a.id, Date(2025, 1, 1), {sampleLine(sample.widget, 1, 100)});
    for (Order* o : {&last, &first, &middle}) {
        orders.insert(*o);
    }
    const auto counts = countPortfolio(sample.db);
    EXPECT_EQ(counts.customers, 2);
    EXPECT_EQ(counts.prospects, 1);
    EXPECT_EQ(counts.contacts, 1);
    EXPECT_EQ(counts.reps, 1);
    EXPECT_EQ(counts.products, 2);
    EXPECT_EQ(counts.orders, 3);
    EXPECT_EQ(counts.orderLines, 4);
    EXPECT_EQ(counts.firstOrderDate, "2024-07-01");
    EXPECT_EQ(counts.lastOrderDate, "2026-06-30");
}
