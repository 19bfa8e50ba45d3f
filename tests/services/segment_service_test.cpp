#include "services/segment_service.h"

#include "services/customer_service.h"
#include "services/portfolio.h"
#include "services/rfm_service.h"
#include "storage/customer_tag_repository.h"
#include "storage/segment_repository.h"
#include "support/sample_records.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <map>

using namespace cartera::domain;
using namespace cartera::services;
using cartera::testing::sampleCustomer;
using cartera::testing::sampleLine;
using cartera::testing::sampleOrder;
using cartera::testing::TempDir;

namespace {

const Date kToday(2026, 6, 30);

/// An empty portfolio with one product (list 10.00).
struct Workspace {
    TempDir dir;
    std::unique_ptr<Portfolio> portfolio;
    ProductId product = 0;

    Workspace()
    {
        portfolio = std::move(Portfolio::open(dir.file("s.db"), cartera::storage::OpenMode::CreateOrUpgrade).value());
        ProductCategory category{0, "Things"};
        portfolio->products().insertCategory(category);
        Product p;
        p.code = "P1";
        p.name = "Thing";
        p.categoryId = category.id;
        p.listPrice.minor = 1000;
        portfolio->products().insert(p);
        product = p.id;
    }

    CustomerId customer(const std::string& code)
    {
        auto c = sampleCustomer(code);
        portfolio->customers().insert(c);
        return c.id;
    }

    void order(CustomerId id, Date date, std::int64_t quantity = 1)
    {
        auto o = sampleOrder(id, date, {sampleLine(product, quantity, 1000)});
        portfolio->orders().insert(o);
    }
};

} // namespace

TEST(SegmentService, createRenameDuplicateDeleteAndRestore)
{
    Workspace w;
    const auto a = w.customer("A");
    const auto b = w.customer("B");
    SegmentService service(*w.portfolio);
    const auto rule = service.createRuleFromJson("  Named A  ", R"({"version":1,"rules":[{"field":"city","op":"is_empty"}]})",
                                                 kToday);
    ASSERT_TRUE(rule.ok()) << rule.error().describe();
    EXPECT_EQ(rule.value().name, "Named A");  // trimmed
    EXPECT_EQ(service.count(rule.value().id, kToday).value(), 2);

    EXPECT_EQ(service.createRuleFromJson("named a", R"({"version":1,"rules":[]})", kToday).error().code,
              ErrorCode::Conflict);
    EXPECT_EQ(service.createRuleFromJson("", R"({"version":1,"rules":[]})", kToday).error().where, "name");
    const auto bad = service.createRuleFromJson("Typo", R"({"version":1,"rules":[{"field":"cuntry"}]})", kToday);
    EXPECT_EQ(bad.error().describe(), "rule 1: unknown field 'cuntry'");
    EXPECT_FALSE(service.findByName("Typo").ok());

    const auto list = service.createStatic("Picked", {a, b}, kToday);
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(service.addMembers(rule.value().id, {a}).error().code, ErrorCode::InvalidInput);  // not a list
    ASSERT_TRUE(service.rename(list.value().id, "Picked by hand", kToday).ok());
    const auto copy = service.duplicate(list.value().id, "Copy", kToday);
    ASSERT_TRUE(copy.ok());
    EXPECT_EQ(service.count(copy.value().id, kToday).value(), 2);

    const auto removed = service.remove(list.value().id);
    ASSERT_TRUE(removed.ok());
    EXPECT_FALSE(service.findByName("Picked by hand").ok());
    ASSERT_TRUE(service.restore(removed.value()).ok());
    const auto back = service.findByName("Picked by hand");
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value().id, list.value().id);
    EXPECT_EQ(service.count(back.value().id, kToday).value(), 2);
}

TEST(SegmentService, undoingACustomerDeletionPutsBackItsTagsAndListMemberships)
{
    Workspace w;
    const auto a = w.customer("A");
    cartera::storage::CustomerTagRepository(w.portfolio->database()).setTags(a, {"vip", "fair"});
    SegmentService segments(*w.portfolio);
    const auto list = segments.createStatic("Picked", {a}, kToday).value();
    CustomerService customers(*w.portfolio);
    const auto snapshot = customers.remove(a);
    ASSERT_TRUE(snapshot.ok());
    EXPECT_EQ(segments.count(list.id, kToday).value(), 0);
    ASSERT_TRUE(customers.restore(snapshot.value()).ok());
    EXPECT_EQ(cartera::storage::CustomerTagRepository(w.portfolio->database()).tagsOf(a),
              (std::vector<std::string>{"fair", "vip"}));
    EXPECT_EQ(segments.count(list.id, kToday).value(), 1);
}

TEST(RfmService, scoresAHandBuiltPortfolioAndSavesEachCellAsAList)
{
    // Ten customers ordered in the 12 months to 2026-06: customer i ordered i times, the last time
    // 10 * i days before 2026-06-30. L ordered in 2024 only (lost); P never ordered.
    Workspace w;
    std::map<CustomerId, int> index;
    for (int i = 1; i <= 10; ++i) {
        const auto id = w.customer("C" + std::to_string(i));
        index[id] = i;
        for (int n = 0; n < i; ++n) {
            w.order(id, kToday.addDays(-10 * i - 20 * n));
        }
    }
    const auto lost = w.customer("L");
    w.order(lost, Date(2024, 3, 1));
    w.customer("P");

    RfmService rfm(*w.portfolio);
    const auto result = rfm.run(MonthRange::twelveMonthsEndingWith(kToday), kToday);
    ASSERT_TRUE(result.ok()) << result.error().describe();
    ASSERT_EQ(result.value().scores.size(), 11U);
    std::map<int, RfmScore> byIndex;
    for (const auto& score : result.value().scores) {
        if (score.customerId == lost) {
            EXPECT_EQ(score.cell, RfmCell::Lost);
        } else {
            byIndex[index.at(score.customerId)] = score;
        }
    }
    // Customer 1: 10 days ago, once -> R5 F1, new customer. Customer 10: 100 days, 10 orders -> R1 F5.
    EXPECT_EQ(byIndex[1].recency, 5);
    EXPECT_EQ(byIndex[1].frequency, 1);
    EXPECT_EQ(byIndex[1].cell, RfmCell::NewCustomers);
    EXPECT_EQ(byIndex[10].recency, 1);
    EXPECT_EQ(byIndex[10].frequency, 5);
    EXPECT_EQ(byIndex[10].cell, RfmCell::CantLoseThem);
    EXPECT_EQ(byIndex[5].cell, RfmCell::NeedAttention);  // R3 F3
    EXPECT_EQ(result.value().cellCounts[static_cast<std::size_t>(RfmCell::Lost)], 1);

    ASSERT_TRUE(rfm.saveAsSegments(result.value(), kToday).ok());
    SegmentService segments(*w.portfolio);
    EXPECT_EQ(segments.count(segments.findByName("RFM: New customers").value().id, kToday).value(), 2);
    EXPECT_EQ(segments.count(segments.findByName("RFM: Lost").value().id, kToday).value(), 1);
    // A second run refills the lists rather than adding to them.
    ASSERT_TRUE(rfm.saveAsSegments(result.value(), kToday).ok());
    EXPECT_EQ(segments.count(segments.findByName("RFM: Lost").value().id, kToday).value(), 1);
    EXPECT_EQ(segments.list().value().size(), 11U);
    // A rule segment holding an RFM name is not overwritten.
    const auto removed = segments.remove(segments.findByName("RFM: Lost").value().id);
    ASSERT_TRUE(segments.createRuleFromJson("RFM: Lost", R"({"version":1,"rules":[]})", kToday).ok());
    EXPECT_EQ(rfm.saveAsSegments(result.value(), kToday).error().code, ErrorCode::Conflict);
}
