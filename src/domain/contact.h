#pragma once

#include "domain/customer.h"

#include <string>

namespace cartera::domain {

using ContactId = std::int64_t;

/// A person at an account.
struct Contact final {
    ContactId id = 0;
    CustomerId customerId = 0;
    std::string firstName;
    std::string lastName;
    std::string jobTitle;
    std::string email;
    std::string phone;
    bool primary = false;  ///< the account's main contact

    [[nodiscard]] std::string fullName() const
    {
        if (firstName.empty()) {
            return lastName;
        }
        return lastName.empty() ? firstName : firstName + " " + lastName;
    }

    friend bool operator==(const Contact&, const Contact&) = default;
};

} // namespace cartera::domain
