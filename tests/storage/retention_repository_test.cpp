#include "storage/retention_repository.h"

#include "storage/activity_repository.h"
#include "storage/customer_repository.h"
#include "storage/exit_repository.h"
#include "storage/order_repository.h"
#include "storage/product_repository.h"
#include "storage/tier_repository.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::sampleCustomer;
using cartera::testing::SampleDatabase;
using cartera::testing::sampleLine;
using cartera::testing::sampleOrder;

namespace {

class RetentionRepositoryTest : public ::testing::Test {
protected:
    CustomerId add(const std::string& code, const std::string& industry, CustomerStatus status = CustomerStatus::Active)
    {
        Customer c = sampleCustomer(code);
        c.industry = industry;
        c.status = status;
        customers.insert(c);
        return c.id;
    }

    void claim(CustomerId customer, Date opened, std::optional<Date> answered = std::nullopt)
    {
        Activity a;
        a.customerId = customer;
        a.type = ActivityType::Claim;
        a.occurredOn = opened;
        a.subject = "Broken";
        a.status = ActivityStatus::Open;
        a.firstResponseOn = answered;
        if (answered) {
            a.status = ActivityStatus::InProgress;
        }
        ActivityRepository(sample.db).insert(a);
    }

    void order(CustomerId customer, Date date, ProductId product, std::int64_t price)
    {
        Order o = sampleOrder(customer, date, {sampleLine(product, 1, price)});
        OrderRepository(sample.db).insert(o);
    }

    SampleDatabase sample;
    CustomerRepository customers{sample.db};
};

} // namespace

TEST_F(RetentionRepositoryTest, readsFiguresStatusClaimsSurveysAndExitsInBulk)
{
    const CustomerId a = add("A", "Retail");
    const CustomerId b = add("B", "Retail", CustomerStatus::Exited);
    order(a, Date(2025, 1, 10), sample.widget, 1000);
    order(a, Date(2025, 1, 20), sample.widget, 500);
    order(a, Date(2025, 3, 5), sample.gadget, 700);
    claim(a, Date(2025, 11, 1));                      // open 44 days on 2025-12-15: overdue
    claim(a, Date(2025, 12, 10));                     // 5 days: not yet
    claim(b, Date(2025, 10, 1), Date(2025, 10, 2));   // answered: not overdue
    CustomerSurvey survey{0, a, Date(2025, 6, 1), SurveyKind::Nps, 3};
    SurveyRepository(sample.db).insert(survey);
    CustomerExit exit;
    exit.customerId = b;
    exit.effectiveOn = Date(2025, 9, 30);
    exit.reasonId = 2;
    ExitRepository(sample.db).insert(exit);

    const auto facts = RetentionRepository(sample.db).readFacts(Date(2025, 12, 15), 14);
    ASSERT_EQ(facts.customers.size(), 2u);
    EXPECT_FALSE(facts.customers[0].exited);
    EXPECT_TRUE(facts.customers[1].exited);
    EXPECT_EQ(facts.customers[0].overdueClaims, 1);
    EXPECT_EQ(facts.customers[1].overdueClaims, 0);
    ASSERT_EQ(facts.customers[0].figureCount, 2u);
    EXPECT_EQ(facts.figures[0].month, 202501);
    EXPECT_EQ(facts.figures[0].revenue, 1500);
    EXPECT_EQ(facts.figures[0].orderCount, 2);
    EXPECT_EQ(facts.figures[1].month, 202503);
    EXPECT_EQ(facts.customers[1].figureCount, 0u);
    ASSERT_EQ(facts.surveys.size(), 1u);
    EXPECT_TRUE(facts.surveys[0].nps);
    EXPECT_EQ(facts.surveys[0].customer, 0u);
    ASSERT_EQ(facts.exits.size(), 1u);
    EXPECT_EQ(facts.exits[0].reasonId, 2);
    EXPECT_EQ(facts.reasons.size(), 8u);
}

TEST_F(RetentionRepositoryTest, industryBasketsCompareWithActivePeersOfTheSameIndustry)
{
    const CustomerId a = add("A", "Retail");
    const CustomerId b = add("B", "Retail");
    const CustomerId c = add("C", "Retail", CustomerStatus::Exited);
    const CustomerId d = add("D", "Energy");
    for (const CustomerId id : {a, b, c, d}) {
        order(id, Date(2025, 6, 1), sample.widget, 1000);
    }
    order(b, Date(2025, 7, 1), sample.gadget, 2000);
    order(b, Date(2024, 1, 1), sample.gadget, 9900);  // before the period
    const auto baskets = RetentionRepository(sample.db).industryBaskets(a, MonthRange::calendarYear(2025).value(), 100);
    EXPECT_EQ(baskets.industry, "Retail");
    EXPECT_EQ(baskets.target.size(), 1u);
    ASSERT_EQ(baskets.peers.size(), 1u);  // C has exited, D is another industry
    const auto& basket = baskets.peers.at(b);
    ASSERT_EQ(basket.size(), 1u);  // widget and gadget share the sample's one category
    EXPECT_EQ(basket.begin()->second.revenue, 3000);
    EXPECT_EQ(basket.begin()->second.orders, 2);
}
