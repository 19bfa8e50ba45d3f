#include "storage/abc_repository.h"

#include "storage/database.h"

#include <algorithm>

namespace cartera::storage {

using namespace cartera::domain;

namespace {

// Sums per customer over the months of the period. The unary + on month keeps the planner off
// the month index (NOT INDEXED is not honoured for WITHOUT ROWID tables in SQLite 3.40): the
// scan in primary key order (customer_id, month) hands out each customer's months together, so
// the GROUP BY needs no sort and the rows come in customer id order for the merge. The month
// index would find the period's rows but then sort them all, three times slower at 1,000,000
// customers.
constexpr std::string_view kRevenueByCustomer = R"sql(
SELECT customer_id, SUM(revenue) FROM customer_month
WHERE +month BETWEEN ?1 AND ?2 GROUP BY customer_id ORDER BY customer_id
)sql";
constexpr std::string_view kMarginByCustomer = R"sql(
SELECT customer_id, SUM(revenue - cost) FROM customer_month
WHERE +month BETWEEN ?1 AND ?2 GROUP BY customer_id ORDER BY customer_id
)sql";
constexpr std::string_view kOrdersByCustomer = R"sql(
SELECT customer_id, SUM(order_count) FROM customer_month
WHERE +month BETWEEN ?1 AND ?2 GROUP BY customer_id ORDER BY customer_id
)sql";

// The customers in scope, in id order, from the narrow index rather than the wide table rows.
// A filter whose parameter is NULL does not apply.
constexpr std::string_view kCustomersInScope = R"sql(
SELECT id, code, kind = 'customer', CASE WHEN ?5 THEN name END
FROM customer INDEXED BY customer_report_scope
WHERE (?1 IS NULL OR country = ?1) AND (?2 IS NULL OR channel = ?2) AND (?3 IS NULL OR owner_rep_id = ?3)
  AND (?4 OR archived_on IS NULL)
ORDER BY id
)sql";

std::string_view valuesSql(AbcCriterion criterion)
{
    switch (criterion) {
    case AbcCriterion::Revenue:
        return kRevenueByCustomer;
    case AbcCriterion::Margin:
        return kMarginByCustomer;
    case AbcCriterion::Orders:
        return kOrdersByCustomer;
    }
    return kRevenueByCustomer;
}

} // namespace

AbcRepository::AbcRepository(const Database& db) : m_db(db)
{
}

std::vector<AbcInput> AbcRepository::customerValues(const AbcValueQuery& query) const
{
    // The two statements must see the same data.
    const ReadTransaction transaction(m_db);
    auto values = m_db.prepare(valuesSql(query.criterion));
    values.bind(1, query.period.fromMonth()).bind(2, query.period.toMonth());
    auto customers = m_db.prepare(kCustomersInScope);
    customers.bindTextOrNull(1, query.scope.country);
    if (query.scope.channel) {
        customers.bindStatic(2, kSalesChannelCodes.code(*query.scope.channel));
    } else {
        customers.bindNull(2);
    }
    customers.bind(3, query.scope.ownerRepId).bind(4, query.scope.includeArchived ? 1 : 0);
    customers.bind(5, query.withNames ? 1 : 0);

    std::vector<AbcInput> inputs;
    // Room for every customer up front: a vector grown to a million inputs would be moved twenty times.
    {
        auto highest = m_db.prepare("SELECT max(id) FROM customer");
        constexpr std::int64_t kMostReserved = std::int64_t{1} << 24;
        if (highest.step()) {
            inputs.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(highest.int64(0), 0, kMostReserved)));
        }
    }
    bool haveValue = values.step();
    while (customers.step()) {
        const CustomerId id = customers.int64(0);
        while (haveValue && values.int64(0) < id) {
            haveValue = values.step();  // sales of a customer out of scope
        }
        const bool hasSales = haveValue && values.int64(0) == id;
        if (!hasSales && customers.int64(2) == 0) {
            continue;  // a prospect, as expected without sales
        }
        AbcInput& input = inputs.emplace_back();
        input.customerId = id;
        input.code = customers.text(1);
        if (query.withNames) {
            input.name = customers.text(3);
        }
        input.value = hasSales ? values.int64(1) : 0;
    }
    return inputs;
}

} // namespace cartera::storage
