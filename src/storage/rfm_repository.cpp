#include "storage/rfm_repository.h"

#include "storage/database.h"
#include "storage/iso_date.h"
#include "storage/statement.h"

namespace cartera::storage {

using namespace cartera::domain;

namespace {

// Grouped on customer_month's primary key (customer, month): one pass in customer order. The
// last order date is a range of the sales_order_customer index per customer, read backwards.
constexpr std::string_view kFacts = R"sql(
SELECT m.customer_id, sum(m.order_count), sum(m.revenue),
       (SELECT max(o.order_date) FROM sales_order AS o
        WHERE o.customer_id = m.customer_id AND o.order_date <= ?3 AND o.status <> 'cancelled')
FROM customer_month AS m
WHERE m.month BETWEEN ?1 AND ?2
  AND m.customer_id NOT IN (SELECT id FROM customer WHERE archived_on IS NOT NULL)
GROUP BY m.customer_id
HAVING sum(m.order_count) > 0
ORDER BY m.customer_id
)sql";

constexpr std::string_view kLapsed = R"sql(
SELECT c.id FROM customer AS c
WHERE c.archived_on IS NULL
  AND EXISTS (SELECT 1 FROM customer_month AS m WHERE m.customer_id = c.id AND m.month < ?1)
  AND NOT EXISTS (SELECT 1 FROM customer_month AS m WHERE m.customer_id = c.id AND m.month BETWEEN ?1 AND ?2)
ORDER BY c.id
)sql";

} // namespace

RfmRepository::RfmRepository(const Database& db) : m_db(db) {}

std::vector<RfmFacts> RfmRepository::facts(const MonthRange& period, Date asOf) const
{
    const ReadTransaction transaction(m_db);
    auto s = m_db.prepare(kFacts);
    const IsoDate asOfText(asOf);
    s.bind(1, period.fromMonth()).bind(2, period.toMonth()).bind(3, asOfText.view());
    std::vector<RfmFacts> facts;
    while (s.step()) {
        RfmFacts f;
        f.customerId = s.int64(0);
        f.orders = s.int64(1);
        f.revenue = s.int64(2);
        const auto last = Date::parseIso(s.textView(3));
        // An order in the period but after asOf (a period ending later) counts as today's.
        f.daysSinceLastOrder = last ? std::max(0, asOf.daysSinceEpoch() - last->daysSinceEpoch()) : 0;
        facts.push_back(f);
    }
    return facts;
}

std::vector<CustomerId> RfmRepository::lapsed(const MonthRange& period) const
{
    auto s = m_db.prepare(kLapsed);
    s.bind(1, period.fromMonth()).bind(2, period.toMonth());
    std::vector<CustomerId> ids;
    while (s.step()) {
        ids.push_back(s.int64(0));
    }
    return ids;
}

} // namespace cartera::storage
