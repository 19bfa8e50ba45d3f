#pragma once

#include "domain/date.h"
#include "domain/error.h"
#include "domain/forecast.h"
#include "domain/forecast_snapshot.h"
#include "domain/holt_winters.h"
#include "domain/month_range.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cartera::services {

class Portfolio;

/// What to forecast: a month or quarter, grouped by rep or team, as seen on a day.
struct ForecastRequest final {
    domain::MonthRange period;
    domain::ForecastGrouping grouping = domain::ForecastGrouping::Rep;
    domain::Date asOf;
    /// The Holt-Winters projection of invoiced revenue (needs 36 closed months of history).
    bool withProjection = true;
};

/// The statistical projection of the portfolio's invoiced revenue (docs/forecasting.md).
struct RevenueProjection final {
    std::vector<int> months;              ///< the period's months (yyyymm)
    std::vector<std::int64_t> values;     ///< revenue per month, minor units: invoiced or projected
    std::vector<bool> projected;          ///< per month: projected (true) or already invoiced
    std::int64_t total = 0;
    domain::HoltWintersParams params;
    int historyMonths = 0;                ///< closed months the method was fitted on
    int lastHistoryMonth = 0;             ///< yyyymm
    double backtestMape = 0;              ///< MAPE of the last 12 months forecast from the ones before, %
    std::vector<int> backtestMonths;
    std::vector<std::int64_t> backtestActual;
    std::vector<std::int64_t> backtestPredicted;
};

/// A forecast of a period: the pipeline per rep or team, and the projection.
struct Forecast final {
    ForecastRequest request;
    domain::ForecastTable table;
    std::optional<RevenueProjection> projection;
    /// Why there is no projection (too little history), for the view and the CLI.
    std::string projectionNote;
    /// The period has ended by asOf: actual invoiced revenue of the period.
    bool periodClosed = false;
    std::optional<std::int64_t> actualRevenue;
};

/// A saved forecast set against what happened since.
struct ForecastComparison final {
    domain::ForecastSnapshot snapshot;
    domain::ForecastTable actual;  ///< the pipeline of the same period as it is now (won = actual)
    bool periodClosed = false;
    std::optional<std::int64_t> actualRevenue;
};

/// Win / loss analysis of the deals closed in a period.
struct PipelineAnalysis final {
    std::vector<domain::WinLossRow> byRep;     ///< keyed by rep code ("" without owner), total last
    std::vector<domain::WinLossRow> bySource;  ///< keyed by source, total last
    std::vector<domain::StageConversion> conversion;
    std::map<std::string, std::int64_t> lostReasons;  ///< lost reason code -> deals
};

/// Forecasting and pipeline analysis (docs/forecasting.md). Every call returns an Error instead of
/// throwing.
class ForecastService final {
public:
    explicit ForecastService(Portfolio& portfolio) : m_portfolio(portfolio) {}

    domain::Result<Forecast> forecast(const ForecastRequest& request);
    /// The projection alone: Holt-Winters on the months closed by asOf (at most 48, at least 36),
    /// the seasonality chosen by backtest; the period's closed months are taken as invoiced.
    domain::Result<RevenueProjection> project(const domain::MonthRange& period, domain::Date asOf);
    /// As project, on a read-only connection of its own to file: for a worker thread (reading the
    /// monthly revenue takes a second or two at 1,000,000 customers).
    static domain::Result<RevenueProjection> projectFile(const std::filesystem::path& file,
                                                         const domain::MonthRange& period, domain::Date asOf);
    /// Saves the forecast's rows and projection; an empty name becomes "Forecast <period>, <date>".
    domain::Result<domain::ForecastSnapshot> saveSnapshot(const Forecast& forecast, std::string name,
                                                          domain::Date createdOn);
    domain::Result<std::vector<domain::ForecastSnapshot>> snapshots();
    /// The snapshot against the same period's figures now.
    domain::Result<ForecastComparison> compare(domain::ForecastSnapshotId id, domain::Date asOf);
    domain::Result<PipelineAnalysis> analyse(const domain::MonthRange& period);

private:
    Portfolio& m_portfolio;
};

/// The month after yyyymm, and the month n months later.
int addMonths(int month, int n);

} // namespace cartera::services
