#include "services/customer_overview.h"

#include "services/portfolio.h"

namespace cartera::services {

using namespace cartera::domain;

std::optional<CustomerOverview> customerOverview(Portfolio& portfolio, CustomerId id, Date asOf)
{
    auto customer = portfolio.customers().find(id);
    if (!customer) {
        return std::nullopt;
    }
    CustomerOverview overview;
    overview.customer = std::move(*customer);
    if (overview.customer.ownerRepId) {
        if (auto rep = portfolio.reps().find(*overview.customer.ownerRepId)) {
            overview.ownerName = rep->name;
        }
    }
    overview.contacts = portfolio.contacts().forCustomer(id);
    overview.abcStanding = storage::AbcSnapshotRepository(portfolio.database()).latestStandingOf(id);

    auto orders = portfolio.orders().forCustomer(id);
    if (!orders.empty()) {
        overview.lastOrderDate = orders.front().orderDate;
    }
    if (orders.size() > 10) {
        orders.resize(10);
    }
    overview.recentOrders = std::move(orders);

    // Monthly figures: the current month and the 11 before it, then the 12 before those.
    const int thisMonth = asOf.monthKey();
    const int yearAgoMonth = asOf.addMonths(-12).monthKey();
    const int twoYearsAgoMonth = asOf.addMonths(-24).monthKey();
    const auto currency = portfolio.settings().currency();
    overview.revenue12m.currency = currency;
    overview.revenuePrior12m.currency = currency;
    overview.margin12m.currency = currency;
    for (const auto& figure : portfolio.orders().monthlyFigures(id)) {
        if (figure.month > yearAgoMonth && figure.month <= thisMonth) {
            overview.revenue12m.minor += figure.revenueMinor;
            overview.margin12m.minor += figure.revenueMinor - figure.costMinor;
            overview.orders12m += figure.orderCount;
        } else if (figure.month > twoYearsAgoMonth && figure.month <= yearAgoMonth) {
            overview.revenuePrior12m.minor += figure.revenueMinor;
        }
    }
    return overview;
}

} // namespace cartera::services
