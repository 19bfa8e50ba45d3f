#pragma once

#include <cmath>
#include <cstdint>
#include <span>

namespace cartera::services {

/// A small, fast, portable random source (SplitMix64). The standard distributions are
/// implementation-defined, so the demo draws everything through these functions to give the
/// same portfolio for the same seed on every platform.
class DemoRandom final {
public:
    explicit DemoRandom(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    /// Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Uniform integer in [0, n).
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
    /// Uniform integer in [low, high].
    std::int64_t between(std::int64_t low, std::int64_t high)
    {
        return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low + 1)));
    }
    bool chance(double probability) { return unit() < probability; }
    /// Pareto-distributed value >= 1 (shape alpha): most draws small, a few very large.
    double pareto(double alpha) { return 1.0 / std::pow(1.0 - unit(), 1.0 / alpha); }

    template <typename T>
    const T& pick(std::span<const T> items)
    {
        return items[below(items.size())];
    }

    /// Index drawn with the given relative weights.
    std::size_t weighted(std::span<const double> weights)
    {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = unit() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.size() - 1;
    }

private:
    std::uint64_t m_state;
};

} // namespace cartera::services
