#pragma once

#include "domain/product.h"

#include <optional>
#include <vector>

namespace cartera::storage {

class Database;

/// The product catalogue and its categories.
class ProductRepository final {
public:
    explicit ProductRepository(const Database& db);

    void insertCategory(domain::ProductCategory& category);
    [[nodiscard]] std::vector<domain::ProductCategory> categories() const;

    void insert(domain::Product& product);
    /// Saves the product's fields. A new category also moves the product's past sales to it in
    /// the figures by category (OrderRepository::refileProductSales), in the same transaction.
    void update(const domain::Product& product);
    [[nodiscard]] std::optional<domain::Product> find(domain::ProductId id) const;
    /// Every product, ordered by code.
    [[nodiscard]] std::vector<domain::Product> all() const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
