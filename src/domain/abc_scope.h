#pragma once

#include "domain/customer.h"
#include "domain/error.h"

#include <optional>
#include <string>
#include <string_view>

namespace cartera::domain {

/// Which customers an ABC classification covers: the whole portfolio, or those of a country,
/// a sales channel, an owner rep and/or a saved segment (the filters combine). Archived accounts are left out
/// unless asked for.
struct AbcScope final {
    std::string country;  ///< ISO alpha-2, empty = any
    std::optional<SalesChannel> channel;
    std::optional<RepId> ownerRepId;
    /// Only the members of this saved segment (docs/segments.md), evaluated when the ABC runs.
    std::optional<std::int64_t> segmentId;
    /// Only the accounts assigned to this territory or any of its sub-territories (docs/territories.md).
    std::optional<std::int64_t> territoryId;
    bool includeArchived = false;

    [[nodiscard]] bool wholePortfolio() const
    {
        return country.empty() && !channel && !ownerRepId && !segmentId && !territoryId;
    }

    friend bool operator==(const AbcScope&, const AbcScope&) = default;
};

/// The scope as a JSON object, as snapshots store it: {"country":"FR","channel":"direct",
/// "owner_rep_id":3,"segment_id":2,"territory_id":4,"include_archived":false}; filters that do not apply are left out.
std::string abcScopeToJson(const AbcScope& scope);
/// Reads what abcScopeToJson wrote; an Error naming the key for anything else.
Result<AbcScope> abcScopeFromJson(std::string_view json);

} // namespace cartera::domain
