#include "services/exit_service.h"

#include "services/abc_service.h"
#include "services/demo_portfolio.h"

#include "services/portfolio.h"
#include "services/retention_service.h"
#include "support/sample_records.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::services;
using cartera::testing::sampleCustomer;
using cartera::testing::sampleLine;
using cartera::testing::sampleOrder;
using cartera::testing::TempDir;

namespace {

class ExitServiceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        portfolio = std::move(Portfolio::open(dir.file("exits.db"), cartera::storage::OpenMode::CreateOrUpgrade).value());
        ProductCategory category{0, "Goods"};
        portfolio->products().insertCategory(category);
        Product product;
        product.code = "P1";
        product.name = "Thing";
        product.categoryId = category.id;
        portfolio->products().insert(product);
        Customer customer = sampleCustomer("C1");
        portfolio->customers().insert(customer);
        id = customer.id;
        // 2025-01 100.00 (outside the last 12 months of 2026-03), 2025-06 40.00, 2026-02 60.00.
        for (const auto& [date, price] : {std::pair{Date(2025, 1, 10), 10000}, {Date(2025, 6, 10), 4000},
                                          {Date(2026, 2, 10), 6000}}) {
            Order order = sampleOrder(id, date, {sampleLine(product.id, 1, price)});
            portfolio->orders().insert(order);
        }
    }

    CustomerExit lostExit() const
    {
        CustomerExit exit;
        exit.customerId = id;
        exit.type = ExitType::ContractTermination;
        exit.reasonId = 1;
        exit.competitor = "Rival SA";
        exit.noticeOn = Date(2026, 2, 1);
        exit.effectiveOn = Date(2026, 3, 31);
        exit.lostAnnualRevenue = 10000;
        exit.retentionActions = "Offered 5 % off; declined";
        exit.outcome = ExitOutcome::Lost;
        return exit;
    }

    CustomerStatus status() { return portfolio->customers().find(id)->status; }

    TempDir dir;
    std::unique_ptr<Portfolio> portfolio;
    CustomerId id = 0;
    const Date today{2026, 3, 20};
};

} // namespace

TEST_F(ExitServiceTest, proposesTheRevenueOfTheLastTwelveMonths)
{
    EXPECT_EQ(ExitService(*portfolio).proposedLostRevenue(id, Date(2026, 3, 20)).value(), 10000);
    EXPECT_EQ(ExitService(*portfolio).proposedLostRevenue(id, Date(2025, 12, 31)).value(), 14000);
}

TEST_F(ExitServiceTest, aLostCustomerBecomesExitedAndUndoPutsItBack)
{
    ExitService exits(*portfolio);
    auto recorded = exits.record(lostExit(), today);
    ASSERT_TRUE(recorded) << recorded.error().describe();
    EXPECT_EQ(status(), CustomerStatus::Exited);
    EXPECT_EQ(recorded.value().previousStatus, CustomerStatus::Active);
    const auto saved = exits.exitsOf(id).value();
    ASSERT_EQ(saved.size(), 1u);
    EXPECT_EQ(saved[0], recorded.value().exit);
    EXPECT_EQ(saved[0].recordedOn, today);

    ASSERT_TRUE(exits.undoRecord(recorded.value(), today));
    EXPECT_EQ(status(), CustomerStatus::Active);
    EXPECT_TRUE(exits.exitsOf(id).value().empty());

    ASSERT_TRUE(exits.redoRecord(recorded.value(), today));
    EXPECT_EQ(status(), CustomerStatus::Exited);
    EXPECT_EQ(exits.exitsOf(id).value().at(0).id, recorded.value().exit.id);
}

TEST_F(ExitServiceTest, aRetainedCustomerStaysActive)
{
    CustomerExit exit = lostExit();
    exit.outcome = ExitOutcome::Retained;
    ASSERT_TRUE(ExitService(*portfolio).record(exit, today));
    EXPECT_EQ(status(), CustomerStatus::Active);
}

TEST_F(ExitServiceTest, winningBackALostCustomerMakesItActiveAgain)
{
    ExitService exits(*portfolio);
    auto recorded = exits.record(lostExit(), today).value();
    CustomerExit wonBack = recorded.exit;
    wonBack.outcome = ExitOutcome::WonBack;
    wonBack.wonBackOn = Date(2026, 9, 1);
    auto before = exits.update(wonBack, today);
    ASSERT_TRUE(before);
    EXPECT_EQ(before.value().exit.outcome, ExitOutcome::Lost);
    EXPECT_EQ(before.value().previousStatus, CustomerStatus::Exited);
    EXPECT_EQ(status(), CustomerStatus::Active);
}

TEST_F(ExitServiceTest, anInvalidExitChangesNothingAndNamesTheField)
{
    CustomerExit exit = lostExit();
    exit.noticeOn = Date(2026, 5, 1);  // after the effective date
    auto recorded = ExitService(*portfolio).record(exit, today);
    ASSERT_FALSE(recorded);
    EXPECT_EQ(recorded.error().where, "effective date");
    EXPECT_EQ(status(), CustomerStatus::Active);

    exit = lostExit();
    exit.customerId = id + 100;
    recorded = ExitService(*portfolio).record(exit, today);
    ASSERT_FALSE(recorded);
    EXPECT_EQ(recorded.error().code, ErrorCode::NotFound);

    exit = lostExit();
    exit.reasonId = 999;  // no such reason: the foreign key refuses it, nothing half-written
    recorded = ExitService(*portfolio).record(exit, today);
    ASSERT_FALSE(recorded);
    EXPECT_EQ(status(), CustomerStatus::Active);
    EXPECT_TRUE(ExitService(*portfolio).exitsOf(id).value().empty());
}

TEST_F(ExitServiceTest, theReasonTaxonomyHasDefaultsAndCanGrow)
{
    ExitService exits(*portfolio);
    auto reasons = exits.reasons().value();
    ASSERT_EQ(reasons.size(), 8u);
    EXPECT_TRUE(std::any_of(reasons.begin(), reasons.end(), [](const ExitReason& r) { return r.code == "price"; }));
    ASSERT_TRUE(exits.addReason(ExitReason{0, "merger", "Merged with a competitor", true}));
    EXPECT_EQ(exits.reasons().value().size(), 9u);
    EXPECT_FALSE(exits.addReason(ExitReason{0, "merger", "Again", true}));  // code taken
}

TEST_F(ExitServiceTest, retentionFactsSeeTheExitTheStatusAndTheFigures)
{
    ASSERT_TRUE(ExitService(*portfolio).record(lostExit(), today));
    auto facts = RetentionService(*portfolio).load(today);
    ASSERT_TRUE(facts) << facts.error().describe();
    ASSERT_EQ(facts.value().customers.size(), 1u);
    EXPECT_TRUE(facts.value().customers[0].exited);
    EXPECT_EQ(facts.value().customers[0].figureCount, 3u);
    EXPECT_EQ(facts.value().figures[1].month, 202506);
    EXPECT_EQ(facts.value().figures[1].revenue, 4000);
    ASSERT_EQ(facts.value().exits.size(), 1u);
    EXPECT_EQ(facts.value().exits[0].competitor, "Rival SA");
    EXPECT_EQ(facts.value().reasons.size(), 8u);
}

TEST(RetentionServiceTest, classesAndDropsComeFromTheTwoLatestAbcSnapshots)
{
    // The demo saves two snapshots a year apart: the facts carry the latest classes, and exactly
    // the customers AbcService::droppedClass names are marked as dropped.
    TempDir dir;
    DemoOptions options;
    options.customers = 300;
    const auto path = dir.file("demo.cartera");
    ASSERT_TRUE(createDemoPortfolioFile(path, options, false));
    auto portfolio = std::move(Portfolio::open(path, cartera::storage::OpenMode::ReadWrite).value());
    auto facts = RetentionService(*portfolio).load(options.asOf);
    ASSERT_TRUE(facts) << facts.error().describe();
    AbcService abc(*portfolio);
    const auto snapshots = abc.snapshots().value();
    ASSERT_EQ(snapshots.size(), 2u);
    const auto drops = abc.droppedClass(snapshots[1].id, snapshots[0].id).value();
    ASSERT_FALSE(drops.empty());
    std::size_t dropped = 0;
    std::size_t classified = 0;
    for (const auto& customer : facts.value().customers) {
        dropped += customer.droppedClass ? 1 : 0;
        classified += customer.abcClass != 0 ? 1 : 0;
    }
    EXPECT_EQ(dropped, drops.size());
    EXPECT_EQ(static_cast<std::int64_t>(classified), snapshots[0].classified);
    for (const auto& drop : drops) {
        EXPECT_TRUE(facts.value().customers[facts.value().indexOf(drop.customerId).value()].droppedClass);
    }
}
