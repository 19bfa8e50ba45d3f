#include "domain/money.h"

#include <cctype>
#include <cstdlib>
#include <limits>

namespace cartera::domain {

namespace {
// GCC and Clang both have a 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ using Int128 = __int128;
} // namespace

std::optional<CurrencyCode> CurrencyCode::parse(std::string_view text)
{
    if (text.size() != 3) {
        return std::nullopt;
    }
    CurrencyCode code;
    for (std::size_t i = 0; i < 3; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (!std::isalpha(c) || c > 127) {
            return std::nullopt;
        }
        code.m_code[i] = static_cast<char>(std::toupper(c));
    }
    return code;
}

int CurrencyCode::minorDigits() const
{
    // The few currencies without cents that a European or American portfolio meets.
    static constexpr std::array<std::string_view, 5> noMinor{"JPY", "KRW", "ISK", "CLP", "VND"};
    const std::string_view code(m_code.data(), m_code.size());
    for (auto c : noMinor) {
        if (c == code) {
            return 0;
        }
    }
    return 2;
}

std::string Money::toDecimalString() const
{
    const int digits = currency.minorDigits();
    if (digits == 0) {
        return std::to_string(minor);
    }
    const bool negative = minor < 0;
    // Work on the unsigned magnitude so INT64_MIN does not overflow.
    const std::uint64_t magnitude = negative ? std::uint64_t(0) - static_cast<std::uint64_t>(minor)
                                             : static_cast<std::uint64_t>(minor);
    const std::uint64_t scale = 100;
    std::string cents = std::to_string(magnitude % scale);
    if (cents.size() < 2) {
        cents.insert(0, "0");
    }
    return (negative ? "-" : "") + std::to_string(magnitude / scale) + "." + cents;
}

std::optional<Money> Money::parseDecimal(std::string_view text, CurrencyCode currency)
{
    if (text.empty()) {
        return std::nullopt;
    }
    bool negative = false;
    std::size_t i = 0;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        i = 1;
    }
    const int digits = currency.minorDigits();
    // 128-bit accumulators, bounded digit by digit, so no amount of digits can overflow; the
    // result must then fit in int64 (down to INT64_MIN for a negative amount).
    const Int128 largest = negative ? -static_cast<Int128>(std::numeric_limits<std::int64_t>::min())
                                    : static_cast<Int128>(std::numeric_limits<std::int64_t>::max());
    Int128 units = 0;
    std::int64_t fraction = 0;
    int fractionDigits = 0;
    bool seenPoint = false;
    bool seenDigit = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.') {
            if (seenPoint) {
                return std::nullopt;
            }
            seenPoint = true;
            continue;
        }
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        seenDigit = true;
        if (seenPoint) {
            if (++fractionDigits > digits) {
                return std::nullopt;
            }
            fraction = fraction * 10 + (c - '0');
        } else {
            units = units * 10 + (c - '0');
            if (units > largest) {
                return std::nullopt;
            }
        }
    }
    if (!seenDigit) {
        return std::nullopt;
    }
    for (int d = fractionDigits; d < digits; ++d) {
        fraction *= 10;
    }
    const Int128 scale = digits == 0 ? 1 : 100;
    const Int128 minor = units * scale + fraction;
    if (minor > largest) {
        return std::nullopt;
    }
    return Money{static_cast<std::int64_t>(negative ? -minor : minor), currency};
}

std::int64_t lineAmount(std::int64_t quantity, std::int64_t unitPriceMinor, int discountBasisPoints)
{
    // 128-bit intermediate: quantity * price * 10000 can pass 2^63 for large orders.
    const Int128 gross = static_cast<Int128>(quantity) * unitPriceMinor;
    const Int128 net = gross * (10000 - discountBasisPoints);
    const Int128 half = net >= 0 ? 5000 : -5000;
    return static_cast<std::int64_t>((net + half) / 10000);
}

} // namespace cartera::domain
