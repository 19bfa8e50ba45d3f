#include "storage/exit_repository.h"

#include "storage/database.h"
#include "storage/iso_date.h"
#include "storage/storage_error.h"

namespace cartera::storage {

using namespace cartera::domain;

namespace {

constexpr std::string_view kColumns =
    "e.id, e.customer_id, e.type, e.reason_id, e.competitor, e.notice_on, e.effective_on, e.lost_annual_revenue,"
    " e.retention_actions, e.outcome, e.won_back_on, e.recorded_on";

CustomerExit readExit(const Statement& s)
{
    CustomerExit e;
    e.id = s.int64(0);
    e.customerId = s.int64(1);
    e.type = kExitTypeCodes.parse(s.textView(2)).value_or(ExitType::Other);
    e.reasonId = s.optionalInt64(3);
    e.competitor = s.text(4);
    e.noticeOn = readOptionalDate(s, 5);
    e.effectiveOn = Date::parseIso(s.textView(6)).value_or(Date{});
    e.lostAnnualRevenue = s.int64(7);
    e.retentionActions = s.text(8);
    e.outcome = kExitOutcomeCodes.parse(s.textView(9)).value_or(ExitOutcome::Lost);
    e.wonBackOn = readOptionalDate(s, 10);
    e.recordedOn = Date::parseIso(s.textView(11)).value_or(Date{});
    return e;
}

void bindExit(Statement& s, const CustomerExit& e)
{
    if (auto valid = validateExit(e); !valid) {
        throw StorageError(StorageFailure::Constraint, "exit: " + valid.error().describe());
    }
    s.bind(1, e.customerId).bindStatic(2, kExitTypeCodes.code(e.type)).bind(3, e.reasonId);
    s.bindTextOrNull(4, e.competitor);
    bindOptionalDate(s, 5, e.noticeOn);
    s.bind(6, IsoDate(e.effectiveOn).view()).bind(7, e.lostAnnualRevenue).bindTextOrNull(8, e.retentionActions);
    s.bindStatic(9, kExitOutcomeCodes.code(e.outcome));
    bindOptionalDate(s, 10, e.wonBackOn);
    s.bind(11, IsoDate(e.recordedOn).view());
}

} // namespace

ExitRepository::ExitRepository(const Database& db) : m_db(db) {}

void ExitRepository::insert(CustomerExit& exit)
{
    auto s = m_db.cached(
        "INSERT INTO customer_exit (customer_id, type, reason_id, competitor, notice_on, effective_on,"
        " lost_annual_revenue, retention_actions, outcome, won_back_on, recorded_on, id)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    bindExit(*s, exit);
    s->bindIdOrNull(12, exit.id).run();
    exit.id = m_db.lastInsertId();
}

void ExitRepository::update(const CustomerExit& exit)
{
    auto s = m_db.cached(
        "UPDATE customer_exit SET customer_id = ?1, type = ?2, reason_id = ?3, competitor = ?4, notice_on = ?5,"
        " effective_on = ?6, lost_annual_revenue = ?7, retention_actions = ?8, outcome = ?9, won_back_on = ?10,"
        " recorded_on = ?11 WHERE id = ?12");
    bindExit(*s, exit);
    s->bind(12, exit.id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "exit " + std::to_string(exit.id) + " does not exist");
    }
}

void ExitRepository::remove(CustomerExitId id)
{
    auto s = m_db.cached("DELETE FROM customer_exit WHERE id = ?1");
    s->bind(1, id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "exit " + std::to_string(id) + " does not exist");
    }
}

std::optional<CustomerExit> ExitRepository::find(CustomerExitId id) const
{
    auto s = m_db.prepare("SELECT " + std::string(kColumns) + " FROM customer_exit AS e WHERE e.id = ?1");
    s.bind(1, id);
    if (!s.step()) {
        return std::nullopt;
    }
    return readExit(s);
}

std::vector<CustomerExit> ExitRepository::forCustomer(CustomerId customerId) const
{
    auto s = m_db.prepare("SELECT " + std::string(kColumns) +
                          " FROM customer_exit AS e WHERE e.customer_id = ?1 ORDER BY e.effective_on DESC, e.id DESC");
    s.bind(1, customerId);
    std::vector<CustomerExit> result;
    while (s.step()) {
        result.push_back(readExit(s));
    }
    return result;
}

std::vector<ExitListRow> ExitRepository::list(std::optional<ExitOutcome> outcome) const
{
    auto s = m_db.prepare("SELECT " + std::string(kColumns) +
                          ", c.code, c.name, r.label FROM customer_exit AS e JOIN customer AS c ON c.id = e.customer_id"
                          " LEFT JOIN exit_reason AS r ON r.id = e.reason_id"
                          " WHERE ?1 IS NULL OR e.outcome = ?1 ORDER BY e.effective_on DESC, e.id DESC");
    if (outcome) {
        s.bindStatic(1, kExitOutcomeCodes.code(*outcome));
    } else {
        s.bindNull(1);
    }
    std::vector<ExitListRow> result;
    while (s.step()) {
        result.push_back({readExit(s), s.text(12), s.text(13), s.text(14)});
    }
    return result;
}

void ExitRepository::setCustomerStatus(CustomerId customerId, CustomerStatus status, Date on)
{
    auto s = m_db.cached("UPDATE customer SET status = ?2, updated_on = ?3 WHERE id = ?1");
    s->bind(1, customerId).bindStatic(2, kCustomerStatusCodes.code(status)).bind(3, IsoDate(on).view()).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "customer " + std::to_string(customerId) + " does not exist");
    }
}

std::optional<CustomerStatus> ExitRepository::customerStatus(CustomerId customerId) const
{
    auto s = m_db.cached("SELECT status FROM customer WHERE id = ?1");
    s->bind(1, customerId);
    if (!s->step()) {
        return std::nullopt;
    }
    return kCustomerStatusCodes.parse(s->textView(0));
}

std::int64_t ExitRepository::revenueLastTwelveMonths(CustomerId customerId, Date asOf) const
{
    const int to = asOf.monthKey();
    const int from = asOf.addMonths(-11).monthKey();
    auto s = m_db.cached("SELECT coalesce(sum(revenue), 0) FROM customer_month WHERE customer_id = ?1 AND month BETWEEN ?2 AND ?3");
    s->bind(1, customerId).bind(2, from).bind(3, to);
    return s->step() ? s->int64(0) : 0;
}

std::vector<ExitReason> ExitRepository::reasons(bool includeInactive) const
{
    auto s = m_db.prepare("SELECT id, code, label, active FROM exit_reason WHERE ?1 OR active = 1 ORDER BY label, id");
    s.bind(1, includeInactive ? 1 : 0);
    std::vector<ExitReason> result;
    while (s.step()) {
        result.push_back({s.int64(0), s.text(1), s.text(2), s.int64(3) != 0});
    }
    return result;
}

void ExitRepository::insertReason(ExitReason& reason)
{
    if (reason.code.empty() || reason.label.empty()) {
        throw StorageError(StorageFailure::Constraint, "exit reason: a reason needs a code and a label");
    }
    auto s = m_db.cached("INSERT INTO exit_reason (code, label, active, id) VALUES (?1, ?2, ?3, ?4)");
    s->bind(1, reason.code).bind(2, reason.label).bind(3, reason.active ? 1 : 0).bindIdOrNull(4, reason.id).run();
    reason.id = m_db.lastInsertId();
}

void ExitRepository::updateReason(const ExitReason& reason)
{
    if (reason.code.empty() || reason.label.empty()) {
        throw StorageError(StorageFailure::Constraint, "exit reason: a reason needs a code and a label");
    }
    auto s = m_db.cached("UPDATE exit_reason SET code = ?1, label = ?2, active = ?3 WHERE id = ?4");
    s->bind(1, reason.code).bind(2, reason.label).bind(3, reason.active ? 1 : 0).bind(4, reason.id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "exit reason " + std::to_string(reason.id) + " does not exist");
    }
}

} // namespace cartera::storage
