// Measures a tier run on a large portfolio, step by step, as the app and the CLI run it:
//  - read: every customer's facts for the last 12 months (TierRepository, six scans merged)
//  - each of those scans alone, stepped to the end reading every column (where the read time goes)
//  - normalise: rank every indicator (prepareTierFacts)
//  - score: weights, ranking and tiers with the default model (scoreTiers)
//  - rescore: another model on the same facts (TierService::rescore, what the view does on an edit)
//  - run: read with names, normalise and score through TierService (what Run in the view does)
//  - export: the whole ranked list to CSV, streamed (what Export list in the view does)
// Usage: tiers_bench DB [runs] [as-of YYYY-MM-DD]
#include "domain/tiers.h"
#include "services/portfolio.h"
#include "services/tier_export.h"
#include "services/tier_service.h"
#include "storage/database.h"
#include "storage/tier_repository.h"

#include "bench_result.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <cstdio>
#include <string>
#include <vector>

using namespace cartera;
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

struct Scan {
    const char* name;
    std::string sql;
    std::vector<double> times;
};

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: tiers_bench DB [runs] [as-of YYYY-MM-DD]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const auto asOf = argc > 3 ? domain::Date::parseIso(argv[3]) : domain::Date::today();
    if (!asOf) {
        std::fprintf(stderr, "tiers_bench: not a date: %s\n", argv[3]);
        return 2;
    }
    auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
    if (!opened) {
        std::fprintf(stderr, "tiers_bench: %s\n", opened.error().describe().c_str());
        return 1;
    }
    auto& portfolio = *opened.value();
    const auto period = domain::MonthRange::twelveMonthsEndingWith(*asOf);
    const auto prior = domain::tierPriorPeriod(period).value();
    const auto other = domain::TierModel::create(domain::TierModel::parseWeights("revenue=5,recency=3,strategic=1").value(),
                                                 domain::TierModel::parseTiers("A:20,B:30,C").value())
                           .value();
    const std::string to = std::to_string(period.toMonth());
    const std::string first = domain::MonthRange::formatMonth(period.fromMonth()) + "-01";
    const std::string last = domain::MonthRange::formatMonth(period.toMonth()) + "-31";
    std::vector<Scan> scans{
        {"customers (scope index)", "SELECT id, code, kind = 'customer' FROM customer INDEXED BY customer_report_scope "
                                    "WHERE archived_on IS NULL ORDER BY id", {}},
        {"strategic (partial index)", "SELECT id FROM customer INDEXED BY customer_strategic WHERE strategic = 1 ORDER BY id", {}},
        {"monthly figures, 24 months", "SELECT customer_id, month, revenue, cost, order_count FROM customer_month "
                                       "WHERE +month BETWEEN " + std::to_string(prior.fromMonth()) + " AND " + to +
                                       " ORDER BY customer_id, month", {}},
        {"order dates (order index)", "SELECT customer_id, order_date FROM sales_order INDEXED BY sales_order_customer "
                                      "ORDER BY customer_id, order_date", {}},
        {"open claims (pending index)", "SELECT customer_id, count(*) FROM activity INDEXED BY activity_pending "
                                        "WHERE status IN ('open', 'in_progress') AND type = 'claim' "
                                        "GROUP BY customer_id ORDER BY customer_id", {}},
        {"surveys (survey index)", "SELECT customer_id, SUM(CASE kind WHEN 'csat' THEN (score - 1) * 250 ELSE score * 100 END), "
                                   "count(*) FROM customer_survey INDEXED BY customer_survey_customer WHERE surveyed_on "
                                   "BETWEEN '" + first + "' AND '" + last + "' GROUP BY customer_id ORDER BY customer_id", {}},
    };

    std::vector<double> read, normalise, score, rescore, run, exportCsv;
    std::size_t customers = 0;
    for (int i = 0; i < runs; ++i) {
        for (auto& scan : scans) {
            const auto start = Clock::now();
            auto statement = portfolio.database().prepare(scan.sql);
            std::int64_t rows = 0;
            std::int64_t sink = 0;
            const int columns = static_cast<int>(std::count(scan.sql.begin(), scan.sql.begin() + static_cast<std::ptrdiff_t>(scan.sql.find(" FROM ")), ',')) + 1;
            while (statement.step()) {
                ++rows;
                for (int c = 0; c < columns; ++c) {
                    sink += statement.int64(c);
                }
            }
            if (sink == 42) {
                std::printf(" ");
            }
            scan.times.push_back(millisecondsSince(start));
        }

        storage::TierInputQuery query{period, *asOf, false};
        auto start = Clock::now();
        auto inputs = storage::TierRepository(portfolio.database()).customerInputs(query);
        read.push_back(millisecondsSince(start));
        customers = inputs.size();

        start = Clock::now();
        auto facts = std::make_shared<const domain::TierFacts>(domain::prepareTierFacts(std::move(inputs), period, *asOf));
        normalise.push_back(millisecondsSince(start));

        start = Clock::now();
        auto result = domain::scoreTiers(*facts, domain::TierModel()).value();
        score.push_back(millisecondsSince(start));

        services::TierRun tierRun{services::TierRequest{period, *asOf, domain::TierModel(), false}, facts, std::move(result)};
        start = Clock::now();
        if (!services::TierService::rescore(tierRun, other)) {
            return 1;
        }
        rescore.push_back(millisecondsSince(start));

        start = Clock::now();
        const auto full = services::TierService(portfolio).run(services::TierRequest{period, *asOf, domain::TierModel(), true});
        run.push_back(millisecondsSince(start));
        if (!full) {
            std::fprintf(stderr, "tiers_bench: %s\n", full.error().describe().c_str());
            return 1;
        }
        const auto path = std::filesystem::temp_directory_path() / "tiers_bench.csv";
        start = Clock::now();
        if (!services::exportTierList(full.value(), std::nullopt, domain::CurrencyCode{}, path,
                                      services::ListFileFormat::Csv)) {
            return 1;
        }
        exportCsv.push_back(millisecondsSince(start));
        std::filesystem::remove(path);
    }
    std::printf("%zu customers ranked, period %s, %d runs (median)\n", customers, period.toString().c_str(), runs);
    for (const auto& scan : scans) {
        std::printf("  scan %-30s %8.1f ms\n", scan.name, median(scan.times));
    }
    std::printf("read facts (six scans merged)    %8.1f ms\n", median(read));
    std::printf("normalise (rank 8 indicators)    %8.1f ms\n", median(normalise));
    std::printf("score and tier (default model)   %8.1f ms\n", median(score));
    std::printf("rescore with another model       %8.1f ms\n", median(rescore));
    std::printf("run with names (TierService)     %8.1f ms\n", median(run));
    cartera::bench::emitResult("tiers: run with the default model (read, rank, tier)", run);
    cartera::bench::emitResult("tiers: rescore with another model (open view)", rescore);
    std::printf("export the whole list to CSV     %8.1f ms\n", median(exportCsv));
    return 0;
}
