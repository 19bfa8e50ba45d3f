#pragma once

#include "domain/date.h"
#include "domain/order.h"

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace cartera::storage {

class Database;

/// Revenue, cost and order count of one customer in one calendar month.
struct MonthlyFigure final {
    int month = 0;  ///< yyyymm
    std::int64_t revenueMinor = 0;
    std::int64_t costMinor = 0;
    std::int64_t orderCount = 0;

    friend bool operator==(const MonthlyFigure&, const MonthlyFigure&) = default;
};

/// An order as a list shows it.
struct OrderSummary final {
    domain::OrderId id = 0;
    domain::Date orderDate;
    domain::OrderStatus status = domain::OrderStatus::Ordered;
    std::int64_t revenueMinor = 0;
    std::int64_t costMinor = 0;
    int lineCount = 0;
};

/// Orders with their lines. Every write also updates the customer's monthly figures (table
/// customer_month) and their split by product category (customer_category_month) in the same
/// transaction, so reports read current totals.
class OrderRepository final {
public:
    explicit OrderRepository(const Database& db);

    /// Promises that no product changes category while this repository writes (a bulk load that
    /// writes the catalogue first): each product's category is then read once, not once per
    /// insertMany. Saves about 2 s of a 1,000,000-customer demo.
    void assumeFixedCatalogue();

    /// Validates and saves a new order with its lines; sets order.id. The order must be in the
    /// portfolio currency. Throws StorageError (Constraint) with the validation message.
    void insert(domain::Order& order);
    /// Saves several new orders in one transaction, all or none; sets each order.id. The monthly
    /// figures are written once per customer-month rather than once per order, so loading a
    /// customer's history this way (imports, the demo) costs far less than order by order.
    void insertMany(std::span<domain::Order> orders);
    /// Moves the order to status on date (the date of that step).
    void setStatus(domain::OrderId id, domain::OrderStatus status, domain::Date date);
    void remove(domain::OrderId id);

    [[nodiscard]] std::optional<domain::Order> find(domain::OrderId id) const;
    /// The customer's orders, newest first.
    [[nodiscard]] std::vector<OrderSummary> forCustomer(domain::CustomerId customerId) const;

    /// The customer's monthly figures, oldest month first.
    [[nodiscard]] std::vector<MonthlyFigure> monthlyFigures(domain::CustomerId customerId) const;
    /// Revenue of the customer in months [fromMonth, toMonth] (yyyymm, inclusive).
    [[nodiscard]] std::int64_t revenueBetween(domain::CustomerId customerId, int fromMonth, int toMonth) const;
    /// Recomputes every monthly figure from the order lines (repair after an outside edit).
    void rebuildMonthlyFigures();
    /// Customer-months whose stored figures differ from a recomputation; 0 when consistent.
    [[nodiscard]] std::int64_t countMonthlyFigureMismatches() const;
    /// The same for the figures by category (customer_category_month): rows that differ from a
    /// recomputation from the order lines, or that should not be there.
    [[nodiscard]] std::int64_t countCategoryFigureMismatches() const;
    /// Moves the sales of product from category from to category to in the figures by category,
    /// after the product changed category (ProductRepository::update calls it). Reads every order
    /// line once (no index on product_id): seconds at ten million lines, for a rare catalogue edit.
    void refileProductSales(domain::ProductId product, domain::CategoryId from, domain::CategoryId to);

private:
    /// Throws StorageError (Constraint) unless the order is valid and in the portfolio currency.
    void checkInsertable(const domain::Order& order);
    /// Writes the order row; sets order.id.
    void writeOrder(domain::Order& order);
    /// Adds (sign = +1) or removes (sign = -1) an order's contribution to its month, in total and
    /// by category.
    void applyToMonthlyFigures(const domain::Order& order, int sign);

    const Database& m_db;
    /// The portfolio currency, read once: it is fixed when the portfolio is created.
    mutable std::optional<domain::CurrencyCode> m_currency;
    bool m_fixedCatalogue = false;
    std::vector<std::pair<domain::ProductId, domain::CategoryId>> m_categories;  ///< when the catalogue is fixed
};

} // namespace cartera::storage
