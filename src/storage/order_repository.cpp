#include "storage/order_repository.h"

#include "storage/database.h"
#include "storage/iso_date.h"
#include "storage/multi_row_insert.h"
#include "storage/setting_repository.h"
#include "storage/storage_error.h"

#include <algorithm>

namespace cartera::storage {

using namespace cartera::domain;

namespace {

constexpr std::string_view kInsertOrder = R"sql(
INSERT INTO sales_order (customer_id, rep_id, order_date, status, shipped_on, invoiced_on, paid_on,
                         cancelled_on, currency, notes, id, channel)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
)sql";

// Lines and monthly figures are written many rows per statement (MultiRowInsert): the VALUES
// rows follow the head, the ON CONFLICT clause follows the rows.
constexpr std::string_view kInsertLineHead = R"sql(
INSERT INTO order_line (order_id, line_no, product_id, quantity, unit_price, discount_bp, unit_cost)
VALUES)sql";
constexpr int kLineColumns = 7;

constexpr std::string_view kAddToMonthHead = R"sql(
INSERT INTO customer_month (customer_id, month, revenue, cost, order_count) VALUES)sql";
constexpr int kMonthColumns = 5;
constexpr std::string_view kAddToMonthTail = R"sql(
ON CONFLICT (customer_id, month) DO UPDATE SET revenue = revenue + excluded.revenue,
       cost = cost + excluded.cost, order_count = order_count + excluded.order_count
)sql";

const MultiRowInsert& lineInsert()
{
    static const MultiRowInsert insert(kInsertLineHead, kLineColumns);
    return insert;
}

const MultiRowInsert& addToMonth()
{
    static const MultiRowInsert insert(kAddToMonthHead, kMonthColumns, kAddToMonthTail);
    return insert;
}

constexpr std::string_view kAddToCategoryMonthHead = R"sql(
INSERT INTO customer_category_month (customer_id, category_id, month, revenue, cost, order_count) VALUES)sql";
constexpr int kCategoryMonthColumns = 6;
constexpr std::string_view kAddToCategoryMonthTail = R"sql(
ON CONFLICT (customer_id, category_id, month) DO UPDATE SET revenue = revenue + excluded.revenue,
       cost = cost + excluded.cost, order_count = order_count + excluded.order_count
)sql";

const MultiRowInsert& addToCategoryMonth()
{
    static const MultiRowInsert insert(kAddToCategoryMonthHead, kCategoryMonthColumns, kAddToCategoryMonthTail);
    return insert;
}

constexpr std::string_view kDropEmptyMonth = R"sql(
DELETE FROM customer_month WHERE customer_id = ?1 AND month = ?2 AND order_count = 0
)sql";
constexpr std::string_view kDropEmptyCategoryMonths = R"sql(
DELETE FROM customer_category_month WHERE customer_id = ?1 AND month = ?2 AND order_count = 0
)sql";

constexpr std::string_view kCategoryOfProduct = "SELECT category_id FROM product WHERE id = ?1";

// Line revenue rounded half up, as domain::lineAmount does for non-negative amounts.
// Written so that no intermediate passes 2^63 (SQLite would silently switch to floating point):
// with g = quantity * unit_price, g * (10000 - d) / 10000 rounded half up equals
// g - (g / 10000) * d - ((g % 10000) * d + 4999) / 10000.
constexpr std::string_view kLineRevenue =
    "(l.quantity * l.unit_price - (l.quantity * l.unit_price / 10000) * l.discount_bp"
    " - ((l.quantity * l.unit_price % 10000) * l.discount_bp + 4999) / 10000)";

// A product moved to another category: the customer-months whose category figures change.
constexpr std::string_view kCreateRefiledMonths = R"sql(
CREATE TEMP TABLE IF NOT EXISTS refiled_month (
    customer_id INTEGER NOT NULL,
    month       INTEGER NOT NULL,
    PRIMARY KEY (customer_id, month)
) WITHOUT ROWID
)sql";
constexpr std::string_view kFindRefiledMonths = R"sql(
INSERT OR IGNORE INTO temp.refiled_month (customer_id, month)
SELECT o.customer_id, CAST(strftime('%Y%m', o.order_date) AS INTEGER)
FROM order_line AS l JOIN sales_order AS o ON o.id = l.order_id
WHERE l.product_id = ?1 AND o.status <> 'cancelled'
)sql";
constexpr std::string_view kDropRefiledCategoryMonths = R"sql(
DELETE FROM customer_category_month
WHERE category_id IN (?1, ?2)
  AND (customer_id, month) IN (SELECT customer_id, month FROM temp.refiled_month)
)sql";

std::string recomputedCategoryMonthsSql()
{
    return "SELECT o.customer_id, p.category_id, CAST(strftime('%Y%m', o.order_date) AS INTEGER) AS month,"
           " SUM(" + std::string(kLineRevenue) + ") AS revenue, SUM(l.quantity * l.unit_cost) AS cost,"
           " COUNT(DISTINCT o.id) AS order_count"
           " FROM sales_order AS o JOIN order_line AS l ON l.order_id = o.id JOIN product AS p ON p.id = l.product_id"
           " WHERE o.status <> 'cancelled' GROUP BY o.customer_id, p.category_id, month";
}

// The orders of each refiled customer-month, found through sales_order_customer by date range.
const std::string kRecomputeRefiledCategoryMonths =
    "INSERT INTO customer_category_month (customer_id, category_id, month, revenue, cost, order_count)"
    " SELECT o.customer_id, p.category_id, r.month, SUM(" + std::string(kLineRevenue) + "),"
    " SUM(l.quantity * l.unit_cost), COUNT(DISTINCT o.id)"
    " FROM temp.refiled_month AS r"
    " JOIN sales_order AS o ON o.customer_id = r.customer_id"
    "  AND o.order_date >= printf('%04d-%02d-01', r.month / 100, r.month % 100)"
    "  AND o.order_date <= printf('%04d-%02d-31', r.month / 100, r.month % 100)"
    " JOIN order_line AS l ON l.order_id = o.id JOIN product AS p ON p.id = l.product_id"
    " WHERE o.status <> 'cancelled' AND p.category_id IN (?1, ?2)"
    " GROUP BY o.customer_id, p.category_id, r.month";

std::string recomputedMonthsSql()
{
    return "SELECT o.customer_id, CAST(strftime('%Y%m', o.order_date) AS INTEGER) AS month,"
           " SUM(" + std::string(kLineRevenue) + ") AS revenue, SUM(l.quantity * l.unit_cost) AS cost,"
           " COUNT(DISTINCT o.id) AS order_count"
           " FROM sales_order AS o JOIN order_line AS l ON l.order_id = o.id"
           " WHERE o.status <> 'cancelled' GROUP BY o.customer_id, month";
}


/// Revenue, cost and order count of the orders of one customer-month, summed before writing.
struct MonthTotal final {
    CustomerId customerId = 0;
    int month = 0;
    std::int64_t revenue = 0;
    std::int64_t cost = 0;
    int orders = 0;
};

/// Sums orders per customer-month. A customer's orders usually come in date order, so the total
/// to add to is almost always the last one; a linear search from the back stays cheap.
class MonthTotals final {
public:
    void add(const Order& order)
    {
        const int month = order.orderDate.monthKey();
        auto found = std::find_if(m_totals.rbegin(), m_totals.rend(), [&](const MonthTotal& t) {
            return t.month == month && t.customerId == order.customerId;
        });
        if (found == m_totals.rend()) {
            m_totals.push_back({order.customerId, month});
            found = m_totals.rbegin();
        }
        found->revenue += order.revenueMinor();
        found->cost += order.costMinor();
        ++found->orders;
    }

    [[nodiscard]] const std::vector<MonthTotal>& totals() const { return m_totals; }

private:
    std::vector<MonthTotal> m_totals;
};

/// Revenue, cost and order count of one customer-month in one product category.
struct CategoryMonthTotal final {
    CustomerId customerId = 0;
    CategoryId categoryId = 0;
    int month = 0;
    std::int64_t revenue = 0;
    std::int64_t cost = 0;
    int orders = 0;  ///< orders with at least one line of the category
};

/// The category of each product an order batch sells, read once per product and batch. Not kept
/// between batches (a product may change category in between), unless the repository was told
/// the catalogue is fixed: then known holds them for the repository's life.
class ProductCategories final {
public:
    ProductCategories(const Database& db, std::vector<std::pair<ProductId, CategoryId>>* known)
        : m_db(db), m_known(known ? *known : m_own)
    {
    }

    CategoryId of(ProductId product)
    {
        for (const auto& [id, category] : m_known) {
            if (id == product) {
                return category;
            }
        }
        auto s = m_db.cached(kCategoryOfProduct);
        s->bind(1, product);
        if (!s->step()) {
            throw StorageError(StorageFailure::Constraint,
                               "order line: product " + std::to_string(product) + " does not exist");
        }
        const CategoryId category = s->int64(0);
        m_known.emplace_back(product, category);
        return category;
    }

private:
    const Database& m_db;
    std::vector<std::pair<ProductId, CategoryId>> m_own;
    std::vector<std::pair<ProductId, CategoryId>>& m_known;
};

/// Sums order lines per customer-month and category, as MonthTotals sums orders.
class CategoryMonthTotals final {
public:
    void add(const Order& order, ProductCategories& categories, int sign = 1)
    {
        const int month = order.orderDate.monthKey();
        m_seen.clear();
        for (const auto& line : order.lines) {
            const CategoryId category = categories.of(line.productId);
            auto found = std::find_if(m_totals.rbegin(), m_totals.rend(), [&](const CategoryMonthTotal& t) {
                return t.categoryId == category && t.month == month && t.customerId == order.customerId;
            });
            if (found == m_totals.rend()) {
                m_totals.push_back({order.customerId, category, month});
                found = m_totals.rbegin();
            }
            found->revenue += sign * line.revenueMinor();
            found->cost += sign * line.costMinor();
            if (std::find(m_seen.begin(), m_seen.end(), category) == m_seen.end()) {
                m_seen.push_back(category);
                found->orders += sign;
            }
        }
    }

    [[nodiscard]] const std::vector<CategoryMonthTotal>& totals() const { return m_totals; }

private:
    std::vector<CategoryMonthTotal> m_totals;
    std::vector<CategoryId> m_seen;  ///< categories of the order being added
};

void bindCategoryMonthTotal(Statement& s, int first, const CategoryMonthTotal& total)
{
    s.bind(first, total.customerId)
        .bind(first + 1, total.categoryId)
        .bind(first + 2, total.month)
        .bind(first + 3, total.revenue)
        .bind(first + 4, total.cost)
        .bind(first + 5, total.orders);
}

void bindMonthTotal(Statement& s, int first, const MonthTotal& total)
{
    s.bind(first, total.customerId)
        .bind(first + 1, total.month)
        .bind(first + 2, total.revenue)
        .bind(first + 3, total.cost)
        .bind(first + 4, total.orders);
}

/// One order line with the id of its order, as written.
struct LineRow final {
    OrderId orderId;
    const OrderLine* line;
};

void bindLine(Statement& s, int first, const LineRow& row)
{
    const OrderLine& line = *row.line;
    s.bind(first, row.orderId)
        .bind(first + 1, line.lineNo)
        .bind(first + 2, line.productId)
        .bind(first + 3, line.quantity)
        .bind(first + 4, line.unitPriceMinor)
        .bind(first + 5, line.discountBasisPoints)
        .bind(first + 6, line.unitCostMinor);
}


} // namespace

OrderRepository::OrderRepository(const Database& db) : m_db(db) {}

void OrderRepository::assumeFixedCatalogue()
{
    m_fixedCatalogue = true;
}

void OrderRepository::applyToMonthlyFigures(const Order& order, int sign)
{
    const MonthTotal total{order.customerId, order.orderDate.monthKey(), sign * order.revenueMinor(),
                           sign * order.costMinor(), sign};
    addToMonth().write(m_db, std::span(&total, 1), bindMonthTotal);
    ProductCategories categories(m_db, m_fixedCatalogue ? &m_categories : nullptr);
    CategoryMonthTotals byCategory;
    byCategory.add(order, categories, sign);
    addToCategoryMonth().write(m_db, std::span<const CategoryMonthTotal>(byCategory.totals()), bindCategoryMonthTotal);
    if (sign < 0) {
        auto drop = m_db.cached(kDropEmptyMonth);
        drop->bind(1, order.customerId).bind(2, order.orderDate.monthKey()).run();
        auto dropCategories = m_db.cached(kDropEmptyCategoryMonths);
        dropCategories->bind(1, order.customerId).bind(2, order.orderDate.monthKey()).run();
    }
}

void OrderRepository::checkInsertable(const Order& order)
{
    if (auto valid = validateOrder(order); !valid) {
        throw StorageError(StorageFailure::Constraint, "order: " + valid.error().describe());
    }
    if (!m_currency) {
        m_currency = SettingRepository(m_db).currency();
    }
    if (!(order.currency == *m_currency)) {
        throw StorageError(StorageFailure::Constraint, "order: currency " + order.currency.str() +
                                                           " differs from the portfolio currency " + m_currency->str());
    }
}

void OrderRepository::writeOrder(Order& order)
{
    {
        auto s = m_db.cached(kInsertOrder);
        const std::string currency = order.currency.str();
        // Texts with static storage or alive until run() returns are bound without copies.
        s->bind(1, order.customerId)
            .bind(2, order.repId)
            .bind(3, IsoDate(order.orderDate).view())
            .bindStatic(4, kOrderStatusCodes.code(order.status));
        bindOptionalDate(*s, 5, order.shippedDate);
        bindOptionalDate(*s, 6, order.invoicedDate);
        bindOptionalDate(*s, 7, order.paidDate);
        bindOptionalDate(*s, 8, order.cancelledDate);
        s->bindStatic(9, currency).bindStaticOrNull(10, order.notes);
        s->bindIdOrNull(11, order.id);
        if (order.channel) {
            s->bindStatic(12, kSalesChannelCodes.code(*order.channel));
        } else {
            s->bindNull(12);
        }
        s->run();
    }
    order.id = m_db.lastInsertId();
}

void OrderRepository::insert(Order& order)
{
    insertMany(std::span<Order>(&order, 1));
}

void OrderRepository::insertMany(std::span<Order> orders)
{
    for (const auto& order : orders) {
        checkInsertable(order);
    }
    WriteTransaction transaction(m_db);
    MonthTotals months;
    ProductCategories categories(m_db, m_fixedCatalogue ? &m_categories : nullptr);
    CategoryMonthTotals categoryMonths;
    std::vector<LineRow> lines;
    for (auto& order : orders) {
        writeOrder(order);
        int lineNo = 0;
        for (auto& line : order.lines) {
            line.lineNo = ++lineNo;
            lines.push_back({order.id, &line});
        }
        if (order.countsAsSales()) {
            months.add(order);
            categoryMonths.add(order, categories);
        }
    }
    lineInsert().write(m_db, std::span<const LineRow>(lines), bindLine);
    addToMonth().write(m_db, std::span<const MonthTotal>(months.totals()), bindMonthTotal);
    addToCategoryMonth().write(m_db, std::span<const CategoryMonthTotal>(categoryMonths.totals()),
                               bindCategoryMonthTotal);
    transaction.commit();
}

void OrderRepository::setStatus(OrderId id, OrderStatus status, Date date)
{
    WriteTransaction transaction(m_db);
    auto order = find(id);
    if (!order) {
        throw StorageError(StorageFailure::NotFound, "order " + std::to_string(id) + " does not exist");
    }
    if (order->status == OrderStatus::Paid || order->status == OrderStatus::Cancelled) {
        if (status != order->status) {
            throw StorageError(StorageFailure::Constraint, "order " + std::to_string(id) + " is already " +
                                                               std::string(kOrderStatusCodes.code(order->status)) +
                                                               " and cannot change status");
        }
    }
    const bool countedBefore = order->countsAsSales();
    order->status = status;
    switch (status) {
    case OrderStatus::Shipped:
        order->shippedDate = date;
        break;
    case OrderStatus::Invoiced:
        order->invoicedDate = date;
        order->shippedDate = order->shippedDate.value_or(date);
        break;
    case OrderStatus::Paid:
        order->paidDate = date;
        order->invoicedDate = order->invoicedDate.value_or(date);
        order->shippedDate = order->shippedDate.value_or(date);
        break;
    case OrderStatus::Cancelled:
        order->cancelledDate = date;
        break;
    case OrderStatus::Ordered:
        break;
    }
    if (auto valid = validateOrder(*order); !valid) {
        throw StorageError(StorageFailure::Constraint, "order " + std::to_string(id) + ": " + valid.error().describe());
    }
    auto s = m_db.cached(
        "UPDATE sales_order SET status = ?1, shipped_on = ?2, invoiced_on = ?3, paid_on = ?4, cancelled_on = ?5"
        " WHERE id = ?6");
    s->bind(1, kOrderStatusCodes.code(status));
    bindOptionalDate(*s, 2, order->shippedDate);
    bindOptionalDate(*s, 3, order->invoicedDate);
    bindOptionalDate(*s, 4, order->paidDate);
    bindOptionalDate(*s, 5, order->cancelledDate);
    s->bind(6, id).run();
    if (countedBefore && !order->countsAsSales()) {
        applyToMonthlyFigures(*order, -1);
    }
    transaction.commit();
}

void OrderRepository::remove(OrderId id)
{
    WriteTransaction transaction(m_db);
    auto order = find(id);
    if (!order) {
        throw StorageError(StorageFailure::NotFound, "order " + std::to_string(id) + " does not exist");
    }
    auto s = m_db.cached("DELETE FROM sales_order WHERE id = ?1");
    s->bind(1, id).run();
    if (order->countsAsSales()) {
        applyToMonthlyFigures(*order, -1);
    }
    transaction.commit();
}

std::optional<Order> OrderRepository::find(OrderId id) const
{
    auto s = m_db.cached(
        "SELECT id, customer_id, rep_id, order_date, status, shipped_on, invoiced_on, paid_on, cancelled_on,"
        " currency, notes, channel FROM sales_order WHERE id = ?1");
    s->bind(1, id);
    if (!s->step()) {
        return std::nullopt;
    }
    Order order;
    order.id = s->int64(0);
    order.customerId = s->int64(1);
    order.repId = s->optionalInt64(2);
    order.orderDate = Date::parseIso(s->text(3)).value_or(Date{});
    order.status = kOrderStatusCodes.parse(s->text(4)).value_or(OrderStatus::Ordered);
    order.shippedDate = readOptionalDate(*s, 5);
    order.invoicedDate = readOptionalDate(*s, 6);
    order.paidDate = readOptionalDate(*s, 7);
    order.cancelledDate = readOptionalDate(*s, 8);
    order.currency = CurrencyCode::parse(s->text(9)).value_or(CurrencyCode{});
    order.notes = s->text(10);
    if (!s->isNull(11)) {
        order.channel = kSalesChannelCodes.parse(s->text(11));
    }

    auto lines = m_db.cached(
        "SELECT line_no, product_id, quantity, unit_price, discount_bp, unit_cost FROM order_line"
        " WHERE order_id = ?1 ORDER BY line_no");
    lines->bind(1, id);
    while (lines->step()) {
        order.lines.push_back(OrderLine{lines->int32(0), lines->int64(1), lines->int64(2), lines->int64(3),
                                        lines->int32(4), lines->int64(5)});
    }
    return order;
}

std::vector<OrderSummary> OrderRepository::forCustomer(CustomerId customerId) const
{
    auto s = m_db.cached("SELECT o.id, o.order_date, o.status, SUM(" + std::string(kLineRevenue) +
                         "), SUM(l.quantity * l.unit_cost), COUNT(*)"
                         " FROM sales_order AS o JOIN order_line AS l ON l.order_id = o.id"
                         " WHERE o.customer_id = ?1 GROUP BY o.id ORDER BY o.order_date DESC, o.id DESC");
    s->bind(1, customerId);
    std::vector<OrderSummary> result;
    while (s->step()) {
        OrderSummary row;
        row.id = s->int64(0);
        row.orderDate = Date::parseIso(s->text(1)).value_or(Date{});
        row.status = kOrderStatusCodes.parse(s->text(2)).value_or(OrderStatus::Ordered);
        row.revenueMinor = s->int64(3);
        row.costMinor = s->int64(4);
        row.lineCount = s->int32(5);
        result.push_back(row);
    }
    return result;
}

std::vector<MonthlyFigure> OrderRepository::monthlyFigures(CustomerId customerId) const
{
    auto s = m_db.cached(
        "SELECT month, revenue, cost, order_count FROM customer_month WHERE customer_id = ?1 ORDER BY month");
    s->bind(1, customerId);
    std::vector<MonthlyFigure> result;
    while (s->step()) {
        result.push_back({s->int32(0), s->int64(1), s->int64(2), s->int64(3)});
    }
    return result;
}

std::int64_t OrderRepository::revenueBetween(CustomerId customerId, int fromMonth, int toMonth) const
{
    auto s = m_db.cached(
        "SELECT COALESCE(SUM(revenue), 0) FROM customer_month WHERE customer_id = ?1 AND month BETWEEN ?2 AND ?3");
    s->bind(1, customerId).bind(2, fromMonth).bind(3, toMonth);
    return s->step() ? s->int64(0) : 0;
}

void OrderRepository::rebuildMonthlyFigures()
{
    WriteTransaction transaction(m_db);
    m_db.execute("DELETE FROM customer_month");
    m_db.execute("INSERT INTO customer_month (customer_id, month, revenue, cost, order_count) " +
                 recomputedMonthsSql());
    m_db.execute("DELETE FROM customer_category_month");
    m_db.execute("INSERT INTO customer_category_month (customer_id, category_id, month, revenue, cost, order_count) " +
                 recomputedCategoryMonthsSql());
    transaction.commit();
}

std::int64_t OrderRepository::countCategoryFigureMismatches() const
{
    const std::string sql = "WITH fresh AS (" + recomputedCategoryMonthsSql() + ")"
        " SELECT (SELECT count(*) FROM fresh AS f LEFT JOIN customer_category_month AS m"
        "          ON m.customer_id = f.customer_id AND m.category_id = f.category_id AND m.month = f.month"
        "          WHERE m.customer_id IS NULL OR m.revenue <> f.revenue OR m.cost <> f.cost"
        "             OR m.order_count <> f.order_count)"
        "      + (SELECT count(*) FROM customer_category_month AS m LEFT JOIN fresh AS f"
        "          ON m.customer_id = f.customer_id AND m.category_id = f.category_id AND m.month = f.month"
        "          WHERE f.customer_id IS NULL)";
    auto s = m_db.prepare(sql);
    return s.step() ? s.int64(0) : 0;
}

void OrderRepository::refileProductSales(ProductId product, CategoryId from, CategoryId to)
{
    if (from == to) {
        return;
    }
    WriteTransaction transaction(m_db);
    // The customer-months that sold the product; no index on order_line.product_id (products are
    // rarely moved), so this is one scan of the lines.
    m_db.execute(kCreateRefiledMonths);
    m_db.execute("DELETE FROM temp.refiled_month");
    {
        auto s = m_db.prepare(kFindRefiledMonths);
        s.bind(1, product).run();
    }
    // Those customer-months of both categories, recomputed from their orders' lines.
    {
        auto s = m_db.prepare(kDropRefiledCategoryMonths);
        s.bind(1, from).bind(2, to).run();
    }
    {
        auto s = m_db.prepare(kRecomputeRefiledCategoryMonths);
        s.bind(1, from).bind(2, to).run();
    }
    m_db.execute("DELETE FROM temp.refiled_month");
    transaction.commit();
}

std::int64_t OrderRepository::countMonthlyFigureMismatches() const
{
    const std::string sql = "WITH fresh AS (" + recomputedMonthsSql() + ")"
        " SELECT (SELECT count(*) FROM fresh AS f LEFT JOIN customer_month AS m"
        "          ON m.customer_id = f.customer_id AND m.month = f.month"
        "          WHERE m.customer_id IS NULL OR m.revenue <> f.revenue OR m.cost <> f.cost"
        "             OR m.order_count <> f.order_count)"
        "      + (SELECT count(*) FROM customer_month AS m LEFT JOIN fresh AS f"
        "          ON m.customer_id = f.customer_id AND m.month = f.month WHERE f.customer_id IS NULL)";
    auto s = m_db.prepare(sql);
    return s.step() ? s.int64(0) : 0;
}

} // namespace cartera::storage
