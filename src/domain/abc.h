#pragma once

#include "domain/abc_thresholds.h"
#include "domain/customer.h"
#include "domain/enum_codes.h"
#include "domain/error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cartera::domain {

/// What ABC ranks customers by, over a period.
enum class AbcCriterion {
    Revenue,  ///< sales in minor units, cancelled orders excluded
    Margin,   ///< gross margin: revenue less the cost of the goods sold, minor units
    Orders,   ///< number of orders
};

inline constexpr EnumCodes<AbcCriterion, 3> kAbcCriterionCodes{{{
    {AbcCriterion::Revenue, "revenue"},
    {AbcCriterion::Margin, "margin"},
    {AbcCriterion::Orders, "orders"},
}}};

/// True when the criterion is an amount of money (revenue, margin), false for a count.
constexpr bool isMoney(AbcCriterion criterion)
{
    return criterion != AbcCriterion::Orders;
}

/// An ABC class; A holds the customers that carry the most of the criterion.
enum class AbcClass : std::uint8_t {
    A,
    B,
    C,
    D,
};

inline constexpr EnumCodes<AbcClass, 4> kAbcClassCodes{{{
    {AbcClass::A, "A"},
    {AbcClass::B, "B"},
    {AbcClass::C, "C"},
    {AbcClass::D, "D"},
}}};

constexpr AbcClass abcClassAt(int index)
{
    return static_cast<AbcClass>(index);
}

constexpr int abcClassIndex(AbcClass c)
{
    return static_cast<int>(c);
}

/// One customer's value of the criterion over the period: what classification starts from.
struct AbcInput final {
    CustomerId customerId = 0;
    std::string code;  ///< the tie-break key
    std::string name;  ///< for display only; may be empty
    std::int64_t value = 0;

    friend bool operator==(const AbcInput&, const AbcInput&) = default;
};

/// A classified customer.
struct AbcEntry final {
    CustomerId customerId = 0;
    std::string code;
    std::string name;
    std::int64_t value = 0;            ///< above 0
    std::int64_t rank = 0;             ///< 1 for the highest value
    std::int64_t cumulativeValue = 0;  ///< this customer's value plus every value ranked before it
    AbcClass abcClass = AbcClass::A;

    /// Value of the customers ranked before this one: what decides the class.
    [[nodiscard]] std::int64_t cumulativeBefore() const { return cumulativeValue - value; }
};

/// The customers of one class together.
struct AbcClassSummary final {
    AbcClass abcClass = AbcClass::A;
    std::int64_t customers = 0;
    std::int64_t value = 0;
    int thresholdBasisPoints = 0;  ///< the share the thresholds give the class
};

/// The outcome of a classification: the ranked customers, those listed apart, and a summary per
/// class. Everything a report, an export or a view of the classification shows.
struct AbcResult final {
    AbcThresholds thresholds;
    /// Customers with a value above 0, highest value first, ties in ascending code order.
    std::vector<AbcEntry> entries;
    /// Customers with a value of 0 or below, not classified: highest value first, then by code.
    std::vector<AbcInput> apart;
    /// One per class of the thresholds, A first, also when a class has no customers.
    std::vector<AbcClassSummary> summary;
    /// Sum of the classified values (the entries): 100 % of the curve.
    std::int64_t total = 0;

    /// Sum of the values listed apart (0 or below).
    [[nodiscard]] std::int64_t apartValue() const;
};

/// Classifies customers by their value of a criterion (the Pareto rule):
/// - customers with a value of 0 or below are listed apart, not classified;
/// - the rest are ranked by value, highest first; equal values are ranked by customer code in
///   ascending byte order (a stable, documented key: the same data always gives the same ranks);
/// - a customer's class is decided by the cumulative value of the customers ranked before it:
///   the customer is in the first class whose cumulative share (80 % for A) that value has not
///   reached yet. So the customer that crosses 80 % is still A, and the first customer always is.
/// The comparisons are exact integer arithmetic. Fails only when the total passes 2^63-1.
Result<AbcResult> classifyAbc(std::vector<AbcInput> values, const AbcThresholds& thresholds);

/// Gives the ranked entries of result the classes of other thresholds and recomputes the summary,
/// without ranking again: what a view does when the user edits the thresholds.
void applyThresholds(AbcResult& result, const AbcThresholds& thresholds);

/// part / whole as a percentage scaled by 10^decimals and rounded half up: share(1, 3, 4) is
/// 333333 (33.3333 %). Exact for any values; 0 when whole is 0 or below.
std::int64_t scaledPercent(std::int64_t part, std::int64_t whole, int decimals);

/// part / whole as a fraction (0.8 for 80 %), for charts; 0 when whole is 0 or below.
double shareOf(std::int64_t part, std::int64_t whole);

} // namespace cartera::domain
