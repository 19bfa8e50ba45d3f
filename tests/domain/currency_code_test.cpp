#include "domain/money.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

TEST(CurrencyCode, defaultsToEuro)
{
    EXPECT_EQ(CurrencyCode{}.str(), "EUR");
    EXPECT_EQ(CurrencyCode{}.minorDigits(), 2);
}

TEST(CurrencyCode, parseAcceptsThreeLettersAndUpperCasesThem)
{
    ASSERT_TRUE(CurrencyCode::parse("USD").has_value());
    EXPECT_EQ(CurrencyCode::parse("USD")->str(), "USD");
    ASSERT_TRUE(CurrencyCode::parse("gbp").has_value());
    EXPECT_EQ(CurrencyCode::parse("gbp")->str(), "GBP");
    EXPECT_EQ(CurrencyCode::parse("eUr"), CurrencyCode{});
}

TEST(CurrencyCode, parseRejectsAnythingButThreeAsciiLetters)
{
    for (const char* bad : {"", "E", "EU", "EURO", "EU1", "E R", " EUR", "EUR ", "12$", "US-", "\xC3\xA9UR", "\xC3\xA9U"}) {
        EXPECT_FALSE(CurrencyCode::parse(bad).has_value()) << "accepted '" << bad << "'";
    }
}

TEST(CurrencyCode, minorDigitsIsZeroForCurrenciesWithoutCents)
{
    EXPECT_EQ(CurrencyCode::parse("JPY")->minorDigits(), 0);
    EXPECT_EQ(CurrencyCode::parse("krw")->minorDigits(), 0);
    EXPECT_EQ(CurrencyCode::parse("USD")->minorDigits(), 2);
    EXPECT_EQ(CurrencyCode::parse("CHF")->minorDigits(), 2);
}

TEST(CurrencyCode, comparesByCode)
{
    EXPECT_EQ(CurrencyCode::parse("usd"), CurrencyCode::parse("USD"));
    EXPECT_NE(CurrencyCode::parse("USD"), CurrencyCode{});
}
