// Measures ABC on a large portfolio, step by step, as the app and the CLI run it:
//  - read: the per-customer values of the last 12 months (one pass over the monthly figures)
//  - classify: rank and classify them (80/15/5)
//  - reclassify: other thresholds on the same ranking (what a view does when they are edited)
//  - run: read and classify through AbcService, with names (what a classified list needs)
// Usage: abc_bench DB [runs] [as-of YYYY-MM-DD]
#include "domain/abc.h"
#include "services/abc_service.h"
#include "services/portfolio.h"
#include "storage/abc_repository.h"

#include "bench_result.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <string>
#include <vector>

using namespace cartera;
using Clock = std::chrono::steady_clock;

namespace {

/// CPU time of the whole process (every thread), in milliseconds: fairer than the wall clock
/// when other work shares the machine.
double cpuMilliseconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1.0e6;
}

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: abc_bench DB [runs] [as-of YYYY-MM-DD]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const auto asOf = argc > 3 ? domain::Date::parseIso(argv[3]) : domain::Date::today();
    if (!asOf) {
        std::fprintf(stderr, "abc_bench: not a date: %s\n", argv[3]);
        return 2;
    }
    auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
    if (!opened) {
        std::fprintf(stderr, "abc_bench: %s\n", opened.error().describe().c_str());
        return 1;
    }
    auto& portfolio = *opened.value();
    storage::AbcValueQuery query;
    query.period = domain::MonthRange::twelveMonthsEndingWith(*asOf);
    query.withNames = false;
    const auto other = domain::AbcThresholds::parse("70,20,7.5,2.5").value();

    std::vector<double> read, classify, reclassify, run;
    std::vector<double> readCpu, classifyCpu, runCpu;
    std::size_t customers = 0;
    std::size_t classified = 0;
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        double cpuStart = cpuMilliseconds();
        auto values = storage::AbcRepository(portfolio.database()).customerValues(query);
        read.push_back(millisecondsSince(start));
        readCpu.push_back(cpuMilliseconds() - cpuStart);
        customers = values.size();

        start = Clock::now();
        cpuStart = cpuMilliseconds();
        auto result = domain::classifyAbc(std::move(values), domain::AbcThresholds{}).value();
        classify.push_back(millisecondsSince(start));
        classifyCpu.push_back(cpuMilliseconds() - cpuStart);
        classified = result.entries.size();

        start = Clock::now();
        domain::applyThresholds(result, other);
        reclassify.push_back(millisecondsSince(start));

        services::AbcRequest request;
        request.period = query.period;
        start = Clock::now();
        cpuStart = cpuMilliseconds();
        const auto full = services::AbcService(portfolio).run(request);
        run.push_back(millisecondsSince(start));
        runCpu.push_back(cpuMilliseconds() - cpuStart);
        if (!full) {
            std::fprintf(stderr, "abc_bench: %s\n", full.error().describe().c_str());
            return 1;
        }
    }
    std::printf("%zu customers read, %zu classified, period %s, %d runs (median)\n", customers, classified,
                query.period.toString().c_str(), runs);
    cartera::bench::emitResult("ABC warm: classify again with other thresholds (open view)", reclassify);
    cartera::bench::emitResult("ABC warm: read and classify again in the open app", run);
    std::printf("step             wall ms   CPU ms (all threads)\n");
    std::printf("read values      %8.1f %8.1f\n", median(read), median(readCpu));
    std::printf("classify         %8.1f %8.1f\n", median(classify), median(classifyCpu));
    std::printf("reclassify       %8.1f\n", median(reclassify));
    std::printf("run with names   %8.1f %8.1f\n", median(run), median(runCpu));
    return 0;
}
