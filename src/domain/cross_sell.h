#pragma once

#include "domain/customer.h"

#include <cstdint>
#include <map>
#include <vector>

namespace cartera::domain {

/// What one customer bought of one product category over a period.
struct CategoryPurchase final {
    std::int64_t revenue = 0;  ///< minor units
    std::int64_t orders = 0;   ///< orders with a line of the category
};

/// Category id -> what was bought of it.
using CategoryBasket = std::map<std::int64_t, CategoryPurchase>;

/// A category that similar customers buy and this one does not, with its evidence.
struct CrossSellSuggestion final {
    std::int64_t categoryId = 0;
    std::int64_t buyers = 0;          ///< similar customers buying it
    std::int64_t similar = 0;         ///< similar customers compared
    bool coPurchase = false;          ///< similar = same industry AND sharing a category with the customer
    std::int64_t ordersPerYearX10 = 0;  ///< orders a year per buyer, x 10 (12.5 -> 125)
    std::int64_t revenuePerBuyer = 0;   ///< a year, minor units

    /// buyers / similar in basis points.
    [[nodiscard]] std::int64_t shareBp() const { return similar > 0 ? buyers * 10000 / similar : 0; }
};

struct CrossSellRules final {
    int periodMonths = 12;          ///< the baskets' period, to turn counts into "a year"
    std::int64_t minimumShareBp = 2000;  ///< bought by at least 20 % of the similar customers
    std::int64_t minimumSimilar = 5;     ///< fewer co-purchasers than this: compare with the whole industry
    std::size_t limit = 5;
};

/// The categories the customer (basket target) does not buy that its similar customers (peers:
/// same industry, the customer itself left out) buy, the most widely bought first. Similar means,
/// when at least minimumSimilar of them exist, the peers that buy at least one category the
/// customer buys (co-purchase), otherwise every peer. Ties: more orders, then category id.
std::vector<CrossSellSuggestion> recommendCategories(const CategoryBasket& target,
                                                     const std::map<CustomerId, CategoryBasket>& peers,
                                                     const CrossSellRules& rules = {});

} // namespace cartera::domain
