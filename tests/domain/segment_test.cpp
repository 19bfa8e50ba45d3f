#include "domain/segment.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

namespace {

SegmentCondition condition(SegmentField field, SegmentOperator op, std::vector<std::string> texts,
                           std::vector<std::int64_t> numbers = {})
{
    SegmentCondition c;
    c.field = field;
    c.op = op;
    c.texts = std::move(texts);
    c.numbers = std::move(numbers);
    return c;
}

std::string errorOf(std::string_view json)
{
    const auto parsed = SegmentDefinition::fromJson(json);
    return parsed.ok() ? "accepted" : parsed.error().describe();
}

} // namespace

TEST(SegmentDefinition, roundTripsEveryFieldOperatorAndNestedGroupsThroughJson)
{
    SegmentDefinition definition;
    definition.root.match = SegmentMatch::Any;
    definition.root.rules.push_back(SegmentRule::of(condition(SegmentField::Country, SegmentOperator::InList, {"FR", "DE"})));
    definition.root.rules.push_back(SegmentRule::of(condition(SegmentField::City, SegmentOperator::StartsWith, {"Pa"})));
    auto revenue = condition(SegmentField::Revenue, SegmentOperator::Between, {}, {100, 5000000});
    revenue.period.months = MonthRange::between(202501, 202512).value();
    auto orders = condition(SegmentField::OrderCount, SegmentOperator::GreaterOrEqual, {}, {3});
    orders.period.lastMonths = 6;
    definition.root.rules.push_back(SegmentRule::group(
        SegmentMatch::All, {SegmentRule::of(revenue), SegmentRule::of(orders),
                            SegmentRule::group(SegmentMatch::Any,
                                               {SegmentRule::of(condition(SegmentField::Tag, SegmentOperator::IsEmpty, {})),
                                                SegmentRule::of(condition(SegmentField::AbcClass, SegmentOperator::Equals, {"A"}))})}));
    definition.root.rules.push_back(SegmentRule::of(condition(SegmentField::Satisfaction, SegmentOperator::IsNotEmpty, {})));
    ASSERT_TRUE(definition.validate().ok());

    const auto json = definition.toJson();
    EXPECT_NE(json.find("\"version\":1"), std::string::npos) << json;
    const auto read = SegmentDefinition::fromJson(json);
    ASSERT_TRUE(read.ok()) << read.error().describe();
    EXPECT_EQ(read.value(), definition);
    EXPECT_EQ(read.value().toJson(), json);
}

TEST(SegmentDefinition, readsWhatAPersonWritesByHand)
{
    const auto read = SegmentDefinition::fromJson(R"({"version": 1, "match": "all", "rules": [
        {"field": "country", "op": "equals", "value": "FR"},
        {"field": "channel", "op": "equals", "value": "retail"},
        {"field": "days_since_last_order", "op": "<=", "value": 90},
        {"field": "abc_class", "op": "equals", "value": "A"}]})");
    ASSERT_TRUE(read.ok()) << read.error().describe();
    const auto& rules = read.value().root.rules;
    ASSERT_EQ(rules.size(), 4U);
    EXPECT_EQ(rules[2].condition.field, SegmentField::DaysSinceLastOrder);
    EXPECT_EQ(rules[2].condition.op, SegmentOperator::LessOrEqual);
    EXPECT_EQ(rules[2].condition.numbers, std::vector<std::int64_t>{90});
    // Behaviour without a period means the last 12 months.
    const auto revenue = SegmentDefinition::fromJson(R"({"version":1,"rules":[{"field":"revenue","op":">","value":0}]})");
    ASSERT_TRUE(revenue.ok());
    EXPECT_EQ(revenue.value().root.rules[0].condition.period.resolve(Date(2026, 3, 9)).toString(), "2025-04..2026-03");
}

TEST(SegmentDefinition, aNewerVersionIsRefusedAsSuch)
{
    const auto read = SegmentDefinition::fromJson(R"({"version":2,"rules":[]})");
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, ErrorCode::Unsupported);
    EXPECT_NE(read.error().message.find("newer Cartera"), std::string::npos) << read.error().message;
    EXPECT_NE(read.error().message.find("version 2"), std::string::npos);
}

TEST(SegmentDefinition, malformedJsonAndUnknownKeysAreRefusedWithTheirPlace)
{
    EXPECT_EQ(errorOf("{\"version\":1,\"rules\":["), "segment: the definition is not valid JSON");
    EXPECT_EQ(errorOf("[1,2]"), "segment: the definition must be a JSON object with \"version\" and \"rules\"");
    EXPECT_EQ(errorOf(R"({"rules":[]})"), "segment: the definition has no \"version\" (a whole number)");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[{"field":"country","op":"equals","value":"FR"},
        {"match":"any","rules":[{"field":"city","op":"equals","value":"Lyon"},{"field":"city","op":"equals","value":"Nice"},
        {"field":"cuntry","op":"equals","value":"FR"}]}]})"),
              "rule 2.3: unknown field 'cuntry'");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[{"field":"city","op":"like","value":"x"}]})"),
              "rule 1: unknown operator 'like'");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[{"field":"city","op":"equals","value":"x","colour":"red"}]})"),
              "rule 1: unknown key 'colour' in a condition (field, op, value, period)");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[{"field":"revenue","op":"contains","value":"x"}]})"),
              "rule 1: the operator 'contains' does not apply to revenue");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[{"field":"revenue","op":">","value":"12"}]})"),
              "rule 1: revenue takes whole numbers (minor units: cents)");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[{"field":"revenue","op":"between","value":[5,1]}]})"),
              "rule 1: between: the low value 5 is above the high value 1");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[{"field":"channel","op":"equals","value":"retial"}]})"),
              "rule 1: unknown channel 'retial'");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[{"field":"country","op":"equals","value":"XX"}]})"),
              "rule 1: unknown country code 'XX' (ISO 3166 alpha-2, such as FR)");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[{"field":"city","op":"is_empty","value":"x"}]})"),
              "rule 1: 'is_empty' on city takes no value");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[{"field":"city","op":"in","value":[]}]})"),
              "rule 1: 'in' on city takes a list of one or more values");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[{"field":"city","op":"equals","value":"x","period":{"last_months":3}}]})"),
              "rule 1: city takes no period");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[{"field":"revenue","op":">","value":1,"period":{"last_months":0}}]})"),
              "rule 1: last_months must be between 1 and 1200");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[{"field":"revenue","op":">","value":1,"period":{"from":"2026-13","to":"2026-01"}}]})"),
              "rule 1: period: months are written \"2026-03\"");
    EXPECT_EQ(errorOf(R"({"version":1,"match":"some","rules":[]})"), "segment: match must be \"all\" or \"any\"");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[{"match":"all"}]})"), "rule 1: a group needs \"rules\" (a list, possibly empty)");
    EXPECT_EQ(errorOf(R"({"version":1,"rules":[7]})"), "rule 1: a rule must be an object (a condition or a group)");
}

TEST(SegmentDefinition, groupsNestOnlySoDeep)
{
    std::string json = R"({"version":1,"rules":[)";
    for (int i = 0; i < 20; ++i) {
        json += R"({"match":"any","rules":[)";
    }
    for (int i = 0; i < 20; ++i) {
        json += "]}";
    }
    json += "]}";
    EXPECT_EQ(errorOf(json), "rule 1.1.1.1.1.1.1.1: groups nest at most 8 deep");
}

TEST(SegmentDefinition, validateChecksDefinitionsBuiltInCode)
{
    SegmentDefinition definition;
    definition.root.rules.push_back(SegmentRule::group(
        SegmentMatch::All, {SegmentRule::of(condition(SegmentField::SizeBand, SegmentOperator::Equals, {"huge"}))}));
    const auto checked = definition.validate();
    ASSERT_FALSE(checked.ok());
    EXPECT_EQ(checked.error().describe(), "rule 1.1: unknown size_band 'huge'");
}

TEST(SegmentDefinition, everyFieldHasACodeAndOperatorsThatRoundTrip)
{
    for (const auto& info : segmentFields()) {
        EXPECT_EQ(parseSegmentField(info.code), info.field) << info.code;
        EXPECT_FALSE(info.operators.empty()) << info.code;
    }
    for (int i = 0; i < static_cast<int>(SegmentOperator::Count); ++i) {
        const auto op = static_cast<SegmentOperator>(i);
        EXPECT_EQ(parseSegmentOperator(segmentOperatorCode(op)), op);
    }
}
