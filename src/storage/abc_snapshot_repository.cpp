#include "storage/abc_snapshot_repository.h"

#include "storage/database.h"
#include "storage/iso_date.h"
#include "storage/multi_row_insert.h"
#include "storage/storage_error.h"

#include <algorithm>

namespace cartera::storage {

using namespace cartera::domain;

namespace {

constexpr std::string_view kInsertSnapshot = R"sql(
INSERT INTO abc_snapshot (name, created_on, criterion, from_month, to_month, scope, thresholds, classified, apart)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
)sql";

constexpr std::string_view kInsertEntryHead = R"sql(
INSERT INTO abc_snapshot_entry (snapshot_id, customer_id, class, value, rank) VALUES)sql";
constexpr int kEntryColumns = 5;

const MultiRowInsert& entryInsert()
{
    static const MultiRowInsert insert(kInsertEntryHead, kEntryColumns);
    return insert;
}

constexpr std::string_view kSelectSnapshots = R"sql(
SELECT id, name, created_on, criterion, from_month, to_month, scope, thresholds, classified, apart
FROM abc_snapshot
)sql";

constexpr std::string_view kSelectEntries = R"sql(
SELECT customer_id, class, value, rank FROM abc_snapshot_entry WHERE snapshot_id = ?1
)sql";

constexpr std::string_view kDeleteSnapshot = "DELETE FROM abc_snapshot WHERE id = ?1";

/// A stored value that does not read back is damage (or an outside edit), not user input.
[[noreturn]] void corrupt(AbcSnapshotId id, const std::string& what)
{
    throw StorageError(StorageFailure::Corrupt, "ABC snapshot " + std::to_string(id) + ": " + what);
}

AbcSnapshotInfo readInfo(const Statement& s)
{
    AbcSnapshotInfo info;
    info.id = s.int64(0);
    info.name = s.text(1);
    const auto created = Date::parseIso(s.text(2));
    const auto criterion = kAbcCriterionCodes.parse(s.text(3));
    auto period = MonthRange::between(s.int32(4), s.int32(5));
    auto scope = abcScopeFromJson(s.text(6));
    auto thresholds = abcThresholdsFromJson(s.text(7));
    if (!created || !criterion) {
        corrupt(info.id, "the date or criterion is not valid");
    }
    for (const Error* error : {period ? nullptr : &period.error(), scope ? nullptr : &scope.error(),
                               thresholds ? nullptr : &thresholds.error()}) {
        if (error) {
            corrupt(info.id, error->describe());
        }
    }
    info.createdOn = *created;
    info.criterion = *criterion;
    info.period = period.value();
    info.scope = scope.value();
    info.thresholds = thresholds.value();
    info.classified = s.int64(8);
    info.apart = s.int64(9);
    return info;
}

/// One entry as written: the class code is static text, bound without a copy.
struct EntryRow final {
    AbcSnapshotId snapshotId;
    const AbcSnapshotEntry* entry;
};

void bindEntry(Statement& s, int first, const EntryRow& row)
{
    const AbcSnapshotEntry& e = *row.entry;
    s.bind(first, row.snapshotId).bind(first + 1, e.customerId);
    if (e.abcClass) {
        s.bindStatic(first + 2, kAbcClassCodes.code(*e.abcClass)).bind(first + 4, e.rank);
    } else {
        s.bindNull(first + 2).bindNull(first + 4);
    }
    s.bind(first + 3, e.value);
}

} // namespace

AbcSnapshotRepository::AbcSnapshotRepository(const Database& db) : m_db(db)
{
}

void AbcSnapshotRepository::insert(AbcSnapshotInfo& info, const std::vector<AbcSnapshotEntry>& entries)
{
    info.classified =
        std::count_if(entries.begin(), entries.end(), [](const auto& e) { return e.abcClass.has_value(); });
    info.apart = static_cast<std::int64_t>(entries.size()) - info.classified;
    WriteTransaction transaction(m_db);
    {
        auto s = m_db.cached(kInsertSnapshot);
        const IsoDate created(info.createdOn);
        s->bind(1, info.name)
            .bind(2, created.view())
            .bindStatic(3, kAbcCriterionCodes.code(info.criterion))
            .bind(4, info.period.fromMonth())
            .bind(5, info.period.toMonth())
            .bind(6, abcScopeToJson(info.scope))
            .bind(7, abcThresholdsToJson(info.thresholds))
            .bind(8, info.classified)
            .bind(9, info.apart)
            .run();
    }
    const AbcSnapshotId id = m_db.lastInsertId();
    // In customer id order the rows append to the table's b-tree instead of landing all over it.
    std::vector<EntryRow> rows;
    rows.reserve(entries.size());
    for (const auto& entry : entries) {
        rows.push_back({id, &entry});
    }
    std::sort(rows.begin(), rows.end(),
              [](const EntryRow& a, const EntryRow& b) { return a.entry->customerId < b.entry->customerId; });
    entryInsert().write(m_db, std::span<const EntryRow>(rows), bindEntry);
    transaction.commit();
    info.id = id;
}

std::vector<AbcSnapshotInfo> AbcSnapshotRepository::list() const
{
    auto s = m_db.prepare(std::string(kSelectSnapshots) + " ORDER BY created_on DESC, id DESC");
    std::vector<AbcSnapshotInfo> infos;
    while (s.step()) {
        infos.push_back(readInfo(s));
    }
    return infos;
}

std::optional<AbcSnapshotInfo> AbcSnapshotRepository::findInfo(AbcSnapshotId id) const
{
    auto s = m_db.prepare(std::string(kSelectSnapshots) + " WHERE id = ?1");
    s.bind(1, id);
    if (!s.step()) {
        return std::nullopt;
    }
    return readInfo(s);
}

std::optional<AbcSnapshot> AbcSnapshotRepository::find(AbcSnapshotId id) const
{
    const ReadTransaction transaction(m_db);
    auto info = findInfo(id);
    if (!info) {
        return std::nullopt;
    }
    AbcSnapshot snapshot;
    snapshot.info = std::move(*info);
    snapshot.entries.reserve(static_cast<std::size_t>(snapshot.info.classified + snapshot.info.apart));
    auto s = m_db.prepare(kSelectEntries);
    s.bind(1, id);
    while (s.step()) {
        AbcSnapshotEntry& entry = snapshot.entries.emplace_back();
        entry.customerId = s.int64(0);
        if (!s.isNull(1)) {
            entry.abcClass = kAbcClassCodes.parse(s.text(1));
            if (!entry.abcClass) {
                corrupt(id, "unknown class '" + s.text(1) + "'");
            }
            entry.rank = s.int64(3);
        }
        entry.value = s.int64(2);
    }
    // Stored in customer id order; read back as the classification listed them.
    std::sort(snapshot.entries.begin(), snapshot.entries.end(),
              [](const AbcSnapshotEntry& a, const AbcSnapshotEntry& b) {
                  const bool aApart = !a.abcClass;
                  const bool bApart = !b.abcClass;
                  if (aApart != bApart) {
                      return bApart;
                  }
                  if (!aApart) {
                      return a.rank < b.rank;
                  }
                  return a.value != b.value ? a.value > b.value : a.customerId < b.customerId;
              });
    return snapshot;
}

void AbcSnapshotRepository::remove(AbcSnapshotId id)
{
    WriteTransaction transaction(m_db);
    auto s = m_db.cached(kDeleteSnapshot);
    s->bind(1, id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "no ABC snapshot has the id " + std::to_string(id));
    }
    transaction.commit();
}

std::optional<AbcSnapshotRepository::Standing> AbcSnapshotRepository::latestStandingOf(CustomerId customerId) const
{
    // Snapshots are few: each is probed by its primary key (snapshot_id, customer_id).
    auto s = m_db.prepare(
        "SELECT s.id, e.class FROM abc_snapshot AS s JOIN abc_snapshot_entry AS e"
        " ON e.snapshot_id = s.id AND e.customer_id = ?1 ORDER BY s.created_on DESC, s.id DESC LIMIT 1");
    s.bind(1, customerId);
    if (!s.step()) {
        return std::nullopt;
    }
    const auto snapshotId = s.int64(0);
    const auto cls = s.isNull(1) ? std::nullopt : kAbcClassCodes.parse(s.text(1));
    auto info = findInfo(snapshotId);
    if (!info) {
        return std::nullopt;
    }
    return Standing{std::move(*info), cls};
}

} // namespace cartera::storage
