#pragma once

#include "domain/enum_codes.h"
#include "domain/error.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cartera::domain {

/// What a weighted tier model can score customers by (docs/tiers.md has the sources).
enum class TierIndicator : std::uint8_t {
    Revenue,         ///< sales over the period, minor units
    Margin,          ///< gross margin over the period, minor units
    Growth,          ///< revenue of the period against the equal period before it
    OrderFrequency,  ///< orders per month over the period
    Recency,         ///< days since the last order, as of the end of the period (lower is better)
    OpenClaims,      ///< claims still open or in progress (lower is better)
    Satisfaction,    ///< mean survey score (CSAT, NPS) in the period
    Strategic,       ///< the account is flagged strategic
};

inline constexpr int kTierIndicatorCount = 8;

inline constexpr EnumCodes<TierIndicator, kTierIndicatorCount> kTierIndicatorCodes{{{
    {TierIndicator::Revenue, "revenue"},
    {TierIndicator::Margin, "margin"},
    {TierIndicator::Growth, "growth"},
    {TierIndicator::OrderFrequency, "order_frequency"},
    {TierIndicator::Recency, "recency"},
    {TierIndicator::OpenClaims, "open_claims"},
    {TierIndicator::Satisfaction, "satisfaction"},
    {TierIndicator::Strategic, "strategic"},
}}};

constexpr TierIndicator tierIndicatorAt(int index)
{
    return static_cast<TierIndicator>(index);
}

constexpr int tierIndicatorIndex(TierIndicator indicator)
{
    return static_cast<int>(indicator);
}

/// Every indicator in their fixed order (revenue first), for loops.
constexpr std::array<TierIndicator, kTierIndicatorCount> allTierIndicators()
{
    std::array<TierIndicator, kTierIndicatorCount> all{};
    for (int i = 0; i < kTierIndicatorCount; ++i) {
        all[static_cast<std::size_t>(i)] = tierIndicatorAt(i);
    }
    return all;
}

/// True where less is better: days since the last order, open claims. Their ranking is inverted.
constexpr bool lowerIsBetter(TierIndicator indicator)
{
    return indicator == TierIndicator::Recency || indicator == TierIndicator::OpenClaims;
}

/// "revenue, margin, growth, ..., strategic": the codes a user may type, for messages.
std::string tierIndicatorCodeList();

/// One indicator's place in a model: its weight, and whether it counts. A weight is kept while
/// the indicator is switched off, so switching it on again restores it.
struct IndicatorSetting final {
    int weight = 0;
    bool enabled = false;

    /// The weight the score uses: 0 when switched off.
    [[nodiscard]] int effectiveWeight() const { return enabled ? weight : 0; }

    friend bool operator==(const IndicatorSetting&, const IndicatorSetting&) = default;
};

using IndicatorSettings = std::array<IndicatorSetting, kTierIndicatorCount>;

/// A named tier and the share of the ranked customers it takes, in basis points (1000 = 10 %).
struct TierBand final {
    std::string name;
    int shareBasisPoints = 0;

    friend bool operator==(const TierBand&, const TierBand&) = default;
};

/// The user's tier model: a weight per indicator and the named tiers with their cut-offs, best
/// tier first. Always valid once built: weights 0 to 100, at least one counting; 2 to 8 tiers with
/// distinct, non-empty names and shares above 0 summing to 100 %.
class TierModel final {
public:
    static constexpr int kMaxWeight = 100;
    static constexpr int kMinTiers = 2;
    static constexpr int kMaxTiers = 8;
    static constexpr int kWhole = 10000;         ///< 100 % in basis points
    static constexpr int kMaxNameBytes = 40;     ///< of a tier name, in UTF-8
    static constexpr int kFormatVersion = 1;     ///< of the JSON form

    /// The default model: revenue 3, margin 3, growth 2, order frequency 2, recency 2, open
    /// claims 1, satisfaction 1, strategic 2; Platinum 10 %, Gold 20 %, Silver 30 %, Bronze 40 %.
    TierModel();

    /// Validates both parts; the error names the indicator or tier at fault.
    static Result<TierModel> create(const IndicatorSettings& indicators, std::vector<TierBand> tiers);
    /// As create, keeping the tiers (for weights edited alone).
    [[nodiscard]] Result<TierModel> withIndicators(const IndicatorSettings& indicators) const;
    [[nodiscard]] Result<TierModel> withTiers(std::vector<TierBand> tiers) const;

    /// "revenue=3,margin=2,recency=1": the named indicators on with those weights (a bare name
    /// weighs 1), every other one off. Errors: an unknown indicator (the message lists the known
    /// ones), a weight that is not a whole number, negative or above 100, an indicator named
    /// twice, all weights 0.
    static Result<IndicatorSettings> parseWeights(std::string_view text);
    /// "Platinum:10,Gold:20,Silver:30,Bronze:40" (percent, at most two decimals); the last tier
    /// may leave its share out and takes the rest ("...,Bronze").
    static Result<std::vector<TierBand>> parseTiers(std::string_view text);

    /// Checks weights: none negative or above 100, at least one indicator on with a weight above 0.
    static Status validateIndicators(const IndicatorSettings& indicators);
    /// Checks tiers: 2 to 8, names non-empty (at most 40 bytes, no control characters) and
    /// distinct (ignoring ASCII case), shares above 0 summing to 100 %.
    static Status validateTiers(const std::vector<TierBand>& tiers);

    /// The model as versioned JSON: {"version":1,"indicators":[{"indicator":"revenue","weight":3,
    /// "enabled":true},...],"tiers":[{"name":"Platinum","share":10},...]}; shares in percent.
    [[nodiscard]] std::string toJson() const;
    /// Reads what toJson writes (and what a user writes by hand: indicators left out are off).
    /// Errors name the key ("model.tiers[1].share"); a newer version is refused as such.
    static Result<TierModel> fromJson(std::string_view json);

    [[nodiscard]] const IndicatorSettings& indicators() const { return m_indicators; }
    [[nodiscard]] const IndicatorSetting& indicator(TierIndicator i) const
    {
        return m_indicators[static_cast<std::size_t>(tierIndicatorIndex(i))];
    }
    [[nodiscard]] const std::vector<TierBand>& tiers() const { return m_tiers; }
    [[nodiscard]] int tierCount() const { return static_cast<int>(m_tiers.size()); }
    /// Share of tiers 0..i together, in basis points: where tier i ends among the ranked customers.
    [[nodiscard]] int cumulativeShare(int tierIndex) const;

    /// "revenue=3,margin=3,...": the indicators switched on, as parseWeights reads them.
    [[nodiscard]] std::string weightsText() const;
    /// "Platinum:10,Gold:20,...", as parseTiers reads it.
    [[nodiscard]] std::string tiersText() const;

    friend bool operator==(const TierModel&, const TierModel&) = default;

private:
    TierModel(const IndicatorSettings& indicators, std::vector<TierBand> tiers)
        : m_indicators(indicators), m_tiers(std::move(tiers))
    {
    }

    IndicatorSettings m_indicators;
    std::vector<TierBand> m_tiers;
};

} // namespace cartera::domain
