#pragma once

#include "domain/customer.h"
#include "domain/date.h"
#include "domain/opportunity.h"
#include "services/demo_random.h"

#include <vector>

namespace cartera::services {

/// An opportunity of the demo with its stage history, before it has ids.
struct DemoOpportunity final {
    domain::Opportunity opportunity;
    std::vector<domain::StageChange> history;
};

/// The demo's pipeline for one account: about one account in six has 1-2 opportunities created over
/// the demo's last year (prospects more often); those over four months old are mostly won or lost
/// (prospects never win: a win would have made them customers), the recent ones open in every stage,
/// some past their expected close or without a stage change for weeks. Each walks the stages in order
/// with dated changes. Drawn from its own random stream, so the rest of the demo is unchanged.
std::vector<DemoOpportunity> makeDemoOpportunities(DemoRandom& random, const domain::Customer& account, double weight,
                                                   domain::Date asOf);

} // namespace cartera::services
