// Measures what a rep feels in the Contacts view on a large portfolio:
//  - time to first rows: open the database, count the contacts, read the first page in name order
//    (all accounts, and the "My accounts" scope of the rep with the largest book)
//  - search keystroke latency: for names typed one letter at a time, what the view does after
//    each keystroke: count the matches up to the view's limit and read their first page in name
//    order; median, 95th percentile and maximum, over all accounts and within one rep's accounts
//  - for information: the first page in the other orders, and pages deep in the list
// Usage: contact_list_bench DB [runs]
#include "services/portfolio.h"

#include "bench_result.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
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

void report(const char* what, const std::vector<double>& times)
{
    std::printf("%-58s median %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%zu)\n", what, percentile(times, 0.5),
                percentile(times, 0.95), percentile(times, 1.0), times.size());
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: contact_list_bench DB [runs]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    constexpr int kPage = 256;  // ContactTableModel's page
    constexpr std::int64_t kCountLimit = 10000;  // ContactTableModel counts a rep's book up to this at first
    // What ContactTableModel does when the filter changes: a search reads its whole (limited)
    // list at once; a list without search counts (all accounts from indexes, a rep's book up to kCountLimit) and reads its
    // first page.
    const auto show = [&](services::Portfolio& portfolio, const domain::ContactFilter& filter,
                          domain::ContactSort sort, std::int64_t offset) -> std::int64_t {
        if (!filter.search.empty()) {
            const auto found = portfolio.contacts().search(filter, sort);
            return static_cast<std::int64_t>(found.rows.size()) + (found.more ? 1 : 0);
        }
        const auto count = filter.ownerRepId ? portfolio.contacts().countUpTo(filter, kCountLimit)
                                             : portfolio.contacts().count(filter);
        const auto rows = portfolio.contacts().list(filter, sort, offset, kPage);
        return rows.empty() ? 0 : count;
    };

    // The rep with the largest book: the slowest "My accounts" list.
    std::optional<domain::RepId> someRep;
    std::int64_t largestBook = -1;
    {
        auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
        if (!opened) {
            std::fprintf(stderr, "contact_list_bench: %s\n", opened.error().describe().c_str());
            return 1;
        }
        auto& portfolio = *opened.value();
        for (const auto& rep : portfolio.reps().all()) {
            domain::CustomerFilter mine;
            mine.ownerRepId = rep.id;
            if (const auto accounts = portfolio.customers().count(mine); accounts > largestBook) {
                largestBook = accounts;
                someRep = rep.id;
            }
        }
    }

    std::int64_t allContacts = 0;
    std::int64_t myContacts = 0;
    const auto firstRows = [&](std::optional<domain::RepId> owner, std::int64_t& total) {
        std::vector<double> times;
        for (int run = 0; run < runs; ++run) {
            const auto start = Clock::now();
            auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
            auto& portfolio = *opened.value();
            domain::ContactFilter filter;
            filter.ownerRepId = owner;
            const auto shown = show(portfolio, filter, {}, 0);
            times.push_back(millisecondsSince(start));
            total = portfolio.contacts().count(filter);
            if (shown == 0) {
                std::fprintf(stderr, "contact_list_bench: no contacts\n");
                std::exit(1);
            }
        }
        return times;
    };
    const auto firstAll = firstRows(std::nullopt, allContacts);
    const auto firstMine = firstRows(someRep, myContacts);

    auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
    auto& portfolio = *opened.value();
    // Names a rep types to find a person: surnames and first names of the demo's countries, a
    // first and last name, an e-mail address.
    const std::vector<std::string> typed = {"martin", "müller", "sophie", "garcia", "rossi", "dupont",
                                            "jansen", "marie dubois", "peeters", "silva", "lucas.bernard"};
    std::vector<std::pair<std::string, double>> slowest;
    const auto measureKeystrokes = [&](std::optional<domain::RepId> owner) {
        std::vector<double> keystrokes;
        for (int run = 0; run < runs; ++run) {
            for (const auto& word : typed) {
                for (std::size_t length = 1; length <= word.size(); ++length) {
                    if (length < word.size() && (static_cast<unsigned char>(word[length]) & 0xC0) == 0x80) {
                        continue;  // a keystroke types a whole character: never stop inside one
                    }
                    domain::ContactFilter filter;
                    filter.search = word.substr(0, length);
                    filter.ownerRepId = owner;
                    const auto start = Clock::now();
                    const auto count = show(portfolio, filter, {}, 0);
                    const double ms = millisecondsSince(start);
                    keystrokes.push_back(ms);
                    if (run == 0) {
                        slowest.emplace_back((owner ? "mine " : "all  ") + filter.search + " (" +
                                                 std::to_string(count) + ")",
                                             ms);
                    }
                }
            }
        }
        return keystrokes;
    };
    const auto allAccounts = measureKeystrokes(std::nullopt);
    const auto myAccounts = measureKeystrokes(someRep);

    const auto timeOnce = [&](const domain::ContactFilter& filter, domain::ContactSort sort, std::int64_t offset) {
        std::vector<double> times;
        for (int run = 0; run < runs; ++run) {
            const auto start = Clock::now();
            show(portfolio, filter, sort, offset);
            times.push_back(millisecondsSince(start));
        }
        return times;
    };
    domain::ContactFilter all;
    domain::ContactFilter mine;
    mine.ownerRepId = someRep;

    std::printf("contacts: %lld in all, %lld at the largest book's %lld accounts; %d runs\n",
                static_cast<long long>(allContacts), static_cast<long long>(myContacts),
                static_cast<long long>(largestBook), runs);
    cartera::bench::emitResult("time to first rows, contacts", firstAll);
    cartera::bench::emitResult("search keystroke, contacts, all accounts", allAccounts, "latency");
    cartera::bench::emitResult("search keystroke, contacts, the largest rep's accounts", myAccounts, "latency");
    report("time to first rows, all accounts", firstAll);
    report("time to first rows, my accounts", firstMine);
    report("search keystroke, all accounts", allAccounts);
    report("search keystroke, my accounts", myAccounts);
    report("first page by account name, all accounts", timeOnce(all, {domain::ContactSortKey::Customer, false}, 0));
    report("first page by e-mail, all accounts", timeOnce(all, {domain::ContactSortKey::Email, false}, 0));
    report("first page by name descending, my accounts", timeOnce(mine, {domain::ContactSortKey::Name, true}, 0));
    report("page at the middle by name, all accounts", timeOnce(all, {}, allContacts / 2));
    report("page at the end by name, all accounts", timeOnce(all, {}, allContacts - kPage));
    report("page at the middle by e-mail, all accounts",
           timeOnce(all, {domain::ContactSortKey::Email, false}, allContacts / 2));
    report("page at the middle by account, all accounts",
           timeOnce(all, {domain::ContactSortKey::Customer, false}, allContacts / 2));
    report("page at the middle by name, my accounts", timeOnce(mine, {}, myContacts / 2));
    domain::ContactFilter broad;
    broad.search = "mar";
    report("\"mar\" sorted by account instead, all accounts",
           timeOnce(broad, {domain::ContactSortKey::Customer, false}, 0));
    if (std::getenv("CONTACT_BENCH_SLOWEST")) {
        std::sort(slowest.begin(), slowest.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        for (std::size_t i = 0; i < std::min<std::size_t>(15, slowest.size()); ++i) {
            std::printf("  %-40s %7.1f ms\n", slowest[i].first.c_str(), slowest[i].second);
        }
    }
    return 0;
}
