#include "domain/abc.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <limits>

using namespace cartera::domain;

namespace {

AbcInput input(CustomerId id, const std::string& code, std::int64_t value)
{
    return AbcInput{id, code, "Customer " + code, value};
}

/// The worked example of docs/abc.md: ten customers worth 1,000 in all (two of them tied at 35)
/// and two listed apart, given in no particular order.
std::vector<AbcInput> workedExample()
{
    return {
        input(7, "C07", 35),  input(1, "C01", 300), input(12, "C12", -15), input(10, "C10", 10),
        input(3, "C03", 150), input(8, "C08", 35),  input(5, "C05", 80),   input(11, "C11", 0),
        input(2, "C02", 200), input(9, "C09", 20),  input(4, "C04", 120),  input(6, "C06", 50),
    };
}

AbcResult classified(std::vector<AbcInput> values, const AbcThresholds& thresholds = {})
{
    auto result = classifyAbc(std::move(values), thresholds);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().describe());
    return result.ok() ? result.value() : AbcResult{};
}

std::string classesOf(const AbcResult& result)
{
    std::string classes;
    for (const auto& entry : result.entries) {
        classes += kAbcClassCodes.code(entry.abcClass);
    }
    return classes;
}

std::string codesOf(const AbcResult& result)
{
    std::string codes;
    for (const auto& entry : result.entries) {
        codes += (codes.empty() ? "" : " ") + entry.code;
    }
    return codes;
}

} // namespace

TEST(Abc, workedExampleRanksCumulatesAndClassifiesAsComputedByHand)
{
    const AbcResult result = classified(workedExample());
    ASSERT_EQ(result.entries.size(), 10u);
    EXPECT_EQ(result.total, 1000);
    EXPECT_EQ(codesOf(result), "C01 C02 C03 C04 C05 C06 C07 C08 C09 C10");
    // Cumulative value before each customer: 0 300 500 650 770 850 900 935 970 990.
    const std::int64_t before[] = {0, 300, 500, 650, 770, 850, 900, 935, 970, 990};
    for (std::size_t i = 0; i < 10; ++i) {
        EXPECT_EQ(result.entries[i].rank, static_cast<std::int64_t>(i) + 1);
        EXPECT_EQ(result.entries[i].cumulativeBefore(), before[i]) << result.entries[i].code;
    }
    EXPECT_EQ(result.entries.back().cumulativeValue, 1000);
    EXPECT_EQ(classesOf(result), "AAAAABBBCC");
    EXPECT_EQ(result.entries[0].name, "Customer C01");
}

TEST(Abc, theCustomerThatCrosses80PercentIsStillA)
{
    // 77 % before C05, 85 % after it: decided by the share before, so A.
    const AbcResult result = classified(workedExample());
    const auto& crossing = result.entries[4];
    ASSERT_EQ(crossing.code, "C05");
    EXPECT_LT(crossing.cumulativeBefore() * 100, 80 * result.total);
    EXPECT_GT(crossing.cumulativeValue * 100, 80 * result.total);
    EXPECT_EQ(crossing.abcClass, AbcClass::A);
    EXPECT_EQ(result.entries[5].abcClass, AbcClass::B);
}

TEST(Abc, aCustomerStartingExactlyAtTheBoundaryBelongsToTheNextClass)
{
    const AbcResult result = classified({input(1, "X", 80), input(2, "Y", 15), input(3, "Z", 5)});
    // Y starts at exactly 80 %, Z at exactly 95 %.
    EXPECT_EQ(classesOf(result), "ABC");
}

TEST(Abc, equalValuesAreRankedByCustomerCodeWhateverTheInputOrder)
{
    std::vector<AbcInput> values = {input(1, "C-30", 10), input(2, "C-10", 10), input(3, "C-20", 10),
                                    input(4, "B-99", 5), input(5, "C-05", 10)};
    const AbcResult forward = classified(values);
    EXPECT_EQ(codesOf(forward), "C-05 C-10 C-20 C-30 B-99");
    std::reverse(values.begin(), values.end());
    EXPECT_EQ(codesOf(classified(values)), codesOf(forward));
}

TEST(Abc, rankingIsTheSameWhetherOrNotTheInputsComeInCodeOrder)
{
    // In code order the input order stands in for the code; shuffled, codes are compared.
    std::vector<AbcInput> values;
    for (int i = 0; i < 40; ++i) {
        char code[8];
        std::snprintf(code, sizeof code, "K%02d", i);
        values.push_back(input(i + 1, code, (i % 4) * 10 - 10));  // -10, 0, 10, 20: many ties
    }
    const AbcResult inOrder = classified(values);
    std::reverse(values.begin(), values.end());
    std::rotate(values.begin(), values.begin() + 7, values.end());
    const AbcResult shuffled = classified(values);
    EXPECT_EQ(codesOf(inOrder), codesOf(shuffled));
    EXPECT_EQ(codesOf(inOrder).substr(0, 15), "K03 K07 K11 K15");
    ASSERT_EQ(inOrder.apart.size(), 20u);
    std::string apart;
    for (std::size_t i = 0; i < inOrder.apart.size(); ++i) {
        EXPECT_EQ(inOrder.apart[i].code, shuffled.apart[i].code);
        apart += inOrder.apart[i].code + " ";
    }
    EXPECT_EQ(apart.substr(0, 16), "K01 K05 K09 K13 ");  // 0 before -10, each in code order
}

TEST(Abc, codesCompareByteByByteSoUpperCaseComesBeforeLowerCase)
{
    const AbcResult result =
        classified({input(1, "b", 7), input(2, "B", 7), input(3, "a", 7), input(4, "A10", 7), input(5, "A9", 7)});
    EXPECT_EQ(codesOf(result), "A10 A9 B a b");
}

TEST(Abc, zeroAndNegativeValuesAreListedApartNotClassified)
{
    const AbcResult result = classified(workedExample());
    ASSERT_EQ(result.apart.size(), 2u);
    EXPECT_EQ(result.apart[0].code, "C11");
    EXPECT_EQ(result.apart[0].value, 0);
    EXPECT_EQ(result.apart[1].code, "C12");
    EXPECT_EQ(result.apart[1].value, -15);
    EXPECT_EQ(result.apartValue(), -15);
    for (const auto& entry : result.entries) {
        EXPECT_GT(entry.value, 0) << entry.code;
    }
    // They do not dilute the total either.
    EXPECT_EQ(result.total, 1000);
}

TEST(Abc, onlyZeroAndNegativeValuesClassifyNobody)
{
    const AbcResult result = classified({input(1, "A", 0), input(2, "B", -3)});
    EXPECT_TRUE(result.entries.empty());
    EXPECT_EQ(result.apart.size(), 2u);
    EXPECT_EQ(result.total, 0);
    ASSERT_EQ(result.summary.size(), 3u);
    for (const auto& summary : result.summary) {
        EXPECT_EQ(summary.customers, 0);
    }
}

TEST(Abc, aSingleCustomerIsA)
{
    const AbcResult result = classified({input(1, "ONLY", 42)});
    EXPECT_EQ(classesOf(result), "A");
    EXPECT_EQ(result.summary[0].customers, 1);
    EXPECT_EQ(result.summary[0].value, 42);
}

TEST(Abc, allEqualValuesFillAUntilItsShareIsReached)
{
    std::vector<AbcInput> values;
    for (int i = 0; i < 10; ++i) {
        values.push_back(input(i + 1, "C" + std::to_string(i), 100));
    }
    // Before each: 0, 10, ... 90 %: eight start below 80 %, two below 95 %, none is left for C.
    const AbcResult result = classified(values);
    EXPECT_EQ(classesOf(result), "AAAAAAAABB");
    EXPECT_EQ(result.summary[2].customers, 0);
}

TEST(Abc, anEmptyPeriodGivesAnEmptyResultWithASummaryRowPerClass)
{
    const AbcResult result = classified({});
    EXPECT_TRUE(result.entries.empty());
    EXPECT_TRUE(result.apart.empty());
    EXPECT_EQ(result.total, 0);
    ASSERT_EQ(result.summary.size(), 3u);
    EXPECT_EQ(result.summary[1].abcClass, AbcClass::B);
    EXPECT_EQ(result.summary[1].thresholdBasisPoints, 1500);
}

TEST(Abc, summaryCountsCustomersAndValuePerClass)
{
    const AbcResult result = classified(workedExample());
    ASSERT_EQ(result.summary.size(), 3u);
    EXPECT_EQ(result.summary[0].customers, 5);
    EXPECT_EQ(result.summary[0].value, 850);
    EXPECT_EQ(result.summary[1].customers, 3);
    EXPECT_EQ(result.summary[1].value, 120);
    EXPECT_EQ(result.summary[2].customers, 2);
    EXPECT_EQ(result.summary[2].value, 30);
    EXPECT_EQ(result.summary[0].thresholdBasisPoints, 8000);
}

TEST(Abc, fourClassesSplitAlongTheirCumulativeShares)
{
    const auto thresholds = AbcThresholds::parse("50,25,15,10");
    ASSERT_TRUE(thresholds.ok());
    // Boundaries 50, 75, 90 %; shares before: 0 30 50 65 77 85 90 93.5 97 99.
    const AbcResult result = classified(workedExample(), thresholds.value());
    EXPECT_EQ(classesOf(result), "AABBCCDDDD");
    ASSERT_EQ(result.summary.size(), 4u);
    EXPECT_EQ(result.summary[3].abcClass, AbcClass::D);
    EXPECT_EQ(result.summary[3].customers, 4);
    EXPECT_EQ(result.summary[3].value, 35 + 35 + 20 + 10);
}

TEST(Abc, applyThresholdsReclassifiesWithoutRanking)
{
    AbcResult result = classified(workedExample());
    const std::string ranking = codesOf(result);
    applyThresholds(result, AbcThresholds::parse("50,25,15,10").value());
    EXPECT_EQ(codesOf(result), ranking);
    EXPECT_EQ(classesOf(result), "AABBCCDDDD");
    EXPECT_EQ(result.summary.size(), 4u);
    applyThresholds(result, AbcThresholds{});
    EXPECT_EQ(classesOf(result), "AAAAABBBCC");
    EXPECT_EQ(result.summary.size(), 3u);
    EXPECT_EQ(result.summary[0].customers, 5);
}

TEST(Abc, classesAreExactWhereFloatingPointWouldRoundTheBoundary)
{
    // Total 10^18 + 1: 80 % of it is 8 * 10^17 + 0.8. The second customer starts at 8 * 10^17,
    // just below, so it is A. In double precision 10^18 + 1 rounds to 10^18 and the two compare
    // equal, which would make it B.
    const AbcResult result =
        classified({input(1, "BIG", 800'000'000'000'000'000), input(2, "NEXT", 200'000'000'000'000'001)});
    EXPECT_EQ(result.total, 1'000'000'000'000'000'001);
    EXPECT_EQ(classesOf(result), "AA");
}

TEST(Abc, largeValuesDoNotOverflowTheComparison)
{
    // Each value times 10000 would overflow 64 bits.
    const std::int64_t big = std::numeric_limits<std::int64_t>::max() / 4;
    const AbcResult result = classified({input(1, "A", big), input(2, "B", big), input(3, "C", big / 2)});
    EXPECT_EQ(classesOf(result), "AAB");
}

TEST(Abc, aTotalBeyond64BitsIsAnErrorNotAWrongAnswer)
{
    const std::int64_t half = std::numeric_limits<std::int64_t>::max() / 2 + 1;
    const auto result = classifyAbc({input(1, "A", half), input(2, "B", half)}, AbcThresholds{});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::InvalidInput);
    EXPECT_NE(result.error().message.find("too large"), std::string::npos);
}

TEST(Abc, scaledPercentRoundsHalfUpExactly)
{
    EXPECT_EQ(scaledPercent(1, 3, 4), 333333);  // 33.3333 %
    EXPECT_EQ(scaledPercent(2, 3, 4), 666667);  // 66.6667 %
    EXPECT_EQ(scaledPercent(1, 8, 1), 125);     // 12.5 %
    EXPECT_EQ(scaledPercent(1, 16, 1), 63);     // 6.25 % rounds up to 6.3
    EXPECT_EQ(scaledPercent(-1, 16, 1), -63);
    EXPECT_EQ(scaledPercent(5, 0, 2), 0);
    const std::int64_t max = std::numeric_limits<std::int64_t>::max();
    EXPECT_EQ(scaledPercent(max, max, 4), 1'000'000);
    EXPECT_EQ(scaledPercent(max / 2, max, 2), 5000);
}

TEST(Abc, shareOfIsAFractionForCharts)
{
    EXPECT_DOUBLE_EQ(shareOf(80, 100), 0.8);
    EXPECT_DOUBLE_EQ(shareOf(1, 0), 0.0);
}

TEST(Abc, criterionCodesRoundTrip)
{
    for (const auto& [criterion, code] : kAbcCriterionCodes.entries) {
        EXPECT_EQ(kAbcCriterionCodes.parse(code), criterion);
    }
    EXPECT_TRUE(isMoney(AbcCriterion::Margin));
    EXPECT_FALSE(isMoney(AbcCriterion::Orders));
}

namespace {

/// Ranks count mixed inputs and compares with a plain comparison sort of values, then codes.
void expectRankingAsAPlainSort(int count)
{
    // The ranking sorts by bytes of the value (radix): values that differ in any byte, from
    // large money amounts to negatives, many ties, inputs in no code order.
    std::vector<AbcInput> values;
    std::uint64_t state = 12345;
    const auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 17;
    };
    for (int i = 0; i < count; ++i) {
        const std::uint64_t pick = next();
        std::int64_t value = 0;
        switch (pick % 5) {
        case 0: value = static_cast<std::int64_t>(pick % 7) * 100; break;          // many ties, zeros
        case 1: value = static_cast<std::int64_t>(pick % 1000000007); break;      // up to 4 bytes
        case 2: value = static_cast<std::int64_t>(pick) >> 3; break;              // up to 6 bytes
        case 3: value = -static_cast<std::int64_t>(pick % 100000); break;         // negatives
        default: value = std::numeric_limits<std::int64_t>::max() - static_cast<std::int64_t>(pick % 3); break;
        }
        char code[16];
        std::snprintf(code, sizeof code, "Z%05d", static_cast<int>(next() % 100000));
        values.push_back(input(i + 1, code, value));
    }
    std::vector<AbcInput> expected = values;
    std::sort(expected.begin(), expected.end(), [](const AbcInput& a, const AbcInput& b) {
        if (a.value != b.value) {
            return a.value > b.value;
        }
        return a.code != b.code ? a.code < b.code : a.customerId < b.customerId;
    });
    // Values near the top of the range would overflow the total: keep those small enough that
    // all of them add up within 64 bits.
    std::vector<AbcInput> rankable;
    for (const auto& value : values) {
        if (value.value < std::numeric_limits<std::int64_t>::max() / 80000) {
            rankable.push_back(value);
        }
    }
    std::erase_if(expected, [](const AbcInput& value) {
        return value.value >= std::numeric_limits<std::int64_t>::max() / 80000;
    });
    const AbcResult result = classified(rankable);
    std::vector<CustomerId> got;
    for (const auto& entry : result.entries) {
        got.push_back(entry.customerId);
    }
    for (const auto& apart : result.apart) {
        got.push_back(apart.customerId);
    }
    std::vector<CustomerId> want;
    for (const auto& value : expected) {
        want.push_back(value.customerId);
    }
    ASSERT_GT(result.entries.size(), static_cast<std::size_t>(count / 5));
    ASSERT_GT(result.apart.size(), static_cast<std::size_t>(count / 5));
    EXPECT_EQ(got, want);
}

} // namespace

TEST(Abc, rankingMatchesAPlainSortOfValuesThenCodesOverManyMixedValues)
{
    expectRankingAsAPlainSort(5000);
}

TEST(Abc, rankingIsTheSameWhenThoseListedApartAreRankedOnASecondThread)
{
    expectRankingAsAPlainSort(70000);  // above the size from which a second thread is used
}
