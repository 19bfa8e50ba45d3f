#pragma once

#include "domain/customer.h"
#include "domain/date.h"
#include "domain/error.h"
#include "domain/month_range.h"
#include "domain/opportunity.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cartera::domain {

/// A forecast period: "2026Q4", "2026-Q4" (a quarter) or "2026-03" (a month) as a month range;
/// the message names what is expected.
Result<MonthRange> parseForecastPeriod(std::string_view text);
/// The quarter holding date (for "this quarter").
MonthRange quarterOf(Date date);

/// How a forecast groups the deals.
enum class ForecastGrouping {
    Rep,
    Team,
};

inline constexpr EnumCodes<ForecastGrouping, 2> kForecastGroupingCodes{{{
    {ForecastGrouping::Rep, "rep"},
    {ForecastGrouping::Team, "team"},
}}};

/// What a forecast reads of one opportunity: open ones expected to close in the period, won and
/// lost ones closed in it.
struct ForecastFact final {
    RepId repId = 0;  ///< 0 when the deal has no owner
    StageOutcome outcome = StageOutcome::Open;
    ForecastCategory category = ForecastCategory::Pipeline;
    std::int64_t amountMinor = 0;
    int probabilityPercent = 0;
};

/// A rep or a team's figures for the period, in minor units.
struct ForecastRow final {
    std::string key;    ///< rep code or team name; "" for deals without an owner
    std::string label;  ///< rep name or team name
    std::int64_t openCount = 0;
    std::int64_t pipelineTotal = 0;  ///< open deals' amounts
    std::int64_t weighted = 0;       ///< open deals' amounts x probability
    std::int64_t commit = 0;         ///< open deals by the category the rep set
    std::int64_t bestCase = 0;
    std::int64_t pipeline = 0;
    std::int64_t omitted = 0;
    std::int64_t won = 0;            ///< closed won in the period
    std::int64_t wonCount = 0;
    std::int64_t lostCount = 0;
    std::int64_t target = 0;         ///< sum of the rep targets of the period's months (0: none set)

    /// What the rep calls: won + commit.
    [[nodiscard]] std::int64_t commitForecast() const { return won + commit; }
    /// The upside: won + commit + best case.
    [[nodiscard]] std::int64_t bestCaseForecast() const { return won + commit + bestCase; }
    /// won / target in percent; nullopt without a target.
    [[nodiscard]] std::optional<double> attainmentPercent() const
    {
        return target > 0 ? std::optional<double>(100.0 * static_cast<double>(won) / static_cast<double>(target))
                          : std::nullopt;
    }

    friend bool operator==(const ForecastRow&, const ForecastRow&) = default;
};

/// Who a rep is in a forecast: code, name and team.
struct ForecastRep final {
    RepId id = 0;
    std::string code;
    std::string name;
    std::string team;
};

/// Sums the facts per rep or team, adds the targets (per rep id, for the whole period) and
/// returns the rows in key order, every rep with a deal or a target included, and a total row.
struct ForecastTable final {
    std::vector<ForecastRow> rows;
    ForecastRow total;
};
ForecastTable summariseForecast(const std::vector<ForecastFact>& facts, const std::vector<ForecastRep>& reps,
                                const std::map<RepId, std::int64_t>& targets, ForecastGrouping grouping);

/// A closed deal as the win / loss analysis reads it.
struct ClosedDeal final {
    RepId repId = 0;
    std::string source;
    bool won = false;
    std::int64_t amountMinor = 0;
    int cycleDays = 0;  ///< created to closed
    std::string lostReason;
};

/// Win rate, average won deal and sales cycle of a group of closed deals.
struct WinLossRow final {
    std::string key;
    std::int64_t won = 0;
    std::int64_t lost = 0;
    std::int64_t wonAmount = 0;
    double cycleDaysTotal = 0;

    [[nodiscard]] double winRatePercent() const
    {
        return won + lost > 0 ? 100.0 * static_cast<double>(won) / static_cast<double>(won + lost) : 0.0;
    }
    [[nodiscard]] std::int64_t averageDeal() const { return won > 0 ? wonAmount / won : 0; }
    [[nodiscard]] double averageCycleDays() const
    {
        return won + lost > 0 ? cycleDaysTotal / static_cast<double>(won + lost) : 0.0;
    }
};

/// Closed deals grouped by a key (rep code or source), in key order, and a total row.
std::vector<WinLossRow> winLossBy(const std::vector<ClosedDeal>& deals,
                                  const std::function<std::string(const ClosedDeal&)>& key);

/// Stage conversion: of the deals that reached a stage, the share that reached a later one.
struct StageConversion final {
    std::string stage;
    std::int64_t reached = 0;
    std::int64_t advanced = 0;  ///< went on to a later open stage or won

    [[nodiscard]] double percent() const
    {
        return reached > 0 ? 100.0 * static_cast<double>(advanced) / static_cast<double>(reached) : 0.0;
    }
};

/// From each deal's furthest stage reached (positions of the open stages, and whether it was won):
/// for every open stage, how many reached it and how many went further.
std::vector<StageConversion> stageConversion(const std::vector<Stage>& stages,
                                             const std::vector<std::pair<int, bool>>& furthestPositionAndWon);

} // namespace cartera::domain
