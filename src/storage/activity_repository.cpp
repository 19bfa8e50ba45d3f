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

} // namespace

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

std::vector<PendingActivityRow> ActivityRepository::pending() const
{
    auto s = m_db.cached("SELECT " + std::string(kColumns) +
                         ", c.code, c.name, r.name FROM activity AS a JOIN customer AS c ON c.id = a.customer_id"
                         " LEFT JOIN sales_rep AS r ON r.id = a.owner_rep_id"
                         " WHERE a.status IN ('open', 'in_progress') ORDER BY a.occurred_on, a.id");
    std::vector<PendingActivityRow> result;
    while (s->step()) {
        result.push_back({readActivity(*s), s->text(11), s->text(12), s->text(13)});
    }
    return result;
}

} // namespace cartera::storage
