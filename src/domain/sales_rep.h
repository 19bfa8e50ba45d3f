#pragma once

#include "domain/customer.h"

#include <cstdint>
#include <optional>
#include <string>

namespace cartera::domain {

/// A sales representative; managers are reps too, linked by managerId.
struct SalesRep final {
    RepId id = 0;
    std::string code;  ///< unique short code ("R01")
    std::string name;
    std::string email;
    std::optional<RepId> managerId;
    std::string team;
    bool active = true;
    /// What the rep is expected to carry, for coverage and balance (docs/territories.md).
    std::optional<std::int64_t> capacityAccounts;
    std::optional<std::int64_t> capacityRevenue;  ///< minor units per 12 months

    friend bool operator==(const SalesRep&, const SalesRep&) = default;
};

} // namespace cartera::domain
