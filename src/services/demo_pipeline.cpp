#include "services/demo_pipeline.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace cartera::services {

using namespace cartera::domain;

namespace {

// The default stages in order (migrations.cpp, domain::defaultStages).
constexpr std::array<std::string_view, 4> kOpenStages{"prospecting", "qualification", "proposal", "negotiation"};

constexpr std::string_view kTitles[] = {
    "Annual supply contract", "Fleet renewal",        "New site equipment",  "Service agreement",
    "Trial order",            "Upgrade to premium range", "Spare parts framework", "Office refit",
    "Second warehouse",       "Volume discount deal",
};
constexpr std::string_view kSources[] = {"referral", "website", "trade show", "cold call", "partner", "existing customer"};
constexpr std::string_view kNextSteps[] = {"Send the quote",      "Call the buyer",     "Demo at their site",
                                           "Agree on the price",  "Send the contract",  "Meet the decision maker"};
constexpr std::string_view kLostReasons[] = {"price", "competitor", "no_budget", "no_decision", "timing", "product_fit"};
constexpr double kLostReasonWeights[] = {0.3, 0.25, 0.15, 0.15, 0.1, 0.05};

} // namespace

std::vector<DemoOpportunity> makeDemoOpportunities(DemoRandom& random, const Customer& account, double weight,
                                                   Date asOf)
{
    std::vector<DemoOpportunity> out;
    const bool prospect = account.kind == CustomerKind::Prospect;
    if (account.status != CustomerStatus::Active || !random.chance(prospect ? 0.5 : 0.15)) {
        return out;
    }
    const int count = random.chance(0.3) ? 2 : 1;
    for (int n = 0; n < count; ++n) {
        DemoOpportunity demo;
        Opportunity& o = demo.opportunity;
        o.title = std::string(kTitles[random.below(std::size(kTitles))]);
        o.ownerRepId = account.ownerRepId;
        o.source = std::string(prospect ? kSources[random.below(5)] : kSources[random.below(std::size(kSources))]);
        // Deals grow with the account, rounded to 100 EUR.
        const double value = (2000.0 + weight * 1500.0) * (0.5 + random.unit());
        o.amount.minor = std::max<std::int64_t>(500, static_cast<std::int64_t>(value / 100) * 100) * 100;
        const int age = static_cast<int>(random.below(365));
        o.createdOn = std::max(account.created, asOf.addDays(-age));
        const int daysOld = o.createdOn.daysUntil(asOf);

        // How far the deal got, and how it ended.
        enum class End { Open, Won, Lost } end = End::Open;
        if (daysOld > 120 || random.chance(daysOld / 240.0)) {
            const double roll = random.unit();
            end = roll < (prospect ? 0.0 : 0.5) ? End::Won : roll < 0.88 ? End::Lost : End::Open;
        }
        int furthest = 0;  // index into kOpenStages
        if (end == End::Won) {
            furthest = 2 + static_cast<int>(random.below(2));
        } else if (end == End::Lost) {
            furthest = static_cast<int>(random.below(4));
        } else {
            furthest = static_cast<int>(random.weighted(std::array<double, 4>{0.3, 0.25, 0.25, 0.2}));
        }
        // The stage changes, spread over the deal's life so far.
        const int span = std::max(1, end == End::Open ? daysOld : std::min(daysOld, 20 + static_cast<int>(random.below(140))));
        const int steps = furthest + (end == End::Open ? 0 : 1);
        Date when = o.createdOn;
        demo.history.push_back({0, 0, {}, std::string(kOpenStages[0]), when});
        for (int i = 1; i <= steps; ++i) {
            const int gap = std::max(1, span / (steps + 1) + static_cast<int>(random.below(7)) - 3);
            when = std::min(asOf, when.addDays(gap));
            const std::string to = i <= furthest ? std::string(kOpenStages[static_cast<std::size_t>(i)])
                                                 : std::string(end == End::Won ? "won" : "lost");
            demo.history.push_back({0, 0, demo.history.back().toStage, to, when});
        }
        o.stage = demo.history.back().toStage;
        o.stageChangedOn = demo.history.back().changedOn;
        if (end == End::Open) {
            // A few deals slip past their expected close; most close within five months.
            o.expectedClose = random.chance(0.1) ? asOf.addDays(-1 - static_cast<int>(random.below(30)))
                                                 : asOf.addDays(7 + static_cast<int>(random.below(150)));
            if (o.stage == "negotiation") {
                o.category = random.chance(0.6) ? ForecastCategory::Commit : ForecastCategory::BestCase;
            } else if (o.stage == "proposal") {
                o.category = random.chance(0.5) ? ForecastCategory::BestCase : ForecastCategory::Pipeline;
            } else {
                o.category = random.chance(0.85) ? ForecastCategory::Pipeline : ForecastCategory::Omitted;
            }
            o.nextStep = std::string(kNextSteps[random.below(std::size(kNextSteps))]);
            o.nextStepOn = asOf.addDays(1 + static_cast<int>(random.below(21)));
            if (random.chance(0.15)) {
                o.probabilityOverride = std::clamp(
                    effectiveProbability(o, defaultStages()[static_cast<std::size_t>(furthest)]) +
                        static_cast<int>(random.between(-10, 10)),
                    0, 100);
            }
        } else {
            o.closedOn = o.stageChangedOn;
            o.expectedClose = o.stageChangedOn;
            o.category = end == End::Won ? ForecastCategory::Commit : ForecastCategory::Omitted;
            if (end == End::Lost) {
                o.lostReason = std::string(kLostReasons[random.weighted(kLostReasonWeights)]);
            }
        }
        out.push_back(std::move(demo));
    }
    return out;
}

} // namespace cartera::services
