#pragma once

#include "domain/abc.h"
#include "domain/abc_scope.h"
#include "domain/abc_thresholds.h"
#include "domain/date.h"
#include "domain/month_range.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cartera::domain {

using AbcSnapshotId = std::int64_t;

/// What a saved classification was made of, without its customers.
struct AbcSnapshotInfo final {
    AbcSnapshotId id = 0;  ///< 0 until saved
    std::string name;
    Date createdOn;
    AbcCriterion criterion = AbcCriterion::Revenue;
    MonthRange period;
    AbcScope scope;
    AbcThresholds thresholds;
    std::int64_t classified = 0;  ///< customers with a class
    std::int64_t apart = 0;       ///< customers listed apart (value 0 or below)

    friend bool operator==(const AbcSnapshotInfo&, const AbcSnapshotInfo&) = default;
};

/// One customer of a snapshot: its class, or none when it was listed apart.
struct AbcSnapshotEntry final {
    CustomerId customerId = 0;
    std::optional<AbcClass> abcClass;  ///< nullopt: listed apart
    std::int64_t value = 0;
    std::int64_t rank = 0;  ///< 1 for the highest value; 0 when listed apart

    friend bool operator==(const AbcSnapshotEntry&, const AbcSnapshotEntry&) = default;
};

/// A classification as it stood on a date, kept to compare with later ones.
struct AbcSnapshot final {
    AbcSnapshotInfo info;
    std::vector<AbcSnapshotEntry> entries;  ///< classified by rank, then those listed apart
};

/// The entries a snapshot of result keeps: every classified customer, then those listed apart.
std::vector<AbcSnapshotEntry> snapshotEntries(const AbcResult& result);

} // namespace cartera::domain
