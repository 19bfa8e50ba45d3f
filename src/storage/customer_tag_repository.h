#pragma once

#include "domain/customer.h"

#include <string>
#include <vector>

namespace cartera::storage {

class Database;

/// Free tags on customers ("key account", "trade fair 2026"), which segment rules can match.
/// Tags compare without regard to case; each is kept as first typed.
class CustomerTagRepository final {
public:
    explicit CustomerTagRepository(const Database& db);

    /// The customer's tags in alphabetical order.
    [[nodiscard]] std::vector<std::string> tagsOf(domain::CustomerId customer) const;
    /// Replaces the customer's tags (blank ones and repeats are dropped), in one transaction.
    void setTags(domain::CustomerId customer, const std::vector<std::string>& tags);
    /// Adds one tag to each customer (those that have it already keep it).
    void addTag(const std::vector<domain::CustomerId>& customers, const std::string& tag);
    /// Every tag in use, alphabetically, each once.
    [[nodiscard]] std::vector<std::string> allTags() const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
