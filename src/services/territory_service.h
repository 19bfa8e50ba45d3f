#pragma once

#include "domain/coverage.h"
#include "domain/date.h"
#include "domain/error.h"
#include "domain/month_range.h"
#include "domain/sales_rep.h"
#include "domain/territory.h"
#include "domain/territory_assignment.h"
#include "storage/customer_repository.h"

#include <vector>

namespace cartera::services {

class Portfolio;

/// A realignment ready to apply: the territories and rules before and after, and the accounts
/// that move. What the preview shows is exactly what apply writes; Undo writes it backwards.
struct Realignment final {
    domain::TerritorySet before;  ///< saved when previewed
    domain::TerritorySet after;   ///< what apply saves (the same as before for a plain rule run)
    domain::AssignmentPlan plan;
    /// The plan comes from running the rules over after: apply runs them again and refuses when
    /// the result differs (the portfolio changed since the preview). False for moves made by hand
    /// or suggested by the balance report, which are checked account by account.
    bool fromRules = true;
    domain::Date asOf;  ///< the revenue that moves is that of the 12 months ending here
};

struct CoverageRequest final {
    domain::MonthRange period;        ///< revenue and margin; growth against the equal period before
    domain::Date asOf;                ///< "without contact in N days" counts back from here
    int daysWithoutContact = 90;
    int suggestedMoves = 10;          ///< at most this many balancing moves
};

/// Coverage, balance and channel coordination over one period.
struct CoverageResult final {
    CoverageRequest request;
    domain::CoverageReport coverage;
    domain::ChannelReport channels;
    std::vector<domain::SalesRep> reps;
    domain::TerritorySet territories;
    std::vector<domain::AssignmentMove> suggestions;  ///< balancing moves (customer, toTerritory, toRep)
    /// The balance index once the suggested moves are made; nullopt as for the report's.
    std::optional<double> balanceAfterSuggestions;
};

/// Territories, their rules, reps and the assignment of accounts (docs/territories.md). Every call
/// returns an Error instead of throwing; storage failures keep their message.
class TerritoryService final {
public:
    explicit TerritoryService(Portfolio& portfolio) : m_portfolio(portfolio) {}

    domain::Result<domain::TerritorySet> territories();
    domain::Result<std::vector<domain::SalesRep>> reps();
    /// Accounts per territory (only territories holding some), by territory id.
    domain::Result<std::vector<std::pair<domain::TerritoryId, std::int64_t>>> accountCounts();
    /// Saves a rep's team, manager, active flag and capacity (code and name checked).
    domain::Status saveRep(const domain::SalesRep& rep);

    /// What running the saved rules would change.
    domain::Result<Realignment> preview(domain::Date asOf);
    /// What saving proposed (territories and rules, validated) and running its rules would change.
    /// Locked accounts whose territory proposed deletes are unlocked and placed by the rules.
    domain::Result<Realignment> preview(domain::TerritorySet proposed, domain::Date asOf);
    /// Accounts given by hand (or by the balance report) to a territory and rep, locked there:
    /// moves name customer, toTerritory and toRep.
    domain::Result<Realignment> previewOverrides(std::vector<domain::AssignmentMove> moves, domain::Date asOf);
    /// Applies a previewed realignment in one transaction; refuses (Conflict) when the portfolio
    /// changed since the preview so that the preview no longer says what would happen.
    domain::Status apply(const Realignment& realignment);
    /// Undoes an applied realignment: the territories and rules before it, every moved account
    /// back where it was (territory, rep and lock), in one transaction.
    domain::Status revert(const Realignment& realignment);

    domain::Result<CoverageResult> coverage(const CoverageRequest& request);

    /// Code and name of each id, in the order given.
    domain::Result<std::vector<storage::CustomerLabel>> labels(const std::vector<domain::CustomerId>& ids);

private:
    Portfolio& m_portfolio;
};

} // namespace cartera::services
