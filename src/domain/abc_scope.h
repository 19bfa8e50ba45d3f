#pragma once

#include "domain/customer.h"
#include "domain/error.h"

#include <optional>
#include <string>
#include <string_view>

namespace cartera::domain {

/// Which customers an ABC classification covers: the whole portfolio, or those of a country,
/// a sales channel and/or an owner rep (the filters combine). Archived accounts are left out
/// unless asked for.
struct AbcScope final {
    std::string country;  ///< ISO alpha-2, empty = any
    std::optional<SalesChannel> channel;
    std::optional<RepId> ownerRepId;
    bool includeArchived = false;

    [[nodiscard]] bool wholePortfolio() const { return country.empty() && !channel && !ownerRepId; }

    friend bool operator==(const AbcScope&, const AbcScope&) = default;
};

/// The scope as a JSON object, as snapshots store it: {"country":"FR","channel":"direct",
/// "owner_rep_id":3,"include_archived":false}; filters that do not apply are left out.
std::string abcScopeToJson(const AbcScope& scope);
/// Reads what abcScopeToJson wrote; an Error naming the key for anything else.
Result<AbcScope> abcScopeFromJson(std::string_view json);

} // namespace cartera::domain
