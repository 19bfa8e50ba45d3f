#include "storage/segment_repository.h"

#include "storage/database.h"
#include "storage/iso_date.h"
#include "storage/segment_sql.h"
#include "storage/statement.h"
#include "storage/storage_error.h"

#include <sqlite3.h>

namespace cartera::storage {

using namespace cartera::domain;

namespace {

constexpr std::string_view kSelect = "SELECT id, name, kind, definition, created_on, updated_on FROM segment";

constexpr std::string_view kInsert = R"sql(
INSERT INTO segment (name, kind, definition, created_on, updated_on, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
)sql";

constexpr std::string_view kUpdate = R"sql(
UPDATE segment SET name = ?1, definition = ?2, updated_on = ?3 WHERE id = ?4
)sql";

SegmentRecord readRecord(const Statement& s)
{
    SegmentRecord r;
    r.id = s.int64(0);
    r.name = s.text(1);
    r.kind = kSegmentKindCodes.parse(s.text(2)).value_or(SegmentKind::Rule);
    r.definition = s.text(3);
    r.created = Date::parseIso(s.text(4)).value_or(Date{});
    r.updated = Date::parseIso(s.text(5)).value_or(Date{});
    return r;
}

template <typename Write>
void withDuplicateNameMessage(const std::string& name, Write&& write)
{
    try {
        write();
    } catch (const StorageError& e) {
        if (e.sqliteCode() == SQLITE_CONSTRAINT_UNIQUE) {
            throw StorageError(StorageFailure::Constraint, "a segment named '" + name + "' already exists",
                               e.sqliteCode());
        }
        throw;
    }
}

/// The SQL selecting a segment's customers that are not archived: WHERE clause text after
/// "FROM customer AS c".
std::string membersWhere(const SegmentSql& sql)
{
    return " WHERE c.archived_on IS NULL AND " + numberPlaceholders(sql.condition, 1);
}

} // namespace

SegmentRepository::SegmentRepository(const Database& db) : m_db(db) {}

void SegmentRepository::insert(SegmentRecord& record)
{
    withDuplicateNameMessage(record.name, [&] {
        auto s = m_db.prepare(kInsert);
        const IsoDate created(record.created);
        const IsoDate updated(record.updated);
        s.bind(1, record.name).bindStatic(2, kSegmentKindCodes.code(record.kind));
        if (record.kind == SegmentKind::Rule) {
            s.bind(3, record.definition);
        } else {
            s.bindNull(3);
        }
        s.bind(4, created.view()).bind(5, updated.view()).bindIdOrNull(6, record.id).run();
        record.id = m_db.lastInsertId();
    });
}

void SegmentRepository::update(const SegmentRecord& record)
{
    withDuplicateNameMessage(record.name, [&] {
        auto s = m_db.prepare(kUpdate);
        const IsoDate updated(record.updated);
        s.bind(1, record.name);
        if (record.kind == SegmentKind::Rule) {
            s.bind(2, record.definition);
        } else {
            s.bindNull(2);
        }
        s.bind(3, updated.view()).bind(4, record.id).run();
    });
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "segment " + std::to_string(record.id) + " does not exist");
    }
}

void SegmentRepository::remove(SegmentId id)
{
    auto s = m_db.prepare("DELETE FROM segment WHERE id = ?1");
    s.bind(1, id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "segment " + std::to_string(id) + " does not exist");
    }
}

std::vector<SegmentRecord> SegmentRepository::list() const
{
    auto s = m_db.prepare(std::string(kSelect) + " ORDER BY name COLLATE NOCASE, id");
    std::vector<SegmentRecord> records;
    while (s.step()) {
        records.push_back(readRecord(s));
    }
    return records;
}

std::optional<SegmentRecord> SegmentRepository::find(SegmentId id) const
{
    auto s = m_db.prepare(std::string(kSelect) + " WHERE id = ?1");
    s.bind(1, id);
    if (!s.step()) {
        return std::nullopt;
    }
    return readRecord(s);
}

std::optional<SegmentRecord> SegmentRepository::findByName(const std::string& name) const
{
    auto s = m_db.prepare(std::string(kSelect) + " WHERE name = ?1");
    s.bind(1, name);
    if (!s.step()) {
        return std::nullopt;
    }
    return readRecord(s);
}

std::int64_t SegmentRepository::addMembers(SegmentId id, const std::vector<CustomerId>& customers)
{
    WriteTransaction transaction(m_db);
    auto s = m_db.prepare("INSERT OR IGNORE INTO segment_member (segment_id, customer_id) VALUES (?1, ?2)");
    std::int64_t added = 0;
    for (const CustomerId customer : customers) {
        s.bind(1, id).bind(2, customer).run();
        added += m_db.changes();
        s.reset();
    }
    transaction.commit();
    return added;
}

std::int64_t SegmentRepository::removeMembers(SegmentId id, const std::vector<CustomerId>& customers)
{
    WriteTransaction transaction(m_db);
    auto s = m_db.prepare("DELETE FROM segment_member WHERE segment_id = ?1 AND customer_id = ?2");
    std::int64_t removed = 0;
    for (const CustomerId customer : customers) {
        s.bind(1, id).bind(2, customer).run();
        removed += m_db.changes();
        s.reset();
    }
    transaction.commit();
    return removed;
}

void SegmentRepository::replaceMembers(SegmentId id, const std::vector<CustomerId>& customers)
{
    WriteTransaction transaction(m_db);
    auto clear = m_db.prepare("DELETE FROM segment_member WHERE segment_id = ?1");
    clear.bind(1, id).run();
    auto s = m_db.prepare("INSERT OR IGNORE INTO segment_member (segment_id, customer_id) VALUES (?1, ?2)");
    for (const CustomerId customer : customers) {
        s.bind(1, id).bind(2, customer).run();
        s.reset();
    }
    transaction.commit();
}

std::vector<SegmentId> SegmentRepository::staticListsOf(CustomerId customer) const
{
    auto s = m_db.prepare("SELECT segment_id FROM segment_member WHERE customer_id = ?1 ORDER BY segment_id");
    s.bind(1, customer);
    std::vector<SegmentId> ids;
    while (s.step()) {
        ids.push_back(s.int64(0));
    }
    return ids;
}

std::vector<CustomerId> SegmentRepository::staticMembers(SegmentId id) const
{
    auto s = m_db.prepare("SELECT customer_id FROM segment_member WHERE segment_id = ?1 ORDER BY customer_id");
    s.bind(1, id);
    std::vector<CustomerId> ids;
    while (s.step()) {
        ids.push_back(s.int64(0));
    }
    return ids;
}

std::int64_t SegmentRepository::count(SegmentId id, Date asOf) const
{
    const auto sql = savedSegmentCondition(m_db, id, asOf);
    auto s = m_db.prepare("SELECT count(*) FROM customer AS c" + membersWhere(sql));
    bindSqlValues(s, 1, sql.parameters);
    return s.step() ? s.int64(0) : 0;
}

std::int64_t SegmentRepository::count(const SegmentDefinition& definition, Date asOf) const
{
    const auto sql = compileSegment(definition, asOf);
    auto s = m_db.prepare("SELECT count(*) FROM customer AS c" + membersWhere(sql));
    bindSqlValues(s, 1, sql.parameters);
    return s.step() ? s.int64(0) : 0;
}

std::vector<CustomerId> SegmentRepository::memberIds(SegmentId id, Date asOf, std::int64_t offset,
                                                     std::int64_t limit) const
{
    const auto sql = savedSegmentCondition(m_db, id, asOf);
    const auto next = static_cast<int>(sql.parameters.size()) + 1;
    auto s = m_db.prepare("SELECT c.id FROM customer AS c" + membersWhere(sql) + " ORDER BY c.id LIMIT ?" +
                          std::to_string(next) + " OFFSET ?" + std::to_string(next + 1));
    bindSqlValues(s, 1, sql.parameters);
    s.bind(next, limit).bind(next + 1, offset);
    std::vector<CustomerId> ids;
    while (s.step()) {
        ids.push_back(s.int64(0));
    }
    return ids;
}

} // namespace cartera::storage
