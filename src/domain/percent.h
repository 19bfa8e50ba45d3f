#pragma once

#include <optional>
#include <string_view>

namespace cartera::domain {

/// A percentage as typed ("80", "7.5", "0.25": digits, at most three before the point and two
/// after) in basis points (8000, 750, 25); nullopt for anything else. Shared by the ABC
/// thresholds and the tier shares.
inline std::optional<int> parsePercent(std::string_view text)
{
    const auto point = text.find('.');
    const std::string_view whole = text.substr(0, point);
    const std::string_view decimals = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    if (whole.empty() || whole.size() > 3 || decimals.size() > 2 ||
        (point != std::string_view::npos && decimals.empty())) {
        return std::nullopt;
    }
    int value = 0;
    for (const char c : whole) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    int fraction = 0;
    for (std::size_t i = 0; i < 2; ++i) {
        const char c = i < decimals.size() ? decimals[i] : '0';
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        fraction = fraction * 10 + (c - '0');
    }
    return value * 100 + fraction;
}

} // namespace cartera::domain
