#pragma once

#include "domain/contact.h"

#include <optional>
#include <vector>

namespace cartera::storage {

class Database;

/// Persons at an account; deleted with their account.
class ContactRepository final {
public:
    explicit ContactRepository(const Database& db);

    void insert(domain::Contact& contact);
    void update(const domain::Contact& contact);
    void remove(domain::ContactId id);
    [[nodiscard]] std::optional<domain::Contact> find(domain::ContactId id) const;
    /// The account's contacts, primary first, then by last name.
    [[nodiscard]] std::vector<domain::Contact> forCustomer(domain::CustomerId customerId) const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
