// Measures segment evaluation on a large portfolio, as the editor's live count, the Segments view,
// the customer list and the CLI run it. Each rule is counted `runs` times (median, min, max);
// the reference in the same run is the customer list's own count of the same attribute filters
// (country and channel, no segment), which every customer list filter pays today.
// Usage: segment_bench DB [runs] [as-of YYYY-MM-DD] [rfm: 1 to also time RFM]
#include "domain/rfm.h"
#include "services/portfolio.h"
#include "services/rfm_service.h"
#include "storage/rfm_repository.h"
#include "storage/segment_repository.h"

#include "bench_result.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
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

template <typename Work>
void time(const char* what, int runs, Work&& work)
{
    std::vector<double> times;
    std::vector<double> cpu;
    long long result = 0;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        const auto cpuStart = std::clock();
        result = static_cast<long long>(work());
        times.push_back(millisecondsSince(start));
        cpu.push_back(1000.0 * static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC);
    }
    std::printf("%-70s median %8.1f ms (cpu %7.1f)  min %8.1f  max %8.1f  -> %lld\n", what, median(times),
                median(cpu), *std::min_element(times.begin(), times.end()),
                *std::max_element(times.begin(), times.end()), result);
    cartera::bench::emitResult(std::string("segment evaluation: ") + what, times);
}

SegmentDefinition parse(const char* json)
{
    auto definition = SegmentDefinition::fromJson(json);
    if (!definition) {
        std::fprintf(stderr, "%s\n", definition.error().describe().c_str());
        std::exit(2);
    }
    return definition.value();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: segment_bench DB [runs] [as-of YYYY-MM-DD] [rfm 0|1]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;
    const Date asOf = argc > 3 ? Date::parseIso(argv[3]).value_or(Date::today()) : Date::today();
    const bool withRfm = argc > 4 && std::string(argv[4]) == "1";
    auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.error().describe().c_str());
        return 1;
    }
    auto& portfolio = *opened.value();
    const storage::SegmentRepository segments(portfolio.database());
    std::printf("as of %s, %d runs\n", asOf.toIso().c_str(), runs);

    CustomerFilter reference;
    reference.country = "FR";
    reference.channel = SalesChannel::Retail;
    time("reference: customer list count, country FR + channel retail", runs,
         [&] { return portfolio.customers().count(reference); });

    struct Case {
        const char* name;
        const char* json;
    };
    const Case cases[] = {
        {"FR, retail, revenue 12 months > 0, ABC class A (typical)",
         R"({"version":1,"rules":[{"field":"country","op":"equals","value":"FR"},{"field":"channel","op":"equals","value":"retail"},
            {"field":"revenue","op":">","value":0,"period":{"last_months":12}},{"field":"abc_class","op":"equals","value":"A"}]})"},
        {"FR, retail, last order <= 90 days, ABC class A (demo segment)",
         R"({"version":1,"rules":[{"field":"country","op":"equals","value":"FR"},{"field":"channel","op":"equals","value":"retail"},
            {"field":"days_since_last_order","op":"<=","value":90},{"field":"abc_class","op":"equals","value":"A"}]})"},
        {"country FR only",
         R"({"version":1,"rules":[{"field":"country","op":"equals","value":"FR"}]})"},
        {"revenue 12 months > 10,000.00 (whole portfolio)",
         R"({"version":1,"rules":[{"field":"revenue","op":">","value":1000000,"period":{"last_months":12}}]})"},
        {"days since last order > 365 (whole portfolio)",
         R"({"version":1,"rules":[{"field":"days_since_last_order","op":">","value":365}]})"},
        {"ABC class A (whole portfolio)",
         R"({"version":1,"rules":[{"field":"abc_class","op":"equals","value":"A"}]})"},
        {"bought Furniture, not IT hardware, 12 months",
         R"({"version":1,"rules":[{"field":"category_bought","op":"equals","value":"Furniture"},
            {"field":"category_bought","op":"not_equals","value":"IT hardware"}]})"},
        {"A and any(last order > 60 days, satisfaction < 50) (key accounts at risk)",
         R"({"version":1,"rules":[{"field":"abc_class","op":"equals","value":"A"},{"match":"any","rules":[
            {"field":"days_since_last_order","op":">","value":60},{"field":"satisfaction","op":"<","value":50}]}]})"},
    };
    std::vector<std::pair<std::string, SegmentId>> saved;
    for (const auto& c : cases) {
        const auto definition = parse(c.json);
        time(c.name, runs, [&] { return segments.count(definition, asOf); });
    }

    // The customer list filtered by a saved segment: its count and its first page by name.
    storage::SegmentRepository writable(portfolio.database());
    storage::SegmentRecord record{0, "segment_bench typical", SegmentKind::Rule, parse(cases[0].json).toJson(), asOf,
                                  asOf};
    if (const auto old = writable.findByName(record.name)) {
        writable.remove(old->id);
    }
    writable.insert(record);
    CustomerFilter filter;
    filter.segmentId = record.id;
    filter.segmentAsOf = asOf;
    time("customer list count, segment filter (typical)", runs, [&] { return portfolio.customers().count(filter); });
    time("customer list first page of 100 by name, segment filter (typical)", runs,
         [&] { return portfolio.customers().list(filter, CustomerSort{}, 0, 100).size(); });
    time("customer list page of 100 at offset 1,000 by name, segment filter (typical)", runs,
         [&] { return portfolio.customers().list(filter, CustomerSort{}, 1000, 100).size(); });
    writable.remove(record.id);

    if (withRfm) {
        const auto period = MonthRange::twelveMonthsEndingWith(asOf);
        const storage::RfmRepository rfm(portfolio.database());
        time("RFM read: facts of the 12 months (customer_month + last order date)", std::min(runs, 3),
             [&] { return rfm.facts(period, asOf).size(); });
        const auto facts = rfm.facts(period, asOf);
        time("RFM score: quintiles and cells in memory", std::min(runs, 3), [&] { return scoreRfm(facts).size(); });
        time("RFM lapsed customers (ordered before the period only)", std::min(runs, 3),
             [&] { return rfm.lapsed(period).size(); });
        services::RfmService service(portfolio);
        const auto result = service.run(period, asOf);
        time("RFM save: 11 static lists refilled in one transaction", 1,
             [&] { return service.saveAsSegments(result.value(), asOf).ok() ? result.value().scores.size() : 0; });
    }
    return 0;
}
