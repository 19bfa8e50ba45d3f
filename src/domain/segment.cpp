#include "domain/segment.h"

#include "domain/countries.h"
#include "domain/customer.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace cartera::domain {

namespace {

using Op = SegmentOperator;
using Json = nlohmann::json;

const std::vector<Op> kTextOperators{Op::Equals,   Op::NotEquals,  Op::InList,  Op::NotInList,
                                     Op::Contains, Op::StartsWith, Op::IsEmpty, Op::IsNotEmpty};
const std::vector<Op> kCodeOperators{Op::Equals, Op::NotEquals, Op::InList, Op::NotInList, Op::IsEmpty, Op::IsNotEmpty};
// A fixed list whose value is never empty (channel, kind, status): "is empty" would never match.
const std::vector<Op> kRequiredCodeOperators{Op::Equals, Op::NotEquals, Op::InList, Op::NotInList};
const std::vector<Op> kAmountOperators{Op::Equals,      Op::NotEquals, Op::Less,           Op::LessOrEqual,
                                       Op::Greater,     Op::GreaterOrEqual, Op::Between};
const std::vector<Op> kOptionalNumberOperators{Op::Equals,  Op::NotEquals,      Op::Less,    Op::LessOrEqual,
                                               Op::Greater, Op::GreaterOrEqual, Op::Between, Op::IsEmpty,
                                               Op::IsNotEmpty};
// Bought (equals / in list: any of them) or not bought (not equals / not in list: none of them).
const std::vector<Op> kCategoryOperators{Op::Equals, Op::NotEquals, Op::InList, Op::NotInList};

template <typename Enum, std::size_t N>
std::vector<std::string_view> codesOf(const EnumCodes<Enum, N>& codes)
{
    std::vector<std::string_view> list;
    for (const auto& entry : codes.entries) {
        list.push_back(entry.second);
    }
    return list;
}

std::vector<SegmentFieldInfo> makeFields()
{
    using F = SegmentField;
    using T = SegmentValueType;
    return {
        {F::Country, "country", T::Code, false, kCodeOperators, {}},
        {F::Region, "region", T::Text, false, kTextOperators, {}},
        {F::City, "city", T::Text, false, kTextOperators, {}},
        {F::Industry, "industry", T::Text, false, kTextOperators, {}},
        {F::SizeBand, "size_band", T::Code, false, kCodeOperators, codesOf(kSizeBandCodes)},
        {F::Channel, "channel", T::Code, false, kRequiredCodeOperators, codesOf(kSalesChannelCodes)},
        {F::Kind, "kind", T::Code, false, kRequiredCodeOperators, codesOf(kCustomerKindCodes)},
        {F::Status, "status", T::Code, false, kRequiredCodeOperators, codesOf(kCustomerStatusCodes)},
        {F::OwnerRep, "owner_rep", T::Code, false, kCodeOperators, {}},
        {F::Tag, "tag", T::Text, false, kTextOperators, {}},
        {F::Revenue, "revenue", T::Money, true, kAmountOperators, {}},
        {F::Margin, "margin", T::Money, true, kAmountOperators, {}},
        {F::OrderCount, "order_count", T::Number, true, kAmountOperators, {}},
        {F::DaysSinceLastOrder, "days_since_last_order", T::Number, false, kOptionalNumberOperators, {}},
        {F::CategoryBought, "category_bought", T::Code, true, kCategoryOperators, {}},
        {F::AbcClass, "abc_class", T::Code, false, kCodeOperators, {"A", "B", "C", "D"}},
        {F::Tier, "tier", T::Text, false, kTextOperators, {}},
        {F::Satisfaction, "satisfaction", T::Number, true, kOptionalNumberOperators, {}},
    };
}

constexpr std::array<std::string_view, static_cast<std::size_t>(Op::Count)> kOperatorCodes{
    "equals", "not_equals", "in", "not_in", "contains", "starts_with", "<", "<=", ">", ">=", "between",
    "is_empty", "is_not_empty"};

std::string inQuotes(std::string_view text)
{
    // Long or binary values are cut in messages; the message is for people.
    std::string shown(text.substr(0, 40));
    std::replace(shown.begin(), shown.end(), '\0', ' ');
    return "'" + shown + (text.size() > 40 ? "...'" : "'");
}

std::string placeOf(const std::string& path)
{
    return path.empty() ? "segment" : "rule " + path;
}

std::string childPath(const std::string& path, std::size_t index)
{
    return (path.empty() ? "" : path + ".") + std::to_string(index + 1);
}

Status checkCondition(const SegmentCondition& c, const std::string& where)
{
    const auto& info = segmentFieldInfo(c.field);
    if (std::find(info.operators.begin(), info.operators.end(), c.op) == info.operators.end()) {
        return invalidInput("the operator '" + std::string(segmentOperatorCode(c.op)) + "' does not apply to " +
                                std::string(info.code),
                            where);
    }
    const bool numeric = info.type == SegmentValueType::Money || info.type == SegmentValueType::Number;
    const std::size_t count = numeric ? c.numbers.size() : c.texts.size();
    const int arity = segmentOperatorArity(c.op);
    if ((arity >= 0 && count != static_cast<std::size_t>(arity)) || (arity < 0 && count == 0) ||
        (numeric ? !c.texts.empty() : !c.numbers.empty())) {
        const std::string expected = arity == 0   ? "no value"
                                     : arity == 1 ? (numeric ? "one number" : "one text value")
                                     : arity == 2 ? "two numbers (low, high)"
                                                  : (numeric ? "a list of numbers" : "a list of one or more values");
        return invalidInput("'" + std::string(segmentOperatorCode(c.op)) + "' on " + std::string(info.code) +
                                " takes " + expected,
                            where);
    }
    if (c.op == Op::Between && c.numbers[0] > c.numbers[1]) {
        return invalidInput("between: the low value " + std::to_string(c.numbers[0]) + " is above the high value " +
                                std::to_string(c.numbers[1]),
                            where);
    }
    if (c.field == SegmentField::DaysSinceLastOrder || c.field == SegmentField::OrderCount) {
        for (const auto n : c.numbers) {
            if (n < 0) {
                return invalidInput(std::string(info.code) + " cannot be negative (" + std::to_string(n) + ")", where);
            }
        }
    }
    if (c.field == SegmentField::Satisfaction) {
        for (const auto n : c.numbers) {
            if (n < 0 || n > 100) {
                return invalidInput("satisfaction is on a 0-100 scale (" + std::to_string(n) + ")", where);
            }
        }
    }
    for (const auto& text : c.texts) {
        if (text.size() > SegmentDefinition::kMaxValueLength) {
            return invalidInput("a value of " + std::to_string(text.size()) + " bytes; at most " +
                                    std::to_string(SegmentDefinition::kMaxValueLength),
                                where);
        }
        if (text.empty() && !(c.op == Op::Contains || c.op == Op::StartsWith)) {
            return invalidInput("an empty value: use 'is_empty' to find customers without " + std::string(info.code),
                                where);
        }
        if (!info.codes.empty() && std::find(info.codes.begin(), info.codes.end(), text) == info.codes.end()) {
            return invalidInput("unknown " + std::string(info.code) + " " + inQuotes(text), where);
        }
        if (c.field == SegmentField::Country && !isKnownCountryCode(text)) {
            return invalidInput("unknown country code " + inQuotes(text) + " (ISO 3166 alpha-2, such as FR)", where);
        }
    }
    if (info.usesPeriod) {
        if (c.period.months) {
            // MonthRange is valid by construction.
        } else if (c.period.lastMonths < 1 || c.period.lastMonths > 1200) {
            return invalidInput("last_months must be between 1 and 1200", where);
        }
    }
    return Done{};
}

Status checkRule(const SegmentRule& rule, const std::string& path, int depth)
{
    if (!rule.isGroup) {
        return checkCondition(rule.condition, placeOf(path));
    }
    if (depth > SegmentDefinition::kMaxDepth) {
        return invalidInput("groups nest at most " + std::to_string(SegmentDefinition::kMaxDepth) + " deep",
                            placeOf(path));
    }
    for (std::size_t i = 0; i < rule.rules.size(); ++i) {
        if (auto checked = checkRule(rule.rules[i], childPath(path, i), depth + 1); !checked) {
            return checked;
        }
    }
    return Done{};
}

// ---- JSON ----

Json periodToJson(const SegmentPeriod& period)
{
    if (period.months) {
        return Json{{"from", MonthRange::formatMonth(period.months->fromMonth())},
                    {"to", MonthRange::formatMonth(period.months->toMonth())}};
    }
    return Json{{"last_months", period.lastMonths}};
}

Json ruleToJson(const SegmentRule& rule)
{
    if (rule.isGroup) {
        Json rules = Json::array();
        for (const auto& child : rule.rules) {
            rules.push_back(ruleToJson(child));
        }
        return Json{{"match", rule.match == SegmentMatch::All ? "all" : "any"}, {"rules", std::move(rules)}};
    }
    const auto& c = rule.condition;
    const auto& info = segmentFieldInfo(c.field);
    Json j{{"field", info.code}, {"op", segmentOperatorCode(c.op)}};
    const bool numeric = info.type == SegmentValueType::Money || info.type == SegmentValueType::Number;
    const int arity = segmentOperatorArity(c.op);
    if (arity == 1) {
        if (numeric) {
            j["value"] = c.numbers.empty() ? 0 : c.numbers.front();
        } else {
            j["value"] = c.texts.empty() ? std::string() : c.texts.front();
        }
    } else if (arity != 0) {
        j["value"] = numeric ? Json(c.numbers) : Json(c.texts);
    }
    if (info.usesPeriod) {
        j["period"] = periodToJson(c.period);
    }
    return j;
}

Result<SegmentPeriod> periodFromJson(const Json& j, const std::string& where)
{
    if (!j.is_object()) {
        return invalidInput("period must be an object such as {\"last_months\":12}", where);
    }
    SegmentPeriod period;
    for (const auto& [key, value] : j.items()) {
        if (key != "last_months" && key != "from" && key != "to") {
            return invalidInput("unknown key '" + key + "' in period (last_months, or from and to)", where);
        }
    }
    if (j.contains("from") || j.contains("to")) {
        if (!j.contains("from") || !j.contains("to") || !j["from"].is_string() || !j["to"].is_string() ||
            j.contains("last_months")) {
            return invalidInput("period: give from and to as \"yyyy-mm\", or last_months alone", where);
        }
        const auto from = MonthRange::parseMonth(j["from"].get<std::string>());
        const auto to = MonthRange::parseMonth(j["to"].get<std::string>());
        if (!from || !to) {
            return invalidInput("period: months are written \"2026-03\"", where);
        }
        auto range = MonthRange::between(*from, *to);
        if (!range) {
            return invalidInput("period: " + range.error().message, where);
        }
        period.months = range.value();
        return period;
    }
    if (j.contains("last_months")) {
        if (!j["last_months"].is_number_integer()) {
            return invalidInput("period: last_months must be a whole number", where);
        }
        const auto months = j["last_months"].get<std::int64_t>();
        if (months < 1 || months > 1200) {
            return invalidInput("last_months must be between 1 and 1200", where);
        }
        period.lastMonths = static_cast<int>(months);
    }
    return period;
}

Result<SegmentRule> ruleFromJson(const Json& j, const std::string& path, int depth);

Result<SegmentRule> groupFromJson(const Json& j, const std::string& path, int depth, bool top)
{
    const std::string where = placeOf(path);
    if (depth > SegmentDefinition::kMaxDepth) {
        return invalidInput("groups nest at most " + std::to_string(SegmentDefinition::kMaxDepth) + " deep", where);
    }
    for (const auto& [key, value] : j.items()) {
        if (key != "match" && key != "rules" && !(top && key == "version")) {
            return invalidInput("unknown key '" + key + "' in a group (match, rules)", where);
        }
    }
    SegmentRule group = SegmentRule::group(SegmentMatch::All);
    if (j.contains("match")) {
        const auto& match = j["match"];
        if (!match.is_string() || (match != "all" && match != "any")) {
            return invalidInput("match must be \"all\" or \"any\"", where);
        }
        group.match = match == "all" ? SegmentMatch::All : SegmentMatch::Any;
    }
    if (!j.contains("rules")) {
        return invalidInput("a group needs \"rules\" (a list, possibly empty)", where);
    }
    if (!j["rules"].is_array()) {
        return invalidInput("rules must be a list", where);
    }
    const auto& rules = j["rules"];
    for (std::size_t i = 0; i < rules.size(); ++i) {
        auto rule = ruleFromJson(rules[i], childPath(path, i), depth + 1);
        if (!rule) {
            return rule.error();
        }
        group.rules.push_back(std::move(rule.value()));
    }
    return group;
}

Result<SegmentRule> conditionFromJson(const Json& j, const std::string& where)
{
    for (const auto& [key, value] : j.items()) {
        if (key != "field" && key != "op" && key != "value" && key != "period") {
            return invalidInput("unknown key '" + key + "' in a condition (field, op, value, period)", where);
        }
    }
    if (!j.contains("field") || !j["field"].is_string()) {
        return invalidInput("a condition needs a \"field\"", where);
    }
    const auto fieldCode = j["field"].get<std::string>();
    const auto field = parseSegmentField(fieldCode);
    if (!field) {
        return invalidInput("unknown field " + inQuotes(fieldCode), where);
    }
    if (!j.contains("op") || !j["op"].is_string()) {
        return invalidInput("a condition needs an \"op\"", where);
    }
    const auto opCode = j["op"].get<std::string>();
    const auto op = parseSegmentOperator(opCode);
    if (!op) {
        return invalidInput("unknown operator " + inQuotes(opCode), where);
    }
    SegmentCondition c;
    c.field = *field;
    c.op = *op;
    const auto& info = segmentFieldInfo(c.field);
    if (std::find(info.operators.begin(), info.operators.end(), c.op) == info.operators.end()) {
        return invalidInput("the operator '" + opCode + "' does not apply to " + std::string(info.code), where);
    }
    const bool numeric = info.type == SegmentValueType::Money || info.type == SegmentValueType::Number;
    if (j.contains("value")) {
        const auto& value = j["value"];
        const auto takeOne = [&](const Json& v) -> Status {
            if (numeric) {
                if (!v.is_number_integer()) {
                    return invalidInput(std::string(info.code) + " takes whole numbers" +
                                            (info.type == SegmentValueType::Money ? " (minor units: cents)" : ""),
                                        where);
                }
                c.numbers.push_back(v.get<std::int64_t>());
            } else {
                if (!v.is_string()) {
                    return invalidInput(std::string(info.code) + " takes text values", where);
                }
                c.texts.push_back(v.get<std::string>());
            }
            return Done{};
        };
        if (value.is_array()) {
            for (const auto& v : value) {
                if (auto taken = takeOne(v); !taken) {
                    return taken.error();
                }
            }
        } else if (auto taken = takeOne(value); !taken) {
            return taken.error();
        }
    }
    if (j.contains("period")) {
        if (!info.usesPeriod) {
            return invalidInput(std::string(info.code) + " takes no period", where);
        }
        auto period = periodFromJson(j["period"], where);
        if (!period) {
            return period.error();
        }
        c.period = period.value();
    }
    if (auto checked = checkCondition(c, where); !checked) {
        return checked.error();
    }
    return SegmentRule::of(std::move(c));
}

Result<SegmentRule> ruleFromJson(const Json& j, const std::string& path, int depth)
{
    if (!j.is_object()) {
        return invalidInput("a rule must be an object (a condition or a group)", placeOf(path));
    }
    if (j.contains("rules") || j.contains("match")) {
        return groupFromJson(j, path, depth, false);
    }
    return conditionFromJson(j, placeOf(path));
}

} // namespace

const std::vector<SegmentFieldInfo>& segmentFields()
{
    static const std::vector<SegmentFieldInfo> fields = makeFields();
    return fields;
}

const SegmentFieldInfo& segmentFieldInfo(SegmentField field)
{
    const auto index = static_cast<std::size_t>(field);
    const auto& fields = segmentFields();
    return fields[index < fields.size() ? index : 0];
}

std::optional<SegmentField> parseSegmentField(std::string_view code)
{
    for (const auto& info : segmentFields()) {
        if (info.code == code) {
            return info.field;
        }
    }
    return std::nullopt;
}

std::string_view segmentOperatorCode(SegmentOperator op)
{
    const auto index = static_cast<std::size_t>(op);
    return index < kOperatorCodes.size() ? kOperatorCodes[index] : std::string_view();
}

std::optional<SegmentOperator> parseSegmentOperator(std::string_view code)
{
    for (std::size_t i = 0; i < kOperatorCodes.size(); ++i) {
        if (kOperatorCodes[i] == code) {
            return static_cast<SegmentOperator>(i);
        }
    }
    return std::nullopt;
}

int segmentOperatorArity(SegmentOperator op)
{
    switch (op) {
    case Op::IsEmpty:
    case Op::IsNotEmpty:
        return 0;
    case Op::Between:
        return 2;
    case Op::InList:
    case Op::NotInList:
        return -1;
    default:
        return 1;
    }
}

MonthRange SegmentPeriod::resolve(Date asOf) const
{
    if (months) {
        return *months;
    }
    const int to = asOf.monthKey();
    int year = to / 100;
    int month = to % 100 - (lastMonths - 1);
    while (month < 1) {
        month += 12;
        --year;
    }
    auto range = MonthRange::between(std::max(year, 1900) * 100 + (year < 1900 ? 1 : month), to);
    return range ? range.value() : MonthRange::twelveMonthsEndingWith(asOf);
}

SegmentRule SegmentRule::group(SegmentMatch match, std::vector<SegmentRule> rules)
{
    SegmentRule rule;
    rule.isGroup = true;
    rule.match = match;
    rule.rules = std::move(rules);
    return rule;
}

SegmentRule SegmentRule::of(SegmentCondition condition)
{
    SegmentRule rule;
    rule.condition = std::move(condition);
    return rule;
}

std::string SegmentDefinition::toJson() const
{
    Json j = ruleToJson(root);
    Json out{{"version", kVersion}};
    out["match"] = j["match"];
    out["rules"] = j["rules"];
    return out.dump();
}

Result<SegmentDefinition> SegmentDefinition::fromJson(std::string_view json)
{
    const Json j = Json::parse(json.begin(), json.end(), nullptr, false);
    if (j.is_discarded()) {
        return invalidInput("the definition is not valid JSON", "segment");
    }
    if (!j.is_object()) {
        return invalidInput("the definition must be a JSON object with \"version\" and \"rules\"", "segment");
    }
    if (!j.contains("version") || !j["version"].is_number_integer()) {
        return invalidInput("the definition has no \"version\" (a whole number)", "segment");
    }
    const auto version = j["version"].get<std::int64_t>();
    if (version > kVersion) {
        return Error{ErrorCode::Unsupported,
                     "the definition is version " + std::to_string(version) +
                         ", written by a newer Cartera; this one reads version " + std::to_string(kVersion) +
                         ". Update Cartera to use it.",
                     "segment"};
    }
    if (version < 1) {
        return invalidInput("unknown definition version " + std::to_string(version), "segment");
    }
    auto root = groupFromJson(j, "", 1, true);
    if (!root) {
        return root.error();
    }
    SegmentDefinition definition;
    definition.root = std::move(root.value());
    return definition;
}

Status SegmentDefinition::validate() const
{
    if (!root.isGroup) {
        return invalidInput("the top of a definition must be a group", "segment");
    }
    return checkRule(root, "", 1);
}

std::string describeSegmentValues(const SegmentCondition& condition)
{
    std::string text;
    const auto& info = segmentFieldInfo(condition.field);
    const bool numeric = info.type == SegmentValueType::Money || info.type == SegmentValueType::Number;
    const auto separator = condition.op == Op::Between ? " .. " : ", ";
    if (numeric) {
        for (const auto n : condition.numbers) {
            text += (text.empty() ? "" : separator) + std::to_string(n);
        }
    } else {
        for (const auto& t : condition.texts) {
            text += (text.empty() ? std::string() : std::string(separator)) + t;
        }
    }
    return text;
}

} // namespace cartera::domain
