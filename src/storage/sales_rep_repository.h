#pragma once

#include "domain/sales_rep.h"

#include <optional>
#include <vector>

namespace cartera::storage {

class Database;

/// Sales reps and managers.
class SalesRepRepository final {
public:
    explicit SalesRepRepository(const Database& db);

    void insert(domain::SalesRep& rep);
    void update(const domain::SalesRep& rep);
    [[nodiscard]] std::optional<domain::SalesRep> find(domain::RepId id) const;
    [[nodiscard]] std::optional<domain::SalesRep> findByCode(const std::string& code) const;
    /// Every rep, ordered by name.
    [[nodiscard]] std::vector<domain::SalesRep> all() const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
