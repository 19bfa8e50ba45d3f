#include "storage/retention_repository.h"

#include "storage/database.h"
#include "storage/exit_repository.h"
#include "storage/iso_date.h"
#include "storage/storage_error.h"

#include <algorithm>
#include <limits>

namespace cartera::storage {

using namespace cartera::domain;

namespace {

// Every account's attributes, from the narrow index in id order rather than the wide rows.
constexpr std::string_view kCustomers = R"sql(
SELECT id, kind = 'prospect', channel, owner_rep_id, archived_on IS NOT NULL
FROM customer INDEXED BY customer_portfolio_dims ORDER BY id
)sql";

// The exited accounts, from the partial index of those not active (a few % of the accounts).
constexpr std::string_view kExited = R"sql(
SELECT id FROM customer INDEXED BY customer_not_active WHERE status <> 'active' AND status = 'exited' ORDER BY id
)sql";

// Every monthly figure in key order (customer, month): the table itself is clustered that way.
constexpr std::string_view kFigures = R"sql(
SELECT customer_id, month, revenue, order_count FROM customer_month ORDER BY customer_id, month
)sql";

// Open claims without a first response, opened before the target date, from the partial index of
// pending claims and requests.
constexpr std::string_view kOverdueClaims = R"sql(
SELECT customer_id, count(*) FROM activity INDEXED BY activity_pending
WHERE status IN ('open', 'in_progress') AND status = 'open' AND type = 'claim' AND first_response_on IS NULL
  AND occurred_on < ?1
GROUP BY customer_id
)sql";

constexpr std::string_view kSurveys = R"sql(
SELECT customer_id, surveyed_on, kind = 'nps', score FROM customer_survey INDEXED BY customer_survey_customer
ORDER BY customer_id, surveyed_on
)sql";


constexpr std::string_view kBasket = R"sql(
SELECT category_id, sum(revenue), sum(order_count) FROM customer_category_month
WHERE customer_id = ?1 AND month BETWEEN ?2 AND ?3 GROUP BY category_id
)sql";

// Peers through the industry index; status and kind are read from the rows of this sample only.
constexpr std::string_view kPeers = R"sql(
SELECT id FROM customer INDEXED BY customer_industry
WHERE industry = ?1 AND id <> ?2 AND kind = 'customer' AND archived_on IS NULL AND status <> 'exited'
ORDER BY id LIMIT ?3
)sql";

} // namespace

RetentionRepository::RetentionRepository(const Database& db) : m_db(db) {}

RetentionFacts RetentionRepository::readFacts(Date asOf, int overdueClaimDays) const
{
    const ReadTransaction transaction(m_db);
    RetentionFacts facts;

    auto customers = m_db.prepare(kCustomers);
    while (customers.step()) {
        RetentionCustomer& c = facts.customers.emplace_back();
        c.id = customers.int64(0);
        c.prospect = customers.int64(1) != 0;
        c.channel = kSalesChannelCodes.parse(customers.textView(2)).value_or(SalesChannel::Direct);
        c.ownerRepId = customers.isNull(3) ? 0 : customers.int64(3);
        c.archived = customers.int64(4) != 0;
    }
    // Positions by id: ids are dense in practice, so a cursor moving forward finds each one.
    std::size_t at = 0;
    const auto seek = [&](CustomerId id) -> RetentionCustomer* {
        if (at < facts.customers.size() && facts.customers[at].id > id) {
            at = 0;
        }
        while (at < facts.customers.size() && facts.customers[at].id < id) {
            ++at;
        }
        return at < facts.customers.size() && facts.customers[at].id == id ? &facts.customers[at] : nullptr;
    };

    auto exited = m_db.prepare(kExited);
    while (exited.step()) {
        if (auto* c = seek(exited.int64(0))) {
            c->exited = true;
        }
    }

    at = 0;
    auto figures = m_db.prepare(kFigures);
    while (figures.step()) {
        RetentionCustomer* c = seek(figures.int64(0));
        if (c == nullptr) {
            continue;
        }
        if (c->figureCount == 0) {
            c->firstFigure = static_cast<std::uint32_t>(facts.figures.size());
        }
        ++c->figureCount;
        facts.figures.push_back({static_cast<int>(figures.int64(1)), figures.int64(2), static_cast<int>(figures.int64(3))});
    }
    if (facts.figures.size() > std::numeric_limits<std::uint32_t>::max()) {
        throw StorageError(StorageFailure::Other, "retention: more monthly figures than this version can analyse");
    }

    at = 0;
    auto claims = m_db.prepare(kOverdueClaims);
    const IsoDate overdueBefore(asOf.addDays(-overdueClaimDays));
    claims.bindStatic(1, overdueBefore.view());
    std::vector<std::pair<CustomerId, std::int64_t>> overdue;
    while (claims.step()) {
        overdue.emplace_back(claims.int64(0), claims.int64(1));
    }
    std::sort(overdue.begin(), overdue.end());
    for (const auto& [id, count] : overdue) {
        if (auto* c = seek(id)) {
            c->overdueClaims = static_cast<std::uint16_t>(std::min<std::int64_t>(count, 65535));
        }
    }

    at = 0;
    auto surveys = m_db.prepare(kSurveys);
    while (surveys.step()) {
        if (auto* c = seek(surveys.int64(0))) {
            SurveyFigure& survey = facts.surveys.emplace_back();
            survey.customer = static_cast<std::uint32_t>(c - facts.customers.data());
            survey.surveyedOn = Date::parseIso(surveys.textView(1)).value_or(Date{});
            survey.nps = surveys.int64(2) != 0;
            survey.score = static_cast<int>(surveys.int64(3));
        }
    }

    const ExitRepository exits(m_db);
    for (auto& row : exits.list()) {
        facts.exits.push_back(std::move(row.exit));
    }
    std::sort(facts.exits.begin(), facts.exits.end(), [](const CustomerExit& a, const CustomerExit& b) {
        return a.effectiveOn != b.effectiveOn ? a.effectiveOn < b.effectiveOn : a.id < b.id;
    });
    facts.reasons = exits.reasons();
    return facts;
}

RetentionRepository::Baskets RetentionRepository::industryBaskets(CustomerId customerId, const MonthRange& period,
                                                                  int maxPeers) const
{
    const ReadTransaction transaction(m_db);
    Baskets baskets;
    auto basket = m_db.prepare(kBasket);
    const auto read = [&](CustomerId id) {
        CategoryBasket result;
        basket.reset();
        basket.bind(1, id).bind(2, period.fromMonth()).bind(3, period.toMonth());
        while (basket.step()) {
            result[basket.int64(0)] = CategoryPurchase{basket.int64(1), basket.int64(2)};
        }
        return result;
    };
    baskets.target = read(customerId);
    auto industry = m_db.prepare("SELECT industry FROM customer WHERE id = ?1");
    industry.bind(1, customerId);
    if (!industry.step() || industry.isNull(0)) {
        return baskets;
    }
    baskets.industry = industry.text(0);
    auto peers = m_db.prepare(kPeers);
    peers.bind(1, baskets.industry).bind(2, customerId).bind(3, static_cast<std::int64_t>(maxPeers));
    while (peers.step()) {
        auto peer = read(peers.int64(0));
        if (!peer.empty()) {
            baskets.peers.emplace(peers.int64(0), std::move(peer));
        }
    }
    return baskets;
}

} // namespace cartera::storage
