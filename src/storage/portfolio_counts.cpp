#include "storage/portfolio_counts.h"

#include "storage/database.h"

namespace cartera::storage {

PortfolioCounts countPortfolio(const Database& db)
{
    const auto count = [&](std::string_view sql) {
        auto s = db.prepare(sql);
        return s.step() ? s.int64(0) : std::int64_t{0};
    };
    PortfolioCounts counts;
    counts.customers = count("SELECT count(*) FROM customer WHERE kind = 'customer'");
    counts.prospects = count("SELECT count(*) FROM customer WHERE kind = 'prospect'");
    counts.contacts = count("SELECT count(*) FROM contact");
    counts.reps = count("SELECT count(*) FROM sales_rep");
    counts.products = count("SELECT count(*) FROM product");
    counts.orders = count("SELECT count(*) FROM sales_order");
    counts.orderLines = count("SELECT count(*) FROM order_line");
    auto range = db.prepare("SELECT min(order_date), max(order_date) FROM sales_order");
    if (range.step()) {
        counts.firstOrderDate = range.text(0);
        counts.lastOrderDate = range.text(1);
    }
    return counts;
}

} // namespace cartera::storage
