#include "services/forecast_service.h"

#include "services/portfolio.h"
#include "storage/opportunity_repository.h"

#include <cmath>

namespace cartera::services {

using namespace cartera::domain;

namespace {

/// At most four years of history: at least three are needed for the seasonal indices and a 12-month backtest;
/// older years would follow the portfolio as it was rather than as it is.
constexpr int kHistoryMonths = 48;
constexpr int kBacktestMonths = 12;

template <typename T, typename Work>
Result<T> reading(Work&& work)
{
    try {
        return work();
    } catch (const std::exception& e) {
        return toError(e);
    }
}

std::vector<ForecastRep> forecastReps(Portfolio& portfolio)
{
    std::vector<ForecastRep> reps;
    for (const auto& rep : portfolio.reps().all()) {
        reps.push_back({rep.id, rep.code, rep.name, rep.team});
    }
    return reps;
}

ForecastTable table(Portfolio& portfolio, const MonthRange& period, ForecastGrouping grouping)
{
    const storage::OpportunityRepository repository(portfolio.database());
    return summariseForecast(repository.forecastFacts(period), forecastReps(portfolio), repository.targets(period),
                             grouping);
}

std::optional<std::int64_t> actualRevenue(Portfolio& portfolio, const MonthRange& period, Date asOf)
{
    if (asOf.monthKey() <= period.toMonth()) {
        return std::nullopt;
    }
    const storage::OpportunityRepository repository(portfolio.database());
    std::int64_t sum = 0;
    for (auto v : repository.monthlyRevenue(period)) {
        sum += v;
    }
    return sum;
}

} // namespace

int addMonths(int month, int n)
{
    int index = (month / 100) * 12 + (month % 100 - 1) + n;
    return (index / 12) * 100 + index % 12 + 1;
}

Result<RevenueProjection> ForecastService::project(const MonthRange& period, Date asOf)
{
    // History: every month closed by asOf (its own month is not over yet), up to the period's end.
    // The period's closed months count as they were invoiced; the others are projected.
    const int lastClosed = std::min(period.toMonth(), addMonths(asOf.monthKey(), -1));
    const int firstHistory = addMonths(lastClosed, -(kHistoryMonths - 1));
    auto historyRange = MonthRange::between(firstHistory, lastClosed);
    if (!historyRange) {
        return historyRange.error();
    }
    return reading<RevenueProjection>([&]() -> Result<RevenueProjection> {
        const storage::OpportunityRepository repository(m_portfolio.database());
        const auto raw = repository.monthlyRevenue(historyRange.value());
        // Leading months without sales are before the portfolio's history began: leave them out.
        std::size_t start = 0;
        while (start < raw.size() && raw[start] == 0) {
            ++start;
        }
        std::vector<double> series;
        for (std::size_t i = start; i < raw.size(); ++i) {
            series.push_back(static_cast<double>(raw[i]));
        }
        const auto monthIndex = [](int month) { return month / 100 * 12 + month % 100; };
        const int horizon = std::max(0, monthIndex(period.toMonth()) - monthIndex(lastClosed));
        auto projection = projectHoltWinters(series, horizon, kBacktestMonths);
        if (!projection) {
            return projection.error();
        }
        RevenueProjection out;
        out.params = projection.value().fit.params;
        out.historyMonths = static_cast<int>(series.size());
        out.lastHistoryMonth = lastClosed;
        out.backtestMape = projection.value().backtest.mape;
        for (int i = 0; i < kBacktestMonths; ++i) {
            out.backtestMonths.push_back(addMonths(lastClosed, i - kBacktestMonths + 1));
            out.backtestActual.push_back(std::llround(projection.value().backtest.actual[static_cast<std::size_t>(i)]));
            out.backtestPredicted.push_back(
                std::llround(projection.value().backtest.predicted[static_cast<std::size_t>(i)]));
        }
        const auto& values = projection.value().values;
        for (int i = 0; i < period.monthCount(); ++i) {
            const int month = addMonths(period.fromMonth(), i);
            out.months.push_back(month);
            const bool projected = month > lastClosed;
            out.projected.push_back(projected);
            const auto value =
                projected ? std::max<std::int64_t>(
                                0, std::llround(values[static_cast<std::size_t>(monthIndex(month) - monthIndex(lastClosed) - 1)]))
                          : raw[raw.size() - 1 - static_cast<std::size_t>(monthIndex(lastClosed) - monthIndex(month))];
            out.values.push_back(value);
            out.total += value;
        }
        return out;
    });
}

Result<RevenueProjection> ForecastService::projectFile(const std::filesystem::path& file, const MonthRange& period,
                                                      Date asOf)
{
    auto portfolio = Portfolio::open(file, storage::OpenMode::ReadOnly);
    if (!portfolio) {
        return portfolio.error();
    }
    return ForecastService(*portfolio.value()).project(period, asOf);
}

Result<Forecast> ForecastService::forecast(const ForecastRequest& request)
{
    auto result = reading<Forecast>([&]() -> Result<Forecast> {
        Forecast f;
        f.request = request;
        f.table = table(m_portfolio, request.period, request.grouping);
        f.actualRevenue = actualRevenue(m_portfolio, request.period, request.asOf);
        f.periodClosed = f.actualRevenue.has_value();
        return f;
    });
    if (result && request.withProjection) {
        auto projection = project(request.period, request.asOf);
        if (projection) {
            result.value().projection = std::move(projection.value());
        } else {
            result.value().projectionNote = projection.error().describe();
        }
    }
    return result;
}

Result<ForecastSnapshot> ForecastService::saveSnapshot(const Forecast& forecast, std::string name, Date createdOn)
{
    if (name.find_first_not_of(" \t") == std::string::npos) {
        name = "Forecast " + forecast.request.period.toString() + ", " + createdOn.toIso();
    }
    if (name.size() > 80) {
        return invalidInput("the name is longer than 80 characters", "name");
    }
    return reading<ForecastSnapshot>([&]() -> Result<ForecastSnapshot> {
        ForecastSnapshot snapshot;
        snapshot.name = name;
        snapshot.createdOn = createdOn;
        snapshot.period = forecast.request.period;
        snapshot.grouping = forecast.request.grouping;
        if (forecast.projection) {
            snapshot.projection = forecast.projection->total;
        }
        snapshot.rows = forecast.table.rows;
        snapshot.rows.push_back(forecast.table.total);
        storage::OpportunityRepository repository(m_portfolio.database());
        repository.insertSnapshot(snapshot);
        return snapshot;
    });
}

Result<std::vector<ForecastSnapshot>> ForecastService::snapshots()
{
    return reading<std::vector<ForecastSnapshot>>([&] {
        return storage::OpportunityRepository(m_portfolio.database()).snapshots();
    });
}

Result<ForecastComparison> ForecastService::compare(ForecastSnapshotId id, Date asOf)
{
    return reading<ForecastComparison>([&]() -> Result<ForecastComparison> {
        auto snapshot = storage::OpportunityRepository(m_portfolio.database()).findSnapshot(id);
        if (!snapshot) {
            return Error{ErrorCode::NotFound, "forecast snapshot " + std::to_string(id) + " does not exist", {}};
        }
        ForecastComparison c;
        c.snapshot = std::move(*snapshot);
        c.actual = table(m_portfolio, c.snapshot.period, c.snapshot.grouping);
        c.actualRevenue = actualRevenue(m_portfolio, c.snapshot.period, asOf);
        c.periodClosed = c.actualRevenue.has_value();
        return c;
    });
}

Result<PipelineAnalysis> ForecastService::analyse(const MonthRange& period)
{
    return reading<PipelineAnalysis>([&]() -> Result<PipelineAnalysis> {
        const storage::OpportunityRepository repository(m_portfolio.database());
        const auto deals = repository.closedDeals(period);
        std::map<RepId, std::string> codes;
        for (const auto& rep : m_portfolio.reps().all()) {
            codes[rep.id] = rep.code;
        }
        PipelineAnalysis a;
        a.byRep = winLossBy(deals, [&](const ClosedDeal& d) {
            const auto it = codes.find(d.repId);
            return it == codes.end() ? std::string() : it->second;
        });
        a.bySource = winLossBy(deals, [](const ClosedDeal& d) { return d.source; });
        a.conversion = stageConversion(repository.stages(), repository.furthestStages(period));
        for (const auto& d : deals) {
            if (!d.won) {
                ++a.lostReasons[d.lostReason];
            }
        }
        return a;
    });
}

} // namespace cartera::services
