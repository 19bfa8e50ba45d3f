#pragma once

#include "domain/date.h"
#include "domain/enum_codes.h"
#include "domain/error.h"
#include "domain/month_range.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cartera::domain {

using SegmentId = std::int64_t;

/// A saved segment is either a rule (customers matching a definition, evaluated when read) or
/// a static list of hand-picked customers.
enum class SegmentKind {
    Rule,
    Static,
};

inline constexpr EnumCodes<SegmentKind, 2> kSegmentKindCodes{{{
    {SegmentKind::Rule, "rule"},
    {SegmentKind::Static, "static"},
}}};

/// What a condition looks at: an attribute of the customer record, or its behaviour.
/// Extension point: territory (issue 6) becomes one more attribute here, with its row in
/// kSegmentFields (segment.cpp) and its SQL in storage/segment_sql.cpp.
enum class SegmentField {
    Country,
    Region,
    City,
    Industry,
    SizeBand,
    Channel,
    Kind,
    Status,
    OwnerRep,   ///< values are rep codes
    Tag,        ///< customer tags (customer_tag)
    Revenue,    ///< over a period, money in minor units
    Margin,     ///< revenue minus cost over a period, minor units
    OrderCount, ///< orders over a period
    DaysSinceLastOrder,  ///< days from the last order (not cancelled) to the evaluation date
    CategoryBought,      ///< product category names bought in a period
    AbcClass,   ///< class in the latest saved ABC snapshot
    Tier,       ///< tier name in the latest tier run
    Satisfaction,  ///< mean survey answer in a period on a 0-100 scale, as tiers count it
    Count
};

/// The kind of value a field holds, which decides its operators and its value editor.
enum class SegmentValueType {
    Text,         ///< free text (region, city, industry, tags, tier names)
    Code,         ///< one of a fixed list of codes (channel, size band, ABC class, country, rep, category)
    Money,        ///< integer minor units
    Number,       ///< whole number
};

enum class SegmentOperator {
    Equals,
    NotEquals,
    InList,
    NotInList,
    Contains,
    StartsWith,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Between,
    IsEmpty,
    IsNotEmpty,
    Count
};

/// Static facts about a field: its JSON code, value type, whether it reads behaviour over a
/// period, the operators it accepts and, for fixed lists, the codes it accepts.
struct SegmentFieldInfo final {
    SegmentField field;
    std::string_view code;
    SegmentValueType type;
    bool usesPeriod;
    std::vector<SegmentOperator> operators;
    std::vector<std::string_view> codes;  ///< accepted values of a fixed list; empty = any text
};

/// Facts about every field, in SegmentField order.
const std::vector<SegmentFieldInfo>& segmentFields();
const SegmentFieldInfo& segmentFieldInfo(SegmentField field);
std::optional<SegmentField> parseSegmentField(std::string_view code);
std::string_view segmentOperatorCode(SegmentOperator op);
std::optional<SegmentOperator> parseSegmentOperator(std::string_view code);
/// How many values an operator takes: 0 (is empty), 1, 2 (between), or -1 for one or more (lists).
int segmentOperatorArity(SegmentOperator op);

/// The period a behaviour condition looks at: the last N whole months ending with the
/// evaluation date's month (relative, so a saved segment stays current), or fixed months.
struct SegmentPeriod final {
    int lastMonths = 12;
    std::optional<MonthRange> months;  ///< fixed months; overrides lastMonths

    [[nodiscard]] MonthRange resolve(Date asOf) const;

    friend bool operator==(const SegmentPeriod&, const SegmentPeriod&) = default;
};

/// One condition: field, operator and values. Text and code values are in texts, money and
/// numbers in numbers; the period counts only for behaviour fields.
struct SegmentCondition final {
    SegmentField field = SegmentField::Country;
    SegmentOperator op = SegmentOperator::Equals;
    std::vector<std::string> texts;
    std::vector<std::int64_t> numbers;
    SegmentPeriod period;

    friend bool operator==(const SegmentCondition&, const SegmentCondition&) = default;
};

/// How a group combines its rules.
enum class SegmentMatch {
    All,  ///< AND
    Any,  ///< OR
};

/// A node of a definition: a group of rules (nestable) or a condition.
/// An empty group matches every customer, whether all or any.
struct SegmentRule final {
    bool isGroup = false;
    SegmentMatch match = SegmentMatch::All;
    std::vector<SegmentRule> rules;  ///< a group's rules
    SegmentCondition condition;      ///< a condition's content

    static SegmentRule group(SegmentMatch match, std::vector<SegmentRule> rules = {});
    static SegmentRule of(SegmentCondition condition);

    friend bool operator==(const SegmentRule&, const SegmentRule&) = default;
};

/// A rule segment's definition: the top group. Stored as versioned JSON (docs/segments.md):
/// {"version":1,"match":"all","rules":[{"field":"country","op":"equals","value":"FR"},
///  {"match":"any","rules":[...]}, {"field":"revenue","op":">","value":0,"period":{"last_months":12}}]}
struct SegmentDefinition final {
    static constexpr int kVersion = 1;
    /// Groups nest at most this deep (the top group is level 1).
    static constexpr int kMaxDepth = 8;
    /// Text values are at most this many bytes (SQLite refuses LIKE patterns past 50,000).
    static constexpr std::size_t kMaxValueLength = 10'000;

    SegmentRule root = SegmentRule::group(SegmentMatch::All);

    [[nodiscard]] std::string toJson() const;
    /// Reads what toJson writes. A newer version is refused (Unsupported); malformed JSON,
    /// unknown fields or operators, wrong values are refused with where = "rule 2.3" (the third
    /// rule of the group that is the second rule of the top group) or "segment".
    static Result<SegmentDefinition> fromJson(std::string_view json);
    /// Checks every condition as fromJson does (for definitions built in code or in the editor).
    [[nodiscard]] Status validate() const;

    friend bool operator==(const SegmentDefinition&, const SegmentDefinition&) = default;
};

/// A condition's value as text for people: "FR", "FR, DE", "1000 .. 5000".
std::string describeSegmentValues(const SegmentCondition& condition);

} // namespace cartera::domain
