// Measures retention analysis on a large portfolio, step by step, as the Retention view and the
// CLI run it (docs/retention.md):
//  - read: RetentionService::load, the bulk read of every customer, monthly figure, exit, survey
//    and overdue claim, with the ABC classes of the two latest snapshots
//  - at-risk: the signals and scores of every customer from the facts (what changing the revenue
//    threshold in the view costs), then the codes and names of the first page
//  - churn: customer and revenue churn per month over three years, by rep, from the facts
//  - cohorts: the cohort table from the facts
// Usage: retention_bench DB [runs] [as-of YYYY-MM-DD]
#include "domain/at_risk.h"
#include "domain/churn.h"
#include "services/portfolio.h"
#include "services/retention_service.h"

#include "bench_result.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace cartera;
using namespace cartera::domain;
using Clock = std::chrono::steady_clock;

namespace {

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void report(const std::string& what, const std::vector<double>& times)
{
    std::printf("%-64s median %8.1f ms  min %8.1f  max %8.1f\n", what.c_str(), median(times),
                *std::min_element(times.begin(), times.end()), *std::max_element(times.begin(), times.end()));
    bench::emitResult(what, times);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: retention_bench DB [runs] [as-of YYYY-MM-DD]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const auto asOf = argc > 3 ? Date::parseIso(argv[3]) : Date::today();
    if (!asOf) {
        std::fprintf(stderr, "retention_bench: not a date: %s\n", argv[3]);
        return 2;
    }
    auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
    if (!opened) {
        std::fprintf(stderr, "retention_bench: %s\n", opened.error().describe().c_str());
        return 1;
    }
    services::Portfolio& portfolio = *opened.value();
    services::RetentionService service(portfolio);

    std::vector<double> read, atRisk, firstPage, churn, cohorts, whole;
    std::size_t listed = 0;
    std::size_t churnRows = 0;
    std::size_t customers = 0;
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        auto facts = service.load(*asOf);
        if (!facts) {
            std::fprintf(stderr, "retention_bench: %s\n", facts.error().describe().c_str());
            return 1;
        }
        read.push_back(millisecondsSince(start));
        customers = facts.value().customers.size();

        auto step = Clock::now();
        AtRiskRules rules;
        rules.asOf = *asOf;
        const auto entries = findAtRisk(facts.value(), rules);
        atRisk.push_back(millisecondsSince(step));
        listed = entries.size();

        step = Clock::now();
        std::vector<std::uint32_t> positions;
        for (std::size_t i = 0; i < entries.size() && i < 256; ++i) {
            positions.push_back(entries[i].customer);
        }
        const auto labels = service.labels(facts.value(), positions);
        firstPage.push_back(millisecondsSince(step));
        whole.push_back(millisecondsSince(start));

        step = Clock::now();
        ChurnRequest request;
        request.granularity = ChurnGranularity::Month;
        request.dimension = ChurnDimension::Rep;
        request.toMonth = asOf->monthKey();
        request.fromMonth = (asOf->year() - 2) * 100 + 1;
        churnRows = computeChurn(facts.value(), request).size();
        churn.push_back(millisecondsSince(step));

        step = Clock::now();
        const auto table = cohortTable(facts.value(), asOf->year());
        cohorts.push_back(millisecondsSince(step));
    }
    std::printf("%zu customers, %zu at risk, %zu churn rows\n", customers, listed, churnRows);
    report("retention: bulk read of the facts (RetentionService::load)", read);
    report("retention: at-risk signals and scores from the facts", atRisk);
    report("retention: codes and names of the at-risk list's first page", firstPage);
    report("retention: at-risk list from scratch (read, score, first page)", whole);
    report("retention: churn per month over three years by rep, from the facts", churn);
    report("retention: cohort table from the facts", cohorts);
    return 0;
}
