#pragma once

#include "domain/customer.h"
#include "domain/error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cartera::domain {

using TerritoryId = std::int64_t;
using TerritoryRuleId = std::int64_t;

/// A sales territory: named, optionally inside a parent (EMEA > France > Île-de-France), worked
/// by an owning rep with optional overlay reps (specialists who also cover its accounts but do not
/// own them). Which accounts belong to it is said by its rules (TerritoryRule).
struct Territory final {
    TerritoryId id = 0;  ///< 0 until saved
    std::optional<TerritoryId> parentId;
    std::string name;
    /// The rep its accounts are given to; without one, the nearest ancestor's owner.
    std::optional<RepId> ownerRepId;
    std::vector<RepId> overlayRepIds;  ///< ascending, without the owner

    friend bool operator==(const Territory&, const Territory&) = default;
};

/// One rule: an account matches when it meets every condition the rule sets (an empty condition
/// matches anything; a rule without conditions matches every account). Rules are tried in
/// ascending priority (ties by id) and the first match gives the account its territory.
///
/// Postal codes are compared normalised (upper case, spaces and dashes removed). postalFrom and
/// postalTo have the same length L: the account matches when the first L characters of its code
/// lie between them, inclusive, in character order ("75" to "78" holds 75011 and 78000; a prefix
/// is a range whose ends are equal).
struct TerritoryRule final {
    TerritoryRuleId id = 0;  ///< 0 until saved
    TerritoryId territoryId = 0;
    int priority = 0;  ///< lower first
    std::string country;  ///< ISO alpha-2, or empty
    std::string region;
    std::string postalFrom;
    std::string postalTo;
    std::string industry;
    std::optional<SizeBand> sizeBand;
    std::optional<SalesChannel> channel;

    friend bool operator==(const TerritoryRule&, const TerritoryRule&) = default;
};

/// A rep's capacity: what the rep is expected to carry (either or both may be set).
struct RepCapacity final {
    std::optional<std::int64_t> accounts;
    std::optional<std::int64_t> revenue;  ///< minor units per 12 months
};

/// Upper case, spaces and dashes removed: how postal codes and their bounds are compared.
std::string normalisePostalCode(std::string_view code);

/// Checks a rule before it is saved: known country code shape, postal bounds of equal length and
/// in order. The error's where names the field ("postal code range").
Status validateTerritoryRule(const TerritoryRule& rule);

/// Checks a territory: a name; a parent that is not itself nor one of its descendants (within
/// territories, the saved set); an owner not listed among its overlays.
Status validateTerritory(const Territory& territory, const std::vector<Territory>& territories);

/// A short description of the rule's conditions ("country FR, region Île-de-France, postal
/// 75..78"); "every account" when it sets none.
std::string describeRule(const TerritoryRule& rule);

/// Parses "75" or "75-78" (also "75..78") into normalised bounds; nullopt when malformed
/// (unequal lengths, from after to).
std::optional<std::pair<std::string, std::string>> parsePostalRange(std::string_view text);

/// A territory's path from the root, "EMEA > France > Île-de-France".
std::string territoryPath(TerritoryId id, const std::vector<Territory>& territories);

} // namespace cartera::domain

namespace cartera::domain {

/// Every territory with its rules: what a realignment proposes and what Undo puts back.
struct TerritorySet final {
    std::vector<Territory> territories;  ///< parents before their children
    std::vector<TerritoryRule> rules;    ///< in the order they are tried

    [[nodiscard]] const Territory* find(TerritoryId id) const;
    /// An id no territory (or rule) of the set uses: for one the user adds before it is saved.
    [[nodiscard]] TerritoryId nextTerritoryId() const;
    [[nodiscard]] TerritoryRuleId nextRuleId() const;
    /// Puts parents before children and rules in priority order (ties by id).
    void normalise();
    friend bool operator==(const TerritorySet&, const TerritorySet&) = default;
};

/// validateTerritory and validateTerritoryRule over a whole set, and rules naming a territory of it.
Status validateTerritorySet(const TerritorySet& set);

} // namespace cartera::domain
