#include "domain/cross_sell.h"

#include <algorithm>

namespace cartera::domain {

std::vector<CrossSellSuggestion> recommendCategories(const CategoryBasket& target,
                                                     const std::map<CustomerId, CategoryBasket>& peers,
                                                     const CrossSellRules& rules)
{
    const auto sharesACategory = [&](const CategoryBasket& basket) {
        return std::any_of(basket.begin(), basket.end(),
                           [&](const auto& item) { return target.count(item.first) != 0; });
    };
    std::int64_t coPurchasers = 0;
    for (const auto& [id, basket] : peers) {
        coPurchasers += sharesACategory(basket) ? 1 : 0;
    }
    const bool coPurchase = !target.empty() && coPurchasers >= rules.minimumSimilar;

    std::map<std::int64_t, CrossSellSuggestion> byCategory;
    std::int64_t similar = 0;
    for (const auto& [id, basket] : peers) {
        if (basket.empty() || (coPurchase && !sharesACategory(basket))) {
            continue;
        }
        ++similar;
        for (const auto& [category, purchase] : basket) {
            if (target.count(category) != 0 || purchase.orders <= 0) {
                continue;
            }
            auto& suggestion = byCategory[category];
            suggestion.categoryId = category;
            ++suggestion.buyers;
            suggestion.ordersPerYearX10 += purchase.orders;  // summed for now
            suggestion.revenuePerBuyer += purchase.revenue;
        }
    }
    std::vector<CrossSellSuggestion> suggestions;
    const std::int64_t months = std::max(1, rules.periodMonths);
    for (auto& [category, s] : byCategory) {
        s.similar = similar;
        s.coPurchase = coPurchase;
        // Per buyer and year: orders x 10 x 12 / (buyers x months), rounded half up.
        s.ordersPerYearX10 = (s.ordersPerYearX10 * 240 + s.buyers * months) / (2 * s.buyers * months);
        s.revenuePerBuyer = (s.revenuePerBuyer * 24 + s.buyers * months) / (2 * s.buyers * months);
        if (s.shareBp() >= rules.minimumShareBp) {
            suggestions.push_back(s);
        }
    }
    std::sort(suggestions.begin(), suggestions.end(), [](const auto& a, const auto& b) {
        if (a.buyers != b.buyers) {
            return a.buyers > b.buyers;
        }
        if (a.ordersPerYearX10 != b.ordersPerYearX10) {
            return a.ordersPerYearX10 > b.ordersPerYearX10;
        }
        return a.categoryId < b.categoryId;
    });
    if (suggestions.size() > rules.limit) {
        suggestions.resize(rules.limit);
    }
    return suggestions;
}

} // namespace cartera::domain
