#pragma once

#include "domain/coverage.h"
#include "domain/date.h"
#include "domain/month_range.h"
#include "domain/territory.h"
#include "domain/territory_assignment.h"

#include <optional>
#include <vector>

namespace cartera::storage {

class Database;

/// The accounts as a territory assignment sees them, with the dictionaries their values index.
struct AccountProfiles final {
    domain::AccountDictionaries values;
    std::vector<domain::AccountProfile> accounts;  ///< unarchived accounts, by id
};

/// Territories, their rules and overlay reps, and each account's territory (tables territory,
/// territory_rule, territory_overlay, customer_territory).
class TerritoryRepository final {
public:
    explicit TerritoryRepository(const Database& db);

    /// Every territory (parents first) with its overlay reps, and every rule in priority order.
    [[nodiscard]] domain::TerritorySet load() const;
    /// Makes the saved territories and rules those of set, keeping ids: territories of set are
    /// inserted or updated, the others deleted (with their sub-territories, rules and assignment
    /// rows); rules and overlays are replaced. In one transaction (a savepoint inside another).
    void save(const domain::TerritorySet& set);
    /// A realignment in one transaction: saves set as save() does and writes the moves as apply()
    /// does, deleting the territories that go only after their accounts have left them.
    /// check: EachAccount reads every moved account's row first and refuses a stale move; None
    /// trusts the caller, who checked the moves against profiles read in the same transaction
    /// (two point reads per account cost more than one scan once tens of thousands move).
    enum class MoveCheck { EachAccount, None };
    void realign(const domain::TerritorySet& set, const std::vector<domain::AssignmentMove>& moves,
                 MoveCheck check = MoveCheck::EachAccount);

    /// Every unarchived account with the values the rules test, its current territory, rep and
    /// lock, its revenue over period and whether the newest ABC snapshot has it in class A.
    [[nodiscard]] AccountProfiles loadProfiles(const domain::MonthRange& period) const;

    /// Writes the moves: each account's territory row (deleted when it goes to none) and, when its
    /// rep changes, customer.owner_rep_id. In one transaction. Throws StorageError (Conflict) when
    /// an account no longer stands where the move starts from (changed since the preview).
    void apply(const std::vector<domain::AssignmentMove>& moves);

    /// Puts one account in a territory by hand, locked (or unlocks it when locked is false).
    void setAssignment(domain::CustomerId customer, domain::TerritoryId territory, bool locked);
    /// The account's territory and whether it is locked; nullopt when unassigned.
    [[nodiscard]] std::optional<std::pair<domain::TerritoryId, bool>> assignmentOf(domain::CustomerId customer) const;
    /// The accounts of a territory (not of its sub-territories), by id, through territory_account.
    [[nodiscard]] std::vector<domain::CustomerId> accountsOf(domain::TerritoryId territory) const;
    /// How many accounts each territory holds (territories without any left out), by id.
    [[nodiscard]] std::vector<std::pair<domain::TerritoryId, std::int64_t>> accountCounts() const;

    /// What the coverage, balance and channel reports add up, for every unarchived account:
    /// figures over period and the equal period before it, open claims, whether it had a call,
    /// e-mail, meeting or visit since contactSince, and orders in the period through other channels.
    [[nodiscard]] std::vector<domain::CoverageAccount> loadCoverage(const domain::MonthRange& period,
                                                                    domain::Date contactSince) const;

private:
    void applyMoves(const std::vector<domain::AssignmentMove>& moves, MoveCheck check) const;

    const Database& m_db;
};

} // namespace cartera::storage
