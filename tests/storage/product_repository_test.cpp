#include "storage/product_repository.h"

#include "storage/storage_error.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::TempDir;

namespace {

class ProductRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ProductCategory c{0, "Tools"};
        products.insertCategory(c);
        tools = c.id;
    }

    Product makeProduct(const std::string& code, std::int64_t price, std::int64_t cost)
    {
        Product p;
        p.code = code;
        p.name = "Product " + code;
        p.categoryId = tools;
        p.listPrice = Money{price, CurrencyCode{}};
        p.unitCost = Money{cost, CurrencyCode{}};
        return p;
    }

    TempDir dir;
    Database db = Database::open(dir.file("products.db"), OpenMode::CreateOrUpgrade);
    ProductRepository products{db};
    CategoryId tools = 0;
};

} // namespace

TEST_F(ProductRepositoryTest, categoriesAreListedByNameIgnoringCase)
{
    for (const char* name : {"zinc", "Brass", "aluminium"}) {
        ProductCategory c{0, name};
        products.insertCategory(c);
        EXPECT_GT(c.id, 0);
    }
    std::vector<std::string> names;
    for (const auto& c : products.categories()) {
        names.push_back(c.name);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"aluminium", "Brass", "Tools", "zinc"}));
    EXPECT_EQ(products.categories()[3], (ProductCategory{products.categories()[3].id, "zinc"}));
}

TEST_F(ProductRepositoryTest, duplicateCategoryNameIsRefused)
{
    ProductCategory again{0, "Tools"};
    try {
        products.insertCategory(again);
        FAIL() << "a duplicate category was saved";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.failure(), StorageFailure::Constraint);
    }
}

TEST_F(ProductRepositoryTest, insertSetsTheIdAndFindReturnsAnEqualRecord)
{
    Product p = makeProduct("P-1", 123456, 65432);
    p.active = false;
    products.insert(p);
    EXPECT_GT(p.id, 0);
    EXPECT_EQ(products.find(p.id), p);
    EXPECT_FALSE(products.find(p.id + 100).has_value());
}

TEST_F(ProductRepositoryTest, pricesKeepTheirCurrency)
{
    Product p = makeProduct("P-USD", 999, 500);
    p.listPrice.currency = *CurrencyCode::parse("USD");
    p.unitCost.currency = *CurrencyCode::parse("USD");
    products.insert(p);
    const auto found = products.find(p.id);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->listPrice.currency.str(), "USD");
    EXPECT_EQ(*found, p);
}

TEST_F(ProductRepositoryTest, priceAndCostInDifferentCurrenciesAreRefused)
{
    Product p = makeProduct("P-MIX", 999, 500);
    p.unitCost.currency = *CurrencyCode::parse("USD");
    try {
        products.insert(p);
        FAIL() << "mixed currencies were saved";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.failure(), StorageFailure::Constraint);
        EXPECT_NE(std::string(e.what()).find("P-MIX"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(products.all().empty());
}

TEST_F(ProductRepositoryTest, negativePricesAndMissingCategoriesAreRefused)
{
    Product negative = makeProduct("P-NEG", -1, 0);
    EXPECT_THROW(products.insert(negative), StorageError);
    Product orphan = makeProduct("P-ORPHAN", 100, 50);
    orphan.categoryId = 999;
    EXPECT_THROW(products.insert(orphan), StorageError);
    Product first = makeProduct("P-DUP", 100, 50);
    products.insert(first);
    Product duplicate = makeProduct("P-DUP", 200, 50);
    EXPECT_THROW(products.insert(duplicate), StorageError);
    EXPECT_EQ(products.all().size(), 1u);
}

TEST_F(ProductRepositoryTest, updateChangesEveryField)
{
    Product p = makeProduct("P-1", 100, 50);
    products.insert(p);
    ProductCategory other{0, "Other"};
    products.insertCategory(other);
    Product changed = makeProduct("P-1B", 250, 120);
    changed.id = p.id;
    changed.name = "Renamed";
    changed.categoryId = other.id;
    changed.active = false;
    products.update(changed);
    EXPECT_EQ(products.find(p.id), changed);

    Product ghost = makeProduct("P-GHOST", 1, 1);
    ghost.id = 4242;
    try {
        products.update(ghost);
        FAIL() << "updated a missing product";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.failure(), StorageFailure::NotFound);
    }
}

TEST_F(ProductRepositoryTest, allListsProductsByCode)
{
    for (const char* code : {"P-3", "P-1", "P-2"}) {
        Product p = makeProduct(code, 100, 50);
        products.insert(p);
    }
    std::vector<std::string> codes;
    for (const auto& p : products.all()) {
        codes.push_back(p.code);
    }
    EXPECT_EQ(codes, (std::vector<std::string>{"P-1", "P-2", "P-3"}));
}
