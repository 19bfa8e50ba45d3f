#include "storage/abc_repository.h"

#include "storage/customer_repository.h"
#include "storage/exit_repository.h"
#include "storage/order_repository.h"
#include "storage/sales_rep_repository.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::sampleCustomer;
using cartera::testing::SampleDatabase;
using cartera::testing::sampleLine;
using cartera::testing::sampleOrder;

namespace {

/// Customers inserted in id order A, B, C, P, X, R, so that scope filters must skip the sales of
/// customers in between:
///   A  FR direct    rep 1  2024-12 1,000 (before 2025) / 2025-01 100.00 cost 60.00 /
///                          2025-03 cancelled / 2025-06 2 x 25.00 cost 2 x 10.00
///   B  DE wholesale rep 2  2025-12 200.00 cost 250.00 (negative margin)
///   C  FR wholesale rep 1  no orders
///   P  FR direct, prospect, no orders
///   X  FR direct    rep 1  archived, 2025-02 70.00
///   R  FR online, prospect with a 2025-02 order of 30.00
class AbcRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        SalesRepRepository reps(sample.db);
        SalesRep rep1{0, "R01", "Ana"};
        SalesRep rep2{0, "R02", "Ben"};
        reps.insert(rep1);
        reps.insert(rep2);
        rep1Id = rep1.id;
        a = add("A", "FR", SalesChannel::Direct, rep1.id);
        b = add("B", "DE", SalesChannel::Wholesale, rep2.id);
        c = add("C", "FR", SalesChannel::Wholesale, rep1.id);
        p = add("P", "FR", SalesChannel::Direct, std::nullopt, CustomerKind::Prospect);
        x = add("X", "FR", SalesChannel::Direct, rep1.id);
        r = add("R", "FR", SalesChannel::Online, std::nullopt, CustomerKind::Prospect);
        auto archived = customers.find(x).value();
        archived.archivedOn = Date(2026, 1, 5);
        customers.update(archived);

        order(a, Date(2024, 12, 31), 1, 100000, 0);
        order(a, Date(2025, 1, 15), 1, 10000, 6000);
        const OrderId cancelled = order(a, Date(2025, 3, 1), 1, 99900, 0);
        orders.setStatus(cancelled, OrderStatus::Cancelled, Date(2025, 3, 2));
        order(a, Date(2025, 6, 30), 2, 2500, 1000);
        order(b, Date(2025, 12, 1), 1, 20000, 25000);
        order(x, Date(2025, 2, 10), 1, 7000, 0);
        order(r, Date(2025, 2, 11), 1, 3000, 0);
    }

    CustomerId add(const std::string& code, const std::string& country, SalesChannel channel,
                   std::optional<RepId> owner, CustomerKind kind = CustomerKind::Customer)
    {
        Customer customer = sampleCustomer(code, "Name of " + code);
        customer.country = country;
        customer.channel = channel;
        customer.ownerRepId = owner;
        customer.kind = kind;
        customers.insert(customer);
        return customer.id;
    }

    OrderId order(CustomerId customer, Date date, std::int64_t quantity, std::int64_t price, std::int64_t cost)
    {
        Order o = sampleOrder(customer, date, {sampleLine(sample.widget, quantity, price, 0, cost)});
        orders.insert(o);
        return o.id;
    }

    /// "code=value" for every customer read, in the order read.
    std::string values(AbcCriterion criterion, int from, int to, AbcScope scope = {})
    {
        AbcValueQuery query;
        query.criterion = criterion;
        query.period = MonthRange::between(from, to).value();
        query.scope = std::move(scope);
        std::string text;
        for (const auto& input : AbcRepository(sample.db).customerValues(query)) {
            text += (text.empty() ? "" : " ") + input.code + "=" + std::to_string(input.value);
        }
        return text;
    }

    SampleDatabase sample;
    CustomerRepository customers{sample.db};
    OrderRepository orders{sample.db};
    RepId rep1Id = 0;
    CustomerId a = 0, b = 0, c = 0, p = 0, x = 0, r = 0;
};

} // namespace

TEST_F(AbcRepositoryTest, revenueOverACalendarYearLeavesOutOtherMonthsCancelledOrdersArchivedAndIdleProspects)
{
    // A: 100.00 + 50.00; C: no orders, listed with 0; P: prospect without orders, left out;
    // X: archived; R: a prospect with sales counts.
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512), "A=15000 B=20000 C=0 R=3000");
}

TEST_F(AbcRepositoryTest, marginIsRevenueLessCostAndCanBeNegative)
{
    EXPECT_EQ(values(AbcCriterion::Margin, 202501, 202512), "A=7000 B=-5000 C=0 R=3000");
}

TEST_F(AbcRepositoryTest, ordersCountsOrdersNotLines)
{
    EXPECT_EQ(values(AbcCriterion::Orders, 202501, 202512), "A=2 B=1 C=0 R=1");
}

TEST_F(AbcRepositoryTest, thePeriodBoundsAreInclusive)
{
    EXPECT_EQ(values(AbcCriterion::Revenue, 202412, 202501), "A=110000 B=0 C=0");
    EXPECT_EQ(values(AbcCriterion::Revenue, 202506, 202506), "A=5000 B=0 C=0");
    EXPECT_EQ(values(AbcCriterion::Revenue, 202507, 202511), "A=0 B=0 C=0");
    EXPECT_EQ(values(AbcCriterion::Revenue, 202512, 202512), "A=0 B=20000 C=0");
}

TEST_F(AbcRepositoryTest, scopeFiltersByCountryChannelAndOwnerRep)
{
    AbcScope france;
    france.country = "FR";
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512, france), "A=15000 C=0 R=3000");
    AbcScope wholesale;
    wholesale.channel = SalesChannel::Wholesale;
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512, wholesale), "B=20000 C=0");
    AbcScope rep;
    rep.ownerRepId = rep1Id;
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512, rep), "A=15000 C=0");
    AbcScope combined = france;
    combined.channel = SalesChannel::Direct;
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512, combined), "A=15000");
    AbcScope nobody;
    nobody.country = "JP";
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512, nobody), "");
}

TEST_F(AbcRepositoryTest, archivedAccountsCountWhenAskedFor)
{
    AbcScope scope;
    scope.includeArchived = true;
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512, scope), "A=15000 B=20000 C=0 X=7000 R=3000");
}

TEST_F(AbcRepositoryTest, readsIdsCodesAndNamesUnlessNamesAreNotWanted)
{
    AbcValueQuery query;
    query.period = MonthRange::calendarYear(2025).value();
    auto inputs = AbcRepository(sample.db).customerValues(query);
    ASSERT_EQ(inputs.size(), 4u);
    EXPECT_EQ(inputs[0], (AbcInput{a, "A", "Name of A", 15000}));
    EXPECT_EQ(inputs[2], (AbcInput{c, "C", "Name of C", 0}));
    query.withNames = false;
    inputs = AbcRepository(sample.db).customerValues(query);
    EXPECT_EQ(inputs[0], (AbcInput{a, "A", "", 15000}));
}

TEST_F(AbcRepositoryTest, followsOrderChangesThroughTheMonthlyFigures)
{
    order(c, Date(2025, 8, 8), 3, 1000, 0);
    customers.remove(a);
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512), "B=20000 C=3000 R=3000");
}

TEST_F(AbcRepositoryTest, readsTheSameOnOneConnectionAsOnTwoInParallel)
{
    // Outside a transaction the reads are split between this connection and a second one in
    // another thread; inside one (whose changes only this connection sees) all on this one.
    // Both must agree.
    const std::string parallel = values(AbcCriterion::Margin, 202412, 202512);
    std::string single;
    {
        const ReadTransaction transaction(sample.db);
        single = values(AbcCriterion::Margin, 202412, 202512);
    }
    EXPECT_EQ(parallel, "A=107000 B=-5000 C=0 R=3000");
    EXPECT_EQ(single, parallel);
}

TEST_F(AbcRepositoryTest, insideAWriteTransactionSeesItsOwnUncommittedOrders)
{
    // A second connection could not see them: the read stays on this connection.
    WriteTransaction transaction(sample.db);
    order(c, Date(2025, 5, 5), 3, 1000, 0);
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512), "A=15000 B=20000 C=3000 R=3000");
}

TEST_F(AbcRepositoryTest, aTerritoryScopeTakesItsAccountsAndThoseOfItsSubTerritories)
{
    sample.db.execute(
        "INSERT INTO territory (id, parent_id, name) VALUES (1, NULL, 'Europe'), (2, 1, 'France'), (3, NULL, 'Other');");
    sample.db.execute("INSERT INTO customer_territory (customer_id, territory_id) VALUES (" + std::to_string(a) +
                      ", 2), (" + std::to_string(b) + ", 1), (" + std::to_string(r) + ", 3);");
    AbcScope europe;
    europe.territoryId = 1;
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512, europe), "A=15000 B=20000");
    AbcScope france;
    france.territoryId = 2;
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512, france), "A=15000");
    AbcScope franceDirect = france;
    franceDirect.channel = SalesChannel::Wholesale;  // combines with the other filters
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512, franceDirect), "");
    AbcScope empty;
    empty.territoryId = 99;
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512, empty), "");
}

TEST_F(AbcRepositoryTest, aLostCustomerLeavesRunsWhosePeriodEndsOnOrAfterItsEffectiveDate)
{
    // B left on 2025-12-15 (lost): still classified over 2025-01..2025-11, gone from any period
    // ending on or after that day, on one connection as on two.
    ExitRepository exits(sample.db);
    CustomerExit exit;
    exit.customerId = b;
    exit.effectiveOn = Date(2025, 12, 15);
    exit.outcome = ExitOutcome::Lost;
    exit.recordedOn = Date(2025, 12, 1);
    exits.insert(exit);
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202511), "A=15000 B=0 C=0 R=3000");
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512), "A=15000 C=0 R=3000");
    {
        const ReadTransaction transaction(sample.db);
        EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512), "A=15000 C=0 R=3000");
    }
    // The period's last day is the bound: an exit effective on 2025-12-31 leaves 2025 as well,
    // one on 2026-01-01 does not.
    exit.effectiveOn = Date(2025, 12, 31);
    exits.update(exit);
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512), "A=15000 C=0 R=3000");
    exit.effectiveOn = Date(2026, 1, 1);
    exits.update(exit);
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512), "A=15000 B=20000 C=0 R=3000");
}

TEST_F(AbcRepositoryTest, retainedAndWonBackCustomersStayInTheRuns)
{
    ExitRepository exits(sample.db);
    CustomerExit retained;
    retained.customerId = b;
    retained.effectiveOn = Date(2025, 6, 30);
    retained.outcome = ExitOutcome::Retained;
    exits.insert(retained);
    CustomerExit wonBack;
    wonBack.customerId = a;
    wonBack.effectiveOn = Date(2025, 3, 31);
    wonBack.outcome = ExitOutcome::WonBack;
    wonBack.wonBackOn = Date(2025, 5, 1);
    exits.insert(wonBack);
    EXPECT_EQ(values(AbcCriterion::Revenue, 202501, 202512), "A=15000 B=20000 C=0 R=3000");
}
