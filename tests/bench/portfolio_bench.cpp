// Measures portfolio analysis on a large portfolio, step by step, as the view and the CLI run it:
//  - read: the period's figures merged with the customer attributes (customer_month, or
//    customer_category_month when the category is a dimension)
//  - breakdown: the pivot of the read figures by one or two dimensions (what changing the rows,
//    columns or measure in the view costs)
//  - analyse: read and break down through PortfolioAnalysisService (what Analyse and the CLI do)
//  - drill-down: the customers behind the largest cell, with the codes and names of the first page
//    (what selecting a cell in the view does), and with every name (what --customers-of prints)
// Usage: portfolio_bench DB [runs] [as-of YYYY-MM-DD] [case: a word of its name, "channel"] [connections]
#include "services/portfolio.h"
#include "services/portfolio_analysis_service.h"
#include "storage/portfolio_repository.h"

#include "bench_result.h"

#include <algorithm>
#include <chrono>
#include <ctime>
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

/// Processor time of this process, in milliseconds: less disturbed than the wall clock when other
/// work shares the machine.
double cpuMilliseconds()
{
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void report(const char* what, const std::vector<double>& times)
{
    std::printf("%-64s median %8.1f ms  min %8.1f  max %8.1f\n", what, median(times),
                *std::min_element(times.begin(), times.end()), *std::max_element(times.begin(), times.end()));
}

/// The cell with the most customers (not a total).
PortfolioCellRef largestCell(const PortfolioBreakdown& b)
{
    PortfolioCellRef best{0, b.layout.columns ? 0 : -1};
    for (int r = 0; r < b.rowCount(); ++r) {
        for (int c = b.layout.columns ? 0 : -1; c < (b.layout.columns ? b.columnCount() : 0); ++c) {
            if (b.at({r, c}).customers > b.at(best).customers) {
                best = {r, c};
            }
        }
    }
    return best;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: portfolio_bench DB [runs] [as-of YYYY-MM-DD]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const auto asOf = argc > 3 ? Date::parseIso(argv[3]) : Date::today();
    if (!asOf) {
        std::fprintf(stderr, "portfolio_bench: not a date: %s\n", argv[3]);
        return 2;
    }
    auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
    if (!opened) {
        std::fprintf(stderr, "portfolio_bench: %s\n", opened.error().describe().c_str());
        return 1;
    }
    auto& portfolio = *opened.value();
    services::PortfolioAnalysisService service(portfolio);
    const auto period = MonthRange::twelveMonthsEndingWith(*asOf);
    std::printf("period %s, %d runs\n", period.toString().c_str(), runs);

    struct Case {
        const char* name;
        PortfolioLayout layout;
    };
    const Case cases[] = {
        {"category x country", {PortfolioDimension::Category, PortfolioDimension::Country}},
        {"channel", {PortfolioDimension::Channel, std::nullopt}},
        {"region x owner", {PortfolioDimension::Region, PortfolioDimension::Owner}},
    };
    const std::string only = argc > 4 ? argv[4] : "";
    for (const auto& c : cases) {
        if (!only.empty() && std::string(c.name).find(only) == std::string::npos) {
            continue;
        }
        std::vector<double> read, readCpu, breakdown, analyse, drill, drillAll;
        std::size_t facts = 0;
        std::size_t customers = 0;
        std::size_t drilled = 0;
        for (int i = 0; i < runs; ++i) {
            storage::PortfolioLoadQuery query;
            query.period = period;
            query.byCategory = needsCategories(c.layout);
            query.threads = argc > 5 ? std::atoi(argv[5]) : 0;
            auto start = Clock::now();
            const double cpu = cpuMilliseconds();
            const auto data = storage::PortfolioRepository(portfolio.database()).load(query);
            read.push_back(millisecondsSince(start));
            readCpu.push_back(cpuMilliseconds() - cpu);
            facts = data.facts.size();
            customers = data.customers.size();

            start = Clock::now();
            const auto pivot = breakdownPortfolio(data, c.layout);
            breakdown.push_back(millisecondsSince(start));
            if (!pivot) {
                std::fprintf(stderr, "portfolio_bench: %s\n", pivot.error().describe().c_str());
                return 1;
            }

            services::PortfolioRequest request;
            request.period = period;
            request.layout = c.layout;
            start = Clock::now();
            const auto analysis = service.analyse(request);
            analyse.push_back(millisecondsSince(start));

            const auto cell = largestCell(analysis.value().breakdown);
            start = Clock::now();
            const auto page = service.customers(analysis.value(), cell, 0, 256);
            drill.push_back(millisecondsSince(start));
            start = Clock::now();
            const auto all = service.customers(analysis.value(), cell);
            drillAll.push_back(millisecondsSince(start));
            drilled = all.value().size();
        }
        std::printf("%s: %zu customers, %zu facts; largest cell %zu customers\n", c.name, customers, facts, drilled);
        report("  read the figures", read);
        report("  read the figures, processor time", readCpu);
        report("  break down (in memory)", breakdown);
        report("  analyse (read and break down, the service)", analyse);
        cartera::bench::emitResult(std::string("portfolio: analyse by ") + c.name, analyse);
        cartera::bench::emitResult(std::string("portfolio: re-pivot by ") + c.name + " (open view)", breakdown);
        report("  drill-down: the largest cell, first 256 with names", drill);
        report("  drill-down: the largest cell, every name", drillAll);
    }
    return 0;
}
