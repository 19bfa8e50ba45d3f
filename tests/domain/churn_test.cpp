#include "domain/churn.h"

#include "retention_builder.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using cartera::testing::FactsBuilder;

namespace {

/// Five customers; reps 10 (1, 2, 3) and 20 (4, 5).
///   1: 2023-01 10.00, 2024-01 10.00       2: 2023-02 20.00, 2024-02 20.00 (exit retained 2024-05)
///   3: 2023-03 30.00, lost 2024-03-15 (reason 1, 30.00 a year)
///   4: 2023-06 40.00, 2024-06 40.00, left 2024-08-01 (reason 2, 40.00), won back 2025-02-01
///   5: first order 2024-05 50.00
RetentionFacts portfolio()
{
    FactsBuilder b;
    b.customer(1, 10, {{202301, 1000}, {202401, 1000}})
        .customer(2, 10, {{202302, 2000}, {202402, 2000}})
        .customer(3, 10, {{202303, 3000}})
        .customer(4, 20, {{202306, 4000}, {202406, 4000}})
        .customer(5, 20, {{202405, 5000}});
    b.exit(3, Date(2024, 3, 15), ExitOutcome::Lost, 3000, 1)
        .exit(4, Date(2024, 8, 1), ExitOutcome::WonBack, 4000, 2, Date(2025, 2, 1))
        .exit(2, Date(2024, 5, 1), ExitOutcome::Retained, 2000, 1);
    b.survey(1, Date(2024, 2, 1), false, 5)
        .survey(1, Date(2025, 1, 10), true, 8)
        .survey(2, Date(2024, 3, 1), false, 2)
        .survey(4, Date(2024, 4, 1), true, 10)
        .survey(4, Date(2024, 6, 1), true, 9)
        .survey(5, Date(2024, 5, 1), true, 3);
    return b.facts;
}

std::string describe(const std::vector<ChurnRow>& rows)
{
    std::string text;
    for (const auto& r : rows) {
        text += r.period + " " + std::to_string(r.group) + ": " + std::to_string(r.churned) + "/" +
                std::to_string(r.customersAtStart) + " " + std::to_string(r.customerChurnBp()) + "bp, " +
                std::to_string(r.lostRevenue) + "/" + std::to_string(r.revenueBase) + " " +
                std::to_string(r.revenueChurnBp()) + "bp\n";
    }
    return text;
}

} // namespace

TEST(ChurnTest, yearlyChurnCountsExitsAgainstTheCustomersAtTheStart)
{
    // 2024: customers 1-4 had ordered before it; 3 and 4 left (the retained exit is not churn).
    // Revenue base: 2023's 100.00; lost 30.00 + 40.00. 2025: 3 is gone, 4 is away until
    // February, 5 joined in 2024.
    ChurnRequest request;
    request.fromMonth = 202401;
    request.toMonth = 202512;
    EXPECT_EQ(describe(computeChurn(portfolio(), request)),
              "2024 0: 2/4 5000bp, 7000/10000 7000bp\n"
              "2025 0: 0/3 0bp, 0/12000 0bp\n");
}

TEST(ChurnTest, quarterlyPeriodsUseTheTwelveMonthsBeforeEachAsRevenueBase)
{
    ChurnRequest request;
    request.granularity = ChurnGranularity::Quarter;
    request.fromMonth = 202402;  // rounded down to the quarter's start
    request.toMonth = 202409;
    EXPECT_EQ(describe(computeChurn(portfolio(), request)),
              "2024-Q1 0: 1/4 2500bp, 3000/10000 3000bp\n"
              "2024-Q2 0: 0/3 0bp, 0/7000 0bp\n"
              "2024-Q3 0: 1/4 2500bp, 4000/12000 3333bp\n");
}

TEST(ChurnTest, monthlyPeriodsAreLabelledByMonth)
{
    ChurnRequest request;
    request.granularity = ChurnGranularity::Month;
    request.fromMonth = 202403;
    request.toMonth = 202403;
    EXPECT_EQ(describe(computeChurn(portfolio(), request)), "2024-03 0: 1/4 2500bp, 3000/10000 3000bp\n");
}

TEST(ChurnTest, byRepEachGroupHasItsOwnBaseAndRevenue)
{
    ChurnRequest request;
    request.dimension = ChurnDimension::Rep;
    request.fromMonth = 202401;
    request.toMonth = 202412;
    EXPECT_EQ(describe(computeChurn(portfolio(), request)),
              "2024 10: 1/3 3333bp, 3000/6000 5000bp\n"
              "2024 20: 1/1 10000bp, 4000/4000 10000bp\n");
}

TEST(ChurnTest, byReasonTheBaseIsTheWholePortfolio)
{
    ChurnRequest request;
    request.dimension = ChurnDimension::Reason;
    request.fromMonth = 202401;
    request.toMonth = 202412;
    EXPECT_EQ(describe(computeChurn(portfolio(), request)),
              "2024 1: 1/4 2500bp, 3000/10000 3000bp\n"
              "2024 2: 1/4 2500bp, 4000/10000 4000bp\n");
}

TEST(ChurnTest, byAbcClassAndChannelGroupByTheCustomersAttributes)
{
    RetentionFacts facts = portfolio();
    facts.customers[0].abcClass = 'A';
    facts.customers[2].abcClass = 'A';
    facts.customers[3].channel = SalesChannel::Online;
    ChurnRequest request;
    request.dimension = ChurnDimension::AbcClass;
    request.fromMonth = 202401;
    request.toMonth = 202412;
    EXPECT_EQ(describe(computeChurn(facts, request)),
              "2024 0: 1/2 5000bp, 4000/6000 6667bp\n"
              "2024 65: 1/2 5000bp, 3000/4000 7500bp\n");
    request.dimension = ChurnDimension::Channel;
    EXPECT_EQ(describe(computeChurn(facts, request)),
              "2024 0: 1/3 3333bp, 3000/6000 5000bp\n"
              "2024 3: 1/1 10000bp, 4000/4000 10000bp\n");
}

TEST(ChurnTest, anEmptyPortfolioHasNoRows)
{
    ChurnRequest request;
    request.fromMonth = 202401;
    request.toMonth = 202412;
    EXPECT_TRUE(computeChurn(RetentionFacts{}, request).empty());
}

TEST(CohortTest, cohortsByFirstOrderYearCountWhoOrderedInEachLaterYear)
{
    const auto rows = cohortTable(portfolio(), 2025);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].year, 2023);
    EXPECT_EQ(rows[0].size, 4);
    EXPECT_EQ(rows[0].ordering, (std::vector<std::int64_t>{4, 3, 0}));
    EXPECT_EQ(rows[0].retainedBp(1), 7500);
    EXPECT_EQ(rows[1].year, 2024);
    EXPECT_EQ(rows[1].size, 1);
    EXPECT_EQ(rows[1].ordering, (std::vector<std::int64_t>{1, 0}));
    EXPECT_EQ(rows[1].retainedBp(5), 0);
}

TEST(CohortTest, yearsAfterTheLastAreLeftOut)
{
    const auto rows = cohortTable(portfolio(), 2023);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].ordering, (std::vector<std::int64_t>{4}));
}

TEST(SatisfactionTest, csatAverageAndNpsPerRepAndYear)
{
    const auto rows = satisfactionByRep(portfolio(), ChurnGranularity::Year, true);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].period, "2024");
    EXPECT_EQ(rows[0].rep, 10);
    EXPECT_EQ(rows[0].csatAnswers, 2);
    EXPECT_EQ(rows[0].csatAverageX100(), 350);
    EXPECT_EQ(rows[1].rep, 20);
    EXPECT_EQ(rows[1].npsAnswers, 3);
    EXPECT_EQ(rows[1].nps(), 33);  // 2 promoters, 1 detractor of 3
    EXPECT_EQ(rows[2].period, "2025");
    EXPECT_EQ(rows[2].nps(), 0);   // one passive
    const auto whole = satisfactionByRep(portfolio(), ChurnGranularity::Year, false);
    ASSERT_EQ(whole.size(), 2u);
    EXPECT_EQ(whole[0].csatAverageX100(), 350);
    EXPECT_EQ(whole[0].nps(), 33);
}

TEST(ChurnTest, periodLabelsAndStarts)
{
    EXPECT_EQ(periodStartOf(202611, ChurnGranularity::Quarter), 202610);
    EXPECT_EQ(periodStartOf(202611, ChurnGranularity::Year), 202601);
    EXPECT_EQ(periodLabel(202604, ChurnGranularity::Quarter), "2026-Q2");
    EXPECT_EQ(periodLabel(202604, ChurnGranularity::Month), "2026-04");
}
