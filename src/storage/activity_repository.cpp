#include "storage/activity_repository.h"

#include "storage/database.h"
#include "storage/iso_date.h"
#include "storage/storage_error.h"

namespace cartera::storage {

using namespace cartera::domain;

namespace {

constexpr std::string_view kColumns =
    "a.id, a.customer_id, a.owner_rep_id, a.type, a.occurred_on, a.subject, a.details, a.status,"
    " a.first_response_on, a.resolved_on, a.closed_on";



Activity readActivity(const Statement& s)
{
    Activity a;
    a.id = s.int64(0);
    a.customerId = s.int64(1);
    a.ownerRepId = s.optionalInt64(2);
    a.type = kActivityTypeCodes.parse(s.text(3)).value_or(ActivityType::Note);
    a.occurredOn = Date::parseIso(s.text(4)).value_or(Date{});
    a.subject = s.text(5);
    a.details = s.text(6);
    a.status = s.isNull(7) ? std::nullopt : kActivityStatusCodes.parse(s.text(7));
    a.firstResponseOn = readOptionalDate(s, 8);
    a.resolvedOn = readOptionalDate(s, 9);
    a.closedOn = readOptionalDate(s, 10);
    return a;
}

void bindActivity(Statement& s, const Activity& a)
{
    if (auto valid = validateActivity(a); !valid) {
        throw StorageError(StorageFailure::Constraint, "activity: " + valid.error().describe());
    }
    s.bind(1, a.customerId).bind(2, a.ownerRepId).bind(3, kActivityTypeCodes.code(a.type)).bind(4, a.occurredOn.toIso());
    s.bind(5, a.subject).bindTextOrNull(6, a.details);
    if (a.status) {
        s.bind(7, kActivityStatusCodes.code(*a.status));
    } else {
        s.bindNull(7);
    }
    bindOptionalDate(s, 8, a.firstResponseOn);
    bindOptionalDate(s, 9, a.resolvedOn);
    bindOptionalDate(s, 10, a.closedOn);
}

/// WHERE clause for a filter: fixed fragments; the values are bound as ?1..?4 (unused ones are
/// bound too, which SQLite allows).
std::string filterWhere(const ActivityFilter& f)
{
    std::string where;
    const auto add = [&where](std::string_view condition) {
        where += where.empty() ? " WHERE " : " AND ";
        where += condition;
    };
    if (f.type) {
        add("a.type = ?1");
    }
    if (f.progress == ActivityProgress::Pending) {
        add("a.status IN ('open', 'in_progress')");
    } else if (f.progress == ActivityProgress::Done) {
        add("a.status IN ('resolved', 'closed')");
    }
    if (f.ownerRepId) {
        add("a.owner_rep_id = ?2");
    }
    if (f.since) {
        add("a.occurred_on >= ?3");
    }
    return where;
}

void bindFilter(Statement& s, const ActivityFilter& f, const IsoDate& since)
{
    if (f.type) {
        s.bindStatic(1, kActivityTypeCodes.code(*f.type));
    }
    if (f.ownerRepId) {
        s.bind(2, *f.ownerRepId);
    }
    if (f.since) {
        s.bindStatic(3, since.view());
    }
}

} // namespace

std::int64_t ActivityRepository::count(const ActivityFilter& filter) const
{
    const IsoDate since(filter.since.value_or(Date{}));
    auto s = m_db.prepare("SELECT count(*) FROM activity AS a" + filterWhere(filter));
    bindFilter(s, filter, since);
    return s.step() ? s.int64(0) : 0;
}

std::vector<ActivityListRow> ActivityRepository::list(const ActivityFilter& filter, std::int64_t offset,
                                                      int limit) const
{
    const IsoDate since(filter.since.value_or(Date{}));
    auto s = m_db.prepare("SELECT " + std::string(kColumns) +
                          ", c.code, c.name, r.name FROM activity AS a JOIN customer AS c ON c.id = a.customer_id"
                          " LEFT JOIN sales_rep AS r ON r.id = a.owner_rep_id" +
                          filterWhere(filter) + " ORDER BY a.occurred_on DESC, a.id DESC LIMIT ?4 OFFSET ?5");
    bindFilter(s, filter, since);
    s.bind(4, static_cast<std::int64_t>(limit)).bind(5, offset);
    std::vector<ActivityListRow> result;
    while (s.step()) {
        result.push_back({readActivity(s), s.text(11), s.text(12), s.text(13)});
    }
    return result;
}

ActivityRepository::ActivityRepository(const Database& db) : m_db(db) {}

void ActivityRepository::insert(Activity& activity)
{
    auto s = m_db.cached(
        "INSERT INTO activity (customer_id, owner_rep_id, type, occurred_on, subject, details, status,"
        " first_response_on, resolved_on, closed_on, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    bindActivity(*s, activity);
    s->bindIdOrNull(11, activity.id).run();
    activity.id = m_db.lastInsertId();
}

void ActivityRepository::update(const Activity& activity)
{
    auto s = m_db.cached(
        "UPDATE activity SET customer_id = ?1, owner_rep_id = ?2, type = ?3, occurred_on = ?4, subject = ?5,"
        " details = ?6, status = ?7, first_response_on = ?8, resolved_on = ?9, closed_on = ?10 WHERE id = ?11");
    bindActivity(*s, activity);
    s->bind(11, activity.id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "activity " + std::to_string(activity.id) + " does not exist");
    }
}

void ActivityRepository::remove(ActivityId id)
{
    auto s = m_db.cached("DELETE FROM activity WHERE id = ?1");
    s->bind(1, id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "activity " + std::to_string(id) + " does not exist");
    }
}

std::optional<Activity> ActivityRepository::find(ActivityId id) const
{
    auto s = m_db.cached("SELECT " + std::string(kColumns) + " FROM activity AS a WHERE a.id = ?1");
    s->bind(1, id);
    if (!s->step()) {
        return std::nullopt;
    }
    return readActivity(*s);
}

std::vector<Activity> ActivityRepository::forCustomer(CustomerId customerId) const
{
    auto s = m_db.cached("SELECT " + std::string(kColumns) +
                         " FROM activity AS a WHERE a.customer_id = ?1 ORDER BY a.occurred_on DESC, a.id DESC");
    s->bind(1, customerId);
    std::vector<Activity> result;
    while (s->step()) {
        result.push_back(readActivity(*s));
    }
    return result;
}

std::vector<ActivityListRow> ActivityRepository::pending() const
{
    auto s = m_db.cached("SELECT " + std::string(kColumns) +
                         ", c.code, c.name, r.name FROM activity AS a JOIN customer AS c ON c.id = a.customer_id"
                         " LEFT JOIN sales_rep AS r ON r.id = a.owner_rep_id"
                         " WHERE a.status IN ('open', 'in_progress') ORDER BY a.occurred_on, a.id");
    std::vector<ActivityListRow> result;
    while (s->step()) {
        result.push_back({readActivity(*s), s->text(11), s->text(12), s->text(13)});
    }
    return result;
}

} // namespace cartera::storage
