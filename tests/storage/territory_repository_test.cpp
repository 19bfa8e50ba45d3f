#include "storage/territory_repository.h"

#include "storage/customer_repository.h"
#include "storage/database.h"
#include "storage/order_repository.h"
#include "storage/sales_rep_repository.h"
#include "storage/storage_error.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::SampleDatabase;
using cartera::testing::sampleCustomer;

namespace {

struct Fixture {
    SampleDatabase sample;
    RepId anna = 0;
    RepId ben = 0;
    CustomerId paris = 0;
    CustomerId lyon = 0;

    Fixture()
    {
        SalesRepRepository reps(sample.db);
        SalesRep a{0, "R1", "Anna", "", std::nullopt, "North", true, 120, 5'000'000};
        reps.insert(a);
        anna = a.id;
        SalesRep b{0, "R2", "Ben", "", std::nullopt, "South", true, std::nullopt, std::nullopt};
        reps.insert(b);
        ben = b.id;
        CustomerRepository customers(sample.db);
        auto c = sampleCustomer("C1");
        c.country = "FR";
        c.region = "Île-de-France";
        c.postalCode = "75 011";
        c.ownerRepId = anna;
        customers.insert(c);
        paris = c.id;
        c = sampleCustomer("C2");
        c.country = "FR";
        c.region = "Auvergne-Rhône-Alpes";
        c.postalCode = "69001";
        customers.insert(c);
        lyon = c.id;
    }

    static TerritorySet twoTerritories(RepId owner)
    {
        TerritorySet set;
        set.territories = {Territory{1, std::nullopt, "France", owner, {}}, Territory{2, 1, "Paris", std::nullopt, {owner}}};
        TerritoryRule r;
        r.id = 1;
        r.territoryId = 2;
        r.priority = 5;
        r.country = "FR";
        r.postalFrom = "75";
        r.postalTo = "75";
        r.sizeBand = SizeBand::Large;
        r.channel = SalesChannel::Online;
        set.rules.push_back(r);
        return set;
    }
};

} // namespace

TEST(TerritoryRepository, savesAndLoadsTerritoriesRulesOverlaysAndRepCapacity)
{
    Fixture f;
    TerritoryRepository repository(f.sample.db);
    auto set = Fixture::twoTerritories(f.ben);
    set.territories[1].overlayRepIds = {f.anna};
    repository.save(set);
    EXPECT_EQ(repository.load(), set);
    EXPECT_EQ(SalesRepRepository(f.sample.db).find(f.anna)->capacityAccounts, 120);
    EXPECT_EQ(SalesRepRepository(f.sample.db).find(f.anna)->capacityRevenue, 5'000'000);
    EXPECT_EQ(SalesRepRepository(f.sample.db).find(f.ben)->capacityRevenue, std::nullopt);

    set.territories.pop_back();  // Paris goes, with its rule
    set.rules.clear();
    repository.save(set);
    EXPECT_EQ(repository.load(), set);
}

TEST(TerritoryRepository, profilesCarryWhatTheRulesTestAndWhereAccountsStand)
{
    Fixture f;
    TerritoryRepository repository(f.sample.db);
    repository.save(Fixture::twoTerritories(f.ben));
    repository.setAssignment(f.paris, 2, true);
    const auto profiles = repository.loadProfiles(MonthRange::twelveMonthsEndingWith(Date(2026, 6, 30)));
    ASSERT_EQ(profiles.accounts.size(), 2u);
    const auto& p = profiles.accounts[0];
    EXPECT_EQ(p.id, f.paris);
    EXPECT_EQ(profiles.values.countries.text(p.country), "FR");
    EXPECT_EQ(profiles.values.regions.text(p.region), "Île-de-France");
    EXPECT_EQ(p.postalCode(), "75011");
    EXPECT_EQ(p.territory, 2);
    EXPECT_TRUE(p.locked);
    EXPECT_EQ(p.rep, f.anna);
    EXPECT_EQ(profiles.accounts[1].territory, 0);
    EXPECT_EQ(repository.accountsOf(2), (std::vector<CustomerId>{f.paris}));
}

TEST(TerritoryRepository, realignWritesTerritoryAndRepAndRefusesAStaleMove)
{
    Fixture f;
    TerritoryRepository repository(f.sample.db);
    repository.save(Fixture::twoTerritories(f.ben));
    const AssignmentMove move{f.paris, 0, 2, f.anna, f.ben, false, false, 0, false};
    repository.apply({move});
    EXPECT_EQ(repository.assignmentOf(f.paris), (std::pair<TerritoryId, bool>{2, false}));
    EXPECT_EQ(CustomerRepository(f.sample.db).find(f.paris)->ownerRepId, f.ben);
    // The same move again no longer starts where the account stands.
    EXPECT_THROW(repository.apply({move}), StorageError);
    repository.apply({move.reversed()});
    EXPECT_EQ(repository.assignmentOf(f.paris), std::nullopt);
    EXPECT_EQ(CustomerRepository(f.sample.db).find(f.paris)->ownerRepId, f.anna);
}

TEST(TerritoryRepository, deletingATerritoryUnassignsItsAccounts)
{
    Fixture f;
    TerritoryRepository repository(f.sample.db);
    repository.save(Fixture::twoTerritories(f.ben));
    repository.setAssignment(f.lyon, 1, false);
    TerritorySet none;
    repository.save(none);
    EXPECT_EQ(repository.assignmentOf(f.lyon), std::nullopt);
    EXPECT_TRUE(repository.load().territories.empty());
}

TEST(TerritoryRepository, anOrderKeepsTheChannelItCameThrough)
{
    Fixture f;
    auto order = cartera::testing::sampleOrder(f.paris, Date(2026, 3, 1), {cartera::testing::sampleLine(f.sample.widget, 1, 1999)});
    order.currency = CurrencyCode::parse("EUR").value();
    order.channel = SalesChannel::Wholesale;
    OrderRepository orders(f.sample.db);
    orders.insert(order);
    EXPECT_EQ(orders.find(order.id)->channel, SalesChannel::Wholesale);
    const auto accounts = TerritoryRepository(f.sample.db).loadCoverage(MonthRange::twelveMonthsEndingWith(Date(2026, 6, 30)), Date(2026, 4, 1));
    ASSERT_EQ(accounts.size(), 2u);
    EXPECT_EQ(accounts[0].otherChannels, 1U << static_cast<unsigned>(SalesChannel::Wholesale));
    EXPECT_EQ(accounts[0].revenue, 1999);
    EXPECT_EQ(accounts[1].otherChannels, 0);
}
