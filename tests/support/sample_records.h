#pragma once

// Small builders for test records and a fresh portfolio database in a temporary folder.

#include "domain/customer.h"
#include "domain/order.h"
#include "domain/product.h"
#include "storage/database.h"
#include "storage/product_repository.h"
#include "support/temp_dir.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cartera::testing {

inline domain::Customer sampleCustomer(const std::string& code, const std::string& name = {})
{
    domain::Customer c;
    c.code = code;
    c.name = name.empty() ? "Customer " + code : name;
    c.created = domain::Date(2024, 1, 1);
    c.updated = domain::Date(2024, 1, 1);
    return c;
}

inline domain::OrderLine sampleLine(domain::ProductId product, std::int64_t quantity, std::int64_t unitPrice,
                                    int discountBasisPoints = 0, std::int64_t unitCost = 0)
{
    domain::OrderLine line;
    line.productId = product;
    line.quantity = quantity;
    line.unitPriceMinor = unitPrice;
    line.discountBasisPoints = discountBasisPoints;
    line.unitCostMinor = unitCost;
    return line;
}

inline domain::Order sampleOrder(domain::CustomerId customer, domain::Date date, std::vector<domain::OrderLine> lines)
{
    domain::Order order;
    order.customerId = customer;
    order.orderDate = date;
    order.lines = std::move(lines);
    return order;
}

/// A new, empty portfolio file in its own temporary folder, with one category and two products.
struct SampleDatabase final {
    TempDir dir;
    std::filesystem::path path = dir.file("portfolio.db");
    storage::Database db = storage::Database::open(path, storage::OpenMode::CreateOrUpgrade);
    domain::ProductId widget = 0;  ///< list 19.99, cost 12.00
    domain::ProductId gadget = 0;  ///< list 45.50, cost 30.00

    SampleDatabase()
    {
        storage::ProductRepository products(db);
        domain::ProductCategory category{0, "Hardware"};
        products.insertCategory(category);
        domain::Product p;
        p.code = "P-WIDGET";
        p.name = "Widget";
        p.categoryId = category.id;
        p.listPrice.minor = 1999;
        p.unitCost.minor = 1200;
        products.insert(p);
        widget = p.id;
        p.code = "P-GADGET";
        p.name = "Gadget";
        p.listPrice.minor = 4550;
        p.unitCost.minor = 3000;
        products.insert(p);
        gadget = p.id;
    }

    /// count(*) of a query, for checks that look past the repositories.
    [[nodiscard]] std::int64_t count(const std::string& sql) const
    {
        auto s = db.prepare(sql);
        return s.step() ? s.int64(0) : -1;
    }
};

} // namespace cartera::testing
