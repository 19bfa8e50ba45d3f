#pragma once

#include "domain/customer.h"

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

    friend bool operator==(const SalesRep&, const SalesRep&) = default;
};

} // namespace cartera::domain
