#pragma once

#include "domain/customer.h"

#include <optional>
#include <string>

namespace cartera::domain {

/// Columns a customer list can be sorted by. Storage maps each to a fixed SQL expression;
/// user text never reaches ORDER BY.
enum class CustomerSortKey {
    Code,
    Name,
    City,
    Country,
    Channel,
    Owner,
    Kind,
    Industry,
    Status,
    Count
};

/// The criteria of a customer list: the search text and the attribute filters combine (AND).
/// Shared by the GUI list and the CLI so both show the same customers.
struct CustomerFilter final {
    std::string search;  ///< words matched as prefixes over name, code, city, email, contacts
    std::optional<CustomerKind> kind;
    std::optional<CustomerStatus> status;
    std::optional<SalesChannel> channel;
    std::optional<SizeBand> sizeBand;
    std::optional<RepId> ownerRepId;
    std::string country;   ///< empty = any
    std::string region;
    std::string industry;
    bool includeArchived = false;  ///< archived accounts are hidden unless asked for
    /// Only the members of this saved segment (a rule evaluated on segmentAsOf, or a static list).
    std::optional<std::int64_t> segmentId;
    /// The day a rule segment's behaviour conditions count to ("last 12 months", "days since
    /// the last order"); today when not set.
    std::optional<Date> segmentAsOf;

    friend bool operator==(const CustomerFilter&, const CustomerFilter&) = default;
};

struct CustomerSort final {
    CustomerSortKey key = CustomerSortKey::Name;
    bool descending = false;

    friend bool operator==(const CustomerSort&, const CustomerSort&) = default;
};

} // namespace cartera::domain
