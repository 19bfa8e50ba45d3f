#pragma once

#include "domain/date.h"
#include "domain/error.h"

#include <cstdint>
#include <filesystem>
#include <functional>

namespace cartera::storage {
class Database;
}

namespace cartera::services {

struct DemoOptions final {
    std::int64_t customers = 250;
    std::uint64_t seed = 42;
    /// The demo's "today": orders run for three years up to it. The same seed and date give
    /// the same file.
    domain::Date asOf = domain::Date::today();
};

struct DemoSummary final {
    std::int64_t customers = 0;  ///< accounts of kind customer
    std::int64_t prospects = 0;
    std::int64_t contacts = 0;
    std::int64_t reps = 0;
    std::int64_t products = 0;
    std::int64_t orders = 0;
    std::int64_t orderLines = 0;
    std::int64_t activities = 0;
    std::int64_t opportunities = 0;
};

/// Called now and then with the number of accounts written so far; return false to cancel.
using DemoProgress = std::function<bool(std::int64_t written, std::int64_t total)>;

/// Writes a realistic, deterministic demo portfolio into an empty database: 15 reps in three
/// teams, seven countries with real regions and cities, 64 products in 8 categories with their
/// margins, and three years of orders whose revenue follows a Pareto spread (a fifth of the
/// customers bring most of the revenue), with prospects and lapsed customers. Streams: memory
/// does not grow with the number of customers.
DemoSummary writeDemoPortfolio(const storage::Database& db, const DemoOptions& options,
                               const DemoProgress& progress = {});

class Portfolio;

/// Saves two ABC snapshots of the demo, revenue over the 12 months to a year before asOf and to
/// asOf, so the ABC view has a comparison to show from the first start.
void saveDemoAbcSnapshots(Portfolio& portfolio, domain::Date asOf);

/// Saves the default tier model (domain::TierModel()) as "Default", so the Tiers view ranks the
/// demo at once.
void saveDemoTierModel(Portfolio& portfolio, domain::Date asOf);

/// Saves the demo's segments (rules, a static list and the RFM cells of the 12 months to asOf),
/// so the Segments view shows them at once. Needs the ABC snapshots saved first.
void saveDemoSegments(Portfolio& portfolio, domain::Date asOf);

/// Creates the demo portfolio as a new file at path: written to a temporary file beside it and
/// renamed into place when complete, so a failure or a cancel never leaves a half-written file.
/// Refuses to replace an existing file unless replace is true.
domain::Result<DemoSummary> createDemoPortfolioFile(const std::filesystem::path& path, const DemoOptions& options,
                                                    bool replace, const DemoProgress& progress = {});

} // namespace cartera::services
