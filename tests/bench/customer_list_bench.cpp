// Measures what a rep feels in the customer list on a large portfolio:
//  - time to first rows: open the database, count the customers, read the first page in name order
//  - search keystroke latency: for words typed one letter at a time, each prefix's count and first
//    page (what the list shows after a keystroke), median and 95th percentile
// Usage: customer_list_bench DB [runs]
#include "services/portfolio.h"

#include "bench_result.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

using namespace cartera;
using Clock = std::chrono::steady_clock;

namespace {

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: customer_list_bench DB [runs]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    constexpr int kPage = 256;  // the list model's page

    std::vector<double> firstRows;
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
        if (!opened) {
            std::fprintf(stderr, "customer_list_bench: %s\n", opened.error().describe().c_str());
            return 1;
        }
        auto& portfolio = *opened.value();
        const auto count = portfolio.customers().count({});
        const auto rows = portfolio.customers().list({}, {}, 0, kPage);
        firstRows.push_back(millisecondsSince(start));
        if (rows.empty() || count == 0) {
            std::fprintf(stderr, "customer_list_bench: empty portfolio\n");
            return 1;
        }
    }

    auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
    auto& portfolio = *opened.value();
    // Words a rep types: cities, surnames, a company word, a code, a contact's first name.
    const std::vector<std::string> typed = {"lyon", "martin", "müller", "logistique", "c000123", "sophie",
                                            "barcelona", "rossi", "dupont lyon", "bakker"};
    // A rep's default list is "My accounts": the same words typed within the accounts of the rep
    // with the most of them (the largest book is the slowest to search).
    std::optional<domain::RepId> someRep;
    std::int64_t largestBook = -1;
    for (const auto& rep : portfolio.reps().all()) {
        domain::CustomerFilter mine;
        mine.ownerRepId = rep.id;
        if (const auto accounts = portfolio.customers().count(mine); accounts > largestBook) {
            largestBook = accounts;
            someRep = rep.id;
        }
    }
    const auto measureKeystrokes = [&](std::optional<domain::RepId> owner) {
        std::vector<double> keystrokes;
        for (int run = 0; run < runs; ++run) {
            for (const auto& word : typed) {
                for (std::size_t length = 1; length <= word.size(); ++length) {
                    domain::CustomerFilter filter;
                    filter.search = word.substr(0, length);
                    filter.ownerRepId = owner;
                    const auto start = Clock::now();
                    const auto count = portfolio.customers().count(filter);
                    const auto rows = portfolio.customers().list(filter, {}, 0, kPage);
                    keystrokes.push_back(millisecondsSince(start));
                    (void)count;
                    (void)rows;
                }
            }
        }
        return keystrokes;
    };
    const auto allAccounts = measureKeystrokes(std::nullopt);
    const auto myAccounts = measureKeystrokes(someRep);
    std::printf("time to first rows: median %.1f ms, p95 %.1f ms (%d runs)\n", percentile(firstRows, 0.5),
                percentile(firstRows, 0.95), runs);
    std::printf("search keystroke, all accounts: median %.1f ms, p95 %.1f ms, max %.1f ms (%zu keystrokes)\n",
                percentile(allAccounts, 0.5), percentile(allAccounts, 0.95), percentile(allAccounts, 1.0),
                allAccounts.size());
    std::printf("search keystroke, one rep's %lld accounts: median %.1f ms, p95 %.1f ms, max %.1f ms (%zu "
                "keystrokes)\n",
                static_cast<long long>(largestBook), percentile(myAccounts, 0.5), percentile(myAccounts, 0.95),
                percentile(myAccounts, 1.0), myAccounts.size());
    cartera::bench::emitResult("time to first rows, customer list", firstRows);
    cartera::bench::emitResult("search keystroke, customer list, all accounts", allAccounts, "latency");
    cartera::bench::emitResult("search keystroke, customer list, the largest rep's accounts", myAccounts, "latency");
    return 0;
}
