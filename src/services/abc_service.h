#pragma once

#include "domain/abc.h"
#include "domain/abc_migration.h"
#include "domain/abc_scope.h"
#include "domain/abc_snapshot.h"
#include "domain/abc_thresholds.h"
#include "domain/date.h"
#include "domain/error.h"
#include "domain/month_range.h"
#include "storage/customer_repository.h"

#include <string>
#include <vector>

namespace cartera::services {

class Portfolio;

/// What to classify. The period is a domain::MonthRange: MonthRange::twelveMonthsEndingWith(date)
/// for the last 12 months, MonthRange::calendarYear(year), or MonthRange::between(from, to).
struct AbcRequest final {
    domain::AbcCriterion criterion = domain::AbcCriterion::Revenue;
    domain::MonthRange period;
    domain::AbcScope scope;
    domain::AbcThresholds thresholds;
    /// Read customer names with the values (a list shows them; a summary needs none).
    bool withNames = true;

    friend bool operator==(const AbcRequest&, const AbcRequest&) = default;
};

/// A classification with what was asked for: what a view shows, an export writes and a
/// snapshot keeps. result.entries are the classified customers by rank, result.apart those with
/// a value of 0 or below, result.summary one row per class.
struct AbcRun final {
    AbcRequest request;
    domain::AbcResult result;
};

/// Two snapshots and how customers moved between them.
struct AbcComparison final {
    domain::AbcSnapshotInfo earlier;
    domain::AbcSnapshotInfo later;
    domain::AbcMigration migration;
};

/// ABC (Pareto) classification of a portfolio, its snapshots and their comparison.
/// Every call returns an Error instead of throwing; storage failures keep their message.
class AbcService final {
public:
    explicit AbcService(Portfolio& portfolio) : m_portfolio(portfolio) {}

    /// Reads every customer's value of the criterion over the period in the scope (one pass over
    /// the monthly figures) and classifies them by the rule of docs/abc.md.
    domain::Result<AbcRun> run(const AbcRequest& request);
    /// Gives the run the classes of other thresholds without reading or ranking again: a few
    /// milliseconds even at 1,000,000 customers, for a view where the user edits thresholds.
    static void reclassify(AbcRun& run, const domain::AbcThresholds& thresholds);

    /// Saves the run as a snapshot dated createdOn. An empty name becomes one made of the
    /// criterion, the period and the date ("revenue 2025-07..2026-06, 2026-06-30").
    domain::Result<domain::AbcSnapshotInfo> saveSnapshot(const AbcRun& run, std::string name, domain::Date createdOn);
    /// Every snapshot, newest first, without its customers.
    domain::Result<std::vector<domain::AbcSnapshotInfo>> snapshots();
    domain::Result<domain::AbcSnapshot> loadSnapshot(domain::AbcSnapshotId id);
    domain::Status deleteSnapshot(domain::AbcSnapshotId id);

    /// The migration matrix from snapshot earlier to snapshot later, with the customers behind
    /// each cell (A->B, B->A, new, lost, ...).
    domain::Result<AbcComparison> compare(domain::AbcSnapshotId earlier, domain::AbcSnapshotId later);
    /// Customers whose class fell from snapshot earlier to snapshot later (to a lower class, or to
    /// a value of 0 or below), the most valuable first: the at-risk list reads this.
    domain::Result<std::vector<domain::AbcDrop>> droppedClass(domain::AbcSnapshotId earlier,
                                                              domain::AbcSnapshotId later);

    /// Code and name of each id, in the order given; an empty code for a deleted customer.
    domain::Result<std::vector<storage::CustomerLabel>> labels(const std::vector<domain::CustomerId>& ids);

private:
    domain::Result<domain::AbcSnapshot> load(domain::AbcSnapshotId id, const char* which);

    Portfolio& m_portfolio;
};

} // namespace cartera::services
