#pragma once

// One measured case, as a line the benchmark suite (tests/bench/suite.py) reads:
//   @bench {"case": "search keystroke, all accounts", "unit": "ms", "samples": [12.1, 9.8, ...]}
// The programs still print their own human-readable lines; the suite ignores those.

#include <cstdio>
#include <string>
#include <vector>

namespace cartera::bench {

/// kind: "latency" when the samples are many small waits a user feels one by one (the suite
/// shows the median and the 95th percentile), "time" for repeated runs of one task (median and
/// range).
inline void emitResult(const std::string& caseName, const std::vector<double>& samplesMs, const char* kind = "time")
{
    std::string line = "@bench {\"case\": \"";
    for (const char c : caseName) {
        if (c == '"' || c == '\\') {
            line += '\\';
        }
        line += c;
    }
    line += "\", \"kind\": \"";
    line += kind;
    line += "\", \"unit\": \"ms\", \"samples\": [";
    for (std::size_t i = 0; i < samplesMs.size(); ++i) {
        char number[32];
        std::snprintf(number, sizeof number, "%s%.3f", i == 0 ? "" : ", ", samplesMs[i]);
        line += number;
    }
    line += "]}";
    std::puts(line.c_str());
    std::fflush(stdout);
}

} // namespace cartera::bench
