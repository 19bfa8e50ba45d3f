#pragma once

#include "domain/forecast.h"
#include "domain/forecast_snapshot.h"
#include "domain/month_range.h"
#include "domain/opportunity.h"
#include "domain/opportunity_filter.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cartera::storage {

class Database;

/// One card of the board or row of the list: the opportunity with its account's name and kind.
struct OpportunityRow final {
    domain::Opportunity opportunity;
    std::string customerCode;
    std::string customerName;
    bool prospect = false;
    std::string ownerName;
};

/// Count, total and weighted total of one stage, summed in SQL.
struct StageSummary final {
    std::string stage;
    std::int64_t count = 0;
    std::int64_t total = 0;     ///< minor units
    std::int64_t weighted = 0;  ///< sum of amount x probability / 100, rounded per deal

    friend bool operator==(const StageSummary&, const StageSummary&) = default;
};

/// Opportunities with their products and stage history (tables opportunity, opportunity_line,
/// opportunity_stage_history), the stages and lost reasons, sales targets and forecast snapshots.
/// Writes of several statements are atomic (a savepoint inside a caller's transaction).
class OpportunityRepository final {
public:
    explicit OpportunityRepository(const Database& db);

    /// The stages in board order.
    [[nodiscard]] std::vector<domain::Stage> stages() const;
    /// Replaces a stage's name and default probability (its code, position and outcome stay).
    void updateStage(const domain::Stage& stage);
    [[nodiscard]] std::vector<domain::LostReason> lostReasons() const;
    /// Adds a lost reason or renames one of the same code.
    void saveLostReason(const domain::LostReason& reason);

    /// Saves a new opportunity with its lines; keeps the given id when set (Undo), else sets it.
    /// Writes no history: the service records the creation as a stage change.
    void insert(domain::Opportunity& opportunity);
    /// Saves every field and the lines; StorageError (NotFound) when there is none.
    void update(const domain::Opportunity& opportunity);
    /// Deletes the opportunity with its lines and history.
    void remove(domain::OpportunityId id);
    [[nodiscard]] std::optional<domain::Opportunity> find(domain::OpportunityId id) const;

    /// Records a stage change and sets change.id.
    void addStageChange(domain::StageChange& change);
    /// Takes back a recorded change (what Undo of a move does); NotFound when there is none.
    void removeStageChange(std::int64_t changeId);
    /// The opportunity's stage changes, oldest first.
    [[nodiscard]] std::vector<domain::StageChange> history(domain::OpportunityId id) const;
    /// Stage changes put back by Undo of a delete, with their ids.
    void restoreHistory(const std::vector<domain::StageChange>& changes);

    /// How many of the customer's opportunities are in a won stage.
    [[nodiscard]] std::int64_t wonCount(domain::CustomerId customerId) const;

    [[nodiscard]] std::int64_t count(const domain::OpportunityFilter& filter) const;
    /// Matching rows by expected close date (then id), from offset, at most limit.
    [[nodiscard]] std::vector<OpportunityRow> list(const domain::OpportunityFilter& filter, std::int64_t offset,
                                                   int limit) const;
    /// Count, total and weighted total per stage (every stage, in board order), from SQL.
    [[nodiscard]] std::vector<StageSummary> stageSummaries(const domain::OpportunityFilter& filter) const;

    /// What a forecast of the period reads: open deals expected to close in it, closed deals
    /// closed in it.
    [[nodiscard]] std::vector<domain::ForecastFact> forecastFacts(const domain::MonthRange& period) const;
    /// Won and lost deals closed in the period, with their sales cycle.
    [[nodiscard]] std::vector<domain::ClosedDeal> closedDeals(const domain::MonthRange& period) const;
    /// For each deal closed in the period: the furthest open stage position it reached, and won.
    [[nodiscard]] std::vector<std::pair<int, bool>> furthestStages(const domain::MonthRange& period) const;
    /// Won amounts per month (yyyymm) of close date, over the period.
    [[nodiscard]] std::map<int, std::int64_t> wonByMonth(const domain::MonthRange& period) const;

    /// Sets a rep's target for a month; 0 removes it.
    void setTarget(domain::RepId repId, int month, std::int64_t amountMinor);
    /// Sum of each rep's targets over the period's months.
    [[nodiscard]] std::map<domain::RepId, std::int64_t> targets(const domain::MonthRange& period) const;

    /// Invoiced revenue of the portfolio per month (customer_month), oldest first, every month of
    /// the period (0 for a month without sales).
    [[nodiscard]] std::vector<std::int64_t> monthlyRevenue(const domain::MonthRange& period) const;

    void insertSnapshot(domain::ForecastSnapshot& snapshot);
    /// Every snapshot, newest first.
    [[nodiscard]] std::vector<domain::ForecastSnapshot> snapshots() const;
    [[nodiscard]] std::optional<domain::ForecastSnapshot> findSnapshot(domain::ForecastSnapshotId id) const;

private:
    void writeLines(const domain::Opportunity& opportunity);

    const Database& m_db;
};

} // namespace cartera::storage
