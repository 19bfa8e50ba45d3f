#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace cartera::domain {

/// A fixed table from enumerators to the stable text codes stored in SQLite and written by
/// exports. Codes never change once released; labels for people live in the app and CLI.
template <typename Enum, std::size_t N>
struct EnumCodes final {
    std::array<std::pair<Enum, std::string_view>, N> entries;

    [[nodiscard]] constexpr std::string_view code(Enum value) const
    {
        for (const auto& [e, c] : entries) {
            if (e == value) {
                return c;
            }
        }
        return {};
    }

    [[nodiscard]] constexpr std::optional<Enum> parse(std::string_view text) const
    {
        for (const auto& [e, c] : entries) {
            if (c == text) {
                return e;
            }
        }
        return std::nullopt;
    }
};

} // namespace cartera::domain
