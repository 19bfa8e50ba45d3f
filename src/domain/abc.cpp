#include "domain/abc.h"

#include <algorithm>
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
    if (a.code != b.code) {
        return a.code < b.code;
    }
    return a.customerId < b.customerId;
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

Result<AbcResult> classifyAbc(std::vector<AbcInput> values, const AbcThresholds& thresholds)
{
    AbcResult result;
    // Rank small (value, index) keys rather than the inputs with their strings. Codes decide
    // only between equal values, but many values are equal (every customer without sales), so
    // when the inputs already come in code order, as customers read in id order usually do,
    // the index stands in for the code and no string is compared.
    const bool inCodeOrder = std::is_sorted(values.begin(), values.end(), [](const AbcInput& a, const AbcInput& b) {
        return a.code != b.code ? a.code < b.code : a.customerId < b.customerId;
    });
    const auto before = [&](std::uint32_t a, std::uint32_t b) {
        return inCodeOrder ? a < b : rankedBefore(values[a], values[b]);
    };
    struct Key final {
        std::int64_t value;
        std::uint32_t index;
    };
    const auto byRank = [&](const Key& a, const Key& b) {
        return a.value != b.value ? a.value > b.value : before(a.index, b.index);
    };
    std::vector<Key> keys;
    std::vector<Key> apartKeys;
    keys.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        (values[i].value > 0 ? keys : apartKeys).push_back({values[i].value, static_cast<std::uint32_t>(i)});
    }
    std::sort(keys.begin(), keys.end(), byRank);
    std::sort(apartKeys.begin(), apartKeys.end(), byRank);
    result.apart.reserve(apartKeys.size());
    for (const Key& key : apartKeys) {
        result.apart.push_back(std::move(values[key.index]));
    }

    result.entries.resize(keys.size());
    std::int64_t cumulative = 0;
    for (std::size_t rank = 0; rank < keys.size(); ++rank) {
        AbcInput& input = values[keys[rank].index];
        if (__builtin_add_overflow(cumulative, input.value, &cumulative)) {
            return Error{ErrorCode::InvalidInput, "the total of the values is too large to classify", "abc"};
        }
        AbcEntry& entry = result.entries[rank];
        entry.customerId = input.customerId;
        entry.code = std::move(input.code);
        entry.name = std::move(input.name);
        entry.value = input.value;
        entry.rank = static_cast<std::int64_t>(rank) + 1;
        entry.cumulativeValue = cumulative;
    }
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
