#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cartera::domain {

/// ISO 4217 currency code, three upper-case letters (EUR, USD, GBP).
class CurrencyCode final {
public:
    /// Euro: the demo portfolio's and a new database's default.
    CurrencyCode() : m_code{'E', 'U', 'R'} {}

    /// Nullopt unless text is exactly three ASCII letters; lower case is accepted.
    static std::optional<CurrencyCode> parse(std::string_view text);

    [[nodiscard]] std::string str() const { return {m_code.begin(), m_code.end()}; }
    /// Digits after the decimal point (2 for EUR, 0 for JPY).
    [[nodiscard]] int minorDigits() const;

    friend bool operator==(const CurrencyCode&, const CurrencyCode&) = default;

private:
    std::array<char, 3> m_code;
};

/// An amount of money: an integer count of minor units (cents) and its currency.
/// Never a floating point number, so sums are exact.
struct Money final {
    std::int64_t minor = 0;
    CurrencyCode currency;

    friend bool operator==(const Money&, const Money&) = default;

    /// "1234.50" for 123450 EUR cents; no grouping, no currency (the app formats for the locale).
    [[nodiscard]] std::string toDecimalString() const;
    /// Parses "1234.5", "-12", "0.07" into minor units; nullopt on anything else or too many decimals.
    static std::optional<Money> parseDecimal(std::string_view text, CurrencyCode currency);
};

/// quantity * unitPrice less a discount in basis points (1/100 of a percent), rounded half away from zero.
std::int64_t lineAmount(std::int64_t quantity, std::int64_t unitPriceMinor, int discountBasisPoints);

} // namespace cartera::domain
