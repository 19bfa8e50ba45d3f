#include "domain/forecast.h"
#include "domain/forecast_snapshot.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

TEST(ForecastPeriod, parsesQuartersAndMonths)
{
    auto q = parseForecastPeriod("2026Q4");
    ASSERT_TRUE(q);
    EXPECT_EQ(q.value().fromMonth(), 202610);
    EXPECT_EQ(q.value().toMonth(), 202612);
    auto q1 = parseForecastPeriod("2026-Q1");
    ASSERT_TRUE(q1);
    EXPECT_EQ(q1.value().toMonth(), 202603);
    auto m = parseForecastPeriod("2026-03");
    ASSERT_TRUE(m);
    EXPECT_EQ(m.value().fromMonth(), 202603);
    EXPECT_EQ(m.value().toMonth(), 202603);
    const auto bad = parseForecastPeriod("2026Q5");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().where, "period");
    EXPECT_FALSE(parseForecastPeriod("Q4"));
    EXPECT_EQ(quarterOf(Date(2026, 11, 23)).fromMonth(), 202610);
}

namespace {

const std::vector<ForecastRep> kReps{{1, "R01", "Ana", "North"}, {2, "R02", "Ben", "North"}, {3, "R03", "Cy", "South"}};

std::vector<ForecastFact> facts()
{
    return {
        {1, StageOutcome::Open, ForecastCategory::Commit, 10000, 75},
        {1, StageOutcome::Open, ForecastCategory::BestCase, 20000, 50},
        {1, StageOutcome::Won, ForecastCategory::Commit, 5000, 100},
        {2, StageOutcome::Open, ForecastCategory::Pipeline, 30001, 10},
        {2, StageOutcome::Open, ForecastCategory::Omitted, 999, 20},
        {2, StageOutcome::Lost, ForecastCategory::Pipeline, 7000, 0},
        {3, StageOutcome::Won, ForecastCategory::Commit, 4000, 100},
    };
}

} // namespace

TEST(Forecast, sumsWeightedPipelineAndCategoriesPerRep)
{
    const auto t = summariseForecast(facts(), kReps, {{1, 20000}, {3, 8000}}, ForecastGrouping::Rep);
    ASSERT_EQ(t.rows.size(), 3U);
    const auto& ana = t.rows[0];
    EXPECT_EQ(ana.key, "R01");
    EXPECT_EQ(ana.weighted, 7500 + 10000);
    EXPECT_EQ(ana.commit, 10000);
    EXPECT_EQ(ana.bestCase, 20000);
    EXPECT_EQ(ana.won, 5000);
    EXPECT_EQ(ana.commitForecast(), 15000);
    EXPECT_EQ(ana.bestCaseForecast(), 35000);
    EXPECT_DOUBLE_EQ(*ana.attainmentPercent(), 25.0);
    const auto& ben = t.rows[1];
    EXPECT_EQ(ben.weighted, 3000 + 200);  // 3000.1 -> 3000, 199.8 -> 200
    EXPECT_EQ(ben.pipeline, 30001);
    EXPECT_EQ(ben.omitted, 999);
    EXPECT_EQ(ben.lostCount, 1);
    EXPECT_FALSE(ben.attainmentPercent());
    EXPECT_DOUBLE_EQ(*t.rows[2].attainmentPercent(), 50.0);
    EXPECT_EQ(t.total.weighted, 17500 + 3200);
    EXPECT_EQ(t.total.won, 9000);
    EXPECT_EQ(t.total.target, 28000);
    EXPECT_EQ(t.total.openCount, 4);
}

TEST(Forecast, groupsByTeam)
{
    const auto t = summariseForecast(facts(), kReps, {{1, 20000}, {2, 1000}}, ForecastGrouping::Team);
    ASSERT_EQ(t.rows.size(), 2U);
    EXPECT_EQ(t.rows[0].key, "North");
    EXPECT_EQ(t.rows[0].commit, 10000);
    EXPECT_EQ(t.rows[0].target, 21000);
    EXPECT_EQ(t.rows[1].key, "South");
    EXPECT_EQ(t.rows[1].won, 4000);
}

TEST(Forecast, winLossAndConversion)
{
    const std::vector<ClosedDeal> deals{
        {1, "referral", true, 1000, 30, ""},
        {1, "web", false, 500, 10, "price"},
        {2, "referral", true, 3000, 50, ""},
    };
    const auto byRep = winLossBy(deals, [](const ClosedDeal& d) { return std::to_string(d.repId); });
    ASSERT_EQ(byRep.size(), 3U);
    EXPECT_DOUBLE_EQ(byRep[0].winRatePercent(), 50.0);
    EXPECT_EQ(byRep[0].averageDeal(), 1000);
    EXPECT_DOUBLE_EQ(byRep[0].averageCycleDays(), 20.0);
    EXPECT_EQ(byRep.back().key, "total");
    EXPECT_EQ(byRep.back().averageDeal(), 2000);
    const auto bySource = winLossBy(deals, [](const ClosedDeal& d) { return d.source; });
    EXPECT_DOUBLE_EQ(bySource[0].winRatePercent(), 100.0);

    // Deals that got to qualification (2) and lost, to negotiation (4) and lost, and one won.
    const auto conversion = stageConversion(defaultStages(), {{2, false}, {4, false}, {1, true}});
    ASSERT_EQ(conversion.size(), 4U);
    EXPECT_EQ(conversion[0].stage, "prospecting");
    EXPECT_EQ(conversion[0].reached, 3);
    EXPECT_EQ(conversion[0].advanced, 3);
    EXPECT_EQ(conversion[1].reached, 3);
    EXPECT_EQ(conversion[1].advanced, 2);
    EXPECT_EQ(conversion[3].reached, 2);
    EXPECT_EQ(conversion[3].advanced, 1);
}

TEST(ForecastSnapshot, rowsRoundTripThroughJson)
{
    ForecastSnapshot s;
    ForecastRow r;
    r.key = "R01";
    r.label = "Ana";
    r.weighted = 12;
    r.commit = 3;
    r.bestCase = 4;
    r.won = 5;
    r.target = 6;
    r.openCount = 2;
    s.rows = {r};
    auto back = ForecastSnapshot::rowsFromJson(s.rowsToJson());
    ASSERT_TRUE(back);
    EXPECT_EQ(back.value(), s.rows);
    EXPECT_FALSE(ForecastSnapshot::rowsFromJson("{}"));
}
