#include "domain/money.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

TEST(Money, lineAmountAppliesDiscountAndRoundsHalfUp)
{
    EXPECT_EQ(lineAmount(3, 1999, 0), 5997);
    EXPECT_EQ(lineAmount(1, 1000, 2500), 750);
    // 1 x 0.05 EUR at 50 %: 2.5 cents rounds half away from zero to 3.
    EXPECT_EQ(lineAmount(1, 5, 5000), 3);
}
