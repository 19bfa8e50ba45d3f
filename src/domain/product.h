#pragma once

#include "domain/money.h"

#include <cstdint>
#include <string>

namespace cartera::domain {

using ProductId = std::int64_t;
using CategoryId = std::int64_t;

struct ProductCategory final {
    CategoryId id = 0;
    std::string name;

    friend bool operator==(const ProductCategory&, const ProductCategory&) = default;
};

/// A catalogue item. Prices and costs are per unit, in the portfolio currency.
struct Product final {
    ProductId id = 0;
    std::string code;
    std::string name;
    CategoryId categoryId = 0;
    Money listPrice;
    Money unitCost;
    bool active = true;

    friend bool operator==(const Product&, const Product&) = default;
};

} // namespace cartera::domain
