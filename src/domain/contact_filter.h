#pragma once

#include "domain/contact.h"
#include "domain/customer.h"

#include <optional>
#include <string>

namespace cartera::domain {

/// Orders a contact list can take. Storage maps each to a fixed SQL expression; user text never
/// reaches ORDER BY.
enum class ContactSortKey {
    Name,      ///< last name, then first name, ignoring case
    Customer,  ///< the account's name, then the contact's name
    Email,
    Count
};

/// The criteria of a contact list (the people at the accounts); they combine (AND).
struct ContactFilter final {
    /// Words matched as prefixes of the words of the contact's first name, last name and e-mail
    /// address, ignoring case and accents; every word must match.
    std::string search;
    /// Only the contacts at this rep's accounts ("My accounts").
    std::optional<RepId> ownerRepId;
    /// Only the contacts at this account; its contacts are listed even when it is archived.
    std::optional<CustomerId> customerId;
    /// Contacts at archived accounts are hidden unless asked for (or customerId names the account).
    bool includeArchived = false;

    friend bool operator==(const ContactFilter&, const ContactFilter&) = default;
};

struct ContactSort final {
    ContactSortKey key = ContactSortKey::Name;
    bool descending = false;

    friend bool operator==(const ContactSort&, const ContactSort&) = default;
};

} // namespace cartera::domain
