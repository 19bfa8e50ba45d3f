#include "storage/customer_facets.h"

#include "storage/database.h"

namespace cartera::storage {

namespace {

std::vector<std::string> readTexts(Statement& s)
{
    std::vector<std::string> values;
    while (s.step()) {
        if (auto value = s.text(0); !value.empty()) {
            values.push_back(std::move(value));
        }
    }
    return values;
}

} // namespace

CustomerFacets::CustomerFacets(const Database& db) : m_db(db) {}

// Each query is a loose index scan: the next value is the smallest one above the previous,
// answered by one index lookup (customer_country, customer_industry).
std::vector<std::string> CustomerFacets::countries() const
{
    auto s = m_db.cached(R"sql(
WITH RECURSIVE next(value) AS (
    SELECT min(country) FROM customer
    UNION ALL
    SELECT (SELECT min(country) FROM customer WHERE country > next.value) FROM next WHERE next.value IS NOT NULL
)
SELECT value FROM next WHERE value IS NOT NULL
)sql");
    return readTexts(*s);
}

std::vector<std::string> CustomerFacets::regions(const std::string& country) const
{
    auto s = m_db.cached(R"sql(
WITH RECURSIVE next(value) AS (
    SELECT min(region) FROM customer WHERE country = ?1
    UNION ALL
    SELECT (SELECT min(region) FROM customer WHERE country = ?1 AND region > next.value)
    FROM next WHERE next.value IS NOT NULL
)
SELECT value FROM next WHERE value IS NOT NULL
)sql");
    s->bind(1, country);
    return readTexts(*s);
}

std::vector<std::string> CustomerFacets::industries() const
{
    auto s = m_db.cached(R"sql(
WITH RECURSIVE next(value) AS (
    SELECT min(industry) FROM customer
    UNION ALL
    SELECT (SELECT min(industry) FROM customer WHERE industry > next.value) FROM next WHERE next.value IS NOT NULL
)
SELECT value FROM next WHERE value IS NOT NULL
)sql");
    return readTexts(*s);
}

} // namespace cartera::storage
