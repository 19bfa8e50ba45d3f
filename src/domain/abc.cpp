#include "domain/abc.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <exception>
#include <thread>
#include <utility>
#include <limits>

namespace cartera::domain {

namespace {

// Products of a value (up to 2^63) and a share or a power of ten need more than 64 bits.
__extension__ using Int128 = __int128;

/// Ranking order: highest value first, then ascending code, then id so that even duplicate
/// codes (which the schema forbids) give one order.
bool rankedBefore(const AbcInput& a, const AbcInput& b)
{
    if (a.value != b.value) {
        return a.value > b.value;
    }
    const int byCode = a.code.compare(b.code);
    return byCode != 0 ? byCode < 0 : a.customerId < b.customerId;
}

/// The least cumulative value at which class classIndex is full: a customer whose cumulative
/// value before it is below this is in the class (or an earlier one). With c integer,
/// c < ceil(share * total / 10000) exactly when c * 10000 < share * total.
std::int64_t classEnd(const AbcThresholds& thresholds, int classIndex, std::int64_t total)
{
    const Int128 scaled = Int128{thresholds.cumulativeShare(classIndex)} * total;
    return static_cast<std::int64_t>((scaled + AbcThresholds::kWhole - 1) / AbcThresholds::kWhole);
}

} // namespace

std::int64_t AbcResult::apartValue() const
{
    Int128 sum = 0;
    for (const auto& input : apart) {
        sum += input.value;
    }
    return sum < std::numeric_limits<std::int64_t>::min() ? std::numeric_limits<std::int64_t>::min()
                                                          : static_cast<std::int64_t>(sum);
}

namespace {

/// Below this many customers a second thread costs more than it saves.
constexpr std::size_t kApartInParallelFrom = 50'000;

/// What ranking sorts: a value and the position of its input.
struct RankKey final {
    std::int64_t value;
    std::uint32_t index;
};

/// Sorts keys by value, highest first, keeping the order of equal values (a stable LSD radix
/// sort, one pass per byte in which the values differ: two to five passes for money amounts).
/// Three to five times faster than a comparison sort of the 600,000 keys of a large portfolio.
void sortByValueDescending(std::vector<RankKey>& keys)
{
    // Highest first in unsigned byte order: flip the sign bit (signed to unsigned order), then
    // every bit (ascending to descending).
    const auto radixKey = [](std::int64_t value) {
        return ~(static_cast<std::uint64_t>(value) ^ (std::uint64_t{1} << 63));
    };
    constexpr int kBytes = 8;
    std::array<std::array<std::uint32_t, 256>, kBytes> counts{};
    for (const RankKey& key : keys) {
        const std::uint64_t bits = radixKey(key.value);
        for (int byte = 0; byte < kBytes; ++byte) {
            ++counts[static_cast<std::size_t>(byte)][(bits >> (8 * byte)) & 0xFF];
        }
    }
    std::vector<RankKey> buffer(keys.size());
    for (int byte = 0; byte < kBytes; ++byte) {
        auto& count = counts[static_cast<std::size_t>(byte)];
        if (std::find(count.begin(), count.end(), keys.size()) != count.end()) {
            continue;  // every value has the same byte here: this pass would change nothing
        }
        std::uint32_t offset = 0;
        for (auto& bucket : count) {
            offset += std::exchange(bucket, offset);
        }
        for (const RankKey& key : keys) {
            buffer[count[(radixKey(key.value) >> (8 * byte)) & 0xFF]++] = key;
        }
        keys.swap(buffer);
    }
}

/// Ranks the keys: highest value first, equal values by code, then id (rankedBefore). The radix
/// sort keeps equal values in input order; inputs read in id order are usually in code order too,
/// so a run of equal values is only sorted by code when it is not in code order already.
void rankKeys(std::vector<RankKey>& keys, const std::vector<AbcInput>& values)
{
    sortByValueDescending(keys);
    const auto byCode = [&](const RankKey& a, const RankKey& b) { return rankedBefore(values[a.index], values[b.index]); };
    for (auto run = keys.begin(); run != keys.end();) {
        const auto end = std::find_if(run, keys.end(), [&](const RankKey& key) { return key.value != run->value; });
        if (!std::is_sorted(run, end, byCode)) {
            std::sort(run, end, byCode);
        }
        run = end;
    }
}

} // namespace

Result<AbcResult> classifyAbc(std::vector<AbcInput> values, const AbcThresholds& thresholds)
{
    if (values.size() > std::numeric_limits<std::uint32_t>::max()) {
        return Error{ErrorCode::InvalidInput, "too many customers to classify at once", "abc"};
    }
    AbcResult result;
    std::vector<RankKey> keys;
    std::vector<RankKey> apartKeys;
    keys.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        (values[i].value > 0 ? keys : apartKeys).push_back({values[i].value, static_cast<std::uint32_t>(i)});
    }
    // Those listed apart are ranked and moved on another thread while this one ranks and builds
    // the classified entries (on two cores, 40 ms less at 1,000,000 customers): the two touch
    // disjoint inputs, and the result's apart list only.
    std::exception_ptr apartFailure;
    const auto listApart = [&] {
        try {
            rankKeys(apartKeys, values);
            result.apart.reserve(apartKeys.size());
            for (const RankKey& key : apartKeys) {
                result.apart.push_back(std::move(values[key.index]));
            }
        } catch (...) {
            apartFailure = std::current_exception();
        }
    };
    std::thread apartWorker;
    if (values.size() >= kApartInParallelFrom) {
        apartWorker = std::thread(listApart);
    } else {
        listApart();
    }
    const auto joinApart = [&] {
        if (apartWorker.joinable()) {
            apartWorker.join();
        }
        if (apartFailure) {
            std::rethrow_exception(apartFailure);
        }
    };

    try {
        rankKeys(keys, values);
        result.entries.reserve(keys.size());
    } catch (...) {
        joinApart();
        throw;
    }
    std::int64_t cumulative = 0;
    for (std::size_t rank = 0; rank < keys.size(); ++rank) {
        AbcInput& input = values[keys[rank].index];
        if (__builtin_add_overflow(cumulative, input.value, &cumulative)) {
            joinApart();
            return Error{ErrorCode::InvalidInput, "the total of the values is too large to classify", "abc"};
        }
        AbcEntry& entry = result.entries.emplace_back();
        entry.customerId = input.customerId;
        entry.code = std::move(input.code);
        entry.name = std::move(input.name);
        entry.value = input.value;
        entry.rank = static_cast<std::int64_t>(rank) + 1;
        entry.cumulativeValue = cumulative;
    }
    joinApart();
    result.total = cumulative;
    applyThresholds(result, thresholds);
    return result;
}

void applyThresholds(AbcResult& result, const AbcThresholds& thresholds)
{
    result.thresholds = thresholds;
    const int classes = thresholds.classCount();
    std::vector<std::int64_t> ends(static_cast<std::size_t>(classes));
    for (int i = 0; i < classes; ++i) {
        ends[static_cast<std::size_t>(i)] = classEnd(thresholds, i, result.total);
    }
    result.summary.assign(static_cast<std::size_t>(classes), AbcClassSummary{});
    for (int i = 0; i < classes; ++i) {
        result.summary[static_cast<std::size_t>(i)].abcClass = abcClassAt(i);
        result.summary[static_cast<std::size_t>(i)].thresholdBasisPoints = thresholds.share(i);
    }
    // Cumulative values only grow along the ranking, so the class index only moves forward.
    // The last class takes whatever remains.
    int current = 0;
    for (auto& entry : result.entries) {
        while (current < classes - 1 && entry.cumulativeBefore() >= ends[static_cast<std::size_t>(current)]) {
            ++current;
        }
        entry.abcClass = abcClassAt(current);
        auto& summary = result.summary[static_cast<std::size_t>(current)];
        ++summary.customers;
        summary.value += entry.value;
    }
}

std::int64_t scaledPercent(std::int64_t part, std::int64_t whole, int decimals)
{
    if (whole <= 0) {
        return 0;
    }
    Int128 scale = 100;
    for (int i = 0; i < decimals; ++i) {
        scale *= 10;
    }
    const Int128 numerator = Int128{part} * scale;
    const Int128 magnitude = numerator < 0 ? -numerator : numerator;
    const Int128 rounded = (magnitude + whole / 2) / whole;  // half up, away from zero
    return static_cast<std::int64_t>(numerator < 0 ? -rounded : rounded);
}

double shareOf(std::int64_t part, std::int64_t whole)
{
    return whole <= 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

} // namespace cartera::domain
