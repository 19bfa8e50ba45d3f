#pragma once

#include "domain/customer.h"
#include "domain/date.h"
#include "domain/enum_codes.h"
#include "domain/error.h"
#include "domain/money.h"
#include "domain/product.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cartera::domain {

using OrderId = std::int64_t;

/// ordered -> shipped -> invoiced -> paid, or cancelled from any step before paid.
enum class OrderStatus {
    Ordered,
    Shipped,
    Invoiced,
    Paid,
    Cancelled,
};

inline constexpr EnumCodes<OrderStatus, 5> kOrderStatusCodes{{{
    {OrderStatus::Ordered, "ordered"},
    {OrderStatus::Shipped, "shipped"},
    {OrderStatus::Invoiced, "invoiced"},
    {OrderStatus::Paid, "paid"},
    {OrderStatus::Cancelled, "cancelled"},
}}};

struct OrderLine final {
    int lineNo = 0;                 ///< 1-based position in the order
    ProductId productId = 0;
    std::int64_t quantity = 0;
    std::int64_t unitPriceMinor = 0;
    int discountBasisPoints = 0;    ///< 250 = 2.5 %
    std::int64_t unitCostMinor = 0; ///< cost at the time of the order, for margin

    [[nodiscard]] std::int64_t revenueMinor() const
    {
        return lineAmount(quantity, unitPriceMinor, discountBasisPoints);
    }
    [[nodiscard]] std::int64_t costMinor() const { return quantity * unitCostMinor; }

    friend bool operator==(const OrderLine&, const OrderLine&) = default;
};

/// A sales order with its lines and the date of each status step reached.
struct Order final {
    OrderId id = 0;
    CustomerId customerId = 0;
    std::optional<RepId> repId;     ///< the rep who took the order
    Date orderDate;
    OrderStatus status = OrderStatus::Ordered;
    std::optional<Date> shippedDate;
    std::optional<Date> invoicedDate;
    std::optional<Date> paidDate;
    std::optional<Date> cancelledDate;
    CurrencyCode currency;
    std::string notes;
    /// The channel the order came through when not the account's own (a wholesaler's order for a
    /// direct account); nullopt: the account's channel. See docs/territories.md.
    std::optional<SalesChannel> channel;
    std::vector<OrderLine> lines;

    [[nodiscard]] std::int64_t revenueMinor() const;
    [[nodiscard]] std::int64_t costMinor() const;
    /// Cancelled orders count for nothing in revenue, margin and order counts.
    [[nodiscard]] bool countsAsSales() const { return status != OrderStatus::Cancelled; }

    friend bool operator==(const Order&, const Order&) = default;
};

/// Checks the order's own rules: at least one line, positive quantities, discounts within
/// 0-100 %, status dates present for the steps reached and never before the order date.
Status validateOrder(const Order& order);

} // namespace cartera::domain
