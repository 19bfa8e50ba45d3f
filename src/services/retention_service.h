#pragma once

#include "domain/activity.h"
#include "domain/at_risk.h"
#include "domain/churn.h"
#include "domain/cross_sell.h"
#include "domain/date.h"
#include "domain/error.h"
#include "domain/retention_facts.h"
#include "storage/customer_repository.h"

#include <string>
#include <vector>

namespace cartera::services {

class Portfolio;

/// Open claims unanswered for longer than this many days count as overdue (the Open claims
/// view's default target).
inline constexpr int kDefaultOverdueClaimDays = 14;

/// Retention analysis over one bulk read of the portfolio (docs/retention.md): at-risk list,
/// churn, cohorts and satisfaction are all computed in memory from the same facts.
/// Cross-selling suggestions for one customer, with the category names and the industry compared.
struct CrossSell final {
    std::string industry;
    std::vector<domain::CrossSellSuggestion> suggestions;
    std::vector<std::string> categoryNames;  ///< one per suggestion
};

/// Peers compared for cross-selling at most (the lowest ids of the industry): bounds the read at
/// 1,000,000 customers to a fraction of a second.
inline constexpr int kCrossSellPeers = 5000;

class RetentionService final {
public:
    explicit RetentionService(Portfolio& portfolio) : m_portfolio(portfolio) {}

    /// Reads the facts as of asOf, with each customer's class in the latest ABC snapshot and
    /// whether it dropped a class between the two latest (AbcService::droppedClass).
    domain::Result<domain::RetentionFacts> load(domain::Date asOf, int overdueClaimDays = kDefaultOverdueClaimDays);

    /// Code and name of the customers at these positions of facts.customers, in that order.
    domain::Result<std::vector<storage::CustomerLabel>> labels(const domain::RetentionFacts& facts,
                                                               const std::vector<std::uint32_t>& positions);

    /// Logs an open retention call for the customer, owned by rep (or unassigned), dated on, with
    /// the reasons in its details; returns it (Undo removes it by id).
    domain::Result<domain::Activity> assignRetentionActivity(domain::CustomerId customerId,
                                                             std::optional<domain::RepId> rep, domain::Date on,
                                                             const std::string& reasons);
    /// Logs a win-back note for an exited customer. Opportunities (the pipeline) are not part of
    /// this build: the note is where a win-back starts until they are.
    domain::Result<domain::Activity> logWinBack(domain::CustomerId customerId, std::optional<domain::RepId> rep,
                                                domain::Date on);

    /// Categories that customers of the same industry buy (over the 12 months ending with asOf's
    /// month) and this one does not (docs/retention.md#cross-selling).
    domain::Result<CrossSell> crossSell(domain::CustomerId customerId, domain::Date asOf);

private:
    Portfolio& m_portfolio;
};

/// "bought by 64 % of 25 similar customers (same industry, buying what this one buys), 12.0 orders
/// a year each" (English, for the CLI).
std::string describeSuggestion(const domain::CrossSellSuggestion& suggestion);

/// The signals of an entry as English text ("revenue -42 %; no order for 7 months (usually 2)"),
/// for the CLI and exports; the app words them through tr().
std::string describeSignals(const domain::AtRiskEntry& entry);

} // namespace cartera::services
