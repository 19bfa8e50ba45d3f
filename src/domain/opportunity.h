#pragma once

#include "domain/customer.h"
#include "domain/date.h"
#include "domain/enum_codes.h"
#include "domain/error.h"
#include "domain/money.h"
#include "domain/product.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cartera::domain {

using OpportunityId = std::int64_t;

/// How a stage ends a deal: still open, won or lost. Stages themselves are configurable (table
/// opportunity_stage); the outcome is what the rules and the forecast look at.
enum class StageOutcome {
    Open,
    Won,
    Lost,
};

/// What a rep expects of a deal in the forecast (docs/forecasting.md).
enum class ForecastCategory {
    Commit,    ///< the rep is confident it closes in the period
    BestCase,  ///< could close in the period if things go well
    Pipeline,  ///< open, not yet judged
    Omitted,   ///< left out of the forecast
};

inline constexpr EnumCodes<StageOutcome, 3> kStageOutcomeCodes{{{
    {StageOutcome::Open, "open"},
    {StageOutcome::Won, "won"},
    {StageOutcome::Lost, "lost"},
}}};

inline constexpr EnumCodes<ForecastCategory, 4> kForecastCategoryCodes{{{
    {ForecastCategory::Commit, "commit"},
    {ForecastCategory::BestCase, "best_case"},
    {ForecastCategory::Pipeline, "pipeline"},
    {ForecastCategory::Omitted, "omitted"},
}}};

/// A pipeline stage: its stable code, the name shown, its place on the board and the default
/// probability of the deals in it.
struct Stage final {
    std::string code;  ///< "proposal"
    std::string name;  ///< "Proposal"
    int position = 0;  ///< board order, left to right
    int probabilityPercent = 0;
    StageOutcome outcome = StageOutcome::Open;

    friend bool operator==(const Stage&, const Stage&) = default;
};

/// A reason a deal can be lost for (configurable list, table lost_reason).
struct LostReason final {
    std::string code;   ///< "price"
    std::string label;  ///< "Price too high"

    friend bool operator==(const LostReason&, const LostReason&) = default;
};

/// A product on an opportunity: what the deal would sell.
struct OpportunityLine final {
    ProductId productId = 0;
    std::int64_t quantity = 1;
    std::int64_t amountMinor = 0;  ///< the line's expected value in the portfolio currency

    friend bool operator==(const OpportunityLine&, const OpportunityLine&) = default;
};

/// A deal being worked with an account (customer or prospect).
struct Opportunity final {
    OpportunityId id = 0;  ///< 0 until saved
    CustomerId customerId = 0;
    std::string title;
    Money amount;
    std::vector<OpportunityLine> lines;
    std::string stage = "prospecting";  ///< a Stage code
    /// Set when the rep overrides the stage's default probability (percent, 0-100).
    std::optional<int> probabilityOverride;
    Date expectedClose;
    std::optional<RepId> ownerRepId;
    std::string source;                  ///< where the deal came from: "referral", "trade show", ...
    std::optional<std::int64_t> campaignId;  ///< for the campaigns to come; stored, not checked yet
    std::string nextStep;
    std::optional<Date> nextStepOn;
    ForecastCategory category = ForecastCategory::Pipeline;
    std::optional<Date> closedOn;        ///< required in a won or lost stage, empty in an open one
    std::string lostReason;              ///< a LostReason code, required in a lost stage
    Date createdOn;
    Date stageChangedOn;                 ///< the date of the last stage change (or creation)

    friend bool operator==(const Opportunity&, const Opportunity&) = default;
};

/// One stage change, kept for ever (table opportunity_stage_history). from is empty for creation.
struct StageChange final {
    std::int64_t id = 0;
    OpportunityId opportunityId = 0;
    std::string fromStage;
    std::string toStage;
    Date changedOn;

    friend bool operator==(const StageChange&, const StageChange&) = default;
};

/// The probability that counts: the override when set, else the stage's default.
int effectiveProbability(const Opportunity& opportunity, const Stage& stage);

/// amountMinor x percent / 100, rounded half away from zero (exact, no floating point).
std::int64_t weightedAmount(std::int64_t amountMinor, int percent);

/// The stage of that code in stages; nullptr when there is none.
const Stage* findStage(const std::vector<Stage>& stages, const std::string& code);

/// The default stages: prospecting 10, qualification 20, proposal 50, negotiation 75, won 100, lost 0.
std::vector<Stage> defaultStages();
/// The default lost reasons: price, competitor, no budget, no decision, timing, product fit, other.
std::vector<LostReason> defaultLostReasons();

/// Checks an opportunity against the rules, naming the field that is wrong:
/// a title (1-200 characters), an account, an amount of 0 or more, a known stage, a probability
/// override within 0-100, an expected close date; in a won or lost stage a close date (not before
/// creation); in a lost stage a reason from lostReasons; in an open stage no close date nor reason;
/// a next step date only with a next step.
Status validateOpportunity(const Opportunity& opportunity, const std::vector<Stage>& stages,
                           const std::vector<LostReason>& lostReasons);

} // namespace cartera::domain
