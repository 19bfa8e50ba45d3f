#include "storage/territory_repository.h"

#include "storage/database.h"
#include "storage/storage_error.h"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

namespace cartera::storage {

using namespace cartera::domain;

namespace {

constexpr std::string_view kSelectTerritories = "SELECT id, parent_id, name, owner_rep_id FROM territory ORDER BY id";
constexpr std::string_view kSelectOverlays = "SELECT territory_id, rep_id FROM territory_overlay ORDER BY territory_id, rep_id";
constexpr std::string_view kSelectRules = R"sql(
SELECT id, territory_id, priority, country, region, postal_from, postal_to, industry, size_band, channel
FROM territory_rule ORDER BY priority, id
)sql";
constexpr std::string_view kUpsertTerritory = R"sql(
INSERT INTO territory (id, parent_id, name, owner_rep_id) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, name = excluded.name, owner_rep_id = excluded.owner_rep_id
)sql";
constexpr std::string_view kDeleteTerritory = "DELETE FROM territory WHERE id = ?1";
constexpr std::string_view kInsertRule = R"sql(
INSERT INTO territory_rule (id, territory_id, priority, country, region, postal_from, postal_to, industry, size_band, channel)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
)sql";
constexpr std::string_view kInsertOverlay = "INSERT INTO territory_overlay (territory_id, rep_id) VALUES (?1, ?2)";

// The customer rows are read whole (postal codes are in no index); archived accounts are skipped.
constexpr std::string_view kSelectProfiles = R"sql(
SELECT c.id, c.country, c.region, c.postal_code, c.industry, c.size_band, c.channel, c.owner_rep_id,
       t.territory_id, t.locked
FROM customer AS c LEFT JOIN customer_territory AS t ON t.customer_id = c.id
WHERE c.archived_on IS NULL
ORDER BY c.id
)sql";
constexpr std::string_view kSelectCoverageAccounts = R"sql(
SELECT c.id, c.channel, c.owner_rep_id, t.territory_id, t.locked
FROM customer AS c INDEXED BY customer_portfolio_dims LEFT JOIN customer_territory AS t ON t.customer_id = c.id
WHERE c.archived_on IS NULL
ORDER BY c.id
)sql";
constexpr std::string_view kSelectMonths = R"sql(
SELECT customer_id, month, revenue, cost FROM customer_month INDEXED BY customer_month_period
WHERE month BETWEEN ?1 AND ?2
)sql";
constexpr std::string_view kSelectClassA = R"sql(
SELECT customer_id FROM abc_snapshot_entry
WHERE snapshot_id = (SELECT id FROM abc_snapshot ORDER BY created_on DESC, id DESC LIMIT 1) AND class = 'A'
)sql";
constexpr std::string_view kSelectOpenClaims = R"sql(
SELECT customer_id FROM activity INDEXED BY activity_pending
WHERE status IN ('open', 'in_progress') AND type = 'claim'
)sql";
// No DISTINCT: marking an account twice costs less than SQLite sorting the ids to drop repeats.
constexpr std::string_view kSelectContacted = R"sql(
SELECT customer_id FROM activity INDEXED BY activity_date
WHERE occurred_on >= ?1 AND type IN ('call', 'email', 'meeting', 'after_sales_visit')
)sql";
constexpr std::string_view kSelectOtherChannels = R"sql(
SELECT customer_id, channel FROM sales_order INDEXED BY sales_order_channel
WHERE channel IS NOT NULL AND order_date >= ?1 AND order_date < ?2 AND status <> 'cancelled'
)sql";
constexpr std::string_view kSelectAssignment = "SELECT territory_id, locked FROM customer_territory WHERE customer_id = ?1";
constexpr std::string_view kSelectOwner = "SELECT owner_rep_id FROM customer WHERE id = ?1";
constexpr std::string_view kUpsertAssignment = R"sql(
INSERT INTO customer_territory (customer_id, territory_id, locked) VALUES (?1, ?2, ?3)
ON CONFLICT (customer_id) DO UPDATE SET territory_id = excluded.territory_id, locked = excluded.locked
)sql";
constexpr std::string_view kDeleteAssignment = "DELETE FROM customer_territory WHERE customer_id = ?1";
constexpr std::string_view kUpdateOwner = "UPDATE customer SET owner_rep_id = ?2 WHERE id = ?1";

std::string firstDayOf(int yyyymm)
{
    return Date(yyyymm / 100, static_cast<unsigned>(yyyymm % 100), 1).toIso();
}

int nextMonth(int yyyymm)
{
    return yyyymm % 100 == 12 ? (yyyymm / 100 + 1) * 100 + 1 : yyyymm + 1;
}

/// Position of each customer id in a vector of accounts sorted by id (-1: not there); ids are
/// dense, so a vector indexed by id beats a hash map.
template <typename Account>
std::vector<std::int32_t> positionsById(const std::vector<Account>& accounts)
{
    std::vector<std::int32_t> position(accounts.empty() ? 0 : static_cast<std::size_t>(accounts.back().id) + 1, -1);
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        position[static_cast<std::size_t>(accounts[i].id)] = static_cast<std::int32_t>(i);
    }
    return position;
}

template <typename Account>
Account* at(std::vector<Account>& accounts, const std::vector<std::int32_t>& position, std::int64_t id)
{
    if (id < 0 || static_cast<std::size_t>(id) >= position.size() || position[static_cast<std::size_t>(id)] < 0) {
        return nullptr;
    }
    return &accounts[static_cast<std::size_t>(position[static_cast<std::size_t>(id)])];
}

template <typename Account>
void markClassA(const Database& db, std::vector<Account>& accounts, const std::vector<std::int32_t>& position)
{
    auto s = db.cached(kSelectClassA);
    while (s->step()) {
        if (auto* a = at(accounts, position, s->int64(0))) {
            a->aClass = true;
        }
    }
}

} // namespace

TerritoryRepository::TerritoryRepository(const Database& db) : m_db(db) {}

TerritorySet TerritoryRepository::load() const
{
    ReadTransaction read(m_db);
    TerritorySet set;
    {
        auto s = m_db.cached(kSelectTerritories);
        while (s->step()) {
            Territory t;
            t.id = s->int64(0);
            t.parentId = s->optionalInt64(1);
            t.name = s->text(2);
            t.ownerRepId = s->optionalInt64(3);
            set.territories.push_back(std::move(t));
        }
    }
    {
        auto s = m_db.cached(kSelectOverlays);
        while (s->step()) {
            const auto id = s->int64(0);
            auto it = std::find_if(set.territories.begin(), set.territories.end(), [&](const Territory& t) { return t.id == id; });
            if (it != set.territories.end()) {
                it->overlayRepIds.push_back(s->int64(1));
            }
        }
    }
    {
        auto s = m_db.cached(kSelectRules);
        while (s->step()) {
            TerritoryRule r;
            r.id = s->int64(0);
            r.territoryId = s->int64(1);
            r.priority = s->int32(2);
            r.country = s->text(3);
            r.region = s->text(4);
            r.postalFrom = s->text(5);
            r.postalTo = s->text(6);
            r.industry = s->text(7);
            if (!s->isNull(8)) {
                r.sizeBand = kSizeBandCodes.parse(s->text(8));
            }
            if (!s->isNull(9)) {
                r.channel = kSalesChannelCodes.parse(s->text(9));
            }
            set.rules.push_back(std::move(r));
        }
    }
    set.normalise();
    return set;
}

void TerritoryRepository::save(const TerritorySet& set)
{
    realign(set, {});
}

void TerritoryRepository::realign(const TerritorySet& given, const std::vector<AssignmentMove>& moves, MoveCheck check)
{
    TerritorySet set = given;
    set.normalise();
    WriteTransaction transaction(m_db);
    std::unordered_set<TerritoryId> keep;
    for (const auto& t : set.territories) {
        keep.insert(t.id);
        auto s = m_db.cached(kUpsertTerritory);
        s->bind(1, t.id).bind(2, t.parentId).bind(3, t.name).bind(4, t.ownerRepId).run();
    }
    std::vector<TerritoryId> gone;
    {
        auto s = m_db.cached(kSelectTerritories);
        while (s->step()) {
            if (keep.count(s->int64(0)) == 0) {
                gone.push_back(s->int64(0));
            }
        }
    }
    m_db.execute("DELETE FROM territory_rule");
    for (const auto& r : set.rules) {
        auto s = m_db.cached(kInsertRule);
        s->bind(1, r.id)
            .bind(2, r.territoryId)
            .bind(3, r.priority)
            .bindTextOrNull(4, r.country)
            .bindTextOrNull(5, r.region)
            .bindTextOrNull(6, normalisePostalCode(r.postalFrom))
            .bindTextOrNull(7, normalisePostalCode(r.postalTo))
            .bindTextOrNull(8, r.industry);
        if (r.sizeBand) {
            s->bindStatic(9, kSizeBandCodes.code(*r.sizeBand));
        } else {
            s->bindNull(9);
        }
        if (r.channel) {
            s->bindStatic(10, kSalesChannelCodes.code(*r.channel));
        } else {
            s->bindNull(10);
        }
        s->run();
    }
    m_db.execute("DELETE FROM territory_overlay");
    for (const auto& t : set.territories) {
        for (const auto rep : t.overlayRepIds) {
            auto s = m_db.cached(kInsertOverlay);
            s->bind(1, t.id).bind(2, rep).run();
        }
    }
    // Accounts leave the territories that go before these are deleted: the delete cascades to
    // whatever assignment rows are left (archived accounts only).
    applyMoves(moves, check);
    for (const auto id : gone) {
        auto s = m_db.cached(kDeleteTerritory);
        s->bind(1, id).run();
    }
    transaction.commit();
}

AccountProfiles TerritoryRepository::loadProfiles(const MonthRange& period) const
{
    ReadTransaction read(m_db);
    AccountProfiles out;
    {
        auto s = m_db.cached(kSelectProfiles);
        while (s->step()) {
            AccountProfile& a = out.accounts.emplace_back();
            a.id = s->int64(0);
            if (!s->isNull(1)) {
                a.country = out.values.countries.intern(s->textView(1));
            }
            if (!s->isNull(2)) {
                a.region = out.values.regions.intern(s->textView(2));
            }
            a.setPostalCode(s->textView(3));
            if (!s->isNull(4)) {
                a.industry = out.values.industries.intern(s->textView(4));
            }
            if (!s->isNull(5)) {
                if (const auto band = kSizeBandCodes.parse(s->textView(5))) {
                    a.sizeBand = static_cast<std::int8_t>(*band);
                }
            }
            a.channel = static_cast<std::int8_t>(kSalesChannelCodes.parse(s->textView(6)).value_or(SalesChannel::Direct));
            a.rep = s->optionalInt64(7).value_or(0);
            a.territory = s->optionalInt64(8).value_or(0);
            a.locked = s->optionalInt64(9).value_or(0) != 0;
        }
    }
    const auto position = positionsById(out.accounts);
    {
        auto s = m_db.cached(kSelectMonths);
        s->bind(1, period.fromMonth()).bind(2, period.toMonth());
        while (s->step()) {
            if (auto* a = at(out.accounts, position, s->int64(0))) {
                a->revenue += s->int64(2);
            }
        }
    }
    markClassA(m_db, out.accounts, position);
    return out;
}

void TerritoryRepository::apply(const std::vector<AssignmentMove>& moves)
{
    WriteTransaction transaction(m_db);
    applyMoves(moves, MoveCheck::EachAccount);
    transaction.commit();
}

void TerritoryRepository::applyMoves(const std::vector<AssignmentMove>& moves, MoveCheck check) const
{
    for (const auto& move : moves) {
        if (check == MoveCheck::EachAccount) {
            {
                auto s = m_db.cached(kSelectAssignment);
                s->bind(1, move.customer);
                const bool has = s->step();
                const TerritoryId territory = has ? s->int64(0) : 0;
                const bool locked = has && s->int64(1) != 0;
                if (territory != move.fromTerritory || locked != move.fromLocked) {
                    throw StorageError(StorageFailure::Constraint, "account " + std::to_string(move.customer) +
                                                                     " changed territory since the preview; preview again");
                }
            }
            auto s = m_db.cached(kSelectOwner);
            s->bind(1, move.customer);
            if (!s->step()) {
                throw StorageError(StorageFailure::NotFound, "account " + std::to_string(move.customer) + " no longer exists");
            }
            if (s->optionalInt64(0).value_or(0) != move.fromRep) {
                throw StorageError(StorageFailure::Constraint, "account " + std::to_string(move.customer) +
                                                                 " changed rep since the preview; preview again");
            }
        }
        if (move.toTerritory == 0) {
            auto s = m_db.cached(kDeleteAssignment);
            s->bind(1, move.customer).run();
        } else {
            auto s = m_db.cached(kUpsertAssignment);
            s->bind(1, move.customer).bind(2, move.toTerritory).bind(3, move.toLocked ? 1 : 0).run();
        }
        if (move.toRep != move.fromRep) {
            auto s = m_db.cached(kUpdateOwner);
            s->bind(1, move.customer).bindIdOrNull(2, move.toRep).run();
        }
    }
}

void TerritoryRepository::setAssignment(CustomerId customer, TerritoryId territory, bool locked)
{
    auto s = m_db.cached(kUpsertAssignment);
    s->bind(1, customer).bind(2, territory).bind(3, locked ? 1 : 0).run();
}

std::optional<std::pair<TerritoryId, bool>> TerritoryRepository::assignmentOf(CustomerId customer) const
{
    auto s = m_db.cached(kSelectAssignment);
    s->bind(1, customer);
    if (!s->step()) {
        return std::nullopt;
    }
    return std::pair{s->int64(0), s->int64(1) != 0};
}

std::vector<CustomerId> TerritoryRepository::accountsOf(TerritoryId territory) const
{
    auto s = m_db.cached("SELECT customer_id FROM customer_territory WHERE territory_id = ?1 ORDER BY customer_id");
    s->bind(1, territory);
    std::vector<CustomerId> ids;
    while (s->step()) {
        ids.push_back(s->int64(0));
    }
    return ids;
}

std::vector<std::pair<TerritoryId, std::int64_t>> TerritoryRepository::accountCounts() const
{
    auto s = m_db.cached("SELECT territory_id, count(*) FROM customer_territory GROUP BY territory_id ORDER BY territory_id");
    std::vector<std::pair<TerritoryId, std::int64_t>> counts;
    while (s->step()) {
        counts.emplace_back(s->int64(0), s->int64(1));
    }
    return counts;
}

std::vector<CoverageAccount> TerritoryRepository::loadCoverage(const MonthRange& period, Date contactSince) const
{
    ReadTransaction read(m_db);
    std::vector<CoverageAccount> accounts;
    {
        auto s = m_db.cached(kSelectCoverageAccounts);
        while (s->step()) {
            CoverageAccount& a = accounts.emplace_back();
            a.id = s->int64(0);
            a.channel = static_cast<std::int8_t>(kSalesChannelCodes.parse(s->textView(1)).value_or(SalesChannel::Direct));
            a.rep = s->optionalInt64(2).value_or(0);
            a.territory = s->optionalInt64(3).value_or(0);
            a.locked = s->optionalInt64(4).value_or(0) != 0;
        }
    }
    const auto position = positionsById(accounts);
    // The prior period is as long as the period and ends just before it.
    int from = period.fromMonth();
    for (int i = 0; i < period.monthCount(); ++i) {
        from = from % 100 == 1 ? (from / 100 - 1) * 100 + 12 : from - 1;
    }
    {
        auto s = m_db.cached(kSelectMonths);
        s->bind(1, from).bind(2, period.toMonth());
        while (s->step()) {
            auto* a = at(accounts, position, s->int64(0));
            if (a == nullptr) {
                continue;
            }
            if (s->int32(1) >= period.fromMonth()) {
                a->revenue += s->int64(2);
                a->cost += s->int64(3);
            } else {
                a->priorRevenue += s->int64(2);
            }
        }
    }
    markClassA(m_db, accounts, position);
    {
        auto s = m_db.cached(kSelectOpenClaims);
        while (s->step()) {
            if (auto* a = at(accounts, position, s->int64(0))) {
                ++a->openClaims;
            }
        }
    }
    {
        auto s = m_db.cached(kSelectContacted);
        const std::string since = contactSince.toIso();
        s->bind(1, since);
        while (s->step()) {
            if (auto* a = at(accounts, position, s->int64(0))) {
                a->contactedRecently = true;
            }
        }
    }
    {
        auto s = m_db.cached(kSelectOtherChannels);
        const std::string first = firstDayOf(period.fromMonth());
        const std::string end = firstDayOf(nextMonth(period.toMonth()));
        s->bind(1, first).bind(2, end);
        while (s->step()) {
            auto* a = at(accounts, position, s->int64(0));
            const auto channel = kSalesChannelCodes.parse(s->textView(1));
            if (a != nullptr && channel && static_cast<int>(*channel) != a->channel) {
                a->otherChannels |= static_cast<std::uint8_t>(1U << static_cast<unsigned>(*channel));
            }
        }
    }
    return accounts;
}

} // namespace cartera::storage
