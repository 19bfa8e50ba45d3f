#include "services/territory_service.h"

#include "services/portfolio.h"
#include "storage/database.h"
#include "storage/portfolio_repository.h"
#include "storage/sales_rep_repository.h"
#include "storage/storage_error.h"
#include "storage/territory_repository.h"

#include <algorithm>
#include <unordered_set>

namespace cartera::services {

using namespace cartera::domain;

namespace {

constexpr const char* kWhere = "territories";

/// Runs the rules of set over the accounts as they stand now.
AssignmentPlan planFor(const storage::AccountProfiles& profiles, const TerritorySet& set)
{
    const TerritoryTree tree(set.territories);
    const TerritoryMatcher matcher(set.rules, tree, profiles.values);
    return planAssignment(profiles.accounts, matcher, tree);
}

/// Locked accounts of territories that set no longer has lose their lock: the rules place them.
std::unordered_set<CustomerId> unlockOrphans(storage::AccountProfiles& profiles, const TerritorySet& set)
{
    std::unordered_set<TerritoryId> present;
    for (const auto& t : set.territories) {
        present.insert(t.id);
    }
    std::unordered_set<CustomerId> orphans;
    for (auto& a : profiles.accounts) {
        if (a.locked && present.count(a.territory) == 0) {
            a.locked = false;
            orphans.insert(a.id);
        }
    }
    return orphans;
}

/// Moves above this many are checked against one read of every account instead of two reads each.
constexpr std::size_t kBulkCheckMoves = 20000;

/// True when every move starts where its account stands in profiles.
bool movesStartWhereAccountsStand(const storage::AccountProfiles& profiles, const std::vector<AssignmentMove>& moves)
{
    for (const auto& move : moves) {
        const auto it = std::lower_bound(profiles.accounts.begin(), profiles.accounts.end(), move.customer,
                                         [](const AccountProfile& a, CustomerId id) { return a.id < id; });
        if (it == profiles.accounts.end() || it->id != move.customer || it->territory != move.fromTerritory ||
            it->rep != move.fromRep || it->locked != move.fromLocked) {
            return false;
        }
    }
    return true;
}

/// Writes set and moves in one transaction, the moves checked first (in bulk when many).
Status writeRealignment(const storage::Database& db, const TerritorySet& set, const std::vector<AssignmentMove>& moves,
                        const MonthRange& period, bool alreadyChecked)
{
    storage::WriteTransaction transaction(db);
    storage::TerritoryRepository repository(db);
    auto check = storage::TerritoryRepository::MoveCheck::EachAccount;
    if (alreadyChecked) {
        check = storage::TerritoryRepository::MoveCheck::None;
    } else if (moves.size() > kBulkCheckMoves) {
        if (!movesStartWhereAccountsStand(repository.loadProfiles(period), moves)) {
            return Error{ErrorCode::Conflict, "accounts changed since the preview; preview again", "territories"};
        }
        check = storage::TerritoryRepository::MoveCheck::None;
    }
    repository.realign(set, moves, check);
    transaction.commit();
    return Done{};
}

Result<AssignmentPlan> planRules(storage::AccountProfiles profiles, const TerritorySet& set)
{
    const auto orphans = unlockOrphans(profiles, set);
    auto plan = planFor(profiles, set);
    for (auto& move : plan.moves) {
        move.fromLocked = orphans.count(move.customer) != 0;
    }
    plan.locked = std::count_if(profiles.accounts.begin(), profiles.accounts.end(), [](const auto& a) { return a.locked; });
    return plan;
}

} // namespace

Result<TerritorySet> TerritoryService::territories()
{
    try {
        return storage::TerritoryRepository(m_portfolio.database()).load();
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<std::vector<SalesRep>> TerritoryService::reps()
{
    try {
        return m_portfolio.reps().all();
    } catch (const std::exception& e) {
        return toError(e, "reps");
    }
}

Result<std::vector<std::pair<TerritoryId, std::int64_t>>> TerritoryService::accountCounts()
{
    try {
        return storage::TerritoryRepository(m_portfolio.database()).accountCounts();
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Status TerritoryService::saveRep(const SalesRep& rep)
{
    if (rep.code.empty() || rep.name.empty()) {
        return invalidInput("a rep needs a code and a name", rep.code.empty() ? "code" : "name");
    }
    if ((rep.capacityAccounts && *rep.capacityAccounts < 0) || (rep.capacityRevenue && *rep.capacityRevenue < 0)) {
        return invalidInput("a capacity cannot be negative", "capacity");
    }
    if (rep.managerId && *rep.managerId == rep.id) {
        return invalidInput("a rep cannot be their own manager", "manager");
    }
    try {
        m_portfolio.reps().update(rep);
        return Done{};
    } catch (const std::exception& e) {
        return toError(e, "rep " + rep.code);
    }
}

Result<Realignment> TerritoryService::preview(Date asOf)
{
    auto current = territories();
    if (!current) {
        return current.error();
    }
    return preview(current.value(), asOf);
}

Result<Realignment> TerritoryService::preview(TerritorySet proposed, Date asOf)
{
    proposed.normalise();
    if (auto valid = validateTerritorySet(proposed); !valid) {
        return valid.error();
    }
    try {
        storage::TerritoryRepository repository(m_portfolio.database());
        Realignment r;
        r.asOf = asOf;
        r.before = repository.load();
        r.after = std::move(proposed);
        auto plan = planRules(repository.loadProfiles(MonthRange::twelveMonthsEndingWith(asOf)), r.after);
        if (!plan) {
            return plan.error();
        }
        r.plan = std::move(plan.value());
        return r;
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<Realignment> TerritoryService::previewOverrides(std::vector<AssignmentMove> moves, Date asOf)
{
    try {
        storage::TerritoryRepository repository(m_portfolio.database());
        Realignment r;
        r.asOf = asOf;
        r.fromRules = false;
        r.before = repository.load();
        r.after = r.before;
        for (const auto& move : moves) {
            if (r.after.find(move.toTerritory) == nullptr) {
                return invalidInput("territory " + std::to_string(move.toTerritory) + " does not exist", "territory");
            }
        }
        const auto profiles = repository.loadProfiles(MonthRange::twelveMonthsEndingWith(asOf));
        r.plan = planOverrides(profiles.accounts, std::move(moves));
        return r;
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Status TerritoryService::apply(const Realignment& realignment)
{
    try {
        const auto& db = m_portfolio.database();
        storage::WriteTransaction transaction(db);
        storage::TerritoryRepository repository(db);
        if (repository.load() != realignment.before) {
            return Error{ErrorCode::Conflict, "the territories changed since the preview; preview again", kWhere};
        }
        if (realignment.fromRules) {
            // Under the write lock nobody else can change the accounts: if the rules now give what
            // the preview showed, apply writes exactly that.
            auto again = planRules(repository.loadProfiles(MonthRange::twelveMonthsEndingWith(realignment.asOf)),
                                   realignment.after);
            if (!again) {
                return again.error();
            }
            if (again.value().moves != realignment.plan.moves) {
                return Error{ErrorCode::Conflict, "the accounts changed since the preview; preview again", kWhere};
            }
        }
        // A plan made from the rules again under the lock starts where every account stands.
        auto written = writeRealignment(db, realignment.after, realignment.plan.moves,
                                        MonthRange::twelveMonthsEndingWith(realignment.asOf), realignment.fromRules);
        if (!written) {
            return written;
        }
        transaction.commit();
        return Done{};
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Status TerritoryService::revert(const Realignment& realignment)
{
    try {
        std::vector<AssignmentMove> back;
        back.reserve(realignment.plan.moves.size());
        for (const auto& move : realignment.plan.moves) {
            back.push_back(move.reversed());
        }
        return writeRealignment(m_portfolio.database(), realignment.before, back,
                                MonthRange::twelveMonthsEndingWith(realignment.asOf), false);
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<CoverageResult> TerritoryService::coverage(const CoverageRequest& request)
{
    try {
        storage::TerritoryRepository repository(m_portfolio.database());
        CoverageResult result;
        result.request = request;
        result.territories = repository.load();
        result.reps = m_portfolio.reps().all();
        const auto accounts = repository.loadCoverage(request.period, request.asOf.addDays(-request.daysWithoutContact));
        result.coverage = buildCoverage(accounts, result.reps, result.territories.territories);
        result.channels = buildChannelReport(accounts);
        const auto balanced = balancedReps(result.reps, result.territories.territories, accounts);
        result.suggestions = suggestBalancingMoves(accounts, balanced, result.territories.territories, request.suggestedMoves);
        if (!result.suggestions.empty()) {
            std::vector<CoverageAccount> after = accounts;
            for (const auto& move : result.suggestions) {
                const auto it = std::lower_bound(after.begin(), after.end(), move.customer,
                                                 [](const CoverageAccount& a, CustomerId id) { return a.id < id; });
                if (it != after.end() && it->id == move.customer) {
                    it->rep = move.toRep;
                    it->territory = move.toTerritory;
                }
            }
            result.balanceAfterSuggestions = buildCoverage(after, result.reps, result.territories.territories).balanceIndex;
        } else {
            result.balanceAfterSuggestions = result.coverage.balanceIndex;
        }
        return result;
    } catch (const std::exception& e) {
        return toError(e, "coverage");
    }
}

Result<std::vector<storage::CustomerLabel>> TerritoryService::labels(const std::vector<CustomerId>& ids)
{
    try {
        return storage::PortfolioRepository(m_portfolio.database()).labels(ids);
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

} // namespace cartera::services
