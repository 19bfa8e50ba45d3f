#include "domain/tier_model.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

namespace {

std::string weightsError(std::string_view text)
{
    auto parsed = TierModel::parseWeights(text);
    EXPECT_FALSE(parsed.ok()) << text;
    return parsed.ok() ? std::string() : parsed.error().describe();
}

std::string tiersError(std::string_view text)
{
    auto parsed = TierModel::parseTiers(text);
    EXPECT_FALSE(parsed.ok()) << text;
    return parsed.ok() ? std::string() : parsed.error().describe();
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST(TierModel, defaultWeighsEveryIndicatorAndHasFourTiersSummingTo100)
{
    const TierModel model;
    EXPECT_EQ(model.weightsText(),
              "revenue=3,margin=3,growth=2,order_frequency=2,recency=2,open_claims=1,satisfaction=1,strategic=2");
    EXPECT_EQ(model.tiersText(), "Platinum:10,Gold:20,Silver:30,Bronze:40");
    EXPECT_EQ(model.cumulativeShare(0), 1000);
    EXPECT_EQ(model.cumulativeShare(2), 6000);
    EXPECT_EQ(model.cumulativeShare(3), 10000);
    EXPECT_TRUE(TierModel::validateIndicators(model.indicators()).ok());
    EXPECT_TRUE(TierModel::validateTiers(model.tiers()).ok());
}

TEST(TierModel, parseWeightsSwitchesOnTheNamedIndicatorsOnly)
{
    auto parsed = TierModel::parseWeights("revenue=3, margin=2,recency = 1,strategic");
    ASSERT_TRUE(parsed.ok()) << parsed.error().describe();
    const auto& w = parsed.value();
    EXPECT_EQ(w[0], (IndicatorSetting{3, true}));
    EXPECT_EQ(w[1], (IndicatorSetting{2, true}));
    EXPECT_EQ(w[static_cast<std::size_t>(tierIndicatorIndex(TierIndicator::Recency))], (IndicatorSetting{1, true}));
    // A bare name weighs 1.
    EXPECT_EQ(w[static_cast<std::size_t>(tierIndicatorIndex(TierIndicator::Strategic))], (IndicatorSetting{1, true}));
    EXPECT_FALSE(w[static_cast<std::size_t>(tierIndicatorIndex(TierIndicator::Growth))].enabled);
    auto model = TierModel().withIndicators(w);
    ASSERT_TRUE(model.ok());
    EXPECT_EQ(model.value().weightsText(), "revenue=3,margin=2,recency=1,strategic=1");
    // A weight of 0 is allowed as long as another counts.
    EXPECT_TRUE(TierModel::parseWeights("revenue=0,margin=1").ok());
}

TEST(TierModel, parseWeightsRefusesBadWeightsWithAClearMessage)
{
    EXPECT_EQ(weightsError("revenue=3,margin=-2"), "weights: the weight of margin must be 0 or more, not -2");
    EXPECT_EQ(weightsError("revenue=0,margin=0"),
              "weights: every weight is 0: give at least one indicator a weight above 0");
    const auto unknown = weightsError("revenue=3,profit=2");
    EXPECT_TRUE(contains(unknown, "unknown indicator 'profit'")) << unknown;
    EXPECT_TRUE(contains(unknown, "revenue, margin, growth, order_frequency, recency, open_claims, satisfaction, strategic"))
        << unknown;
    EXPECT_TRUE(contains(weightsError("revenue=1.5"), "'1.5' is not a whole number")) << weightsError("revenue=1.5");
    EXPECT_TRUE(contains(weightsError("revenue=abc"), "not a whole number"));
    EXPECT_EQ(weightsError("revenue=101"), "weights: the weight of revenue must be at most 100, not 101");
    EXPECT_EQ(weightsError("revenue=1,revenue=2"), "weights: revenue is given twice");
    EXPECT_TRUE(contains(weightsError("revenue=1,,margin=2"), "an empty entry"));
    EXPECT_TRUE(contains(weightsError(""), "an empty entry"));
}

TEST(TierModel, switchedOffIndicatorsDoNotCountTowardsTheWeights)
{
    IndicatorSettings settings{};
    settings[0] = {5, false};
    settings[1] = {0, true};
    const auto status = TierModel::validateIndicators(settings);
    ASSERT_FALSE(status.ok());
    EXPECT_TRUE(contains(status.error().message, "every weight is 0"));
    settings[3] = {-1, false};  // off, but still not a weight
    EXPECT_TRUE(contains(TierModel::validateIndicators(settings).error().message, "order_frequency must be 0 or more"));
}

TEST(TierModel, parseTiersReadsNamesAndPercentSharesAndTheLastMayTakeTheRest)
{
    auto parsed = TierModel::parseTiers("Platinum:10, Gold:20,Silver : 30,Bronze:40");
    ASSERT_TRUE(parsed.ok()) << parsed.error().describe();
    EXPECT_EQ(parsed.value(), (std::vector<TierBand>{{"Platinum", 1000}, {"Gold", 2000}, {"Silver", 3000}, {"Bronze", 4000}}));
    auto rest = TierModel::parseTiers("Clé:7.5,Très bien:22.5,Autres");
    ASSERT_TRUE(rest.ok()) << rest.error().describe();
    EXPECT_EQ(rest.value(), (std::vector<TierBand>{{"Clé", 750}, {"Très bien", 2250}, {"Autres", 7000}}));
}

TEST(TierModel, parseTiersRefusesBadTiersWithAClearMessage)
{
    EXPECT_EQ(tiersError("Gold:20,Silver:30,Bronze:40"), "tiers: the tier shares sum to 90 %, not 100 %");
    EXPECT_EQ(tiersError("Gold:50,gold:50"), "tiers: two tiers are named 'gold'");
    EXPECT_EQ(tiersError("All:100"), "tiers: give 2 to 8 tiers, not 1");
    EXPECT_EQ(tiersError("A:10,B:10,C:10,D:10,E:10,F:10,G:10,H:10,I:20"), "tiers: give 2 to 8 tiers, not 9");
    EXPECT_EQ(tiersError("Gold:0,Silver:100"), "tiers: the share of Gold must be above 0 %, not 0 %");
    EXPECT_TRUE(contains(tiersError("Gold,Silver:50"), "the tier 'Gold' has no share"));
    EXPECT_TRUE(contains(tiersError("Gold:ten,Silver:90"), "'ten' is not a percentage"));
    EXPECT_TRUE(contains(tiersError("Gold:10.125,Silver"), "'10.125' is not a percentage"));
    EXPECT_EQ(tiersError(":50,Silver:50"), "tiers: tier 1 has no name");
    EXPECT_TRUE(contains(tiersError("Gold:100,Silver"), "nothing is left for the last tier 'Silver'"));
    EXPECT_TRUE(contains(tiersError("Gold:60,Silver:60"), "sum to 120 %"));
    EXPECT_TRUE(contains(tiersError(std::string(41, 'x') + ":50,B:50"), "longer than 40"));
}

TEST(TierModel, jsonRoundTripsAndStatesItsVersion)
{
    auto model = TierModel::create(TierModel::parseWeights("revenue=3,recency=2,open_claims=1").value(),
                                   TierModel::parseTiers("Top:12.5,Middle:37.5,Rest").value());
    ASSERT_TRUE(model.ok());
    const auto json = model.value().toJson();
    EXPECT_TRUE(contains(json, "\"version\":1")) << json;
    EXPECT_TRUE(contains(json, "{\"name\":\"Top\",\"share\":12.5}")) << json;
    EXPECT_TRUE(contains(json, "{\"name\":\"Rest\",\"share\":50}")) << json;
    auto back = TierModel::fromJson(json);
    ASSERT_TRUE(back.ok()) << back.error().describe();
    EXPECT_EQ(back.value(), model.value());
    // A switched-off weight is kept.
    auto settings = model.value().indicators();
    settings[0].enabled = false;
    const auto off = model.value().withIndicators(settings).value();
    EXPECT_EQ(TierModel::fromJson(off.toJson()).value(), off);
    EXPECT_EQ(TierModel::fromJson(off.toJson()).value().indicator(TierIndicator::Revenue), (IndicatorSetting{3, false}));
}

TEST(TierModel, handWrittenJsonLeavesUnnamedIndicatorsOff)
{
    auto model = TierModel::fromJson(R"({"version": 1,
        "indicators": [{"indicator": "margin", "weight": 4}, {"indicator": "strategic", "weight": 1, "enabled": false},
                       {"indicator": "growth", "weight": 2}],
        "tiers": [{"name": "A", "share": 30}, {"name": "B", "share": 70}]})");
    ASSERT_TRUE(model.ok()) << model.error().describe();
    EXPECT_EQ(model.value().weightsText(), "margin=4,growth=2");
    EXPECT_EQ(model.value().indicator(TierIndicator::Strategic), (IndicatorSetting{1, false}));
    EXPECT_EQ(model.value().tiersText(), "A:30,B:70");
}

TEST(TierModel, jsonErrorsNameTheKey)
{
    const auto error = [](const char* json) {
        auto model = TierModel::fromJson(json);
        EXPECT_FALSE(model.ok()) << json;
        return model.ok() ? Error{} : model.error();
    };
    const char* tiers = R"("tiers": [{"name": "A", "share": 30}, {"name": "B", "share": 70}])";
    EXPECT_EQ(error("not json").describe(), "model: not valid JSON");
    EXPECT_EQ(error(R"({"indicators": [], "tiers": []})").where, "model.version");
    const auto newer = error(R"({"version": 2, "indicators": [], "tiers": []})");
    EXPECT_EQ(newer.code, ErrorCode::Unsupported);
    EXPECT_TRUE(contains(newer.message, "newer Cartera"));
    const auto unknown = error((std::string(R"({"version": 1, "indicators": [{"indicator": "revenue", "weight": 1},
        {"indicator": "profit", "weight": 1}], )") + tiers + "}").c_str());
    EXPECT_EQ(unknown.where, "model.indicators[1].indicator");
    EXPECT_TRUE(contains(unknown.message, "unknown indicator 'profit'"));
    const auto negative = error((std::string(R"({"version": 1, "indicators": [{"indicator": "revenue", "weight": -3}], )") +
                                 tiers + "}").c_str());
    EXPECT_EQ(negative.describe(), "model.indicators[0].weight: the weight of revenue must be 0 or more, not -3");
    const auto zero = error((std::string(R"({"version": 1, "indicators": [{"indicator": "revenue", "weight": 0}], )") +
                             tiers + "}").c_str());
    EXPECT_EQ(zero.where, "model.indicators");
    EXPECT_TRUE(contains(zero.message, "every weight is 0"));
    const auto share = error(R"({"version": 1, "indicators": [{"indicator": "revenue", "weight": 1}],
        "tiers": [{"name": "A", "share": 30.001}, {"name": "B", "share": 70}]})");
    EXPECT_EQ(share.where, "model.tiers[0].share");
    const auto sum = error(R"({"version": 1, "indicators": [{"indicator": "revenue", "weight": 1}],
        "tiers": [{"name": "A", "share": 30}, {"name": "B", "share": 60}]})");
    EXPECT_EQ(sum.describe(), "model.tiers: the tier shares sum to 90 %, not 100 %");
    EXPECT_EQ(error(R"({"version": 1, "indicators": [], "tiers": [], "colour": "red"})").where, "model.colour");
}
