#include "domain/abc_thresholds.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

namespace {

/// The message of the error parse returns, or "valid".
std::string problem(const std::string& text)
{
    const auto parsed = AbcThresholds::parse(text);
    return parsed ? std::string("valid") : parsed.error().message;
}

} // namespace

TEST(AbcThresholds, defaultsAre80_15_5)
{
    const AbcThresholds thresholds;
    EXPECT_EQ(thresholds.classCount(), 3);
    EXPECT_EQ(thresholds.shares(), (std::vector<int>{8000, 1500, 500}));
    EXPECT_EQ(thresholds.cumulativeShare(0), 8000);
    EXPECT_EQ(thresholds.cumulativeShare(1), 9500);
    EXPECT_EQ(thresholds.cumulativeShare(2), 10000);
    EXPECT_EQ(thresholds.toString(), "80,15,5");
}

TEST(AbcThresholds, parseReadsPercentagesWithUpToTwoDecimals)
{
    const auto four = AbcThresholds::parse("70, 20,7.5 ,2.5");
    ASSERT_TRUE(four.ok()) << four.error().describe();
    EXPECT_EQ(four.value().shares(), (std::vector<int>{7000, 2000, 750, 250}));
    EXPECT_EQ(four.value().toString(), "70,20,7.5,2.5");
    const auto fine = AbcThresholds::parse("79.99,15.01,5");
    ASSERT_TRUE(fine.ok());
    EXPECT_EQ(fine.value().shares(), (std::vector<int>{7999, 1501, 500}));
    EXPECT_EQ(AbcThresholds::parse("80,15,5").value(), AbcThresholds{});
    EXPECT_EQ(AbcThresholds::parse("50,50").value().classCount(), 2);
}

TEST(AbcThresholds, sharesMustSumTo100Percent)
{
    EXPECT_EQ(problem("80,15"), "the class shares sum to 95 %, not 100 %");
    EXPECT_EQ(problem("80,15,5.5"), "the class shares sum to 100.5 %, not 100 %");
}

TEST(AbcThresholds, everyShareMustBeAboveZero)
{
    EXPECT_EQ(problem("80,20,0"), "the share of class C must be above 0 %, not 0 %");
    EXPECT_EQ(AbcThresholds::fromBasisPoints({9000, 1500, -500}).error().message,
              "the share of class C must be above 0 %, not -5 %");
}

TEST(AbcThresholds, twoToFourClasses)
{
    EXPECT_EQ(problem("100"), "give 2 to 4 class shares (A, B, C and optionally D), not 1");
    EXPECT_EQ(problem("60,15,10,10,5"), "give 2 to 4 class shares (A, B, C and optionally D), not 5");
    EXPECT_EQ(problem("60,20,10,10"), "valid");
}

TEST(AbcThresholds, anythingButPercentagesIsRefusedNamingThePart)
{
    for (const char* text : {"", "80,,20", "80;15;5", "eighty,15,5", "-5,100,5", "80.,15,5", "7.555,92.445", "80,15,5%",
                             "1000,15,5", ".5,99.5"}) {
        const auto parsed = AbcThresholds::parse(text);
        ASSERT_FALSE(parsed.ok()) << text;
        EXPECT_EQ(parsed.error().where, "thresholds");
        EXPECT_NE(parsed.error().message.find("not a percentage"), std::string::npos) << parsed.error().message;
    }
}

TEST(AbcThresholds, jsonRoundTripsAndIsValidatedOnTheWayIn)
{
    const auto thresholds = AbcThresholds::parse("70,20,7.5,2.5").value();
    const std::string json = abcThresholdsToJson(thresholds);
    EXPECT_EQ(json, R"({"basis_points":[7000,2000,750,250]})");
    const auto back = abcThresholdsFromJson(json);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value(), thresholds);
    EXPECT_FALSE(abcThresholdsFromJson(R"({"basis_points":[7000,2000]})").ok());
    EXPECT_FALSE(abcThresholdsFromJson(R"({"basis_points":[80.5,19.5]})").ok());
    EXPECT_FALSE(abcThresholdsFromJson(R"([8000,1500,500])").ok());
    EXPECT_FALSE(abcThresholdsFromJson("not json").ok());
}

TEST(AbcThresholds, formatBasisPointsDropsTrailingZeros)
{
    EXPECT_EQ(formatBasisPoints(8000), "80");
    EXPECT_EQ(formatBasisPoints(750), "7.5");
    EXPECT_EQ(formatBasisPoints(1), "0.01");
    EXPECT_EQ(formatBasisPoints(-500), "-5");
}
