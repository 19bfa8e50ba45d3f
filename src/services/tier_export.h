#pragma once

#include "domain/error.h"
#include "domain/money.h"
#include "exchange/report_table.h"
#include "services/abc_export.h"
#include "services/tier_service.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cartera::services {

/// Decimals of a score or a contribution in reports and exports (75.25 points).
inline constexpr int kTierScoreDigits = 2;
/// Decimals of a normalised value in reports (0.6667).
inline constexpr int kTierNormalDigits = 4;

/// The columns of a ranked tier list, shared by `cartera-cli tiers` and the app's export:
/// rank, code, name, tier, score, revenue, then <indicator>_points (its contribution to the score)
/// for each indicator that counted.
std::vector<std::string> tierListColumns(const domain::TierResult& result);
/// The row of the customer at position (rank - 1) of the run, as tierListColumns names them.
std::vector<exchange::Cell> tierListRow(const TierRun& run, std::size_t position, const domain::CurrencyCode& currency);

/// A score or contribution in points as an exact decimal (2 digits).
exchange::Decimal tierPoints(std::int64_t points, std::int64_t weightTotal);

/// Writes the ranked list of run, or the customers of one tier, to path as CSV or XLSX, a row at a
/// time; the file appears complete or not at all.
domain::Status exportTierList(const TierRun& run, std::optional<int> tier, const domain::CurrencyCode& currency,
                              const std::filesystem::path& path, ListFileFormat format);

} // namespace cartera::services
