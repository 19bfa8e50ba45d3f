#include "storage/tier_repository.h"

#include "storage/database.h"
#include "storage/iso_date.h"
#include "storage/multi_row_insert.h"
#include "storage/storage_error.h"

#include <algorithm>
#include <chrono>

namespace cartera::storage {

using namespace cartera::domain;

namespace {

// --- Reading the facts ----------------------------------------------------------------------

// The listed customers in id order, from the narrow index rather than the wide table rows.
constexpr std::string_view kCustomers = R"sql(
SELECT id, code, kind = 'customer', CASE WHEN ?1 THEN name END
FROM customer INDEXED BY customer_report_scope
WHERE archived_on IS NULL
ORDER BY id
)sql";

// Only the flagged accounts: a partial index, a few entries per hundred customers.
constexpr std::string_view kStrategic = R"sql(
SELECT id FROM customer INDEXED BY customer_strategic WHERE strategic = 1 ORDER BY id
)sql";

// The monthly figures of the period and of the equal period before it (?1..?2), in primary key
// order: each customer's months come together and in customer id order, with no sort. The unary +
// keeps the planner off the month index, as for ABC (abc_repository.cpp). The rows are summed in
// C++: five CASE sums per row in SQL took two and a half times as long as reading the rows.
constexpr std::string_view kMonths = R"sql(
SELECT customer_id, month, revenue, cost, order_count
FROM customer_month
WHERE +month BETWEEN ?1 AND ?2
ORDER BY customer_id, month
)sql";

// Every order date from the (customer_id, order_date) index alone, in that order: the last one up
// to the as-of date is picked in C++ (a max() per group in SQL took twice as long). Every order
// counts, cancelled ones too: the index does not hold the status, and a cancelled order still says
// when the customer was last in touch to buy.
constexpr std::string_view kOrderDates = R"sql(
SELECT customer_id, order_date
FROM sales_order INDEXED BY sales_order_customer
ORDER BY customer_id, order_date
)sql";

// Claims still being worked on, from the small index of pending claims and requests.
constexpr std::string_view kOpenClaims = R"sql(
SELECT customer_id, count(*)
FROM activity INDEXED BY activity_pending
WHERE status IN ('open', 'in_progress') AND type = 'claim'
GROUP BY customer_id ORDER BY customer_id
)sql";

// Survey answers of the period on a 0-1000 scale (CSAT 1-5, NPS 0-10), summed and counted per
// customer from the covering index.
constexpr std::string_view kSurveys = R"sql(
SELECT customer_id, SUM(CASE kind WHEN 'csat' THEN (score - 1) * 250 ELSE score * 100 END), count(*)
FROM customer_survey INDEXED BY customer_survey_customer
WHERE surveyed_on BETWEEN ?1 AND ?2
GROUP BY customer_id ORDER BY customer_id
)sql";

/// Days since 1970-01-01 of "YYYY-MM-DD..."; nullopt when not a date.
std::optional<int> epochDays(const std::string& text)
{
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') {
        const auto parsed = Date::parseIso(text);
        return parsed ? std::optional<int>(parsed->daysSinceEpoch()) : std::nullopt;
    }
    int year = 0;
    int month = 0;
    int day = 0;
    for (int i = 0; i < 4; ++i) {
        year = year * 10 + (text[static_cast<std::size_t>(i)] - '0');
    }
    month = (text[5] - '0') * 10 + (text[6] - '0');
    day = (text[8] - '0') * 10 + (text[9] - '0');
    const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                          std::chrono::day(static_cast<unsigned>(day))};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return static_cast<int>(std::chrono::sys_days(ymd).time_since_epoch().count());
}

/// A scan in customer id order that the merge moves forward to each customer in turn.
class Cursor final {
public:
    explicit Cursor(Statement& statement) : m_statement(statement), m_have(statement.step()) {}

    /// True when the scan has a row for id; rows of lower ids (customers not listed) are skipped.
    bool at(CustomerId id)
    {
        while (m_have && m_statement.int64(0) < id) {
            m_have = m_statement.step();
        }
        return m_have && m_statement.int64(0) == id;
    }
    [[nodiscard]] const Statement& row() const { return m_statement; }

    /// Calls take(row) for each row of id, moving past them; false when there is none.
    template <typename Take>
    bool eachRowOf(CustomerId id, Take&& take)
    {
        if (!at(id)) {
            return false;
        }
        do {
            take(m_statement);
            m_have = m_statement.step();
        } while (m_have && m_statement.int64(0) == id);
        return true;
    }

private:
    Statement& m_statement;
    bool m_have;
};

// --- Models and runs ------------------------------------------------------------------------

constexpr std::string_view kSaveModel = R"sql(
INSERT INTO tier_model (name, saved_on, definition) VALUES (?1, ?2, ?3)
ON CONFLICT (name) DO UPDATE SET saved_on = excluded.saved_on, definition = excluded.definition
RETURNING id
)sql";

constexpr std::string_view kSelectModels = "SELECT id, name, saved_on, definition FROM tier_model";

constexpr std::string_view kInsertRun = R"sql(
INSERT INTO tier_run (name, created_on, from_month, to_month, as_of, model, weight_total, customers)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
)sql";

constexpr std::string_view kSelectRuns = R"sql(
SELECT id, name, created_on, from_month, to_month, as_of, model, weight_total, customers FROM tier_run
)sql";

constexpr std::string_view kInsertEntryHead = R"sql(
INSERT INTO tier_run_entry (run_id, customer_id, rank, tier, points, revenue_points, margin_points, growth_points,
                            order_frequency_points, recency_points, open_claims_points, satisfaction_points,
                            strategic_points) VALUES)sql";
constexpr int kEntryColumns = 13;

constexpr std::string_view kSelectEntries = R"sql(
SELECT customer_id, rank, tier, points, revenue_points, margin_points, growth_points, order_frequency_points,
       recency_points, open_claims_points, satisfaction_points, strategic_points
FROM tier_run_entry WHERE run_id = ?1
)sql";

const MultiRowInsert& entryInsert()
{
    static const MultiRowInsert insert(kInsertEntryHead, kEntryColumns);
    return insert;
}

/// A stored value that does not read back is damage (or an outside edit), not user input.
[[noreturn]] void corrupt(const std::string& what, std::int64_t id, const std::string& problem)
{
    throw StorageError(StorageFailure::Corrupt, what + " " + std::to_string(id) + ": " + problem);
}

SavedTierModel readModel(const Statement& s)
{
    SavedTierModel saved;
    saved.id = s.int64(0);
    saved.name = s.text(1);
    const auto date = Date::parseIso(s.text(2));
    auto model = TierModel::fromJson(s.text(3));
    if (!date) {
        corrupt("tier model", saved.id, "the date is not valid");
    }
    if (!model) {
        corrupt("tier model", saved.id, model.error().describe());
    }
    saved.savedOn = *date;
    saved.model = std::move(model.value());
    return saved;
}

TierRunInfo readRunInfo(const Statement& s)
{
    TierRunInfo info;
    info.id = s.int64(0);
    info.name = s.text(1);
    const auto created = Date::parseIso(s.text(2));
    auto period = MonthRange::between(s.int32(3), s.int32(4));
    const auto asOf = Date::parseIso(s.text(5));
    auto model = TierModel::fromJson(s.text(6));
    if (!created || !asOf) {
        corrupt("tier run", info.id, "a date is not valid");
    }
    if (!period) {
        corrupt("tier run", info.id, period.error().describe());
    }
    if (!model) {
        corrupt("tier run", info.id, model.error().describe());
    }
    info.createdOn = *created;
    info.period = period.value();
    info.asOf = *asOf;
    info.model = std::move(model.value());
    info.weightTotal = s.int64(7);
    info.customers = s.int64(8);
    return info;
}

/// One entry as written, pointing into the run's facts and result.
struct EntryRow final {
    TierRunId runId;
    std::int64_t rank;
    const TierEntry* entry;
};

} // namespace

TierRepository::TierRepository(const Database& db) : m_db(db)
{
}

std::vector<TierInput> TierRepository::customerInputs(const TierInputQuery& query) const
{
    // The scans must see the same data.
    const ReadTransaction transaction(m_db);
    const auto prior = tierPriorPeriod(query.period);
    auto customers = m_db.prepare(kCustomers);
    customers.bind(1, query.withNames ? 1 : 0);
    auto strategic = m_db.prepare(kStrategic);
    auto months = m_db.prepare(kMonths);
    const int periodFrom = query.period.fromMonth();
    months.bind(1, prior ? prior->fromMonth() : periodFrom).bind(2, query.period.toMonth());
    auto orderDates = m_db.prepare(kOrderDates);
    const IsoDate asOf(query.asOf);
    const std::string_view asOfText = asOf.view();
    auto claims = m_db.prepare(kOpenClaims);
    auto surveys = m_db.prepare(kSurveys);
    surveys.bind(1, MonthRange::formatMonth(query.period.fromMonth()) + "-01")
        .bind(2, MonthRange::formatMonth(query.period.toMonth()) + "-31");

    std::vector<TierInput> inputs;
    // Room for every customer up front: a vector grown to a million inputs would be moved twenty times.
    {
        auto highest = m_db.prepare("SELECT max(id) FROM customer");
        constexpr std::int64_t kMostReserved = std::int64_t{1} << 24;
        if (highest.step()) {
            inputs.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(highest.int64(0), 0, kMostReserved)));
        }
    }
    const int asOfDays = query.asOf.daysSinceEpoch();
    Cursor strategicAt(strategic);
    Cursor monthsAt(months);
    Cursor orderDatesAt(orderDates);
    Cursor claimsAt(claims);
    Cursor surveysAt(surveys);
    std::string lastOrder;
    std::uint32_t read = 0;
    while (customers.step()) {
        if ((read++ & 0xfff) == 0 && query.cancelled && query.cancelled->load(std::memory_order_relaxed)) {
            throw StorageError(StorageFailure::Other, "cancelled");
        }
        const CustomerId id = customers.int64(0);
        std::int64_t revenue = 0;
        std::int64_t margin = 0;
        std::int64_t orders = 0;
        std::int64_t priorRevenue = 0;
        bool inPeriod = false;
        monthsAt.eachRowOf(id, [&](const Statement& m) {
            if (m.int64(1) >= periodFrom) {
                const std::int64_t monthRevenue = m.int64(2);
                revenue += monthRevenue;
                margin += monthRevenue - m.int64(3);
                orders += m.int64(4);
                inPeriod = true;
            } else {
                priorRevenue += m.int64(2);
            }
        });
        lastOrder.clear();
        // Dates come in ascending order: the last one up to the as-of date is the latest.
        orderDatesAt.eachRowOf(id, [&](const Statement& o) {
            const std::string_view date = o.textView(1);
            if (date <= asOfText) {
                lastOrder.assign(date);
            }
        });
        if (!inPeriod && customers.int64(2) == 0) {
            continue;  // a prospect without sales in the period
        }
        TierInput& input = inputs.emplace_back();
        input.customerId = id;
        input.code = customers.text(1);
        if (query.withNames) {
            input.name = customers.text(3);
        }
        input.revenue = revenue;
        input.margin = margin;
        input.orders = orders;
        input.priorRevenue = priorRevenue;
        input.strategic = strategicAt.at(id);
        if (!lastOrder.empty()) {
            if (const auto days = epochDays(lastOrder)) {
                input.daysSinceLastOrder = std::max(0, asOfDays - *days);
            }
        }
        if (claimsAt.at(id)) {
            input.openClaims = claimsAt.row().int32(1);
        }
        if (surveysAt.at(id)) {
            const std::int64_t sum = surveysAt.row().int64(1);
            const std::int64_t count = surveysAt.row().int64(2);
            if (count > 0) {
                input.satisfaction = static_cast<std::int32_t>((2 * sum + count) / (2 * count));
            }
        }
    }
    return inputs;
}

TierModelRepository::TierModelRepository(const Database& db) : m_db(db)
{
}

void TierModelRepository::save(SavedTierModel& model)
{
    WriteTransaction transaction(m_db);
    auto s = m_db.cached(kSaveModel);
    const IsoDate saved(model.savedOn);
    s->bind(1, model.name).bind(2, saved.view()).bind(3, model.model.toJson());
    if (!s->step()) {
        throw StorageError(StorageFailure::Other, "tier model '" + model.name + "' was not saved");
    }
    model.id = s->int64(0);
    s->reset();
    transaction.commit();
}

std::vector<SavedTierModel> TierModelRepository::list() const
{
    auto s = m_db.prepare(std::string(kSelectModels) + " ORDER BY saved_on DESC, id DESC");
    std::vector<SavedTierModel> models;
    while (s.step()) {
        models.push_back(readModel(s));
    }
    return models;
}

std::optional<SavedTierModel> TierModelRepository::findByName(const std::string& name) const
{
    auto s = m_db.prepare(std::string(kSelectModels) + " WHERE name = ?1");
    s.bind(1, name);
    if (!s.step()) {
        return std::nullopt;
    }
    return readModel(s);
}

std::optional<SavedTierModel> TierModelRepository::latest() const
{
    auto s = m_db.prepare(std::string(kSelectModels) + " ORDER BY saved_on DESC, id DESC LIMIT 1");
    if (!s.step()) {
        return std::nullopt;
    }
    return readModel(s);
}

void TierModelRepository::remove(const std::string& name)
{
    WriteTransaction transaction(m_db);
    auto s = m_db.prepare("DELETE FROM tier_model WHERE name = ?1");
    s.bind(1, name).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "no tier model is named '" + name + "'");
    }
    transaction.commit();
}

TierRunRepository::TierRunRepository(const Database& db) : m_db(db)
{
}

void TierRunRepository::insert(TierRunInfo& info, const TierFacts& facts, const TierResult& result)
{
    info.customers = static_cast<std::int64_t>(result.entries.size());
    info.weightTotal = result.weightTotal;
    info.model = result.model;
    WriteTransaction transaction(m_db);
    {
        auto s = m_db.cached(kInsertRun);
        const IsoDate created(info.createdOn);
        const IsoDate asOf(info.asOf);
        s->bind(1, info.name)
            .bind(2, created.view())
            .bind(3, info.period.fromMonth())
            .bind(4, info.period.toMonth())
            .bind(5, asOf.view())
            .bind(6, info.model.toJson())
            .bind(7, info.weightTotal)
            .bind(8, info.customers)
            .run();
    }
    const TierRunId id = m_db.lastInsertId();
    // In customer id order the rows append to the table's b-tree instead of landing all over it.
    std::vector<EntryRow> rows;
    rows.reserve(result.entries.size());
    for (std::size_t k = 0; k < result.entries.size(); ++k) {
        rows.push_back({id, static_cast<std::int64_t>(k) + 1, &result.entries[k]});
    }
    std::sort(rows.begin(), rows.end(), [&](const EntryRow& a, const EntryRow& b) {
        return facts.customers[a.entry->customer].customerId < facts.customers[b.entry->customer].customerId;
    });
    const auto& tiers = result.model.tiers();
    entryInsert().write(m_db, std::span<const EntryRow>(rows), [&](Statement& s, int first, const EntryRow& row) {
        const TierEntry& e = *row.entry;
        s.bind(first, row.runId)
            .bind(first + 1, facts.customers[e.customer].customerId)
            .bind(first + 2, row.rank)
            .bindStatic(first + 3, tiers[e.tier].name)
            .bind(first + 4, e.points);
        for (const auto indicator : allTierIndicators()) {
            const int parameter = first + 5 + tierIndicatorIndex(indicator);
            if (result.weight(indicator) > 0) {
                s.bind(parameter, result.weightedValue(facts, e, indicator));
            } else {
                s.bindNull(parameter);
            }
        }
    });
    transaction.commit();
    info.id = id;
}

std::vector<TierRunInfo> TierRunRepository::list() const
{
    auto s = m_db.prepare(std::string(kSelectRuns) + " ORDER BY created_on DESC, id DESC");
    std::vector<TierRunInfo> infos;
    while (s.step()) {
        infos.push_back(readRunInfo(s));
    }
    return infos;
}

std::optional<TierRunInfo> TierRunRepository::findInfo(TierRunId id) const
{
    auto s = m_db.prepare(std::string(kSelectRuns) + " WHERE id = ?1");
    s.bind(1, id);
    if (!s.step()) {
        return std::nullopt;
    }
    return readRunInfo(s);
}

std::optional<TierRunRecord> TierRunRepository::find(TierRunId id) const
{
    const ReadTransaction transaction(m_db);
    auto info = findInfo(id);
    if (!info) {
        return std::nullopt;
    }
    TierRunRecord record;
    record.info = std::move(*info);
    record.entries.reserve(static_cast<std::size_t>(std::max<std::int64_t>(0, record.info.customers)));
    const auto& tiers = record.info.model.tiers();
    auto s = m_db.prepare(kSelectEntries);
    s.bind(1, id);
    while (s.step()) {
        TierRunEntry& entry = record.entries.emplace_back();
        entry.customerId = s.int64(0);
        entry.rank = s.int64(1);
        const auto tier = s.text(2);
        const auto found = std::find_if(tiers.begin(), tiers.end(), [&](const TierBand& b) { return b.name == tier; });
        if (found == tiers.end()) {
            corrupt("tier run", id, "the tier '" + tier + "' is not in its model");
        }
        entry.tier = static_cast<int>(found - tiers.begin());
        entry.points = s.int64(3);
        for (int i = 0; i < kTierIndicatorCount; ++i) {
            entry.contributions[static_cast<std::size_t>(i)] = s.optionalInt64(4 + i);
        }
    }
    std::sort(record.entries.begin(), record.entries.end(),
              [](const TierRunEntry& a, const TierRunEntry& b) { return a.rank < b.rank; });
    return record;
}

void TierRunRepository::remove(TierRunId id)
{
    WriteTransaction transaction(m_db);
    auto s = m_db.prepare("DELETE FROM tier_run WHERE id = ?1");
    s.bind(1, id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "no tier run has the id " + std::to_string(id));
    }
    transaction.commit();
}

SurveyRepository::SurveyRepository(const Database& db) : m_db(db)
{
}

void SurveyRepository::insert(CustomerSurvey& survey)
{
    auto s = m_db.cached(
        "INSERT INTO customer_survey (id, customer_id, surveyed_on, kind, score) VALUES (?1, ?2, ?3, ?4, ?5)");
    const IsoDate date(survey.surveyedOn);
    s->bindIdOrNull(1, survey.id)
        .bind(2, survey.customerId)
        .bindStatic(3, date.view())
        .bindStatic(4, kSurveyKindCodes.code(survey.kind))
        .bind(5, survey.score)
        .run();
    survey.id = m_db.lastInsertId();
}

std::vector<CustomerSurvey> SurveyRepository::forCustomer(CustomerId customerId) const
{
    auto s = m_db.prepare("SELECT id, customer_id, surveyed_on, kind, score FROM customer_survey "
                          "WHERE customer_id = ?1 ORDER BY surveyed_on DESC, id DESC");
    s.bind(1, customerId);
    std::vector<CustomerSurvey> surveys;
    while (s.step()) {
        CustomerSurvey& survey = surveys.emplace_back();
        survey.id = s.int64(0);
        survey.customerId = s.int64(1);
        survey.surveyedOn = Date::parseIso(s.text(2)).value_or(Date{});
        survey.kind = kSurveyKindCodes.parse(s.text(3)).value_or(SurveyKind::Csat);
        survey.score = s.int32(4);
    }
    return surveys;
}

} // namespace cartera::storage
