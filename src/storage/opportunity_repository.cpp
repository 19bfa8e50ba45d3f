#include "storage/opportunity_repository.h"

#include "storage/database.h"
#include "storage/iso_date.h"
#include "storage/storage_error.h"

#include <algorithm>
#include <cstdio>

namespace cartera::storage {

using namespace cartera::domain;

namespace {

constexpr std::string_view kSelectColumns = R"sql(
SELECT o.id, o.customer_id, o.title, o.amount, o.currency, o.stage, o.probability, o.expected_close,
       o.owner_rep_id, o.source, o.campaign_id, o.next_step, o.next_step_on, o.category, o.closed_on,
       o.lost_reason, o.created_on, o.stage_changed_on)sql";

constexpr std::string_view kInsert = R"sql(
INSERT INTO opportunity (id, customer_id, title, amount, currency, stage, probability, expected_close, owner_rep_id,
                         source, campaign_id, next_step, next_step_on, category, closed_on, lost_reason, created_on,
                         stage_changed_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
)sql";

constexpr std::string_view kUpdate = R"sql(
UPDATE opportunity SET customer_id = ?2, title = ?3, amount = ?4, currency = ?5, stage = ?6, probability = ?7,
       expected_close = ?8, owner_rep_id = ?9, source = ?10, campaign_id = ?11, next_step = ?12, next_step_on = ?13,
       category = ?14, closed_on = ?15, lost_reason = ?16, created_on = ?17, stage_changed_on = ?18
WHERE id = ?1
)sql";

constexpr std::string_view kInsertLine = R"sql(
INSERT INTO opportunity_line (opportunity_id, line_no, product_id, quantity, amount) VALUES (?1, ?2, ?3, ?4, ?5)
)sql";

constexpr std::string_view kSelectLines = R"sql(
SELECT product_id, quantity, amount FROM opportunity_line WHERE opportunity_id = ?1 ORDER BY line_no
)sql";

constexpr std::string_view kInsertChange = R"sql(
INSERT INTO opportunity_stage_history (id, opportunity_id, from_stage, to_stage, changed_on) VALUES (?1, ?2, ?3, ?4, ?5)
)sql";

constexpr std::string_view kSelectHistory = R"sql(
SELECT id, opportunity_id, from_stage, to_stage, changed_on FROM opportunity_stage_history
WHERE opportunity_id = ?1 ORDER BY id
)sql";

// The weighted amount of one deal, rounded half up as domain::weightedAmount rounds amounts >= 0.
constexpr std::string_view kStageSums = R"sql(
SELECT o.stage, count(*), coalesce(sum(o.amount), 0),
       coalesce(sum((o.amount * coalesce(o.probability, s.probability) + 50) / 100), 0)
FROM opportunity AS o JOIN opportunity_stage AS s ON s.code = o.stage
)sql";

// Open deals expected to close in the period, and deals closed in it.
constexpr std::string_view kForecastFacts = R"sql(
SELECT coalesce(o.owner_rep_id, 0), s.outcome, o.category, o.amount, coalesce(o.probability, s.probability)
FROM opportunity AS o INDEXED BY opportunity_expected_close JOIN opportunity_stage AS s ON s.code = o.stage
WHERE o.expected_close BETWEEN ?1 AND ?2 AND s.outcome = 'open'
UNION ALL
SELECT coalesce(o.owner_rep_id, 0), s.outcome, o.category, o.amount, coalesce(o.probability, s.probability)
FROM opportunity AS o INDEXED BY opportunity_closed_on JOIN opportunity_stage AS s ON s.code = o.stage
WHERE o.closed_on BETWEEN ?1 AND ?2 AND s.outcome <> 'open'
)sql";

constexpr std::string_view kClosedDeals = R"sql(
SELECT coalesce(o.owner_rep_id, 0), coalesce(o.source, ''), s.outcome = 'won', o.amount,
       julianday(o.closed_on) - julianday(o.created_on), coalesce(o.lost_reason, '')
FROM opportunity AS o INDEXED BY opportunity_closed_on JOIN opportunity_stage AS s ON s.code = o.stage
WHERE o.closed_on BETWEEN ?1 AND ?2 AND s.outcome <> 'open'
)sql";

// The furthest open stage each closed deal passed through, from its history.
constexpr std::string_view kFurthest = R"sql(
SELECT coalesce(max(CASE WHEN hs.outcome = 'open' THEN hs.position END), 0), s.outcome = 'won'
FROM opportunity AS o INDEXED BY opportunity_closed_on
JOIN opportunity_stage AS s ON s.code = o.stage
JOIN opportunity_stage_history AS h ON h.opportunity_id = o.id
JOIN opportunity_stage AS hs ON hs.code = h.to_stage
WHERE o.closed_on BETWEEN ?1 AND ?2 AND s.outcome <> 'open'
GROUP BY o.id
)sql";

constexpr std::string_view kWonByMonth = R"sql(
SELECT CAST(strftime('%Y%m', o.closed_on) AS INTEGER) AS month, sum(o.amount)
FROM opportunity AS o INDEXED BY opportunity_closed_on JOIN opportunity_stage AS s ON s.code = o.stage
WHERE o.closed_on BETWEEN ?1 AND ?2 AND s.outcome = 'won'
GROUP BY month
)sql";

constexpr std::string_view kTargets = R"sql(
SELECT rep_id, sum(amount) FROM sales_target WHERE month BETWEEN ?1 AND ?2 GROUP BY rep_id
)sql";

// The portfolio's revenue per month from the month-first covering index (customer_month_period).
constexpr std::string_view kMonthlyRevenue = R"sql(
SELECT month, sum(revenue) FROM customer_month INDEXED BY customer_month_period
WHERE month BETWEEN ?1 AND ?2 GROUP BY month
)sql";

constexpr std::string_view kSelectSnapshots = R"sql(
SELECT id, name, created_on, from_month, to_month, grouping, projection, rows FROM forecast_snapshot
)sql";

[[noreturn]] void corrupt(const std::string& what, std::int64_t id, const std::string& problem)
{
    throw StorageError(StorageFailure::Corrupt, what + " " + std::to_string(id) + ": " + problem);
}

std::string firstDay(int month)
{
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-01", month / 100, month % 100);
    return text;
}

std::string lastDay(int month)
{
    // Every day of the month sorts at or before "-31" as ISO text.
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-31", month / 100, month % 100);
    return text;
}

Date readDate(const Statement& s, int column, std::int64_t id)
{
    const auto date = Date::parseIso(s.text(column));
    if (!date) {
        corrupt("opportunity", id, "a date is not valid");
    }
    return *date;
}

Opportunity readOpportunity(const Statement& s)
{
    Opportunity o;
    o.id = s.int64(0);
    o.customerId = s.int64(1);
    o.title = s.text(2);
    o.amount.minor = s.int64(3);
    const auto currency = CurrencyCode::parse(s.text(4));
    if (!currency) {
        corrupt("opportunity", o.id, "the currency is not valid");
    }
    o.amount.currency = *currency;
    o.stage = s.text(5);
    if (!s.isNull(6)) {
        o.probabilityOverride = s.int32(6);
    }
    o.expectedClose = readDate(s, 7, o.id);
    o.ownerRepId = s.optionalInt64(8);
    o.source = s.text(9);
    o.campaignId = s.optionalInt64(10);
    o.nextStep = s.text(11);
    o.nextStepOn = readOptionalDate(s, 12);
    const auto category = kForecastCategoryCodes.parse(s.textView(13));
    if (!category) {
        corrupt("opportunity", o.id, "the forecast category is not valid");
    }
    o.category = *category;
    o.closedOn = readOptionalDate(s, 14);
    o.lostReason = s.text(15);
    o.createdOn = readDate(s, 16, o.id);
    o.stageChangedOn = readDate(s, 17, o.id);
    return o;
}

void bindOpportunity(Statement& s, const Opportunity& o)
{
    s.bindIdOrNull(1, o.id)
        .bind(2, o.customerId)
        .bind(3, o.title)
        .bind(4, o.amount.minor)
        .bind(5, o.amount.currency.str())
        .bind(6, o.stage)
        .bind(7, o.probabilityOverride)
        .bind(8, IsoDate(o.expectedClose).view())
        .bind(9, o.ownerRepId)
        .bindTextOrNull(10, o.source)
        .bind(11, o.campaignId)
        .bindTextOrNull(12, o.nextStep);
    bindOptionalDate(s, 13, o.nextStepOn);
    s.bind(14, kForecastCategoryCodes.code(o.category));
    bindOptionalDate(s, 15, o.closedOn);
    s.bindTextOrNull(16, o.lostReason).bind(17, IsoDate(o.createdOn).view()).bind(18, IsoDate(o.stageChangedOn).view());
}

/// The WHERE clause of a filter, of fixed fragments; the values are bound by bindFilter in the same order.
std::string whereClause(const OpportunityFilter& f)
{
    std::string sql = " WHERE 1";
    if (f.ownerRepId) {
        sql += " AND o.owner_rep_id = ?1";
    }
    if (f.stage) {
        sql += " AND o.stage = ?2";
    }
    if (f.customerId) {
        sql += " AND o.customer_id = ?3";
    }
    if (f.closeMonths) {
        sql += " AND ((o.closed_on IS NULL AND o.expected_close BETWEEN ?4 AND ?5) OR o.closed_on BETWEEN ?4 AND ?5)";
    }
    if (f.openOnly) {
        sql += " AND o.stage IN (SELECT code FROM opportunity_stage WHERE outcome = 'open')";
    }
    return sql;
}

void bindFilter(Statement& s, const OpportunityFilter& f)
{
    if (f.ownerRepId) {
        s.bind(1, *f.ownerRepId);
    }
    if (f.stage) {
        s.bind(2, *f.stage);
    }
    if (f.customerId) {
        s.bind(3, *f.customerId);
    }
    if (f.closeMonths) {
        s.bind(4, firstDay(f.closeMonths->fromMonth())).bind(5, lastDay(f.closeMonths->toMonth()));
    }
}

} // namespace

OpportunityRepository::OpportunityRepository(const Database& db) : m_db(db) {}

std::vector<Stage> OpportunityRepository::stages() const
{
    auto s = m_db.cached("SELECT code, name, position, probability, outcome FROM opportunity_stage ORDER BY position");
    std::vector<Stage> out;
    while (s->step()) {
        Stage stage;
        stage.code = s->text(0);
        stage.name = s->text(1);
        stage.position = s->int32(2);
        stage.probabilityPercent = s->int32(3);
        const auto outcome = kStageOutcomeCodes.parse(s->textView(4));
        if (!outcome) {
            throw StorageError(StorageFailure::Corrupt, "stage " + stage.code + ": the outcome is not valid");
        }
        stage.outcome = *outcome;
        out.push_back(std::move(stage));
    }
    return out;
}

void OpportunityRepository::updateStage(const Stage& stage)
{
    auto s = m_db.cached("UPDATE opportunity_stage SET name = ?2, probability = ?3 WHERE code = ?1");
    s->bind(1, stage.code).bind(2, stage.name).bind(3, stage.probabilityPercent).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "there is no stage \"" + stage.code + "\"");
    }
}

std::vector<LostReason> OpportunityRepository::lostReasons() const
{
    auto s = m_db.cached("SELECT code, label FROM lost_reason ORDER BY label");
    std::vector<LostReason> out;
    while (s->step()) {
        out.push_back({s->text(0), s->text(1)});
    }
    return out;
}

void OpportunityRepository::saveLostReason(const LostReason& reason)
{
    auto s = m_db.cached(
        "INSERT INTO lost_reason (code, label) VALUES (?1, ?2) ON CONFLICT (code) DO UPDATE SET label = excluded.label");
    s->bind(1, reason.code).bind(2, reason.label).run();
}

void OpportunityRepository::writeLines(const Opportunity& o)
{
    auto clear = m_db.cached("DELETE FROM opportunity_line WHERE opportunity_id = ?1");
    clear->bind(1, o.id).run();
    auto insert = m_db.cached(kInsertLine);
    int lineNo = 1;
    for (const auto& line : o.lines) {
        insert->bind(1, o.id).bind(2, lineNo++).bind(3, line.productId).bind(4, line.quantity).bind(5, line.amountMinor);
        insert->run();
    }
}

void OpportunityRepository::insert(Opportunity& o)
{
    WriteTransaction transaction(m_db);
    auto s = m_db.cached(kInsert);
    bindOpportunity(*s, o);
    s->run();
    o.id = m_db.lastInsertId();
    writeLines(o);
    transaction.commit();
}

void OpportunityRepository::update(const Opportunity& o)
{
    WriteTransaction transaction(m_db);
    auto s = m_db.cached(kUpdate);
    bindOpportunity(*s, o);
    s->bind(1, o.id);
    s->run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "opportunity " + std::to_string(o.id) + " does not exist");
    }
    writeLines(o);
    transaction.commit();
}

void OpportunityRepository::remove(OpportunityId id)
{
    auto s = m_db.cached("DELETE FROM opportunity WHERE id = ?1");
    s->bind(1, id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "opportunity " + std::to_string(id) + " does not exist");
    }
}

std::optional<Opportunity> OpportunityRepository::find(OpportunityId id) const
{
    auto s = m_db.cached(std::string(kSelectColumns) + " FROM opportunity AS o WHERE o.id = ?1");
    s->bind(1, id);
    if (!s->step()) {
        return std::nullopt;
    }
    auto o = readOpportunity(*s);
    auto lines = m_db.cached(kSelectLines);
    lines->bind(1, id);
    while (lines->step()) {
        o.lines.push_back({lines->int64(0), lines->int64(1), lines->int64(2)});
    }
    return o;
}

void OpportunityRepository::addStageChange(StageChange& change)
{
    auto s = m_db.cached(kInsertChange);
    s->bindIdOrNull(1, change.id).bind(2, change.opportunityId).bindTextOrNull(3, change.fromStage).bind(4, change.toStage);
    s->bind(5, IsoDate(change.changedOn).view()).run();
    change.id = m_db.lastInsertId();
}

void OpportunityRepository::removeStageChange(std::int64_t changeId)
{
    auto s = m_db.cached("DELETE FROM opportunity_stage_history WHERE id = ?1");
    s->bind(1, changeId).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "stage change " + std::to_string(changeId) + " does not exist");
    }
}

std::vector<StageChange> OpportunityRepository::history(OpportunityId id) const
{
    auto s = m_db.cached(kSelectHistory);
    s->bind(1, id);
    std::vector<StageChange> out;
    while (s->step()) {
        StageChange c;
        c.id = s->int64(0);
        c.opportunityId = s->int64(1);
        c.fromStage = s->text(2);
        c.toStage = s->text(3);
        c.changedOn = readDate(*s, 4, c.opportunityId);
        out.push_back(std::move(c));
    }
    return out;
}

void OpportunityRepository::restoreHistory(const std::vector<StageChange>& changes)
{
    WriteTransaction transaction(m_db);
    for (auto change : changes) {
        addStageChange(change);
    }
    transaction.commit();
}

std::int64_t OpportunityRepository::wonCount(CustomerId customerId) const
{
    auto s = m_db.cached(R"sql(
SELECT count(*) FROM opportunity AS o JOIN opportunity_stage AS s ON s.code = o.stage
WHERE o.customer_id = ?1 AND s.outcome = 'won'
)sql");
    s->bind(1, customerId);
    s->step();
    return s->int64(0);
}

std::int64_t OpportunityRepository::count(const OpportunityFilter& filter) const
{
    auto s = m_db.prepare("SELECT count(*) FROM opportunity AS o" + whereClause(filter));
    bindFilter(s, filter);
    s.step();
    return s.int64(0);
}

std::vector<OpportunityRow> OpportunityRepository::list(const OpportunityFilter& filter, std::int64_t offset,
                                                        int limit) const
{
    auto s = m_db.cached(std::string(kSelectColumns) +
                         ", c.code, c.name, c.kind = 'prospect', coalesce(r.name, '')"
                         " FROM opportunity AS o JOIN customer AS c ON c.id = o.customer_id"
                         " LEFT JOIN sales_rep AS r ON r.id = o.owner_rep_id" +
                         whereClause(filter) + " ORDER BY o.expected_close, o.id LIMIT ?6 OFFSET ?7");
    bindFilter(*s, filter);
    s->bind(6, limit).bind(7, offset);
    std::vector<OpportunityRow> out;
    while (s->step()) {
        OpportunityRow row;
        row.opportunity = readOpportunity(*s);
        row.customerCode = s->text(18);
        row.customerName = s->text(19);
        row.prospect = s->int64(20) != 0;
        row.ownerName = s->text(21);
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<StageSummary> OpportunityRepository::stageSummaries(const OpportunityFilter& filter) const
{
    std::vector<StageSummary> out;
    for (const auto& stage : stages()) {
        out.push_back({stage.code, 0, 0, 0});
    }
    auto s = m_db.cached(std::string(kStageSums) + whereClause(filter) + " GROUP BY o.stage");
    bindFilter(*s, filter);
    while (s->step()) {
        const auto code = s->text(0);
        auto it = std::find_if(out.begin(), out.end(), [&](const StageSummary& x) { return x.stage == code; });
        if (it != out.end()) {
            it->count = s->int64(1);
            it->total = s->int64(2);
            it->weighted = s->int64(3);
        }
    }
    return out;
}

std::vector<ForecastFact> OpportunityRepository::forecastFacts(const MonthRange& period) const
{
    auto s = m_db.cached(kForecastFacts);
    s->bind(1, firstDay(period.fromMonth())).bind(2, lastDay(period.toMonth()));
    std::vector<ForecastFact> out;
    while (s->step()) {
        ForecastFact f;
        f.repId = s->int64(0);
        f.outcome = kStageOutcomeCodes.parse(s->textView(1)).value_or(StageOutcome::Open);
        f.category = kForecastCategoryCodes.parse(s->textView(2)).value_or(ForecastCategory::Pipeline);
        f.amountMinor = s->int64(3);
        f.probabilityPercent = s->int32(4);
        out.push_back(f);
    }
    return out;
}

std::vector<ClosedDeal> OpportunityRepository::closedDeals(const MonthRange& period) const
{
    auto s = m_db.cached(kClosedDeals);
    s->bind(1, firstDay(period.fromMonth())).bind(2, lastDay(period.toMonth()));
    std::vector<ClosedDeal> out;
    while (s->step()) {
        ClosedDeal d;
        d.repId = s->int64(0);
        d.source = s->text(1);
        d.won = s->int64(2) != 0;
        d.amountMinor = s->int64(3);
        d.cycleDays = static_cast<int>(s->real(4));
        d.lostReason = s->text(5);
        out.push_back(std::move(d));
    }
    return out;
}

std::vector<std::pair<int, bool>> OpportunityRepository::furthestStages(const MonthRange& period) const
{
    auto s = m_db.cached(kFurthest);
    s->bind(1, firstDay(period.fromMonth())).bind(2, lastDay(period.toMonth()));
    std::vector<std::pair<int, bool>> out;
    while (s->step()) {
        out.emplace_back(s->int32(0), s->int64(1) != 0);
    }
    return out;
}

std::map<int, std::int64_t> OpportunityRepository::wonByMonth(const MonthRange& period) const
{
    auto s = m_db.cached(kWonByMonth);
    s->bind(1, firstDay(period.fromMonth())).bind(2, lastDay(period.toMonth()));
    std::map<int, std::int64_t> out;
    while (s->step()) {
        out[s->int32(0)] = s->int64(1);
    }
    return out;
}

void OpportunityRepository::setTarget(RepId repId, int month, std::int64_t amountMinor)
{
    if (amountMinor == 0) {
        auto s = m_db.cached("DELETE FROM sales_target WHERE rep_id = ?1 AND month = ?2");
        s->bind(1, repId).bind(2, month).run();
        return;
    }
    auto s = m_db.cached(R"sql(
INSERT INTO sales_target (rep_id, month, amount) VALUES (?1, ?2, ?3)
ON CONFLICT (rep_id, month) DO UPDATE SET amount = excluded.amount
)sql");
    s->bind(1, repId).bind(2, month).bind(3, amountMinor).run();
}

std::map<RepId, std::int64_t> OpportunityRepository::targets(const MonthRange& period) const
{
    auto s = m_db.cached(kTargets);
    s->bind(1, period.fromMonth()).bind(2, period.toMonth());
    std::map<RepId, std::int64_t> out;
    while (s->step()) {
        out[s->int64(0)] = s->int64(1);
    }
    return out;
}

std::vector<std::int64_t> OpportunityRepository::monthlyRevenue(const MonthRange& period) const
{
    std::map<int, std::int64_t> byMonth;
    auto s = m_db.cached(kMonthlyRevenue);
    s->bind(1, period.fromMonth()).bind(2, period.toMonth());
    while (s->step()) {
        byMonth[s->int32(0)] = s->int64(1);
    }
    std::vector<std::int64_t> out;
    for (int month = period.fromMonth(); month <= period.toMonth();) {
        const auto it = byMonth.find(month);
        out.push_back(it == byMonth.end() ? 0 : it->second);
        month = month % 100 == 12 ? month + 89 : month + 1;
    }
    return out;
}

void OpportunityRepository::insertSnapshot(ForecastSnapshot& snapshot)
{
    auto s = m_db.cached(R"sql(
INSERT INTO forecast_snapshot (name, created_on, from_month, to_month, grouping, projection, rows)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
)sql");
    s->bind(1, snapshot.name)
        .bind(2, IsoDate(snapshot.createdOn).view())
        .bind(3, snapshot.period.fromMonth())
        .bind(4, snapshot.period.toMonth())
        .bind(5, kForecastGroupingCodes.code(snapshot.grouping))
        .bind(6, snapshot.projection)
        .bind(7, snapshot.rowsToJson())
        .run();
    snapshot.id = m_db.lastInsertId();
}

namespace {

ForecastSnapshot readSnapshot(const Statement& s)
{
    ForecastSnapshot snapshot;
    snapshot.id = s.int64(0);
    snapshot.name = s.text(1);
    const auto created = Date::parseIso(s.text(2));
    auto period = MonthRange::between(s.int32(3), s.int32(4));
    const auto grouping = kForecastGroupingCodes.parse(s.textView(5));
    auto rows = ForecastSnapshot::rowsFromJson(s.text(7));
    if (!created || !period || !grouping || !rows) {
        corrupt("forecast snapshot", snapshot.id, "a field is not valid");
    }
    snapshot.createdOn = *created;
    snapshot.period = period.value();
    snapshot.grouping = *grouping;
    snapshot.projection = s.optionalInt64(6);
    snapshot.rows = std::move(rows.value());
    return snapshot;
}

} // namespace

std::vector<ForecastSnapshot> OpportunityRepository::snapshots() const
{
    auto s = m_db.cached(std::string(kSelectSnapshots) + " ORDER BY created_on DESC, id DESC");
    std::vector<ForecastSnapshot> out;
    while (s->step()) {
        out.push_back(readSnapshot(*s));
    }
    return out;
}

std::optional<ForecastSnapshot> OpportunityRepository::findSnapshot(ForecastSnapshotId id) const
{
    auto s = m_db.cached(std::string(kSelectSnapshots) + " WHERE id = ?1");
    s->bind(1, id);
    if (!s->step()) {
        return std::nullopt;
    }
    return readSnapshot(*s);
}

} // namespace cartera::storage
