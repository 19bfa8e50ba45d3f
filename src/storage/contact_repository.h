#pragma once

#include "domain/contact.h"
#include "domain/contact_filter.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cartera::storage {

class Database;

/// One row of a contact list: the contact with its account's code and name, without loading
/// whole records.
struct ContactListRow final {
    domain::ContactId id = 0;
    domain::CustomerId customerId = 0;
    std::string customerCode;
    std::string customerName;
    std::string firstName;
    std::string lastName;
    std::string jobTitle;
    std::string email;
    std::string phone;
    bool primary = false;

    friend bool operator==(const ContactListRow&, const ContactListRow&) = default;
};

/// A search's listed contacts (at most ContactRepository::kSearchListLimit) in sort order.
struct ContactSearchResult final {
    std::vector<ContactListRow> rows;
    bool more = false;  ///< more contacts match than are listed
};

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

    /// A search lists at most this many contacts (see list()).
    static constexpr std::int64_t kSearchListLimit = 2000;

    /// The number of contacts matching filter. A broad search is slow to count in full ("mar"
    /// matches 270,000 of 1.9 million contacts: about half a second); see countUpTo().
    [[nodiscard]] std::int64_t count(const domain::ContactFilter& filter) const;
    /// count(filter), but never more than atMost, and only as slow as counting atMost matches:
    /// "more than kSearchListLimit?" is answered quickly for any search.
    [[nodiscard]] std::int64_t countUpTo(const domain::ContactFilter& filter, std::int64_t atMost) const;
    /// The contacts matching filter in sort order, from offset, at most limit rows.
    /// A search (filter.search not blank) lists its first kSearchListLimit matches in the order
    /// the full-text index finds their accounts (oldest account first), sorted; when it has
    /// fewer matches, that is all of them. Sorting every match of a broad search takes a second
    /// where one keystroke has 50 ms, and a broad search is narrowed by typing more.
    [[nodiscard]] std::vector<ContactListRow> list(const domain::ContactFilter& filter, domain::ContactSort sort,
                                                   std::int64_t offset, int limit) const;
    /// What a search lists (list() of every row), and whether more contacts match, in one pass
    /// over the matches: what the Contacts view shows after a keystroke.
    [[nodiscard]] ContactSearchResult search(const domain::ContactFilter& filter, domain::ContactSort sort) const;

private:
    [[nodiscard]] std::int64_t countMatches(const domain::ContactFilter& filter,
                                            std::optional<std::int64_t> atMost) const;

    const Database& m_db;
    /// The last filter counted (filter, matches counted, whether that was all of them): list()
    /// uses it to choose how to read a rep's book (a plan choice only; a stale figure cannot
    /// change which rows are listed).
    mutable std::optional<std::pair<domain::ContactFilter, std::pair<std::int64_t, bool>>> m_lastCount;
};

} // namespace cartera::storage
