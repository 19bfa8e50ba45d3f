// Measures the pipeline and the forecast on a large portfolio, as the app and the CLI run them:
//  - board totals: count, total and weighted total per stage over every deal (the column headers)
//  - board first read: the totals and the first 50 cards of each stage (what the Pipeline view reads
//    before its first paint), and the list's first 1,000 rows with their count
//  - forecast, pipeline part: a quarter's deals per rep with targets (ForecastService, no projection)
//  - forecast, projection: the monthly revenue history and Holt-Winters with its backtest
// Usage: pipeline_bench DB [runs] [as-of YYYY-MM-DD]
#include "domain/forecast.h"
#include "services/forecast_service.h"
#include "services/opportunity_service.h"
#include "services/portfolio.h"

#include "bench_result.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

using namespace cartera;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<double> timed(int runs, const std::function<void()>& work)
{
    work();  // warm the page cache and the statement cache, as a second paint would
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    return samples;
}

[[noreturn]] void fail(const domain::Error& error)
{
    std::fprintf(stderr, "pipeline_bench: %s\n", error.describe().c_str());
    std::exit(1);
}

template <typename T>
T take(domain::Result<T> result)
{
    if (!result) {
        fail(result.error());
    }
    return std::move(result.value());
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: pipeline_bench DB [runs] [as-of YYYY-MM-DD]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const auto asOf = argc > 3 ? domain::Date::parseIso(argv[3]) : domain::Date::today();
    if (!asOf) {
        std::fprintf(stderr, "pipeline_bench: not a date: %s\n", argv[3]);
        return 2;
    }
    auto portfolio = take(services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite));
    services::OpportunityService opportunities(*portfolio);
    services::ForecastService forecasts(*portfolio);
    const auto quarter = domain::quarterOf(*asOf);
    std::printf("%lld opportunities\n", static_cast<long long>(take(opportunities.count({}))));

    bench::emitResult("pipeline: stage totals over every deal (board headers)",
                      timed(runs, [&] { take(opportunities.stageSummaries({})); }));
    bench::emitResult("pipeline: board first read (totals, 50 cards per stage, list of 1,000 and its count)",
                      timed(runs, [&] {
                          const auto sums = take(opportunities.stageSummaries({}));
                          for (const auto& sum : sums) {
                              domain::OpportunityFilter filter;
                              filter.stage = sum.stage;
                              take(opportunities.list(filter, 0, 50));
                          }
                          take(opportunities.list({}, 0, 1000));
                          take(opportunities.count({}));
                      }));
    services::ForecastRequest request{quarter, domain::ForecastGrouping::Rep, *asOf, false};
    bench::emitResult("forecast: a quarter per rep, pipeline and targets", timed(runs, [&] {
                          take(forecasts.forecast(request));
                      }));
    request.withProjection = true;
    const auto withProjection = take(forecasts.forecast(request));
    if (withProjection.projection) {
        std::printf("projection %s, backtest MAPE %.1f %%, %d months of history\n",
                    withProjection.projection->params.seasonality == domain::Seasonality::Additive ? "additive"
                                                                                                 : "multiplicative",
                    withProjection.projection->backtestMape, withProjection.projection->historyMonths);
    } else {
        std::printf("no projection: %s\n", withProjection.projectionNote.c_str());
    }
    bench::emitResult("forecast: a quarter per rep with the Holt-Winters projection and backtest", timed(runs, [&] {
                          take(forecasts.forecast(request));
                      }));
    return 0;
}
