#include "domain/order.h"

namespace cartera::domain {

std::int64_t Order::revenueMinor() const
{
    std::int64_t total = 0;
    for (const auto& line : lines) {
        total += line.revenueMinor();
    }
    return total;
}

std::int64_t Order::costMinor() const
{
    std::int64_t total = 0;
    for (const auto& line : lines) {
        total += line.costMinor();
    }
    return total;
}

namespace {

Status requireStepDate(const std::optional<Date>& step, const Date& orderDate, const char* field)
{
    if (!step) {
        return invalidInput(std::string("the order has reached this step but has no ") + field, field);
    }
    if (*step < orderDate) {
        return invalidInput(std::string(field) + " " + step->toIso() + " is before the order date " +
                                orderDate.toIso(),
                            field);
    }
    return Done{};
}

} // namespace

Status validateOrder(const Order& order)
{
    if (order.customerId <= 0) {
        return invalidInput("an order needs a customer", "customer");
    }
    if (order.lines.empty()) {
        return invalidInput("an order needs at least one line", "lines");
    }
    for (std::size_t i = 0; i < order.lines.size(); ++i) {
        const auto& line = order.lines[i];
        const std::string where = "line " + std::to_string(i + 1);
        if (line.quantity <= 0) {
            return invalidInput("quantity must be positive, got " + std::to_string(line.quantity), where);
        }
        if (line.unitPriceMinor < 0 || line.unitCostMinor < 0) {
            return invalidInput("unit price and unit cost cannot be negative", where);
        }
        if (line.discountBasisPoints < 0 || line.discountBasisPoints > 10000) {
            return invalidInput("discount must be between 0 and 100 %", where);
        }
        if (line.productId <= 0) {
            return invalidInput("a line needs a product", where);
        }
    }
    const auto reached = [&](OrderStatus step) {
        return order.status != OrderStatus::Cancelled && order.status >= step;
    };
    if (reached(OrderStatus::Shipped)) {
        if (auto s = requireStepDate(order.shippedDate, order.orderDate, "shipped date"); !s) {
            return s;
        }
    }
    if (reached(OrderStatus::Invoiced)) {
        if (auto s = requireStepDate(order.invoicedDate, order.orderDate, "invoiced date"); !s) {
            return s;
        }
    }
    if (reached(OrderStatus::Paid)) {
        if (auto s = requireStepDate(order.paidDate, order.orderDate, "paid date"); !s) {
            return s;
        }
    }
    if (order.status == OrderStatus::Cancelled) {
        if (auto s = requireStepDate(order.cancelledDate, order.orderDate, "cancelled date"); !s) {
            return s;
        }
    }
    return Done{};
}

} // namespace cartera::domain
