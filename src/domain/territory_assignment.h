#pragma once

#include "domain/customer.h"
#include "domain/territory.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cartera::domain {

/// Text values (countries, regions, industries) as small integers, so matching 1,000,000
/// accounts against hundreds of rules compares integers, not strings.
class ValueDictionary final {
public:
    /// The index of text, added when new.
    std::int32_t intern(std::string_view text);
    /// The index of text, or -1 when no account has it.
    [[nodiscard]] std::int32_t find(std::string_view text) const;
    [[nodiscard]] const std::string& text(std::int32_t index) const { return m_texts[static_cast<std::size_t>(index)]; }
    [[nodiscard]] std::size_t size() const { return m_texts.size(); }

private:
    std::vector<std::string> m_texts;
    std::unordered_map<std::string, std::int32_t> m_index;
};

/// The values a territory assignment compares, for every account.
struct AccountDictionaries final {
    ValueDictionary countries;
    ValueDictionary regions;
    ValueDictionary industries;
};

/// What the rules need to know about one account, and where it stands now. Compact (about 64
/// bytes): storage reads 1,000,000 of them.
struct AccountProfile final {
    static constexpr std::size_t kPostalCapacity = 12;

    CustomerId id = 0;
    std::int32_t country = -1;   ///< index into AccountDictionaries::countries, -1: none
    std::int32_t region = -1;
    std::int32_t industry = -1;
    std::int8_t sizeBand = -1;   ///< SizeBand as int, -1: none
    std::int8_t channel = 0;     ///< SalesChannel as int
    std::uint8_t postalLength = 0;
    bool locked = false;         ///< a manual override: rules leave it alone
    std::array<char, kPostalCapacity> postal{};  ///< normalised, the first kPostalCapacity characters
    TerritoryId territory = 0;   ///< current territory, 0: none
    RepId rep = 0;               ///< current owner rep, 0: none
    std::int64_t revenue = 0;    ///< last 12 months, minor units (what a move carries)
    bool aClass = false;         ///< class A in the newest ABC snapshot

    void setPostalCode(std::string_view code);
    [[nodiscard]] std::string_view postalCode() const { return {postal.data(), postalLength}; }
};

/// The territories in a form quick to ask: each one's effective owner (its own, else the nearest
/// ancestor's) and whether one contains another.
class TerritoryTree final {
public:
    explicit TerritoryTree(const std::vector<Territory>& territories);

    /// The rep the territory's accounts go to, 0 when neither it nor an ancestor has an owner.
    [[nodiscard]] RepId ownerOf(TerritoryId id) const;
    /// True when a and b are the same territory or one contains the other.
    [[nodiscard]] bool related(TerritoryId a, TerritoryId b) const;
    [[nodiscard]] bool contains(TerritoryId id) const { return m_index.count(id) != 0; }
    /// A dense number for the territory (-1 when unknown), for relatedByIndex.
    [[nodiscard]] int indexOf(TerritoryId id) const;
    /// related() over dense numbers: two vector reads, for the matcher's inner loop.
    [[nodiscard]] bool relatedByIndex(int a, int b) const;

private:
    struct Node final {
        RepId owner = 0;
        int enter = 0;  ///< depth-first numbering: b is inside a when a.enter <= b.enter < a.leave
        int leave = 0;
    };
    std::unordered_map<TerritoryId, int> m_index;
    std::vector<Node> m_nodes;
};

/// The rules compiled for matching: values turned into dictionary indices, rules grouped by the
/// country they name (a rule naming none is in every group), each group in priority order. An
/// account is tested only against its country's group.
class TerritoryMatcher final {
public:
    TerritoryMatcher(std::vector<TerritoryRule> rules, const TerritoryTree& tree, const AccountDictionaries& values);

    struct Match final {
        TerritoryId territory = 0;       ///< 0: no rule matched
        TerritoryRuleId rule = 0;
        /// Another territory, neither inside nor around the chosen one, that a later rule also
        /// gives the account: an overlap the manager should resolve. 0 when none.
        TerritoryId conflictWith = 0;
    };
    [[nodiscard]] Match match(const AccountProfile& account) const;
    /// The rules in the order they are tried.
    [[nodiscard]] const std::vector<TerritoryRule>& rules() const { return m_rules; }

private:
    struct Compiled final {
        TerritoryId territory = 0;
        int node = -1;               ///< TerritoryTree::indexOf(territory)
        TerritoryRuleId rule = 0;
        std::int32_t region = -2;    ///< -2: any; -1: a value no account has (never matches)
        std::int32_t industry = -2;
        std::int8_t sizeBand = -1;   ///< -1: any
        std::int8_t channel = -1;
        std::uint8_t postalLength = 0;  ///< 0: any postal code
        std::array<char, AccountProfile::kPostalCapacity> postalFrom{};
        std::array<char, AccountProfile::kPostalCapacity> postalTo{};
    };
    [[nodiscard]] static bool matches(const Compiled& rule, const AccountProfile& account);

    std::vector<TerritoryRule> m_rules;
    std::vector<Compiled> m_compiled;
    std::vector<std::vector<std::uint32_t>> m_byCountry;  ///< country index -> compiled rules
    std::vector<std::uint32_t> m_anyCountry;              ///< rules for accounts of other countries
    const TerritoryTree& m_tree;
};

/// One account that a realignment moves: to another territory, another rep, or both.
struct AssignmentMove final {
    CustomerId customer = 0;
    TerritoryId fromTerritory = 0;  ///< 0: none
    TerritoryId toTerritory = 0;
    RepId fromRep = 0;              ///< 0: none
    RepId toRep = 0;
    bool fromLocked = false;
    bool toLocked = false;          ///< the move is a manual override (suggested balancing moves)
    std::int64_t revenue = 0;
    bool aClass = false;

    /// The same move backwards: what Undo applies.
    [[nodiscard]] AssignmentMove reversed() const;
    friend bool operator==(const AssignmentMove&, const AssignmentMove&) = default;
};

struct AssignmentConflict final {
    CustomerId customer = 0;
    TerritoryId chosen = 0;
    TerritoryId other = 0;
    friend bool operator==(const AssignmentConflict&, const AssignmentConflict&) = default;
};

/// What running the rules would do: the realignment preview, and exactly what applying it writes.
struct AssignmentPlan final {
    std::vector<AssignmentMove> moves;            ///< in customer id order
    std::vector<CustomerId> unassigned;           ///< no rule matches (locked accounts excepted)
    std::vector<AssignmentConflict> conflicts;    ///< rules of unrelated territories overlap
    std::int64_t accounts = 0;                    ///< accounts considered
    std::int64_t locked = 0;                      ///< kept as they are: manual overrides
    std::int64_t movedRevenue = 0;
    std::int64_t movedAClass = 0;
    std::int64_t repChanges = 0;                  ///< moves that give the account another rep

    /// Totals recomputed from moves (after a caller filtered or built the list itself).
    void recount();
};

/// Runs the rules over every account. Locked accounts stay; an account whose first matching rule
/// names another territory, or whose territory's owner is another rep, moves; an account no rule
/// matches loses its territory (keeping its rep) and is listed as unassigned. A territory without
/// an owner anywhere up its path leaves the account's rep as it is.
AssignmentPlan planAssignment(const std::vector<AccountProfile>& accounts, const TerritoryMatcher& matcher,
                              const TerritoryTree& tree);

/// The moves that give accounts to other reps as manual overrides: each in moves names the
/// customer, the territory and rep it goes to; the rest is filled from the accounts.
AssignmentPlan planOverrides(const std::vector<AccountProfile>& accounts, std::vector<AssignmentMove> moves);

} // namespace cartera::domain
