#pragma once

#include "domain/date.h"
#include "domain/error.h"
#include "domain/month_range.h"
#include "domain/tier_model.h"
#include "domain/tier_run.h"
#include "domain/tiers.h"

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace cartera::services {

class Portfolio;

/// What to rank: the period, the as-of date recency counts to, and the model.
struct TierRequest final {
    domain::MonthRange period;
    /// Usually the period's last day (domain::periodEnd), or today for the last 12 months.
    domain::Date asOf;
    domain::TierModel model;
    /// Read customer names with the facts (a list shows them; a summary needs none).
    bool withNames = true;

    friend bool operator==(const TierRequest&, const TierRequest&) = default;
};

/// A ranking with what it was made from: what a view shows, an export writes and a saved run
/// keeps. The facts are shared, so a view can score them again under other weights.
struct TierRun final {
    TierRequest request;
    std::shared_ptr<const domain::TierFacts> facts;
    domain::TierResult result;
};

/// Weighted multi-indicator tiers (docs/tiers.md): ranking customers by a tier model, saving
/// models and runs. Every call returns an Error instead of throwing; storage failures keep their
/// message.
class TierService final {
public:
    explicit TierService(Portfolio& portfolio) : m_portfolio(portfolio) {}

    /// Reads every listed customer's facts for the period (six scans in customer id order, merged)
    /// and normalises them: what every model scores. The slow part of a run.
    domain::Result<std::shared_ptr<const domain::TierFacts>> readFacts(const domain::MonthRange& period,
                                                                       domain::Date asOf, bool withNames = true);
    /// As readFacts, on a read-only connection of its own to file: for a worker thread, while the
    /// portfolio's connection stays with the thread that opened it. Setting cancelled stops the
    /// read soon after, with an Error whose message is "cancelled".
    static domain::Result<std::shared_ptr<const domain::TierFacts>> readFactsFrom(
        const std::filesystem::path& file, const domain::MonthRange& period, domain::Date asOf, bool withNames = true,
        const std::atomic<bool>* cancelled = nullptr);
    /// Reads the facts and scores them with the request's model.
    domain::Result<TierRun> run(const TierRequest& request);
    /// Scores the run's facts again with another model (weights, indicators on or off, tiers)
    /// without reading anything: what a view does when the user edits the model.
    static domain::Status rescore(TierRun& run, const domain::TierModel& model);

    /// Saves the model under name (trimmed, 1 to 80 characters), replacing one of that name.
    domain::Result<domain::SavedTierModel> saveModel(std::string name, const domain::TierModel& model,
                                                      domain::Date savedOn);
    /// Every saved model, the most recently saved first.
    domain::Result<std::vector<domain::SavedTierModel>> models();
    domain::Result<domain::SavedTierModel> loadModel(const std::string& name);
    /// The most recently saved model, or the default model (domain::TierModel()) when none is.
    domain::Result<domain::TierModel> currentModel();
    domain::Status deleteModel(const std::string& name);

    /// Saves the run with every customer's rank, tier, points and contributions. An empty name
    /// becomes "Tiers <period>, <date>".
    domain::Result<domain::TierRunInfo> saveRun(const TierRun& run, std::string name, domain::Date createdOn);
    /// Every saved run, newest first, without its customers.
    domain::Result<std::vector<domain::TierRunInfo>> savedRuns();
    domain::Result<domain::TierRunRecord> loadRun(domain::TierRunId id);
    domain::Status deleteRun(domain::TierRunId id);

private:
    Portfolio& m_portfolio;
};

} // namespace cartera::services
