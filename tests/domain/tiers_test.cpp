#include "domain/tiers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numeric>

using namespace cartera::domain;

namespace {

TierInput customer(CustomerId id, const std::string& code, std::int64_t revenue, std::int32_t days, int claims,
                   bool strategic)
{
    TierInput input;
    input.customerId = id;
    input.code = code;
    input.name = "Customer " + code;
    input.revenue = revenue;
    input.margin = revenue / 4;
    input.daysSinceLastOrder = days;
    input.openClaims = claims;
    input.strategic = strategic;
    return input;
}

MonthRange year2025()
{
    return MonthRange::calendarYear(2025).value();
}

/// The worked example of docs/tiers.md: five customers, revenue 3, recency 2, open claims 1,
/// strategic 2, default tiers.
TierFacts workedExample()
{
    return prepareTierFacts({customer(1, "C1", 50'000, 10, 0, false), customer(2, "C2", 20'000, 3, 2, true),
                             customer(3, "C3", 20'000, 45, 0, false), customer(4, "C4", 5'000, 200, 0, true),
                             customer(5, "C5", 0, TierInput::kNever, 1, false)},
                            year2025(), Date(2025, 12, 31));
}

TierModel workedModel()
{
    return TierModel().withIndicators(TierModel::parseWeights("revenue=3,recency=2,open_claims=1,strategic=2").value()).value();
}

std::vector<std::uint32_t> normalise(std::vector<double> values, bool lowerBetter = false,
                                     std::vector<std::uint8_t> present = {})
{
    return normaliseByRank(values, lowerBetter, present);
}

std::string codesByRank(const TierFacts& facts, const TierResult& result)
{
    std::string codes;
    for (const auto& entry : result.entries) {
        codes += (codes.empty() ? "" : " ") + facts.customers[entry.customer].code;
    }
    return codes;
}

std::string tiersByRank(const TierResult& result)
{
    std::string tiers;
    for (const auto& entry : result.entries) {
        tiers += (tiers.empty() ? "" : " ") + result.model.tiers()[entry.tier].name;
    }
    return tiers;
}

} // namespace

TEST(TierNormalisation, distinctValuesSpreadEvenlyFromWorstToBest)
{
    EXPECT_EQ(normalise({40, 10, 30, 20, 50}), (std::vector<std::uint32_t>{750'000, 0, 500'000, 250'000, 1'000'000}));
    // Lower is better (days since the last order): the same ranks, inverted.
    EXPECT_EQ(normalise({40, 10, 30, 20, 50}, true), (std::vector<std::uint32_t>{250'000, 1'000'000, 500'000, 750'000, 0}));
}

TEST(TierNormalisation, equalValuesShareAResultAndSharedExtremesStillReachZeroAndOne)
{
    // Most customers have no open claim: they all beat every customer with one, so they get 1,
    // not the middle of their tie; the one with most claims gets 0.
    EXPECT_EQ(normalise({0, 0, 0, 1, 0, 3, 1}, true),
              (std::vector<std::uint32_t>{1'000'000, 1'000'000, 1'000'000, 200'000, 1'000'000, 0, 200'000}));
    // A flag: set beats unset entirely.
    EXPECT_EQ(normalise({0, 1, 0, 0}), (std::vector<std::uint32_t>{0, 1'000'000, 0, 0}));
    // Everybody equal: nobody beats anybody, all in the middle.
    EXPECT_EQ(normalise({7, 7, 7}), (std::vector<std::uint32_t>{500'000, 500'000, 500'000}));
    EXPECT_EQ(normalise({7}), (std::vector<std::uint32_t>{500'000}));
    EXPECT_TRUE(normalise({}).empty());
}

TEST(TierNormalisation, anOutlierChangesNobodyElsesValue)
{
    const auto plain = normalise({100, 200, 300, 400, 500});
    const auto outlier = normalise({100, 200, 300, 400, 5e12});
    EXPECT_EQ(plain, outlier);
    // A middle value between ties rounds to whole millionths, half up: 2 beaten of 3 others.
    EXPECT_EQ(normalise({1, 2, 2, 3, 4})[1], 333'333U);
    EXPECT_EQ(normalise({1, 2, 3, 3})[1], 333'333U);
    EXPECT_EQ(normalise({1, 1, 2, 3})[2], 666'667U);
}

TEST(TierNormalisation, customersWithoutAValueGetTheMiddleAndAreLeftOutOfTheCounts)
{
    const auto result = normalise({900, 0, 300, 0, 600}, false, {1, 0, 1, 0, 1});
    EXPECT_EQ(result, (std::vector<std::uint32_t>{1'000'000, kNeutralNormal, 0, kNeutralNormal, 500'000}));
}

TEST(TierIndicators, growthIsBoundedAndRecencyNeverIsTheWorst)
{
    EXPECT_DOUBLE_EQ(growthOf(200, 100), 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(growthOf(100, 0), 1.0);   // a new buyer
    EXPECT_DOUBLE_EQ(growthOf(0, 100), -1.0);  // lost every sale
    EXPECT_DOUBLE_EQ(growthOf(0, 0), 0.0);
    EXPECT_DOUBLE_EQ(growthOf(-50, 50), -1.0);  // a negative margin-like value stays bounded
    TierInput never;
    EXPECT_TRUE(std::isinf(*indicatorValue(never, TierIndicator::Recency, 12)));
    EXPECT_FALSE(indicatorValue(never, TierIndicator::Satisfaction, 12).has_value());
    never.orders = 6;
    EXPECT_DOUBLE_EQ(*indicatorValue(never, TierIndicator::OrderFrequency, 12), 0.5);

    // Ranked among customers who ordered, the one that never did is last.
    const auto facts = prepareTierFacts({customer(1, "A", 0, TierInput::kNever, 0, false), customer(2, "B", 0, 400, 0, false),
                                         customer(3, "C", 0, 2, 0, false)},
                                        year2025(), Date(2025, 12, 31));
    EXPECT_EQ(facts.normalisedValue(0, TierIndicator::Recency), 0U);
    EXPECT_EQ(facts.normalisedValue(1, TierIndicator::Recency), 500'000U);
    EXPECT_EQ(facts.normalisedValue(2, TierIndicator::Recency), 1'000'000U);
}

TEST(Tiers, workedExampleScoresRanksAndTiersAsComputedByHand)
{
    const auto facts = workedExample();
    auto scored = scoreTiers(facts, workedModel());
    ASSERT_TRUE(scored.ok()) << scored.error().describe();
    const auto& result = scored.value();
    EXPECT_EQ(result.weightTotal, 8);
    EXPECT_EQ(codesByRank(facts, result), "C2 C1 C4 C3 C5");
    EXPECT_EQ(tiersByRank(result), "Platinum Gold Silver Bronze Bronze");
    // Scores in hundredths: 75.00, 68.75, 53.13 (53.125 rounded half up), 50.00, 3.13.
    std::vector<std::int64_t> scores;
    for (const auto& entry : result.entries) {
        scores.push_back(scaledScore(entry.points, result.weightTotal, 2));
    }
    EXPECT_EQ(scores, (std::vector<std::int64_t>{7500, 6875, 5313, 5000, 313}));
    // C2: revenue 2/3 (two customers below, one above), the best recency, most claims, strategic.
    const auto& c2 = result.entries[0];
    EXPECT_EQ(facts.normalisedValue(c2.customer, TierIndicator::Revenue), 666'667U);
    EXPECT_NEAR(result.contribution(facts, c2, TierIndicator::Revenue), 25.0, 1e-4);
    EXPECT_DOUBLE_EQ(result.contribution(facts, c2, TierIndicator::Recency), 25.0);
    EXPECT_DOUBLE_EQ(result.contribution(facts, c2, TierIndicator::OpenClaims), 0.0);
    EXPECT_DOUBLE_EQ(result.contribution(facts, c2, TierIndicator::Strategic), 25.0);
    EXPECT_DOUBLE_EQ(result.contribution(facts, c2, TierIndicator::Margin), 0.0);  // not weighted
    // The summary: Platinum 1, Gold 1, Silver 1, Bronze 2, with their revenue.
    ASSERT_EQ(result.summary.size(), 4u);
    EXPECT_EQ(result.summary[0].customers, 1);
    EXPECT_EQ(result.summary[0].revenue, 20'000);
    EXPECT_EQ(result.summary[3].customers, 2);
    EXPECT_EQ(result.summary[3].revenue, 20'000);
    EXPECT_EQ(result.summary[3].highestPoints, 4'000'001);
    EXPECT_EQ(result.summary[3].lowestPoints, 250'000);
    EXPECT_EQ(result.revenue, 95'000);
    EXPECT_EQ(result.positionOf[1], 0U);  // C2 is first
}

TEST(Tiers, contributionsOfEveryCustomerSumExactlyToItsScore)
{
    const auto facts = workedExample();
    const auto result = scoreTiers(facts, TierModel()).value();  // every indicator weighted
    for (const auto& entry : result.entries) {
        std::int64_t sum = 0;
        double contributions = 0;
        for (const auto indicator : allTierIndicators()) {
            sum += result.weightedValue(facts, entry, indicator);
            contributions += result.contribution(facts, entry, indicator);
        }
        EXPECT_EQ(sum, entry.points);
        EXPECT_NEAR(contributions, result.score(entry), 1e-9);
        EXPECT_GE(result.score(entry), 0.0);
        EXPECT_LE(result.score(entry), 100.0);
    }
}

TEST(Tiers, satisfactionWithoutAnySurveyIsIgnoredAndSaidSo)
{
    const auto facts = workedExample();  // nobody surveyed
    EXPECT_FALSE(facts.available(TierIndicator::Satisfaction));
    const auto result = scoreTiers(facts, TierModel()).value();
    EXPECT_TRUE(result.ignored[static_cast<std::size_t>(tierIndicatorIndex(TierIndicator::Satisfaction))]);
    EXPECT_EQ(result.weight(TierIndicator::Satisfaction), 0);
    EXPECT_EQ(result.weightTotal, 15);  // 16 less satisfaction's 1

    // Only satisfaction weighted: nothing to score with.
    auto onlySatisfaction = TierModel().withIndicators(TierModel::parseWeights("satisfaction=2").value()).value();
    auto refused = scoreTiers(facts, onlySatisfaction);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("satisfaction"), std::string::npos) << refused.error().message;

    // One survey makes it count; the others sit in the middle.
    auto inputs = facts.customers;
    inputs[2].satisfaction = 800;
    inputs[3].satisfaction = 400;
    const auto surveyed = prepareTierFacts(inputs, facts.period, facts.asOf);
    EXPECT_TRUE(surveyed.available(TierIndicator::Satisfaction));
    EXPECT_EQ(surveyed.normalisedValue(2, TierIndicator::Satisfaction), 1'000'000U);
    EXPECT_EQ(surveyed.normalisedValue(3, TierIndicator::Satisfaction), 0U);
    EXPECT_EQ(surveyed.normalisedValue(0, TierIndicator::Satisfaction), kNeutralNormal);
    EXPECT_EQ(scoreTiers(surveyed, onlySatisfaction).value().weightTotal, 2);
}

TEST(Tiers, equalScoresShareATierAndAreRankedByCode)
{
    // Six customers, two pairs of equal facts; the input is not in code order.
    std::vector<TierInput> inputs{customer(1, "K", 500, 5, 0, false), customer(2, "B", 500, 5, 0, false),
                                  customer(3, "Z", 900, 1, 0, false), customer(4, "A", 100, 50, 0, false),
                                  customer(5, "M", 100, 50, 0, false), customer(6, "D", 50, 90, 0, false)};
    const auto facts = prepareTierFacts(inputs, year2025(), Date(2025, 12, 31));
    const auto model = TierModel::create(TierModel::parseWeights("revenue=1,recency=1").value(),
                                         TierModel::parseTiers("Top:20,Middle:40,Rest").value())
                           .value();
    const auto result = scoreTiers(facts, model).value();
    EXPECT_EQ(codesByRank(facts, result), "Z B K A M D");
    // By rank alone: 0 before < 20 % -> Top; 1 of 6 (16.7 %) < 20 % -> Top; K would be Middle (33 %),
    // but it ties with B, so it stays Top. A at 50 % is Middle; M (66.7 %) ties with A: Middle too.
    EXPECT_EQ(tiersByRank(result), "Top Top Top Middle Middle Rest");
    EXPECT_EQ(result.summary[0].customers, 3);
    EXPECT_EQ(result.summary[1].customers, 2);
    EXPECT_EQ(result.summary[2].customers, 1);
}

TEST(Tiers, tierSharesCutTheRankingByShareOfCustomers)
{
    std::vector<TierInput> inputs;
    for (int i = 0; i < 10; ++i) {
        inputs.push_back(customer(i + 1, "C" + std::to_string(10 + i), 1000 * (i + 1), 10, 0, false));
    }
    const auto facts = prepareTierFacts(inputs, year2025(), Date(2025, 12, 31));
    auto model = TierModel().withIndicators(TierModel::parseWeights("revenue=1").value()).value();
    const auto result = scoreTiers(facts, model).value();
    // 10 / 20 / 30 / 40 % of ten customers: 1, 2, 3, 4.
    std::vector<std::int64_t> counts;
    for (const auto& summary : result.summary) {
        counts.push_back(summary.customers);
    }
    EXPECT_EQ(counts, (std::vector<std::int64_t>{1, 2, 3, 4}));
    EXPECT_EQ(facts.customers[result.entries[0].customer].code, "C19");
    EXPECT_EQ(result.score(result.entries[0]), 100.0);
    EXPECT_EQ(result.score(result.entries[9]), 0.0);
    // Three customers: the first is always in the best tier; the second has a third of the
    // customers before it, past Gold's 30 %, so Gold stays empty.
    const auto few = prepareTierFacts({inputs[0], inputs[1], inputs[2]}, year2025(), Date(2025, 12, 31));
    const auto small = scoreTiers(few, model).value();
    EXPECT_EQ(tiersByRank(small), "Platinum Silver Bronze");
    EXPECT_EQ(small.summary[1].customers, 0);
}

TEST(Tiers, otherWeightsReorderTheSameFacts)
{
    const auto facts = workedExample();
    const auto byRevenue = scoreTiers(facts, TierModel().withIndicators(TierModel::parseWeights("revenue=1").value()).value());
    EXPECT_EQ(codesByRank(facts, byRevenue.value()), "C1 C2 C3 C4 C5");
    const auto byStrategic =
        scoreTiers(facts, TierModel().withIndicators(TierModel::parseWeights("strategic=5,revenue=1").value()).value());
    EXPECT_EQ(codesByRank(facts, byStrategic.value()), "C2 C4 C1 C3 C5");
    // Switching an indicator off is the same as not weighing it.
    auto settings = workedModel().indicators();
    settings[static_cast<std::size_t>(tierIndicatorIndex(TierIndicator::Strategic))].enabled = false;
    const auto off = scoreTiers(facts, workedModel().withIndicators(settings).value()).value();
    EXPECT_EQ(off.weight(TierIndicator::Strategic), 0);
    EXPECT_EQ(off.weightTotal, 6);
    EXPECT_EQ(codesByRank(facts, off), "C1 C2 C3 C4 C5");
}

TEST(Tiers, noCustomersGiveAnEmptyRankingWithEveryTierListed)
{
    const auto facts = prepareTierFacts({}, year2025(), Date(2025, 12, 31));
    const auto result = scoreTiers(facts, TierModel()).value();
    EXPECT_TRUE(result.entries.empty());
    ASSERT_EQ(result.summary.size(), 4u);
    EXPECT_EQ(result.summary[0].customers, 0);
    EXPECT_FALSE(facts.indexOf(1).has_value());
}

TEST(Tiers, scaledScoreRoundsHalfUp)
{
    EXPECT_EQ(scaledScore(425'000, 8, 2), 531);   // 5.3125 -> 5.31
    EXPECT_EQ(scaledScore(4'250'000, 8, 2), 5313);  // 53.125 -> 53.13
    EXPECT_EQ(scaledScore(8'000'000, 8, 0), 100);
    EXPECT_EQ(scaledScore(1, 0, 2), 0);
}

TEST(TierNormalisation, countingWholeNumbersAndSortingOtherValuesAgree)
{
    // Whole numbers over a small range are counted, anything else sorted: the same ranks either way.
    std::vector<double> whole;
    std::vector<double> shifted;
    std::vector<std::uint8_t> present;
    std::uint64_t state = 12345;
    for (int i = 0; i < 5000; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const double value = static_cast<double>((state >> 33) % 400);
        whole.push_back(i % 97 == 0 ? std::numeric_limits<double>::infinity() : value);
        shifted.push_back(whole.back() + 0.5);
        present.push_back(i % 13 == 0 ? 0 : 1);
    }
    for (const bool lower : {false, true}) {
        EXPECT_EQ(normaliseByRank(whole, lower, present), normaliseByRank(shifted, lower, present));
        EXPECT_EQ(normaliseByRank(whole, lower), normaliseByRank(shifted, lower));
    }
    // Large whole numbers (revenue in cents) are sorted.
    EXPECT_EQ(normalise({1e12, 5, 3e9}), (std::vector<std::uint32_t>{1'000'000, 0, 500'000}));
    // Infinity alone, and with others: the worst recency.
    EXPECT_EQ(normalise({std::numeric_limits<double>::infinity()}, true), (std::vector<std::uint32_t>{500'000}));
    EXPECT_EQ(normalise({std::numeric_limits<double>::infinity(), 3, std::numeric_limits<double>::infinity()}, true),
              (std::vector<std::uint32_t>{0, 1'000'000, 0}));
}
