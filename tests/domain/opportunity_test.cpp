#include "domain/opportunity.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

namespace {

Opportunity valid()
{
    Opportunity o;
    o.customerId = 1;
    o.title = "Fleet renewal";
    o.amount.minor = 1000000;
    o.stage = "proposal";
    o.expectedClose = Date(2026, 12, 15);
    o.createdOn = Date(2026, 10, 1);
    o.stageChangedOn = o.createdOn;
    return o;
}

Status check(const Opportunity& o)
{
    return validateOpportunity(o, defaultStages(), defaultLostReasons());
}

} // namespace

TEST(Opportunity, probabilityIsTheStageDefaultUnlessOverridden)
{
    const auto stages = defaultStages();
    auto o = valid();
    EXPECT_EQ(effectiveProbability(o, *findStage(stages, "proposal")), 50);
    o.probabilityOverride = 65;
    EXPECT_EQ(effectiveProbability(o, *findStage(stages, "proposal")), 65);
    o.probabilityOverride = 0;
    EXPECT_EQ(effectiveProbability(o, *findStage(stages, "proposal")), 0);
}

TEST(Opportunity, defaultStagesHaveTheIssuesProbabilities)
{
    const auto stages = defaultStages();
    ASSERT_EQ(stages.size(), 6U);
    EXPECT_EQ(findStage(stages, "prospecting")->probabilityPercent, 10);
    EXPECT_EQ(findStage(stages, "qualification")->probabilityPercent, 20);
    EXPECT_EQ(findStage(stages, "negotiation")->probabilityPercent, 75);
    EXPECT_EQ(findStage(stages, "won")->outcome, StageOutcome::Won);
    EXPECT_EQ(findStage(stages, "lost")->probabilityPercent, 0);
    EXPECT_EQ(findStage(stages, "nope"), nullptr);
}

TEST(Opportunity, weightedAmountRoundsHalfUpPerDeal)
{
    EXPECT_EQ(weightedAmount(1000000, 50), 500000);
    EXPECT_EQ(weightedAmount(101, 50), 51);    // 50.5 -> 51
    EXPECT_EQ(weightedAmount(333, 10), 33);    // 33.3 -> 33
    EXPECT_EQ(weightedAmount(0, 75), 0);
    EXPECT_EQ(weightedAmount(4'000'000'000'000'000'000, 100), 4'000'000'000'000'000'000);
}

TEST(Opportunity, aValidOpenOpportunityPasses)
{
    EXPECT_TRUE(check(valid()));
}

TEST(Opportunity, validationNamesTheField)
{
    auto o = valid();
    o.title = "  ";
    EXPECT_EQ(check(o).error().where, "title");
    o = valid();
    o.amount.minor = -1;
    EXPECT_EQ(check(o).error().where, "amount");
    o = valid();
    o.stage = "dreaming";
    EXPECT_EQ(check(o).error().where, "stage");
    o = valid();
    o.probabilityOverride = 101;
    EXPECT_EQ(check(o).error().where, "probability");
    o = valid();
    o.customerId = 0;
    EXPECT_EQ(check(o).error().where, "account");
    o = valid();
    o.expectedClose = Date();
    EXPECT_EQ(check(o).error().where, "expected close");
    o = valid();
    o.nextStepOn = Date(2026, 11, 1);
    EXPECT_EQ(check(o).error().where, "next step");
    o = valid();
    o.lines.push_back({1, 0, 100});
    EXPECT_EQ(check(o).error().where, "products, line 1");
}

TEST(Opportunity, wonAndLostNeedACloseDateAndLostAReasonFromTheList)
{
    auto o = valid();
    o.stage = "won";
    const auto noDate = check(o);
    ASSERT_FALSE(noDate);
    EXPECT_EQ(noDate.error().where, "close date");
    o.closedOn = Date(2026, 11, 2);
    EXPECT_TRUE(check(o));

    o.stage = "lost";
    EXPECT_EQ(check(o).error().where, "lost reason");
    o.lostReason = "astrology";
    EXPECT_EQ(check(o).error().where, "lost reason");
    o.lostReason = "price";
    EXPECT_TRUE(check(o));

    o.closedOn = Date(2026, 9, 1);  // before creation
    EXPECT_EQ(check(o).error().where, "close date");
}

TEST(Opportunity, anOpenOpportunityHasNoCloseDateNorReason)
{
    auto o = valid();
    o.closedOn = Date(2026, 11, 2);
    EXPECT_EQ(check(o).error().where, "close date");
    o = valid();
    o.lostReason = "price";
    EXPECT_EQ(check(o).error().where, "lost reason");
}
