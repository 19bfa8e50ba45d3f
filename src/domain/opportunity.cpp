#include "domain/opportunity.h"

#include <algorithm>

namespace cartera::domain {

int effectiveProbability(const Opportunity& opportunity, const Stage& stage)
{
    return opportunity.probabilityOverride.value_or(stage.probabilityPercent);
}

std::int64_t weightedAmount(std::int64_t amountMinor, int percent)
{
    // Split the amount so that amount x percent never overflows, then round the remainder half away
    // from zero, as lineAmount does.
    const std::int64_t whole = (amountMinor / 100) * percent;
    const std::int64_t rest = (amountMinor % 100) * percent;
    const std::int64_t rounded = rest >= 0 ? (rest + 50) / 100 : -((-rest + 50) / 100);
    return whole + rounded;
}

const Stage* findStage(const std::vector<Stage>& stages, const std::string& code)
{
    const auto it = std::find_if(stages.begin(), stages.end(), [&](const Stage& s) { return s.code == code; });
    return it == stages.end() ? nullptr : &*it;
}

std::vector<Stage> defaultStages()
{
    return {
        {"prospecting", "Prospecting", 1, 10, StageOutcome::Open},
        {"qualification", "Qualification", 2, 20, StageOutcome::Open},
        {"proposal", "Proposal", 3, 50, StageOutcome::Open},
        {"negotiation", "Negotiation", 4, 75, StageOutcome::Open},
        {"won", "Won", 5, 100, StageOutcome::Won},
        {"lost", "Lost", 6, 0, StageOutcome::Lost},
    };
}

std::vector<LostReason> defaultLostReasons()
{
    return {
        {"price", "Price too high"},     {"competitor", "Went to a competitor"},
        {"no_budget", "No budget"},      {"no_decision", "No decision"},
        {"timing", "Bad timing"},        {"product_fit", "Product did not fit"},
        {"other", "Other"},
    };
}

Status validateOpportunity(const Opportunity& o, const std::vector<Stage>& stages,
                           const std::vector<LostReason>& lostReasons)
{
    const auto title = o.title.find_first_not_of(" \t");
    if (title == std::string::npos) {
        return invalidInput("an opportunity needs a title", "title");
    }
    if (o.title.size() > 200) {
        return invalidInput("the title is longer than 200 characters", "title");
    }
    if (o.customerId <= 0) {
        return invalidInput("an opportunity needs an account (customer or prospect)", "account");
    }
    if (o.amount.minor < 0) {
        return invalidInput("the amount cannot be negative", "amount");
    }
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        const auto& line = o.lines[i];
        const std::string where = "products, line " + std::to_string(i + 1);
        if (line.productId <= 0) {
            return invalidInput("a product line needs a product", where);
        }
        if (line.quantity <= 0) {
            return invalidInput("the quantity must be 1 or more", where);
        }
        if (line.amountMinor < 0) {
            return invalidInput("the amount cannot be negative", where);
        }
    }
    const Stage* stage = findStage(stages, o.stage);
    if (stage == nullptr) {
        return invalidInput("there is no stage \"" + o.stage + "\"", "stage");
    }
    if (o.probabilityOverride && (*o.probabilityOverride < 0 || *o.probabilityOverride > 100)) {
        return invalidInput("the probability must be between 0 and 100 %", "probability");
    }
    if (o.expectedClose == Date()) {
        return invalidInput("an opportunity needs an expected close date", "expected close");
    }
    if (o.nextStepOn && o.nextStep.find_first_not_of(" \t") == std::string::npos) {
        return invalidInput("a next step date needs a next step", "next step");
    }
    if (stage->outcome == StageOutcome::Open) {
        if (o.closedOn) {
            return invalidInput("an open opportunity (stage " + stage->name + ") has no close date", "close date");
        }
        if (!o.lostReason.empty()) {
            return invalidInput("only a lost opportunity has a lost reason", "lost reason");
        }
        return Done{};
    }
    if (!o.closedOn) {
        return invalidInput("a " + stage->name + " opportunity needs the date it closed", "close date");
    }
    if (*o.closedOn < o.createdOn) {
        return invalidInput("the close date " + o.closedOn->toIso() + " is before the opportunity was created (" +
                                o.createdOn.toIso() + ")",
                            "close date");
    }
    if (stage->outcome == StageOutcome::Won) {
        if (!o.lostReason.empty()) {
            return invalidInput("only a lost opportunity has a lost reason", "lost reason");
        }
        return Done{};
    }
    if (o.lostReason.empty()) {
        return invalidInput("a lost opportunity needs a reason", "lost reason");
    }
    const bool known = std::any_of(lostReasons.begin(), lostReasons.end(),
                                   [&](const LostReason& r) { return r.code == o.lostReason; });
    if (!known) {
        return invalidInput("\"" + o.lostReason + "\" is not one of the lost reasons", "lost reason");
    }
    return Done{};
}

} // namespace cartera::domain
