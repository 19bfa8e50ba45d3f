#include "domain/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

using namespace cartera::domain;

namespace {

const CurrencyCode kEur{};
const CurrencyCode kJpy = *CurrencyCode::parse("JPY");

/// The minor units parsed from text in euros, or a sentinel that no test expects.
std::int64_t eurMinor(const std::string& text)
{
    const auto money = Money::parseDecimal(text, kEur);
    return money ? money->minor : std::numeric_limits<std::int64_t>::min();
}

} // namespace

TEST(Money, lineAmountAppliesDiscountAndRoundsHalfUp)
{
    EXPECT_EQ(lineAmount(3, 1999, 0), 5997);
    EXPECT_EQ(lineAmount(1, 1000, 2500), 750);
    // 1 x 0.05 EUR at 50 %: 2.5 cents rounds half away from zero to 3.
    EXPECT_EQ(lineAmount(1, 5, 5000), 3);
}

TEST(Money, lineAmountRoundsBelowHalfDownAndAboveHalfUp)
{
    // 1 x 0.07 at 10 %: 6.3 cents -> 6; at 5 %: 6.65 cents -> 7.
    EXPECT_EQ(lineAmount(1, 7, 1000), 6);
    EXPECT_EQ(lineAmount(1, 7, 500), 7);
    // 3 x 0.33 at 2.5 %: 96.525 cents -> 97.
    EXPECT_EQ(lineAmount(3, 33, 250), 97);
}

TEST(Money, lineAmountRoundsNegativeHalvesAwayFromZero)
{
    // A credit line: -1 x 0.05 at 50 % is -2.5 cents, rounded to -3 (not -2).
    EXPECT_EQ(lineAmount(-1, 5, 5000), -3);
    EXPECT_EQ(lineAmount(-1, 7, 1000), -6);
}

TEST(Money, lineAmountOfFullDiscountIsZero)
{
    EXPECT_EQ(lineAmount(12, 99999, 10000), 0);
}

TEST(Money, lineAmountHandlesValuesWhoseProductPassesInt64)
{
    // quantity * price * 10000 is about 1e22 here, far past 2^63; the result still fits.
    EXPECT_EQ(lineAmount(1'000'000, 1'000'000'000'000, 0), 1'000'000'000'000'000'000);
    EXPECT_EQ(lineAmount(1'000'000, 1'000'000'000'000, 2500), 750'000'000'000'000'000);
    // 1234567 x 98765432.10 EUR less 3.33 %: 12193254321140070 cents gross, * 9667 = 1.18e20 (past 2^63),
    // / 10000 = 11787218952246105.669 -> 11787218952246106.
    EXPECT_EQ(lineAmount(1'234'567, 9'876'543'210, 333), 11'787'218'952'246'106);
}

TEST(Money, parseDecimalReadsWholeAndFractionalAmounts)
{
    EXPECT_EQ(eurMinor("1234.5"), 123450);
    EXPECT_EQ(eurMinor("1234.50"), 123450);
    EXPECT_EQ(eurMinor("-12"), -1200);
    EXPECT_EQ(eurMinor("0.07"), 7);
    EXPECT_EQ(eurMinor("+3.10"), 310);
    EXPECT_EQ(eurMinor("0"), 0);
    EXPECT_EQ(eurMinor("-0.01"), -1);
    EXPECT_EQ(Money::parseDecimal("5", kEur)->currency, kEur);
}

TEST(Money, parseDecimalRejectsTextThatIsNotANumber)
{
    for (const char* bad : {"", "-", "+", ".", "-.", "abc", "12a", "1.2.3", "1,50", " 12", "12 ", "1e3", "--1", "0x10",
                            "12.-5", "€12"}) {
        EXPECT_FALSE(Money::parseDecimal(bad, kEur).has_value()) << "accepted '" << bad << "'";
    }
}

TEST(Money, parseDecimalRejectsMoreDecimalsThanTheCurrencyHas)
{
    EXPECT_FALSE(Money::parseDecimal("1.234", kEur).has_value());
    EXPECT_FALSE(Money::parseDecimal("0.001", kEur).has_value());
    EXPECT_FALSE(Money::parseDecimal("12.5", kJpy).has_value());
    ASSERT_TRUE(Money::parseDecimal("1250", kJpy).has_value());
    EXPECT_EQ(Money::parseDecimal("1250", kJpy)->minor, 1250);
}

TEST(Money, parseDecimalRejectsAmountsTooLargeForInt64WithoutOverflowing)
{
    // INT64_MAX is 92233720368547758.07 EUR. Larger amounts must be refused, not wrap around
    // (a signed overflow is undefined behaviour; the sanitizer build aborts on it).
    EXPECT_FALSE(Money::parseDecimal("92233720368547759", kEur).has_value());
    EXPECT_FALSE(Money::parseDecimal("99999999999999999", kEur).has_value());
    EXPECT_FALSE(Money::parseDecimal("92233720368547758.08", kEur).has_value());
    EXPECT_FALSE(Money::parseDecimal("123456789012345678901234567890", kEur).has_value());
    EXPECT_FALSE(Money::parseDecimal("9223372036854775808", kJpy).has_value());
    EXPECT_EQ(eurMinor("92233720368547758.07"), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(eurMinor("-92233720368547758.07"), -std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(Money::parseDecimal("-92233720368547758.08", kEur)->minor, std::numeric_limits<std::int64_t>::min());
    EXPECT_FALSE(Money::parseDecimal("-92233720368547758.09", kEur).has_value());
    EXPECT_EQ(Money::parseDecimal("9223372036854775807", kJpy)->minor, std::numeric_limits<std::int64_t>::max());
}

TEST(Money, toDecimalStringWritesTwoDecimalsWithoutGrouping)
{
    EXPECT_EQ((Money{123450, kEur}.toDecimalString()), "1234.50");
    EXPECT_EQ((Money{7, kEur}.toDecimalString()), "0.07");
    EXPECT_EQ((Money{0, kEur}.toDecimalString()), "0.00");
    EXPECT_EQ((Money{100000000, kEur}.toDecimalString()), "1000000.00");
}

TEST(Money, toDecimalStringWritesNegativeAmountsWithALeadingMinus)
{
    EXPECT_EQ((Money{-1, kEur}.toDecimalString()), "-0.01");
    EXPECT_EQ((Money{-99, kEur}.toDecimalString()), "-0.99");
    EXPECT_EQ((Money{-123450, kEur}.toDecimalString()), "-1234.50");
    EXPECT_EQ((Money{std::numeric_limits<std::int64_t>::min(), kEur}.toDecimalString()), "-92233720368547758.08");
    EXPECT_EQ((Money{std::numeric_limits<std::int64_t>::max(), kEur}.toDecimalString()), "92233720368547758.07");
}

TEST(Money, toDecimalStringWritesCurrenciesWithoutCentsAsWholeNumbers)
{
    EXPECT_EQ((Money{1250, kJpy}.toDecimalString()), "1250");
    EXPECT_EQ((Money{-3, kJpy}.toDecimalString()), "-3");
}

TEST(Money, toDecimalStringAndParseDecimalRoundTrip)
{
    for (const std::int64_t minor : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{10},
                                     std::int64_t{-105}, std::int64_t{123456789}, std::int64_t{-987654321012},
                                     std::numeric_limits<std::int64_t>::max(),
                                     std::numeric_limits<std::int64_t>::min()}) {
        const Money money{minor, kEur};
        const auto parsed = Money::parseDecimal(money.toDecimalString(), kEur);
        ASSERT_TRUE(parsed.has_value()) << money.toDecimalString();
        EXPECT_EQ(*parsed, money);
    }
}
