#pragma once

#include "domain/date.h"
#include "domain/error.h"
#include "domain/opportunity.h"
#include "domain/opportunity_filter.h"
#include "storage/opportunity_repository.h"

#include <string>
#include <vector>

namespace cartera::services {

class Portfolio;

/// A stage move as it was made, so that Undo can take it back exactly.
struct StageMove final {
    domain::Opportunity before;
    domain::Opportunity after;
    domain::StageChange change;
    /// The move won a prospect's first deal and made the prospect a customer.
    bool convertedProspect = false;
};

/// An opportunity deleted with its history, for Undo.
struct OpportunityDeletion final {
    domain::Opportunity opportunity;
    std::vector<domain::StageChange> history;
};

/// The opportunity use cases (docs/pipeline.md). Each call is one transaction: it validates,
/// writes and commits, or changes nothing and returns the Error naming the field.
class OpportunityService final {
public:
    explicit OpportunityService(Portfolio& portfolio);

    domain::Result<std::vector<domain::Stage>> stages() const;
    domain::Result<std::vector<domain::LostReason>> lostReasons() const;

    /// Saves a new opportunity. Created and stage dates default to today; the currency is the
    /// portfolio's; the creation is the first entry of its stage history. Created won, it turns a
    /// prospect into a customer as move() does.
    domain::Result<domain::Opportunity> create(domain::Opportunity opportunity, domain::Date today);
    /// Saves an edit. A changed stage is recorded in the history (dated today) like a move.
    domain::Result<domain::Opportunity> update(domain::Opportunity opportunity, domain::Date today);
    /// Moves to another stage on date: closing (won or lost) sets the close date, lost needs
    /// lostReason, reopening clears both. Winning a prospect's first opportunity turns the prospect
    /// into a customer in the same transaction.
    domain::Result<StageMove> move(domain::OpportunityId id, const std::string& stage, domain::Date date,
                                   const std::string& lostReason = {});
    /// Takes a move back: the opportunity as before, the history entry removed, the prospect back.
    domain::Status undoMove(const StageMove& move);
    /// Makes the move again (Redo) with the same history id.
    domain::Status redoMove(const StageMove& move);
    domain::Result<OpportunityDeletion> remove(domain::OpportunityId id);
    domain::Status restore(const OpportunityDeletion& deletion);

    domain::Result<domain::Opportunity> find(domain::OpportunityId id) const;
    domain::Result<std::vector<domain::StageChange>> history(domain::OpportunityId id) const;
    domain::Result<std::vector<storage::OpportunityRow>> list(const domain::OpportunityFilter& filter,
                                                              std::int64_t offset, int limit) const;
    domain::Result<std::int64_t> count(const domain::OpportunityFilter& filter) const;
    domain::Result<std::vector<storage::StageSummary>> stageSummaries(const domain::OpportunityFilter& filter) const;

    /// Sets a rep's target for a month (0 removes it); a negative amount is refused.
    domain::Status setTarget(domain::RepId repId, int month, std::int64_t amountMinor);

private:
    domain::Status checkReferences(const domain::Opportunity& opportunity);
    /// Turns the account into a customer when this is its first won deal; true when it did.
    bool convertIfFirstWin(const domain::Opportunity& opportunity, domain::Date date);

    Portfolio& m_portfolio;
    storage::OpportunityRepository m_repository;
};

} // namespace cartera::services
