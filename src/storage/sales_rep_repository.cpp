#include "storage/sales_rep_repository.h"

#include "storage/database.h"
#include "storage/storage_error.h"

namespace cartera::storage {

using namespace cartera::domain;

namespace {

constexpr std::string_view kSelect = "SELECT id, code, name, email, manager_id, team, active, capacity_accounts, capacity_revenue FROM sales_rep";

SalesRep readRep(const Statement& s)
{
    SalesRep rep;
    rep.id = s.int64(0);
    rep.code = s.text(1);
    rep.name = s.text(2);
    rep.email = s.text(3);
    rep.managerId = s.optionalInt64(4);
    rep.team = s.text(5);
    rep.active = s.int64(6) != 0;
    rep.capacityAccounts = s.optionalInt64(7);
    rep.capacityRevenue = s.optionalInt64(8);
    return rep;
}

void bindRep(Statement& s, const SalesRep& rep)
{
    s.bind(1, rep.code)
        .bind(2, rep.name)
        .bindTextOrNull(3, rep.email)
        .bind(4, rep.managerId)
        .bindTextOrNull(5, rep.team)
        .bind(6, rep.active ? 1 : 0)
        .bind(7, rep.capacityAccounts)
        .bind(8, rep.capacityRevenue);
}

} // namespace

SalesRepRepository::SalesRepRepository(const Database& db) : m_db(db) {}

void SalesRepRepository::insert(SalesRep& rep)
{
    auto s = m_db.cached("INSERT INTO sales_rep (code, name, email, manager_id, team, active, capacity_accounts, capacity_revenue)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    bindRep(*s, rep);
    s->run();
    rep.id = m_db.lastInsertId();
}

void SalesRepRepository::update(const SalesRep& rep)
{
    auto s = m_db.cached(
        "UPDATE sales_rep SET code = ?1, name = ?2, email = ?3, manager_id = ?4, team = ?5, active = ?6,"
        " capacity_accounts = ?7, capacity_revenue = ?8 WHERE id = ?9");
    bindRep(*s, rep);
    s->bind(9, rep.id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "sales rep " + std::to_string(rep.id) + " does not exist");
    }
}

std::optional<SalesRep> SalesRepRepository::find(RepId id) const
{
    auto s = m_db.cached(std::string(kSelect) + " WHERE id = ?1");
    s->bind(1, id);
    if (!s->step()) {
        return std::nullopt;
    }
    return readRep(*s);
}

std::optional<SalesRep> SalesRepRepository::findByCode(const std::string& code) const
{
    auto s = m_db.cached(std::string(kSelect) + " WHERE code = ?1");
    s->bind(1, code);
    if (!s->step()) {
        return std::nullopt;
    }
    return readRep(*s);
}

std::vector<SalesRep> SalesRepRepository::all() const
{
    auto s = m_db.cached(std::string(kSelect) + " ORDER BY name COLLATE NOCASE, id");
    std::vector<SalesRep> reps;
    while (s->step()) {
        reps.push_back(readRep(*s));
    }
    return reps;
}

} // namespace cartera::storage
