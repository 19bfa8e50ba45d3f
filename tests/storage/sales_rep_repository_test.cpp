#include "storage/sales_rep_repository.h"

#include "storage/customer_repository.h"
#include "storage/storage_error.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::SampleDatabase;

namespace {

SalesRep makeRep(const std::string& code, const std::string& name)
{
    SalesRep rep;
    rep.code = code;
    rep.name = name;
    rep.email = code + "@cartera.example";
    rep.team = "France";
    return rep;
}

} // namespace

TEST(SalesRepRepository, insertSetsTheIdAndFindReturnsAnEqualRecord)
{
    SampleDatabase sample;
    SalesRepRepository reps(sample.db);
    SalesRep manager = makeRep("M01", "Hélène Marchand");
    reps.insert(manager);
    SalesRep rep = makeRep("R01", "Ana Ruiz");
    rep.managerId = manager.id;
    rep.active = false;
    reps.insert(rep);
    EXPECT_GT(manager.id, 0);
    EXPECT_NE(rep.id, manager.id);
    EXPECT_EQ(reps.find(rep.id), rep);
    EXPECT_EQ(reps.find(manager.id), manager);
    EXPECT_EQ(reps.findByCode("R01"), rep);
    EXPECT_FALSE(reps.find(9999).has_value());
    EXPECT_FALSE(reps.findByCode("R99").has_value());
}

TEST(SalesRepRepository, emptyOptionalFieldsRoundTrip)
{
    SampleDatabase sample;
    SalesRepRepository reps(sample.db);
    SalesRep rep;
    rep.code = "R02";
    rep.name = "Minimal";
    reps.insert(rep);
    EXPECT_EQ(reps.find(rep.id), rep);
}

TEST(SalesRepRepository, updateChangesEveryField)
{
    SampleDatabase sample;
    SalesRepRepository reps(sample.db);
    SalesRep manager = makeRep("M01", "Manager");
    SalesRep rep = makeRep("R01", "Ana Ruiz");
    reps.insert(manager);
    reps.insert(rep);
    SalesRep changed = makeRep("R77", "Ana Ruiz-Moreau");
    changed.id = rep.id;
    changed.email = "ana.moreau@cartera.example";
    changed.team = "Southern Europe";
    changed.managerId = manager.id;
    changed.active = false;
    reps.update(changed);
    EXPECT_EQ(reps.find(rep.id), changed);
    EXPECT_FALSE(reps.findByCode("R01").has_value());

    SalesRep ghost = makeRep("R99", "Ghost");
    ghost.id = 4242;
    try {
        reps.update(ghost);
        FAIL() << "updated a missing rep";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.failure(), StorageFailure::NotFound);
    }
}

TEST(SalesRepRepository, allListsRepsByNameIgnoringCase)
{
    SampleDatabase sample;
    SalesRepRepository reps(sample.db);
    for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{
             {"R1", "zoe Zimmer"}, {"R2", "Bruno Costa"}, {"R3", "ana Ruiz"}, {"R4", "Carla Diaz"}}) {
        SalesRep rep = makeRep(code, name);
        reps.insert(rep);
    }
    std::vector<std::string> names;
    for (const auto& rep : reps.all()) {
        names.push_back(rep.name);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"ana Ruiz", "Bruno Costa", "Carla Diaz", "zoe Zimmer"}));
}

TEST(SalesRepRepository, duplicateCodeIsAConstraintError)
{
    SampleDatabase sample;
    SalesRepRepository reps(sample.db);
    SalesRep first = makeRep("R01", "First");
    reps.insert(first);
    SalesRep second = makeRep("R01", "Second");
    try {
        reps.insert(second);
        FAIL() << "a duplicate rep code was saved";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.failure(), StorageFailure::Constraint);
    }
    EXPECT_EQ(reps.all().size(), 1u);
}

TEST(SalesRepRepository, managerOfAMissingRepIsRefused)
{
    SampleDatabase sample;
    SalesRepRepository reps(sample.db);
    SalesRep rep = makeRep("R01", "Ana");
    rep.managerId = 777;
    EXPECT_THROW(reps.insert(rep), StorageError);
    EXPECT_TRUE(reps.all().empty());
}

TEST(SalesRepRepository, deletingARepLeavesItsCustomersWithoutOwner)
{
    SampleDatabase sample;
    SalesRepRepository reps(sample.db);
    SalesRep rep = makeRep("R01", "Ana");
    reps.insert(rep);
    CustomerRepository customers(sample.db);
    Customer c = cartera::testing::sampleCustomer("C1");
    c.ownerRepId = rep.id;
    customers.insert(c);
    sample.db.execute("DELETE FROM sales_rep WHERE id = " + std::to_string(rep.id));
    EXPECT_FALSE(customers.find(c.id)->ownerRepId.has_value());
}
