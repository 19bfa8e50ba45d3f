#include "storage/opportunity_repository.h"

#include "storage/customer_repository.h"
#include "storage/order_repository.h"
#include "storage/storage_error.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::sampleCustomer;
using cartera::testing::SampleDatabase;
using cartera::testing::sampleLine;
using cartera::testing::sampleOrder;

namespace {

class OpportunityRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto c = sampleCustomer("C1");
        CustomerRepository(sample.db).insert(c);
        customer = c.id;
    }

    Opportunity opportunity()
    {
        Opportunity o;
        o.customerId = customer;
        o.title = "Widgets";
        o.amount.minor = 5000;
        o.stage = "proposal";
        o.expectedClose = Date(2026, 3, 31);
        o.createdOn = Date(2026, 1, 2);
        o.stageChangedOn = o.createdOn;
        o.lines = {{sample.widget, 3, 4000}, {sample.gadget, 1, 1000}};
        return o;
    }

    SampleDatabase sample;
    OpportunityRepository repository{sample.db};
    CustomerId customer = 0;
};

} // namespace

TEST_F(OpportunityRepositoryTest, theDefaultStagesAndLostReasonsAreThere)
{
    const auto stages = repository.stages();
    ASSERT_EQ(stages, defaultStages());
    EXPECT_EQ(repository.lostReasons().size(), defaultLostReasons().size());
    repository.updateStage({"proposal", "Offer sent", 3, 40, StageOutcome::Open});
    EXPECT_EQ(repository.stages()[2].name, "Offer sent");
    EXPECT_EQ(repository.stages()[2].probabilityPercent, 40);
    repository.saveLostReason({"legal", "Legal said no"});
    EXPECT_EQ(repository.lostReasons().size(), defaultLostReasons().size() + 1);
}

TEST_F(OpportunityRepositoryTest, savesAndReadsBackWithLines)
{
    auto o = opportunity();
    repository.insert(o);
    EXPECT_EQ(repository.find(o.id), o);
    o.lines.pop_back();
    o.probabilityOverride = 90;
    repository.update(o);
    EXPECT_EQ(repository.find(o.id), o);
    EXPECT_EQ(sample.count("SELECT count(*) FROM opportunity_line"), 1);
    repository.remove(o.id);
    EXPECT_FALSE(repository.find(o.id));
    EXPECT_EQ(sample.count("SELECT count(*) FROM opportunity_line"), 0);
    EXPECT_THROW(repository.update(o), StorageError);
}

TEST_F(OpportunityRepositoryTest, anUnknownStageOrReasonIsRefusedByTheSchema)
{
    auto o = opportunity();
    o.stage = "dreaming";
    EXPECT_THROW(repository.insert(o), StorageError);
    o = opportunity();
    o.lostReason = "astrology";
    EXPECT_THROW(repository.insert(o), StorageError);
}

TEST_F(OpportunityRepositoryTest, monthlyRevenueFillsMonthsWithoutSales)
{
    OrderRepository orders(sample.db);
    auto order = sampleOrder(customer, Date(2025, 12, 3), {sampleLine(sample.widget, 2, 1000)});
    orders.insert(order);
    auto next = sampleOrder(customer, Date(2026, 2, 3), {sampleLine(sample.widget, 1, 700)});
    orders.insert(next);
    const auto revenue = repository.monthlyRevenue(MonthRange::between(202511, 202602).value());
    EXPECT_EQ(revenue, (std::vector<std::int64_t>{0, 2000, 0, 700}));
}
