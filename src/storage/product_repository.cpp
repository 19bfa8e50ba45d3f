#include "storage/product_repository.h"

#include "storage/database.h"
#include "storage/order_repository.h"
#include "storage/storage_error.h"

namespace cartera::storage {

using namespace cartera::domain;

namespace {

constexpr std::string_view kSelect =
    "SELECT id, code, name, category_id, list_price, unit_cost, currency, active FROM product";

Product readProduct(const Statement& s)
{
    Product p;
    p.id = s.int64(0);
    p.code = s.text(1);
    p.name = s.text(2);
    p.categoryId = s.int64(3);
    const auto currency = CurrencyCode::parse(s.text(6)).value_or(CurrencyCode{});
    p.listPrice = Money{s.int64(4), currency};
    p.unitCost = Money{s.int64(5), currency};
    p.active = s.int64(7) != 0;
    return p;
}

void bindProduct(Statement& s, const Product& p)
{
    if (!(p.listPrice.currency == p.unitCost.currency)) {
        throw StorageError(StorageFailure::Constraint,
                           "product " + p.code + ": list price and unit cost must be in the same currency");
    }
    s.bind(1, p.code)
        .bind(2, p.name)
        .bind(3, p.categoryId)
        .bind(4, p.listPrice.minor)
        .bind(5, p.unitCost.minor)
        .bind(6, p.listPrice.currency.str())
        .bind(7, p.active ? 1 : 0);
}

} // namespace

ProductRepository::ProductRepository(const Database& db) : m_db(db) {}

void ProductRepository::insertCategory(ProductCategory& category)
{
    auto s = m_db.cached("INSERT INTO product_category (name) VALUES (?1)");
    s->bind(1, category.name).run();
    category.id = m_db.lastInsertId();
}

std::vector<ProductCategory> ProductRepository::categories() const
{
    auto s = m_db.cached("SELECT id, name FROM product_category ORDER BY name COLLATE NOCASE");
    std::vector<ProductCategory> result;
    while (s->step()) {
        result.push_back({s->int64(0), s->text(1)});
    }
    return result;
}

void ProductRepository::insert(Product& product)
{
    auto s = m_db.cached(
        "INSERT INTO product (code, name, category_id, list_price, unit_cost, currency, active)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    bindProduct(*s, product);
    s->run();
    product.id = m_db.lastInsertId();
}

void ProductRepository::update(const Product& product)
{
    WriteTransaction transaction(m_db);
    const auto before = find(product.id);
    auto s = m_db.cached(
        "UPDATE product SET code = ?1, name = ?2, category_id = ?3, list_price = ?4, unit_cost = ?5,"
        " currency = ?6, active = ?7 WHERE id = ?8");
    bindProduct(*s, product);
    s->bind(8, product.id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "product " + std::to_string(product.id) + " does not exist");
    }
    if (before && before->categoryId != product.categoryId) {
        OrderRepository(m_db).refileProductSales(product.id, before->categoryId, product.categoryId);
    }
    transaction.commit();
}

std::optional<Product> ProductRepository::find(ProductId id) const
{
    auto s = m_db.cached(std::string(kSelect) + " WHERE id = ?1");
    s->bind(1, id);
    if (!s->step()) {
        return std::nullopt;
    }
    return readProduct(*s);
}

std::vector<Product> ProductRepository::all() const
{
    auto s = m_db.cached(std::string(kSelect) + " ORDER BY code");
    std::vector<Product> result;
    while (s->step()) {
        result.push_back(readProduct(*s));
    }
    return result;
}

} // namespace cartera::storage
