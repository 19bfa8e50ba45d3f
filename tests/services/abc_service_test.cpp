#include "services/abc_service.h"

#include "services/portfolio.h"
#include "support/sample_records.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::services;
using cartera::testing::sampleCustomer;
using cartera::testing::sampleLine;
using cartera::testing::sampleOrder;
using cartera::testing::TempDir;

namespace {

using Ids = std::vector<CustomerId>;

/// Revenue (in whole units) of customers C1..C7 in 2025 and 2026; C7 joins in 2026 and C5 is
/// archived before the 2026 run. Worked out by hand:
///   2025: C1 500 A (0 %), C2 300 A (50 %), C3 100 B (80 %), C4 60 B (90 %), C5 40 C (96 %), C6 apart
///   2026: C2 600 A (0 %), C4 200 A (57.1 %), C6 100 A (76.2 %), C7 100 B (85.7 %), C1 50 C (95.2 %),
///         C3 apart, C5 absent (archived)
class AbcServiceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        portfolio = std::move(Portfolio::open(dir.file("abc.db"), cartera::storage::OpenMode::CreateOrUpgrade).value());
        Product product;
        ProductCategory category{0, "Goods"};
        portfolio->products().insertCategory(category);
        product.code = "P1";
        product.name = "Thing";
        product.categoryId = category.id;
        portfolio->products().insert(product);
        productId = product.id;
        for (int i = 1; i <= 7; ++i) {
            Customer customer = sampleCustomer("C" + std::to_string(i));
            portfolio->customers().insert(customer);
            ids.push_back(customer.id);
        }
        const int sales2025[] = {500, 300, 100, 60, 40, 0, 0};
        const int sales2026[] = {50, 600, 0, 200, 0, 100, 100};
        for (std::size_t i = 0; i < 7; ++i) {
            sell(ids[i], Date(2025, 5, 1), sales2025[i]);
            sell(ids[i], Date(2026, 3, 1), sales2026[i]);
        }
    }

    void sell(CustomerId customer, Date date, int units)
    {
        if (units > 0) {
            Order order = sampleOrder(customer, date, {sampleLine(productId, 1, units * 100)});
            portfolio->orders().insert(order);
        }
    }

    AbcRun run(int year)
    {
        AbcRequest request;
        request.period = MonthRange::calendarYear(year).value();
        auto result = AbcService(*portfolio).run(request);
        EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().describe());
        return std::move(result.value());
    }

    void archive(CustomerId id)
    {
        auto customer = portfolio->customers().find(id).value();
        customer.archivedOn = Date(2026, 1, 2);
        portfolio->customers().update(customer);
    }

    /// Snapshots of 2025 (saved first) and 2026, C5 archived in between.
    std::pair<AbcSnapshotId, AbcSnapshotId> twoSnapshots()
    {
        AbcService service(*portfolio);
        const auto first = service.saveSnapshot(run(2025), "year 2025", Date(2026, 1, 1));
        archive(ids[4]);
        const auto second = service.saveSnapshot(run(2026), "", Date(2026, 12, 31));
        EXPECT_TRUE(first.ok() && second.ok());
        return {first.value().id, second.value().id};
    }

    std::string classes(const AbcRun& run)
    {
        std::string text;
        for (const auto& entry : run.result.entries) {
            text += (text.empty() ? "" : " ") + entry.code + ":" + std::string(kAbcClassCodes.code(entry.abcClass));
        }
        for (const auto& input : run.result.apart) {
            text += " " + input.code + ":-";
        }
        return text;
    }

    TempDir dir;
    std::unique_ptr<Portfolio> portfolio;
    ProductId productId = 0;
    Ids ids;  // C1..C7
};

} // namespace

TEST_F(AbcServiceTest, runReadsTheValuesOfThePeriodAndClassifiesThem)
{
    const AbcRun year2025 = run(2025);
    EXPECT_EQ(classes(year2025), "C1:A C2:A C3:B C4:B C5:C C6:- C7:-");
    EXPECT_EQ(year2025.result.total, 100000);
    EXPECT_EQ(year2025.result.entries[0].name, "Customer C1");
    EXPECT_EQ(year2025.request.period, MonthRange::calendarYear(2025).value());
    archive(ids[4]);
    EXPECT_EQ(classes(run(2026)), "C2:A C4:A C6:A C7:B C1:C C3:-");
}

TEST_F(AbcServiceTest, reclassifyAppliesOtherThresholdsToTheSameRanking)
{
    AbcRun year2025 = run(2025);
    AbcService::reclassify(year2025, AbcThresholds::parse("50,30,15,5").value());
    // Boundaries 50, 80, 95 %: C2 starts at 50 %, C3 at 80 %, C4 at 90 %, C5 at 96 %.
    EXPECT_EQ(classes(year2025), "C1:A C2:B C3:C C4:C C5:D C6:- C7:-");
    EXPECT_EQ(year2025.request.thresholds.classCount(), 4);
    EXPECT_EQ(year2025.result.summary.size(), 4u);
}

TEST_F(AbcServiceTest, savedSnapshotsLoadBackWithTheirCustomersAndAreListedNewestFirst)
{
    AbcService service(*portfolio);
    const auto [first, second] = twoSnapshots();
    const auto list = service.snapshots();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list.value().size(), 2u);
    EXPECT_EQ(list.value()[0].id, second);
    EXPECT_EQ(list.value()[0].name, "revenue 2026-01..2026-12, 2026-12-31");
    EXPECT_EQ(list.value()[1].name, "year 2025");
    EXPECT_EQ(list.value()[1].classified, 5);
    EXPECT_EQ(list.value()[1].apart, 2);

    const auto loaded = service.loadSnapshot(first);
    ASSERT_TRUE(loaded.ok());
    ASSERT_EQ(loaded.value().entries.size(), 7u);
    EXPECT_EQ(loaded.value().entries[0], (AbcSnapshotEntry{ids[0], AbcClass::A, 50000, 1}));
    EXPECT_EQ(loaded.value().entries[4], (AbcSnapshotEntry{ids[4], AbcClass::C, 4000, 5}));
    EXPECT_EQ(loaded.value().entries[5], (AbcSnapshotEntry{ids[5], std::nullopt, 0, 0}));
    EXPECT_EQ(loaded.value().info.period, MonthRange::calendarYear(2025).value());
}

TEST_F(AbcServiceTest, compareGivesTheMigrationMatrixWithTheCustomersBehindEachCell)
{
    AbcService service(*portfolio);
    const auto [first, second] = twoSnapshots();
    const auto comparison = service.compare(first, second);
    ASSERT_TRUE(comparison.ok()) << comparison.error().describe();
    const AbcMigration& m = comparison.value().migration;
    EXPECT_EQ(m.customers(AbcStanding::A, AbcStanding::A), Ids{ids[1]});       // C2 stayed
    EXPECT_EQ(m.customers(AbcStanding::A, AbcStanding::C), Ids{ids[0]});       // C1 dropped two
    EXPECT_EQ(m.customers(AbcStanding::B, AbcStanding::A), Ids{ids[3]});       // C4 rose
    EXPECT_EQ(m.customers(AbcStanding::B, AbcStanding::Apart), Ids{ids[2]});   // C3 stopped buying
    EXPECT_EQ(m.customers(AbcStanding::C, AbcStanding::Absent), Ids{ids[4]});  // C5 archived: lost
    EXPECT_EQ(m.customers(AbcStanding::Apart, AbcStanding::A), Ids{ids[5]});   // C6 new in A
    EXPECT_EQ(m.customers(AbcStanding::Apart, AbcStanding::B), Ids{ids[6]});   // C7 new in B
    EXPECT_EQ(m.count(AbcStanding::A, AbcStanding::B), 0);
    EXPECT_EQ(comparison.value().earlier.name, "year 2025");
    EXPECT_EQ(comparison.value().later.id, second);
}

TEST_F(AbcServiceTest, droppedClassListsCustomersThatFellMostValuableFirst)
{
    AbcService service(*portfolio);
    const auto [first, second] = twoSnapshots();
    const auto drops = service.droppedClass(first, second);
    ASSERT_TRUE(drops.ok());
    // C1 (rank 1) A -> C and C3 (rank 3) B -> apart; C5 left the scope, C4 rose.
    ASSERT_EQ(drops.value().size(), 2u);
    EXPECT_EQ(drops.value()[0], (AbcDrop{ids[0], AbcClass::A, AbcStanding::C}));
    EXPECT_EQ(drops.value()[1], (AbcDrop{ids[2], AbcClass::B, AbcStanding::Apart}));
    // Nothing dropped when compared with itself; the other way round the risers are the drops.
    EXPECT_TRUE(service.droppedClass(second, second).value().empty());
    const auto reverse = service.droppedClass(second, first).value();
    ASSERT_EQ(reverse.size(), 3u);
    EXPECT_EQ(reverse[0].customerId, ids[3]);  // C4: A in 2026, B in 2025
}

TEST_F(AbcServiceTest, missingSnapshotsAreNotFoundErrorsNamingWhichOne)
{
    AbcService service(*portfolio);
    const auto [first, second] = twoSnapshots();
    const auto comparison = service.compare(first, second + 10);
    ASSERT_FALSE(comparison.ok());
    EXPECT_EQ(comparison.error().code, ErrorCode::NotFound);
    EXPECT_EQ(comparison.error().where, "later snapshot");
    EXPECT_EQ(service.loadSnapshot(99).error().code, ErrorCode::NotFound);
    ASSERT_TRUE(service.deleteSnapshot(first).ok());
    EXPECT_EQ(service.deleteSnapshot(first).error().code, ErrorCode::NotFound);
    EXPECT_EQ(service.snapshots().value().size(), 1u);
}

TEST_F(AbcServiceTest, labelsGiveCodesAndNamesAndNothingForDeletedCustomers)
{
    AbcService service(*portfolio);
    portfolio->customers().remove(ids[6]);
    const auto labels = service.labels({ids[2], ids[6], ids[0]});
    ASSERT_TRUE(labels.ok());
    ASSERT_EQ(labels.value().size(), 3u);
    EXPECT_EQ(labels.value()[0], (cartera::storage::CustomerLabel{ids[2], "C3", "Customer C3"}));
    EXPECT_EQ(labels.value()[1], (cartera::storage::CustomerLabel{ids[6], "", ""}));
    EXPECT_EQ(labels.value()[2].code, "C1");
}
