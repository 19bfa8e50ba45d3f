#include "storage/abc_repository.h"

#include "storage/database.h"
#include "storage/segment_sql.h"
#include "storage/iso_date.h"
#include "storage/storage_error.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <limits>
#include <optional>
#include <thread>
#include <unordered_map>

namespace cartera::storage {

using namespace cartera::domain;

namespace {

// The period's monthly figures, read from the covering index customer_month_period (month first):
// only the period's rows, about a third of the table for 12 of 36 months, and no GROUP BY. Each
// row is handed to cartera_abc_add() inside SQLite, which adds it to its customer in C++: stepping
// a million rows out of SQLite one by one cost 0.24 s, three times the scan itself. Scanning the
// table in key order with a GROUP BY read every month of every customer (0.33 s of CPU).
constexpr std::string_view kRevenueRows = R"sql(
SELECT count(cartera_abc_add(customer_id, revenue))
FROM customer_month INDEXED BY customer_month_period WHERE month BETWEEN ?1 AND ?2
)sql";
constexpr std::string_view kMarginRows = R"sql(
SELECT count(cartera_abc_add(customer_id, revenue - cost))
FROM customer_month INDEXED BY customer_month_period WHERE month BETWEEN ?1 AND ?2
)sql";
constexpr std::string_view kOrderRows = R"sql(
SELECT count(cartera_abc_add(customer_id, order_count))
FROM customer_month INDEXED BY customer_month_period WHERE month BETWEEN ?1 AND ?2
)sql";

// The customers in scope, in id order, from the narrow index rather than the wide table rows.
// A filter whose parameter is NULL does not apply. Customers lost by an exit effective on or
// before the period's last day (?8) are left out (docs/retention.md): the subquery reads the
// small partial index customer_exit_lost once, not per customer.
constexpr std::string_view kCustomersInScope = R"sql(
SELECT count(cartera_abc_customer(id, code, kind = 'customer', CASE WHEN ?5 THEN name END))
FROM customer INDEXED BY customer_report_scope
WHERE id BETWEEN ?6 AND ?7
  AND (?1 IS NULL OR country = ?1) AND (?2 IS NULL OR channel = ?2) AND (?3 IS NULL OR owner_rep_id = ?3)
  AND (?4 OR archived_on IS NULL)
  AND (?8 IS NULL OR id IN (
        SELECT customer_id FROM customer_territory WHERE territory_id IN (
            WITH RECURSIVE within(id) AS (
                SELECT ?8 UNION ALL SELECT t.id FROM territory AS t JOIN within ON t.parent_id = within.id)
            SELECT id FROM within)))
  AND id NOT IN (SELECT customer_id FROM customer_exit WHERE outcome = 'lost' AND effective_on <= ?9)
)sql";

std::string_view valuesSql(AbcCriterion criterion)
{
    switch (criterion) {
    case AbcCriterion::Revenue:
        return kRevenueRows;
    case AbcCriterion::Margin:
        return kMarginRows;
    case AbcCriterion::Orders:
        return kOrderRows;
    }
    return kRevenueRows;
}

/// The period's values summed per customer, fed by the values scan inside SQLite
/// (cartera_abc_add, an application-defined SQL function). Summed into an array indexed by
/// customer id: the month-first scan visits ids in ascending order once per month, so the 8 MB
/// array is swept, never probed at random (adding into the million inputs instead cost 0.25 s of
/// cache misses at 1,000,000 customers).
struct ValueSums final {
    explicit ValueSums(std::int64_t highestId)
        : dense(highestId <= kMostDense),
          valueById(dense ? static_cast<std::size_t>(highestId) + 1 : 0, 0),
          salesById(dense ? static_cast<std::size_t>(highestId) + 1 : 0, 0)
    {
    }

    static constexpr std::int64_t kMostDense = std::int64_t{1} << 25;

    /// cartera_abc_add(customer_id, value): one month of a customer.
    static void add(sqlite3_context* context, int, sqlite3_value** argv)
    {
        auto& self = *static_cast<ValueSums*>(sqlite3_user_data(context));
        const CustomerId id = sqlite3_value_int64(argv[0]);
        const std::int64_t value = sqlite3_value_int64(argv[1]);
        if (self.dense && id >= 0 && static_cast<std::size_t>(id) < self.valueById.size()) {
            self.valueById[static_cast<std::size_t>(id)] += value;
            self.salesById[static_cast<std::size_t>(id)] = 1;
        } else {
            try {
                self.sparseValues[id] += value;
            } catch (const std::bad_alloc&) {
                self.failed = true;
                sqlite3_result_error_nomem(context);
                return;
            }
        }
        sqlite3_result_int(context, 1);
    }

    /// The customer's value, or nothing when it has no monthly figures in the period.
    [[nodiscard]] std::optional<std::int64_t> of(CustomerId id) const
    {
        if (dense && id >= 0 && static_cast<std::size_t>(id) < valueById.size()) {
            if (salesById[static_cast<std::size_t>(id)] == 0) {
                return std::nullopt;
            }
            return valueById[static_cast<std::size_t>(id)];
        }
        if (const auto found = sparseValues.find(id); found != sparseValues.end()) {
            return found->second;
        }
        return std::nullopt;
    }

    bool dense;
    std::vector<std::int64_t> valueById;
    std::vector<std::uint8_t> salesById;
    std::unordered_map<CustomerId, std::int64_t> sparseValues;
    bool failed = false;
};

/// The customers in scope, in id order, fed by the scope scan (cartera_abc_customer).
struct ScopeCustomers final {
    ScopeCustomers(std::int64_t expectedCount, bool withNames) : withNames(withNames)
    {
        const auto expected = static_cast<std::size_t>(std::clamp<std::int64_t>(expectedCount, 0, ValueSums::kMostDense));
        inputs.reserve(expected);
        isCustomer.reserve(expected);
    }

    /// cartera_abc_customer(id, code, is_customer, name).
    static void add(sqlite3_context* context, int, sqlite3_value** argv)
    {
        auto& self = *static_cast<ScopeCustomers*>(sqlite3_user_data(context));
        try {
            AbcInput& input = self.inputs.emplace_back();
            input.customerId = sqlite3_value_int64(argv[0]);
            if (const auto* code = sqlite3_value_text(argv[1])) {
                input.code.assign(reinterpret_cast<const char*>(code), static_cast<std::size_t>(sqlite3_value_bytes(argv[1])));
            }
            if (self.withNames) {
                if (const auto* name = sqlite3_value_text(argv[3])) {
                    input.name.assign(reinterpret_cast<const char*>(name),
                                      static_cast<std::size_t>(sqlite3_value_bytes(argv[3])));
                }
            }
            self.isCustomer.push_back(sqlite3_value_int(argv[2]) != 0 ? 1 : 0);
        } catch (const std::bad_alloc&) {
            self.failed = true;
            sqlite3_result_error_nomem(context);
            return;
        }
        sqlite3_result_int(context, 1);
    }

    bool withNames;
    std::vector<AbcInput> inputs;
    std::vector<std::uint8_t> isCustomer;
    bool failed = false;
};

/// Registers an SQL function on the connection for the lifetime of the object.
class FunctionRegistration final {
public:
    using Function = void (*)(sqlite3_context*, int, sqlite3_value**);
    FunctionRegistration(const Database& db, const char* name, int arguments, Function function, void* data)
        : m_db(db.handle()), m_name(name), m_arguments(arguments)
    {
        sqlite3_create_function_v2(m_db, name, arguments, SQLITE_UTF8 | SQLITE_DIRECTONLY, data, function, nullptr,
                                   nullptr, nullptr);
    }
    ~FunctionRegistration()
    {
        sqlite3_create_function_v2(m_db, m_name, m_arguments, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr);
    }
    FunctionRegistration(const FunctionRegistration&) = delete;
    FunctionRegistration& operator=(const FunctionRegistration&) = delete;

private:
    sqlite3* m_db;
    const char* m_name;
    int m_arguments;
};

std::int64_t highestCustomerId(const Database& db)
{
    auto highest = db.prepare("SELECT max(id) FROM customer");
    return highest.step() ? std::max<std::int64_t>(highest.int64(0), 0) : 0;
}

/// The values scan: the period's monthly figures summed per customer, on connection db.
void sumValues(const Database& db, const AbcValueQuery& query, ValueSums& sums)
{
    const FunctionRegistration function(db, "cartera_abc_add", 2, &ValueSums::add, &sums);
    auto values = db.prepare(valuesSql(query.criterion));
    values.bind(1, query.period.fromMonth()).bind(2, query.period.toMonth());
    values.step();
}

/// Customer ids from first to last, both included.
struct IdRange final {
    std::int64_t first = 0;
    std::int64_t last = 0;
};

/// The last day of month (yyyymm).
Date lastDayOf(int month)
{
    return Date(month / 100, static_cast<unsigned>(month % 100), 1).addMonths(1).addDays(-1);
}

/// The scope scan: the customers in scope with ids in range, in id order, on connection db.
void readScope(const Database& db, const AbcValueQuery& query, IdRange range, ScopeCustomers& scope)
{
    const FunctionRegistration function(db, "cartera_abc_customer", 4, &ScopeCustomers::add, &scope);
    // A segment narrows the scope by its compiled condition, its parameters numbered after ?9.
    std::string customersSql(kCustomersInScope);
    SegmentSql segment;
    if (query.scope.segmentId) {
        segment = savedSegmentCondition(db, *query.scope.segmentId, query.segmentAsOf);
        customersSql += "  AND id IN (SELECT c.id FROM customer AS c WHERE " + numberPlaceholders(segment.condition, 10) + ")";
    }
    auto customers = db.prepare(customersSql);
    bindSqlValues(customers, 10, segment.parameters);
    customers.bindTextOrNull(1, query.scope.country);
    if (query.scope.channel) {
        customers.bindStatic(2, kSalesChannelCodes.code(*query.scope.channel));
    } else {
        customers.bindNull(2);
    }
    customers.bind(3, query.scope.ownerRepId).bind(4, query.scope.includeArchived ? 1 : 0);
    customers.bind(5, query.withNames ? 1 : 0);
    customers.bind(6, range.first).bind(7, range.last);
    customers.bind(8, query.scope.territoryId);
    const IsoDate periodEnd(lastDayOf(query.period.toMonth()));
    customers.bindStatic(9, periodEnd.view());
    customers.step();
}

/// Gives each customer in scope its value and leaves out the prospects without sales; the
/// customers of later follow those of first, in id order.
std::vector<AbcInput> joined(ScopeCustomers& first, ScopeCustomers& later, const ValueSums& sums)
{
    auto& inputs = first.inputs;
    std::size_t kept = 0;
    const auto keep = [&](AbcInput& input, bool isCustomer, bool moved) {
        const auto value = sums.of(input.customerId);
        if (!value && !isCustomer) {
            return;  // a prospect, as expected without sales: left out
        }
        if (moved) {
            inputs[kept] = std::move(input);
        }
        inputs[kept].value = value.value_or(0);
        ++kept;
    };
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        keep(inputs[i], first.isCustomer[i] != 0, kept != i);
    }
    const std::size_t firstKept = kept;
    inputs.resize(firstKept + later.inputs.size());  // capacity was reserved for every customer
    for (std::size_t i = 0; i < later.inputs.size(); ++i) {
        keep(later.inputs[i], later.isCustomer[i] != 0, true);
    }
    inputs.resize(kept);
    return std::move(inputs);
}

constexpr IdRange kEveryId{std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()};

void throwIfOutOfMemory(bool failed)
{
    if (failed) {
        throw StorageError(StorageFailure::Other, "out of memory while reading the ABC values", SQLITE_NOMEM);
    }
}

/// Both scans on one connection, in one read transaction.
std::vector<AbcInput> readAlone(const Database& db, const AbcValueQuery& query)
{
    const ReadTransaction transaction(db);
    // Customer ids are dense (1..max): a position per id finds a customer's value without a
    // hash lookup. A file with very sparse ids (imported ones) uses a map instead.
    const std::int64_t highestId = highestCustomerId(db);
    ValueSums sums(highestId);
    ScopeCustomers scope(highestId, query.withNames);
    ScopeCustomers none(0, query.withNames);
    sumValues(db, query, sums);
    readScope(db, query, kEveryId, scope);
    throwIfOutOfMemory(sums.failed || scope.failed);
    return joined(scope, none, sums);
}

/// The scans split between db (70 % of the scope) and a second, read-only connection in another
/// thread (the values, then the rest of the scope): at 1,000,000 customers the scope scan takes
/// about two and a half times as long as the values scan, so both threads finish together and
/// the read takes about half as long on two cores. Each connection reads in its own transaction;
/// they saw the same commit when db's data_version did not change from before the first to after
/// the last (as PortfolioRepository does). Nothing when the second connection cannot be opened
/// or another connection committed meanwhile.
std::optional<std::vector<AbcInput>> readSideBySide(const Database& db, const AbcValueQuery& query)
{
    const std::int64_t before = db.dataVersion();
    std::optional<Database> twin;
    try {
        twin.emplace(Database::open(db.path(), OpenMode::ReadOnly));
    } catch (const StorageError&) {
        return std::nullopt;  // a read-only folder, say: read alone
    }
    std::int64_t highestId = 0;
    {
        const ReadTransaction transaction(db);
        highestId = highestCustomerId(db);
    }
    // Measured at 1,000,000 customers: the whole scope scan about 210 ms, the values 85 ms; this
    // thread takes 70 % of the scope so that both finish together.
    const std::int64_t split = highestId / 10 * 7;
    ValueSums sums(highestId);
    ScopeCustomers firstPart(highestId, query.withNames);  // room for all: the later part joins it
    ScopeCustomers laterPart(highestId - split, query.withNames);
    std::exception_ptr twinFailure;
    std::thread twinReader([&] {
        try {
            const ReadTransaction transaction(*twin);
            sumValues(*twin, query, sums);
            readScope(*twin, query, {split + 1, kEveryId.last}, laterPart);
        } catch (...) {
            twinFailure = std::current_exception();
        }
    });
    try {
        const ReadTransaction transaction(db);
        readScope(db, query, {kEveryId.first, split}, firstPart);
    } catch (...) {
        twinReader.join();
        throw;
    }
    twinReader.join();
    if (twinFailure) {
        std::rethrow_exception(twinFailure);
    }
    throwIfOutOfMemory(sums.failed || firstPart.failed || laterPart.failed);
    if (db.dataVersion() != before) {
        return std::nullopt;
    }
    return joined(firstPart, laterPart, sums);
}

} // namespace

AbcRepository::AbcRepository(const Database& db) : m_db(db)
{
}

std::vector<AbcInput> AbcRepository::customerValues(const AbcValueQuery& query) const
{
    // Outside a transaction (whose uncommitted changes another connection could not see), read
    // on two connections side by side; again alone if that was not possible or another
    // connection committed meanwhile.
    // A segment scope is read alone: both connections would evaluate the segment's condition.
    if (sqlite3_get_autocommit(m_db.handle()) != 0 && !m_db.path().empty() && !query.scope.segmentId) {
        if (auto values = readSideBySide(m_db, query)) {
            return std::move(*values);
        }
    }
    return readAlone(m_db, query);
}

} // namespace cartera::storage
