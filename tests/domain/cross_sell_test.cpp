#include "domain/cross_sell.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

namespace {

/// Categories 1 (tools), 2 (paint), 3 (safety), 4 (garden). The customer buys tools only.
/// Eight peers of its industry (a year's baskets: category -> orders, revenue = orders x 100):
///   p1..p5 buy tools; p1, p2, p3, p4 also paint; p1, p2 also safety; p5 garden
///   p6, p7, p8 buy garden only (no tools: not co-purchasers)
std::map<CustomerId, CategoryBasket> peers()
{
    const auto basket = [](std::initializer_list<std::pair<std::int64_t, std::int64_t>> items) {
        CategoryBasket b;
        for (const auto& [category, orders] : items) {
            b[category] = CategoryPurchase{orders * 100, orders};
        }
        return b;
    };
    return {{11, basket({{1, 4}, {2, 12}, {3, 1}})}, {12, basket({{1, 2}, {2, 10}, {3, 3}})},
            {13, basket({{1, 6}, {2, 14}})},          {14, basket({{1, 1}, {2, 12}})},
            {15, basket({{1, 3}, {4, 2}})},           {16, basket({{4, 5}})},
            {17, basket({{4, 5}})},                   {18, basket({{4, 5}})}};
}

CategoryBasket target()
{
    return {{1, CategoryPurchase{500, 5}}};
}

} // namespace

TEST(CrossSellTest, suggestsWhatCoPurchasersBuyMostWithItsEvidence)
{
    // Co-purchasers: p1..p5 (5, the minimum). Paint: 4 of 5 (80 %), 48 orders / 4 buyers = 12 a
    // year, 1,200.00 a buyer; safety: 2 of 5 (40 %), 2 a year; garden: 1 of 5 (20 %).
    const auto suggestions = recommendCategories(target(), peers());
    ASSERT_EQ(suggestions.size(), 3u);
    EXPECT_EQ(suggestions[0].categoryId, 2);
    EXPECT_EQ(suggestions[0].buyers, 4);
    EXPECT_EQ(suggestions[0].similar, 5);
    EXPECT_EQ(suggestions[0].shareBp(), 8000);
    EXPECT_EQ(suggestions[0].ordersPerYearX10, 120);
    EXPECT_EQ(suggestions[0].revenuePerBuyer, 1200);
    EXPECT_TRUE(suggestions[0].coPurchase);
    EXPECT_EQ(suggestions[1].categoryId, 3);
    EXPECT_EQ(suggestions[1].shareBp(), 4000);
    EXPECT_EQ(suggestions[1].ordersPerYearX10, 20);
    EXPECT_EQ(suggestions[2].categoryId, 4);
    EXPECT_EQ(suggestions[2].shareBp(), 2000);
}

TEST(CrossSellTest, whatTheCustomerAlreadyBuysIsNeverSuggested)
{
    CategoryBasket both = target();
    both[2] = CategoryPurchase{100, 1};
    for (const auto& s : recommendCategories(both, peers())) {
        EXPECT_NE(s.categoryId, 1);
        EXPECT_NE(s.categoryId, 2);
    }
}

TEST(CrossSellTest, tooFewCoPurchasersFallsBackToTheWholeIndustry)
{
    // With 6 required, the 5 co-purchasers are too few: all 8 peers compare. Garden: 4 of 8.
    CrossSellRules rules;
    rules.minimumSimilar = 6;
    const auto suggestions = recommendCategories(target(), peers(), rules);
    ASSERT_FALSE(suggestions.empty());
    EXPECT_FALSE(suggestions[0].coPurchase);
    EXPECT_EQ(suggestions[0].similar, 8);
    EXPECT_EQ(suggestions[0].categoryId, 2);  // 4 of 8, more orders than garden's 4 of 8
    EXPECT_EQ(suggestions[1].categoryId, 4);
    EXPECT_EQ(suggestions[1].shareBp(), 5000);
}

TEST(CrossSellTest, theThresholdAndTheLimitApply)
{
    CrossSellRules rules;
    rules.minimumShareBp = 4001;
    EXPECT_EQ(recommendCategories(target(), peers(), rules).size(), 1u);
    rules.minimumShareBp = 0;
    rules.limit = 2;
    EXPECT_EQ(recommendCategories(target(), peers(), rules).size(), 2u);
    EXPECT_TRUE(recommendCategories(target(), {}).empty());
}
