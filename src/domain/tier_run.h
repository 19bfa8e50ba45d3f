#pragma once

#include "domain/customer.h"
#include "domain/date.h"
#include "domain/month_range.h"
#include "domain/tier_model.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cartera::domain {

using TierModelId = std::int64_t;
using TierRunId = std::int64_t;

/// A tier model saved under a name.
struct SavedTierModel final {
    TierModelId id = 0;  ///< 0 until saved
    std::string name;
    Date savedOn;
    TierModel model;

    friend bool operator==(const SavedTierModel&, const SavedTierModel&) = default;
};

/// What a saved tier run was made of, without its customers.
struct TierRunInfo final {
    TierRunId id = 0;  ///< 0 until saved
    std::string name;
    Date createdOn;
    MonthRange period;
    Date asOf;
    TierModel model;
    /// Sum of the weights that counted (an indicator without data does not count).
    std::int64_t weightTotal = 0;
    std::int64_t customers = 0;

    friend bool operator==(const TierRunInfo&, const TierRunInfo&) = default;
};

/// One customer of a saved run.
struct TierRunEntry final {
    CustomerId customerId = 0;
    std::int64_t rank = 0;  ///< 1 for the highest score
    int tier = 0;           ///< index into the run's model tiers, 0 = best
    /// The score x weightTotal x 10^4: TierEntry::points.
    std::int64_t points = 0;
    /// Each indicator's part of points (weight x normalised value); nullopt when it did not count.
    std::array<std::optional<std::int64_t>, kTierIndicatorCount> contributions{};

    friend bool operator==(const TierRunEntry&, const TierRunEntry&) = default;
};

/// A tier run as saved: its customers by rank.
struct TierRunRecord final {
    TierRunInfo info;
    std::vector<TierRunEntry> entries;
};

/// The kinds of satisfaction survey the satisfaction indicator reads.
enum class SurveyKind {
    Csat,  ///< customer satisfaction, 1 (very unhappy) to 5 (very happy)
    Nps,   ///< net promoter question, 0 to 10
};

inline constexpr EnumCodes<SurveyKind, 2> kSurveyKindCodes{{{
    {SurveyKind::Csat, "csat"},
    {SurveyKind::Nps, "nps"},
}}};

/// One answer to a satisfaction survey.
struct CustomerSurvey final {
    std::int64_t id = 0;  ///< 0 until saved
    CustomerId customerId = 0;
    Date surveyedOn;
    SurveyKind kind = SurveyKind::Csat;
    int score = 0;  ///< CSAT 1-5, NPS 0-10

    friend bool operator==(const CustomerSurvey&, const CustomerSurvey&) = default;
};

/// The score on the 0-1000 scale the satisfaction indicator averages: CSAT 1-5 -> 0, 250, ...,
/// 1000; NPS 0-10 -> 0, 100, ..., 1000.
constexpr int surveyPerMille(SurveyKind kind, int score)
{
    return kind == SurveyKind::Csat ? (score - 1) * 250 : score * 100;
}

} // namespace cartera::domain
