#pragma once

#include "domain/money.h"
#include "exchange/report_table.h"
#include "services/territory_service.h"

#include <vector>

namespace cartera::services {

/// What a territory or coverage report lists rows of.
enum class CoverageLevel {
    Rep,
    Territory,
    Channel,
    ChannelTerritory,
};

/// The territory tree: path, owner, overlays, rules and accounts per territory.
exchange::ReportTable territoryListTable(const domain::TerritorySet& set, const std::vector<domain::SalesRep>& reps,
                                         const std::vector<std::pair<domain::TerritoryId, std::int64_t>>& accounts);

/// A realignment preview: one row per account that moves (code, name, from and to territory and
/// rep, revenue, class A, locked), as apply will write it.
exchange::ReportTable realignmentTable(const Realignment& realignment, const std::vector<domain::SalesRep>& reps,
                                       const std::vector<storage::CustomerLabel>& labels,
                                       const domain::CurrencyCode& currency);

/// Coverage and balance at one level; rep rows carry the capacity and the load against it.
exchange::ReportTable coverageTable(const CoverageResult& result, CoverageLevel level,
                                    const domain::CurrencyCode& currency);

/// The accounts served through more than one channel (as many as labels gives): code, name, own
/// channel, the other channels, territory.
exchange::ReportTable multiChannelTable(const CoverageResult& result, const std::vector<storage::CustomerLabel>& labels);

/// The rep's code, or "-" for none; a territory's path, or "(unassigned)".
std::string repCode(const std::vector<domain::SalesRep>& reps, domain::RepId id);
std::string territoryLabel(const domain::TerritorySet& set, domain::TerritoryId id);

} // namespace cartera::services
