// Measures territory assignment on a large portfolio, step by step, as `territory assign` and the
// Territories view run it, with a set of 200 rules (postal ranges, regions, industries and size
// bands over every country of the file):
//  - read: every unarchived account's rule values, territory, rep, revenue and class A (loadProfiles)
//  - match: compile the 200 rules and run them over every account (TerritoryMatcher, planAssignment)
//  - preview: both through TerritoryService::preview (what Preview and `assign --preview` do)
//  - write N moves: the first N moves of that realignment written in one transaction (territory row
//    and owner rep per account, as apply writes them) and written back (as Undo does), for N = 1,000
//    and 10,000 (and 100,000 with a fourth argument "large"): the cost per moved account. A first
//    realignment of the whole file moves every account; at about 0.5 ms per account (mostly the
//    full-text index rewriting the row for its new owner) that is minutes, not seconds.
//  - coverage: coverage, balance, suggested moves and channels (TerritoryService::coverage)
// Usage: territory_bench DB [runs] [as-of YYYY-MM-DD]   (the file is changed: run it on a copy)
#include "domain/territory_assignment.h"
#include "services/portfolio.h"
#include "services/territory_service.h"
#include "storage/database.h"
#include "storage/territory_repository.h"

#include "bench_result.h"

#include <algorithm>
#include <chrono>
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

/// 200 rules over the countries, regions and industries of the file: per country a key-account
/// territory per industry (enterprise accounts), one per region, and postal ranges splitting the
/// rest into ten bands; owners round the active reps.
domain::TerritorySet twoHundredRules(const storage::AccountProfiles& profiles, const std::vector<domain::SalesRep>& reps)
{
    domain::TerritorySet set;
    domain::TerritoryId nextId = 1;
    std::size_t nextRep = 0;
    const auto owner = [&] { return reps[nextRep++ % reps.size()].id; };
    set.territories.push_back({nextId++, std::nullopt, "World", std::nullopt, {}});
    const auto addRule = [&](domain::TerritoryRule rule) {
        rule.id = static_cast<domain::TerritoryRuleId>(set.rules.size() + 1);
        rule.priority = static_cast<int>(set.rules.size());
        set.rules.push_back(std::move(rule));
    };
    std::vector<domain::TerritoryId> countryIds;
    for (std::size_t c = 0; c < profiles.values.countries.size(); ++c) {
        const auto& country = profiles.values.countries.text(static_cast<std::int32_t>(c));
        countryIds.push_back(nextId);
        set.territories.push_back({nextId++, 1, country, owner(), {}});
    }
    // Key accounts by industry and country, then regions, then postal bands, until 200 rules.
    for (std::size_t i = 0; i < profiles.values.industries.size() && set.rules.size() < 80; ++i) {
        for (std::size_t c = 0; c < countryIds.size() && set.rules.size() < 80; ++c) {
            domain::TerritoryRule r;
            r.territoryId = countryIds[c];
            r.country = profiles.values.countries.text(static_cast<std::int32_t>(c));
            r.industry = profiles.values.industries.text(static_cast<std::int32_t>(i));
            r.sizeBand = domain::SizeBand::Enterprise;
            addRule(r);
        }
    }
    for (int band = 0; band < 10 && set.rules.size() < 200; ++band) {
        for (std::size_t c = 0; c < countryIds.size() && set.rules.size() < 200; ++c) {
            const auto id = nextId++;
            set.territories.push_back({id, countryIds[c], "Band " + std::to_string(band), owner(), {}});
            domain::TerritoryRule r;
            r.territoryId = id;
            r.country = profiles.values.countries.text(static_cast<std::int32_t>(c));
            r.postalFrom = std::to_string(band) + "0";
            r.postalTo = std::to_string(band) + "4";
            addRule(r);
        }
    }
    for (std::size_t g = 0; g < profiles.values.regions.size() && set.rules.size() < 200; ++g) {
        const auto id = nextId++;
        set.territories.push_back({id, 1, profiles.values.regions.text(static_cast<std::int32_t>(g)), owner(), {}});
        domain::TerritoryRule r;
        r.territoryId = id;
        r.region = profiles.values.regions.text(static_cast<std::int32_t>(g));
        addRule(r);
    }
    while (set.rules.size() < 200) {  // never matched: a country no account has
        domain::TerritoryRule r;
        r.territoryId = 1;
        r.country = "JP";
        r.postalFrom = std::to_string(set.rules.size() % 10);
        r.postalTo = r.postalFrom;
        addRule(r);
    }
    set.normalise();
    return set;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: territory_bench DB [runs] [as-of YYYY-MM-DD]\n");
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is measured
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const bool large = argc > 4 && std::string(argv[4]) == "large";
    const auto asOf = argc > 3 ? domain::Date::parseIso(argv[3]) : domain::Date::today();
    if (!asOf) {
        std::fprintf(stderr, "territory_bench: not a date: %s\n", argv[3]);
        return 2;
    }
    auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
    if (!opened) {
        std::fprintf(stderr, "territory_bench: %s\n", opened.error().describe().c_str());
        return 1;
    }
    auto& portfolio = *opened.value();
    const auto period = domain::MonthRange::twelveMonthsEndingWith(*asOf);
    storage::TerritoryRepository repository(portfolio.database());
    services::TerritoryService service(portfolio);

    std::vector<double> read;
    std::vector<double> match;
    std::vector<double> preview;
    storage::AccountProfiles profiles;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        profiles = repository.loadProfiles(period);
        read.push_back(millisecondsSince(start));
    }
    auto reps = portfolio.reps().all();
    std::erase_if(reps, [](const domain::SalesRep& r) { return !r.active; });
    const auto set = twoHundredRules(profiles, reps);
    domain::AssignmentPlan plan;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        const domain::TerritoryTree tree(set.territories);
        const domain::TerritoryMatcher matcher(set.rules, tree, profiles.values);
        plan = domain::planAssignment(profiles.accounts, matcher, tree);
        match.push_back(millisecondsSince(start));
    }
    services::Realignment realignment;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        auto r = service.preview(set, *asOf);
        preview.push_back(millisecondsSince(start));
        if (!r) {
            std::fprintf(stderr, "territory_bench: %s\n", r.error().describe().c_str());
            return 1;
        }
        realignment = std::move(r.value());
    }
    std::printf("accounts %zu, rules %zu, territories %zu, moves %zu (to another rep %lld), unassigned %zu, overlapping %zu\n",
                profiles.accounts.size(), set.rules.size(), set.territories.size(), plan.moves.size(),
                static_cast<long long>(plan.repChanges), plan.unassigned.size(), plan.conflicts.size());
    std::printf("read profiles        median %8.1f ms\n", median(read));
    std::printf("compile + match      median %8.1f ms\n", median(match));
    std::printf("preview (service)    median %8.1f ms\n", median(preview));
    cartera::bench::emitResult("territory assignment: compile 200 rules and match every account", match);
    cartera::bench::emitResult("territory assignment: whole preview (read, match, moves)", preview);

    std::vector<std::size_t> sizes{1000, 10000};
    if (large) {
        sizes.push_back(100000);
    }
    for (const auto n : sizes) {
        std::vector<domain::AssignmentMove> moves(realignment.plan.moves.begin(),
                                                  realignment.plan.moves.begin() +
                                                      static_cast<std::ptrdiff_t>(std::min(n, realignment.plan.moves.size())));
        std::vector<domain::AssignmentMove> back;
        for (const auto& m : moves) {
            back.push_back(m.reversed());
        }
        const auto before = repository.load();
        auto start = Clock::now();
        repository.realign(set, moves, storage::TerritoryRepository::MoveCheck::EachAccount);
        const double forward = millisecondsSince(start);
        start = Clock::now();
        repository.realign(before, back, storage::TerritoryRepository::MoveCheck::EachAccount);
        const double backward = millisecondsSince(start);
        std::printf("write %6zu moves       %8.1f ms (%.0f us per account); back %8.1f ms\n", moves.size(), forward,
                    1000.0 * forward / static_cast<double>(std::max<std::size_t>(1, moves.size())), backward);
    }
    std::vector<double> coverage;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        const auto result = service.coverage({period, *asOf, 90, 10});
        coverage.push_back(millisecondsSince(start));
        if (!result) {
            std::fprintf(stderr, "territory_bench: %s\n", result.error().describe().c_str());
            return 1;
        }
        if (i == 0) {
            std::printf("balance index %.3f, after %zu suggested moves %.3f\n", result.value().coverage.balanceIndex.value_or(-1),
                        result.value().suggestions.size(), result.value().balanceAfterSuggestions.value_or(-1));
        }
    }
    std::printf("coverage (service)   median %8.1f ms\n", median(coverage));
    cartera::bench::emitResult("coverage and balance per rep and territory", coverage);
    return 0;
}
