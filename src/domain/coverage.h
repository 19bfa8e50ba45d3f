#pragma once

#include "domain/customer.h"
#include "domain/sales_rep.h"
#include "domain/territory.h"
#include "domain/territory_assignment.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace cartera::domain {

/// What the coverage, balance and channel reports know of one account (archived accounts are
/// left out by the reader).
struct CoverageAccount final {
    CustomerId id = 0;
    RepId rep = 0;              ///< owner rep, 0: none
    TerritoryId territory = 0;  ///< 0: unassigned
    std::int8_t channel = 0;    ///< SalesChannel as int: the account's own channel
    bool aClass = false;        ///< class A in the newest ABC snapshot
    bool locked = false;
    bool contactedRecently = false;  ///< a call, e-mail, meeting or visit in the last N days
    std::int32_t openClaims = 0;
    /// Other channels the account's orders came through in the period (bit per SalesChannel):
    /// set means a possible channel conflict.
    std::uint8_t otherChannels = 0;
    std::int64_t revenue = 0;       ///< the period, minor units
    std::int64_t cost = 0;
    std::int64_t priorRevenue = 0;  ///< the equal period before
};

/// Totals of one rep, territory or channel.
struct CoverageRow final {
    std::int64_t key = 0;  ///< rep id, territory id (0: unassigned) or SalesChannel as int
    std::int64_t accounts = 0;
    std::int64_t aAccounts = 0;
    std::int64_t buyingAccounts = 0;  ///< with revenue in the period
    std::int64_t revenue = 0;
    std::int64_t margin = 0;          ///< revenue - cost
    std::int64_t priorRevenue = 0;
    std::int64_t openClaims = 0;
    std::int64_t withoutContact = 0;  ///< accounts not contacted in the last N days
    std::int64_t multiChannel = 0;    ///< accounts also served through another channel

    /// Revenue growth against the prior period, x 10000 (1250 = +12.5 %); nullopt without prior
    /// revenue.
    [[nodiscard]] std::optional<std::int64_t> growthBasisPoints() const;
    void add(const CoverageAccount& account);
};

/// Coverage and balance per rep and territory.
struct CoverageReport final {
    std::vector<CoverageRow> byRep;        ///< every rep (inactive ones too if they own accounts), by id; key 0: no owner
    std::vector<CoverageRow> byTerritory;  ///< every territory, by id; key 0: unassigned accounts
    CoverageRow total;
    /// Coefficient of variation of revenue per rep (standard deviation / mean) over the active
    /// reps that own a territory or an account: 0 when perfectly even; nullopt without two such
    /// reps or without revenue.
    std::optional<double> balanceIndex;
};

/// The reps whose revenue the balance index compares: active, owning a territory or an account.
std::vector<RepId> balancedReps(const std::vector<SalesRep>& reps, const std::vector<Territory>& territories,
                                const std::vector<CoverageAccount>& accounts);

CoverageReport buildCoverage(const std::vector<CoverageAccount>& accounts, const std::vector<SalesRep>& reps,
                             const std::vector<Territory>& territories);

/// The coefficient of variation of the given revenues (population standard deviation / mean);
/// nullopt with fewer than two values or a mean of 0.
std::optional<double> coefficientOfVariation(const std::vector<std::int64_t>& values);

/// Up to maxMoves account moves that lower the balance index: each takes an unlocked, non-A
/// account from the rep with the most revenue (or, when none of that rep's accounts can move, the
/// next one down) to the one with the least, choosing the account whose revenue is nearest half the
/// gap between them, and stops when no move narrows a gap. Each move goes
/// to a territory the receiving rep owns (the first by id) and is locked there as a manual override.
/// The moves name customer, toTerritory and toRep only: planOverrides fills in the rest.
std::vector<AssignmentMove> suggestBalancingMoves(const std::vector<CoverageAccount>& accounts,
                                                  const std::vector<RepId>& reps,
                                                  const std::vector<Territory>& territories, int maxMoves);

/// An account also served through channels other than its own (a possible channel conflict).
struct MultiChannelAccount final {
    CustomerId customer = 0;
    std::int8_t channel = 0;          ///< its own, SalesChannel as int
    std::uint8_t otherChannels = 0;   ///< bit per SalesChannel
    TerritoryId territory = 0;
    friend bool operator==(const MultiChannelAccount&, const MultiChannelAccount&) = default;
};

/// Channel coordination: one row per channel (key: SalesChannel as int, all four in order), and per
/// channel and territory (rows whose key is the territory, in a vector per channel).
struct ChannelReport final {
    std::vector<CoverageRow> byChannel;
    std::vector<std::vector<CoverageRow>> byChannelAndTerritory;  ///< [channel] -> rows by territory id
    std::vector<MultiChannelAccount> multiChannel;  ///< accounts whose orders came through another channel too, by id
};

ChannelReport buildChannelReport(const std::vector<CoverageAccount>& accounts);

} // namespace cartera::domain
