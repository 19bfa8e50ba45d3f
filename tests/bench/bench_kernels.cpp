// Micro-kernels, with Google Benchmark: the in-memory cores of the reports, without the database.
//  - ClassifyAbc: rank and classify N customers' values (a Pareto spread, a third without sales,
//    codes in id order as read from the database)
//  - ReclassifyAbc: other thresholds on an already ranked result (what the ABC view does on edit)
// The suite (tests/bench/suite.py) runs it with --benchmark_format=json.
#include "domain/abc.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

using namespace cartera::domain;

namespace {

std::vector<AbcInput> paretoValues(std::int64_t count)
{
    std::vector<AbcInput> values;
    values.reserve(static_cast<std::size_t>(count));
    std::uint64_t state = 42;
    for (std::int64_t i = 1; i <= count; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const double u = static_cast<double>(state >> 11) / 9007199254740992.0;
        AbcInput input;
        input.customerId = i;
        char code[24];
        std::snprintf(code, sizeof code, "C%07lld", static_cast<long long>(i));
        input.code = code;
        // One in three without sales; the rest on a Pareto curve of minor units.
        input.value = (state >> 7) % 3 == 0 ? 0 : static_cast<std::int64_t>(100000.0 / std::pow(1.0 - u * 0.999, 1.2));
        values.push_back(std::move(input));
    }
    return values;
}

void ClassifyAbc(benchmark::State& state)
{
    const auto values = paretoValues(state.range(0));
    for (auto _ : state) {
        state.PauseTiming();
        auto copy = values;
        state.ResumeTiming();
        auto result = classifyAbc(std::move(copy), AbcThresholds{});
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void ReclassifyAbc(benchmark::State& state)
{
    auto result = classifyAbc(paretoValues(state.range(0)), AbcThresholds{}).value();
    const auto other = AbcThresholds::parse("70,20,7.5,2.5").value();
    bool flip = false;
    for (auto _ : state) {
        applyThresholds(result, flip ? AbcThresholds{} : other);
        flip = !flip;
        benchmark::DoNotOptimize(result.summary);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

} // namespace

BENCHMARK(ClassifyAbc)->Arg(2000)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(ReclassifyAbc)->Arg(2000)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
