#include "domain/at_risk.h"

#include "retention_builder.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using cartera::testing::FactsBuilder;

namespace {

/// Every month from first to last (yyyymm), each with one order of revenue.
std::vector<std::pair<int, std::int64_t>> monthly(int first, int last, std::int64_t revenue, int step = 1)
{
    std::vector<std::pair<int, std::int64_t>> months;
    for (int m = monthIndex(first); m <= monthIndex(last); m += step) {
        months.emplace_back(monthKeyOf(m), revenue);
    }
    return months;
}

AtRiskRules rules()
{
    AtRiskRules r;
    r.asOf = Date(2025, 12, 15);  // last 12 months: 2025-01..2025-12; the prior 12: 2024
    return r;
}

/// "id:score" of each entry, in the order listed.
std::string listed(const RetentionFacts& facts)
{
    std::string text;
    for (const auto& entry : findAtRisk(facts, rules())) {
        text += (text.empty() ? "" : " ") + std::to_string(facts.customers[entry.customer].id) + ":" +
                std::to_string(entry.score);
    }
    return text;
}

} // namespace

TEST(AtRiskTest, aSteadyCustomerIsNotListed)
{
    FactsBuilder b;
    b.customer(1, 0, monthly(202401, 202512, 1000));
    EXPECT_EQ(listed(b.facts), "");
}

TEST(AtRiskTest, revenueDownMoreThanTheThresholdAlone)
{
    FactsBuilder b;
    auto down40 = monthly(202401, 202412, 1000);
    for (auto& [month, revenue] : monthly(202501, 202512, 600)) {
        down40.emplace_back(month, revenue);
    }
    auto down25 = monthly(202401, 202412, 1000);
    for (auto& [month, revenue] : monthly(202501, 202512, 750)) {
        down25.emplace_back(month, revenue);
    }
    b.customer(1, 0, down40).customer(2, 0, down25);
    EXPECT_EQ(listed(b.facts), "1:25");
    const auto entries = findAtRisk(b.facts, rules());
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].signalBits, static_cast<std::uint8_t>(RiskSignal::RevenueDown));
    EXPECT_EQ(entries[0].revenueLast12, 7200);
    EXPECT_EQ(entries[0].revenuePrior12, 12000);
}

TEST(AtRiskTest, oneOrderInThePriorYearIsNotATrend)
{
    // A single large order in 2024, small monthly ones in 2025: down 50 %, but from one order.
    FactsBuilder b;
    auto months = std::vector<std::pair<int, std::int64_t>>{{202406, 24000}};
    for (auto& [month, revenue] : monthly(202501, 202512, 1000)) {
        months.emplace_back(month, revenue);
    }
    b.customer(1, 0, months);
    EXPECT_EQ(listed(b.facts), "");
    months.insert(months.begin(), {202403, 1000});  // a second ordering month: now a trend
    b = FactsBuilder{};
    b.customer(1, 0, months);
    EXPECT_EQ(listed(b.facts), "1:25");
}

TEST(AtRiskTest, droppedClassAlone)
{
    FactsBuilder b;
    b.customer(1, 0, monthly(202401, 202512, 1000));
    b.last().droppedClass = true;
    EXPECT_EQ(listed(b.facts), "1:20");
}

TEST(AtRiskTest, noOrderForMuchLongerThanTheUsualIntervalAlone)
{
    // Every other month until 2025-05 (2025's orders twice as large, so revenue is flat): the
    // usual interval is 2 months, the last order 7 months before 2025-12. A customer ordering
    // every 3 months whose last order was 5 months ago is within 2 x 3.
    FactsBuilder b;
    auto gap = monthly(202401, 202411, 1000, 2);
    for (auto& [month, revenue] : monthly(202501, 202505, 2000, 2)) {
        gap.emplace_back(month, revenue);
    }
    auto usual = monthly(202401, 202407, 1000, 3);  // 01 04 07
    for (auto& [month, revenue] : monthly(202410, 202507, 1500, 3)) {  // 10 01 04 07
        usual.emplace_back(month, revenue);
    }
    b.customer(1, 0, gap).customer(2, 0, usual);
    const auto entries = findAtRisk(b.facts, rules());
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(b.facts.customers[entries[0].customer].id, 1);
    EXPECT_EQ(entries[0].signalBits, static_cast<std::uint8_t>(RiskSignal::OrderOverdue));
    EXPECT_EQ(entries[0].score, 25);
    EXPECT_EQ(entries[0].monthsSinceOrder, 7);
    EXPECT_EQ(entries[0].usualIntervalMonths, 2);
}

TEST(AtRiskTest, overdueClaimsAlone)
{
    FactsBuilder b;
    b.customer(1, 0, monthly(202401, 202512, 1000));
    b.last().overdueClaims = 2;
    EXPECT_EQ(listed(b.facts), "1:15");
}

TEST(AtRiskTest, lowSatisfactionIsTheLatestAnswer)
{
    FactsBuilder b;
    b.customer(1, 0, monthly(202401, 202512, 1000))
        .customer(2, 0, monthly(202401, 202512, 1000))
        .customer(3, 0, monthly(202401, 202512, 1000));
    b.survey(1, Date(2024, 1, 1), false, 5).survey(1, Date(2025, 6, 1), false, 2);  // fell to 2: listed
    b.survey(2, Date(2024, 1, 1), false, 1).survey(2, Date(2025, 6, 1), false, 4);  // recovered
    b.survey(3, Date(2025, 6, 1), true, 6);                                         // NPS detractor
    EXPECT_EQ(listed(b.facts), "1:15 3:15");
}

TEST(AtRiskTest, signalsCombineIntoTheScoreAndTheHighestComesFirst)
{
    FactsBuilder b;
    b.customer(1, 0, monthly(202401, 202512, 1000));
    b.last().overdueClaims = 1;
    // Everything at once: revenue down, dropped class, no order for 7 months, claims, low CSAT.
    auto all = monthly(202401, 202411, 1000, 2);
    all.emplace_back(202505, 500);
    b.customer(2, 0, all);
    b.last().droppedClass = true;
    b.last().overdueClaims = 3;
    b.survey(2, Date(2025, 9, 1), false, 1);
    b.customer(3, 0, monthly(202401, 202512, 5000));
    b.last().overdueClaims = 1;  // same score as 1, more revenue at stake: before it
    EXPECT_EQ(listed(b.facts), "2:100 3:15 1:15");
}

TEST(AtRiskTest, prospectsArchivedExitedAndLongLapsedAccountsAreNotListed)
{
    FactsBuilder b;
    b.customer(1, 0, monthly(202401, 202512, 1000));
    b.last().overdueClaims = 1;
    b.last().prospect = true;
    b.customer(2, 0, monthly(202401, 202512, 1000));
    b.last().overdueClaims = 1;
    b.last().archived = true;
    b.customer(3, 0, monthly(202401, 202512, 1000));
    b.last().overdueClaims = 1;
    b.last().exited = true;
    b.customer(4, 0, monthly(202301, 202311, 1000));  // last order 25 months ago
    b.last().overdueClaims = 1;
    b.customer(5, 0, {});
    b.last().overdueClaims = 1;
    EXPECT_EQ(listed(b.facts), "");
}
