#include "storage/portfolio_repository.h"

#include "storage/database.h"

#include <sqlite3.h>

#include <algorithm>
#include <exception>
#include <limits>
#include <thread>
#include <unordered_map>

namespace cartera::storage {

using namespace cartera::domain;

namespace {

// In primary key order, so each customer's months come together and in customer id order. The
// unary + keeps the planner off customer_month_month (see abc_repository.cpp). A row exists only
// for a month with orders (OrderRepository deletes one whose order count falls to 0), so the count
// itself is not read: a column less per row, on millions of rows. ?3..?4: the customer id range.
constexpr std::string_view kMonths = R"sql(
SELECT customer_id, month, revenue, cost FROM customer_month
WHERE customer_id BETWEEN ?3 AND ?4 AND +month BETWEEN ?1 AND ?2 ORDER BY customer_id
)sql";
constexpr std::string_view kCategoryMonths = R"sql(
SELECT customer_id, month, revenue, cost, category_id FROM customer_category_month
WHERE customer_id BETWEEN ?3 AND ?4 AND +month BETWEEN ?1 AND ?2 ORDER BY customer_id
)sql";

constexpr std::string_view kCustomerAttributes = R"sql(
SELECT id, kind, channel, size_band, owner_rep_id, archived_on IS NOT NULL, country, region, industry
FROM customer INDEXED BY customer_portfolio_dims WHERE id BETWEEN ?1 AND ?2 ORDER BY id
)sql";

// Codes and names of a range of customers, in id order, from the narrow index.
constexpr std::string_view kLabelsInRange = R"sql(
SELECT id, code, name FROM customer INDEXED BY customer_report_scope WHERE id BETWEEN ?1 AND ?2 ORDER BY id
)sql";

/// Past this many ids, one pass over the index beats a lookup per id (about 20 times cheaper per
/// row read than per lookup).
constexpr std::size_t kLabelsByScanFrom = 2'000;

/// Below this many customers one connection reads fast enough; above it, reading customer id
/// ranges side by side on several connections pays for opening them.
constexpr CustomerId kParallelFrom = 50'000;
constexpr int kMostThreads = 4;

constexpr std::size_t slot(PortfolioDimension d)
{
    return static_cast<std::size_t>(dimensionIndex(d));
}

/// What every part of a read needs besides the figures: category names and rep codes.
struct Catalogue final {
    std::vector<std::pair<std::int64_t, std::string>> categories;
    std::unordered_map<std::int64_t, std::string> repCodes;
    CustomerId highestId = 0;
};

Catalogue readCatalogue(const Database& db)
{
    Catalogue catalogue;
    auto categories = db.prepare("SELECT id, name FROM product_category");
    while (categories.step()) {
        catalogue.categories.emplace_back(categories.int64(0), categories.text(1));
    }
    auto reps = db.prepare("SELECT id, code FROM sales_rep");
    while (reps.step()) {
        catalogue.repCodes.emplace(reps.int64(0), reps.text(1));
    }
    auto highest = db.prepare("SELECT coalesce(max(id), 0) FROM customer");
    catalogue.highestId = highest.step() ? highest.int64(0) : 0;
    return catalogue;
}

/// The figures of the customers with ids from first to last, merged with their attributes, read
/// on db (in the caller's transaction).
PortfolioData readRange(const Database& db, const PortfolioLoadQuery& query, const Catalogue& catalogue,
                        CustomerId first, CustomerId last)
{
    PortfolioDataBuilder builder(query.period, query.byCategory, catalogue.categories);
    // Most accounts bought in the period or the one before: room for all in the range up front.
    const CustomerId span = std::min(last, catalogue.highestId) - std::max<CustomerId>(first, 1) + 1;
    builder.reserve(static_cast<std::size_t>(std::clamp<CustomerId>(span, 0, CustomerId{1} << 24)));
    auto months = db.prepare(query.byCategory ? kCategoryMonths : kMonths);
    months.bind(1, firstMonthRead(query.period)).bind(2, query.period.toMonth()).bind(3, first).bind(4, last);
    auto customers = db.prepare(kCustomerAttributes);
    customers.bind(1, first).bind(2, last);

    bool haveCustomer = customers.step();
    bool haveMonth = months.step();
    CustomerId id = haveMonth ? months.int64(0) : 0;
    const auto fillKeys = [&](PortfolioDataBuilder::CustomerKeys& keys) {
        const auto country = customers.textView(6);
        keys[slot(PortfolioDimension::Kind)] = customers.textView(1);
        keys[slot(PortfolioDimension::Channel)] = customers.textView(2);
        keys[slot(PortfolioDimension::SizeBand)] = customers.textView(3);
        const auto owner = customers.isNull(4) ? catalogue.repCodes.end() : catalogue.repCodes.find(customers.int64(4));
        keys[slot(PortfolioDimension::Owner)] =
            owner != catalogue.repCodes.end() ? std::string_view(owner->second) : "";
        keys[slot(PortfolioDimension::Country)] = country;
        assignRegionKey(keys[slot(PortfolioDimension::Region)], customers.textView(7), country);
        keys[slot(PortfolioDimension::Industry)] = customers.textView(8);
    };
    while (haveMonth) {
        while (haveCustomer && customers.int64(0) < id) {
            haveCustomer = customers.step();  // no sales in the months read
        }
        const bool known = haveCustomer && customers.int64(0) == id;
        builder.beginCustomer(id, known && (query.includeArchived || customers.int64(5) == 0));
        CustomerId next = id;
        do {
            builder.addMonth(query.byCategory ? months.int64(4) : -1, months.int32(1), months.int64(2), months.int64(3));
            haveMonth = months.step();
            next = haveMonth ? months.int64(0) : 0;
        } while (haveMonth && next == id);
        // Attributes are read only for the customers kept (with sales in the period or the one before).
        builder.endCustomer(fillKeys);
        id = next;
    }
    return builder.finish();
}

} // namespace

PortfolioRepository::PortfolioRepository(const Database& db) : m_db(db)
{
}

PortfolioData PortfolioRepository::load(const PortfolioLoadQuery& query) const
{
    // Several connections, each reading a range of customer ids in its own read transaction,
    // when the portfolio is large, the file is on disk and this connection has no transaction of
    // its own open (whose changes the others could not see). The parts agree when no other
    // connection committed between the start of the first and the end of the last: data_version
    // of this connection, read before and after, tells. Otherwise read again, at last alone.
    if (sqlite3_get_autocommit(m_db.handle()) != 0 && !m_db.path().empty() && query.threads != 1) {
        for (int attempt = 0; attempt < 2; ++attempt) {
            const auto before = m_db.dataVersion();
            const auto catalogue = readCatalogue(m_db);
            int threads = query.threads;
            if (threads <= 0) {
                threads = catalogue.highestId < kParallelFrom
                              ? 1
                              : std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, kMostThreads);
            }
            if (threads <= 1) {
                break;
            }
            std::vector<PortfolioData> parts(static_cast<std::size_t>(threads));
            std::vector<std::exception_ptr> failures(parts.size());
            const auto rangeFirst = [&](int part) {
                return part == 0 ? CustomerId{0} : catalogue.highestId * part / threads + 1;
            };
            const auto rangeLast = [&](int part) {
                return part + 1 == threads ? std::numeric_limits<CustomerId>::max() : catalogue.highestId * (part + 1) / threads;
            };
            const auto readPart = [&](int part, const Database& db) {
                try {
                    const ReadTransaction transaction(db);
                    parts[static_cast<std::size_t>(part)] = readRange(db, query, catalogue, rangeFirst(part), rangeLast(part));
                } catch (...) {
                    failures[static_cast<std::size_t>(part)] = std::current_exception();
                }
            };
            std::vector<std::thread> workers;
            for (int part = 1; part < threads; ++part) {
                workers.emplace_back([&, part] {
                    try {
                        const auto db = Database::open(m_db.path(), OpenMode::ReadOnly);
                        readPart(part, db);
                    } catch (...) {
                        failures[static_cast<std::size_t>(part)] = std::current_exception();
                    }
                });
            }
            readPart(0, m_db);
            for (auto& worker : workers) {
                worker.join();
            }
            if (failures[0]) {
                std::rethrow_exception(failures[0]);  // this connection failed: so would a serial read
            }
            const bool failed = std::any_of(failures.begin(), failures.end(), [](const auto& f) { return f != nullptr; });
            if (failed) {
                break;  // another connection could not be opened (a read-only folder, say): read alone
            }
            if (m_db.dataVersion() == before) {
                return mergePortfolioParts(std::move(parts));
            }
        }
    }
    const ReadTransaction transaction(m_db);
    const auto catalogue = readCatalogue(m_db);
    return readRange(m_db, query, catalogue, 0, std::numeric_limits<CustomerId>::max());
}

std::vector<CustomerLabel> PortfolioRepository::labels(const std::vector<CustomerId>& ids) const
{
    const ReadTransaction transaction(m_db);
    if (ids.size() < kLabelsByScanFrom) {
        return CustomerRepository(m_db).labels(ids);
    }
    // Positions of the ids in id order; the scan fills them as it meets them.
    std::vector<std::size_t> order(ids.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ids[a] < ids[b]; });
    std::vector<CustomerLabel> labels(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        labels[i].id = ids[i];
    }
    auto s = m_db.prepare(kLabelsInRange);
    s.bind(1, ids[order.front()]).bind(2, ids[order.back()]);
    std::size_t next = 0;
    while (next < order.size() && s.step()) {
        const CustomerId id = s.int64(0);
        while (next < order.size() && ids[order[next]] < id) {
            ++next;  // no such customer (deleted since): an empty code
        }
        while (next < order.size() && ids[order[next]] == id) {
            auto& label = labels[order[next]];
            label.code = s.text(1);
            label.name = s.text(2);
            ++next;
        }
    }
    return labels;
}

} // namespace cartera::storage
