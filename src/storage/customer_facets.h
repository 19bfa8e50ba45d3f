#pragma once

#include <string>
#include <vector>

namespace cartera::storage {

class Database;

/// The values present in the portfolio for the customer list's choice filters (countries,
/// regions of a country, industries), sorted, without empty ones. Each is read by skipping
/// through an index from one value to the next, so it costs a few lookups per distinct value
/// rather than a pass over 1,000,000 customers.
class CustomerFacets final {
public:
    explicit CustomerFacets(const Database& db);

    [[nodiscard]] std::vector<std::string> countries() const;
    [[nodiscard]] std::vector<std::string> regions(const std::string& country) const;
    [[nodiscard]] std::vector<std::string> industries() const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
