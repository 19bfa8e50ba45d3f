#include "storage/contact_repository.h"

#include "storage/customer_repository.h"
#include "storage/storage_error.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::SampleDatabase;
using cartera::testing::sampleCustomer;

namespace {

Contact makeContact(CustomerId customer, const std::string& first, const std::string& last, bool primary = false)
{
    Contact c;
    c.customerId = customer;
    c.firstName = first;
    c.lastName = last;
    c.jobTitle = "Buyer";
    c.email = first + "@example.com";
    c.phone = "+33 1 23";
    c.primary = primary;
    return c;
}

class ContactRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        Customer a = sampleCustomer("A");
        Customer b = sampleCustomer("B");
        CustomerRepository(sample.db).insert(a);
        CustomerRepository(sample.db).insert(b);
        customerA = a.id;
        customerB = b.id;
    }

    SampleDatabase sample;
    ContactRepository contacts{sample.db};
    CustomerId customerA = 0;
    CustomerId customerB = 0;
};

} // namespace

TEST_F(ContactRepositoryTest, insertSetsTheIdAndForCustomerReturnsEqualRecords)
{
    Contact c = makeContact(customerA, "Élodie", "Durand", true);
    contacts.insert(c);
    EXPECT_GT(c.id, 0);
    const auto found = contacts.forCustomer(customerA);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0], c);
    EXPECT_TRUE(contacts.forCustomer(customerB).empty());
}

TEST_F(ContactRepositoryTest, emptyOptionalFieldsRoundTrip)
{
    Contact c;
    c.customerId = customerA;
    c.lastName = "Solo";
    contacts.insert(c);
    const auto found = contacts.forCustomer(customerA);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0], c);
}

TEST_F(ContactRepositoryTest, forCustomerListsThePrimaryContactFirstThenByLastName)
{
    Contact zoe = makeContact(customerA, "Zoé", "zimmer");
    Contact boss = makeContact(customerA, "Paul", "Young", true);
    Contact anna = makeContact(customerA, "Anna", "Albert");
    Contact bert = makeContact(customerA, "Bert", "baker");
    Contact other = makeContact(customerB, "Other", "Aaron", true);
    for (Contact* c : {&zoe, &boss, &anna, &bert, &other}) {
        contacts.insert(*c);
    }
    const auto found = contacts.forCustomer(customerA);
    ASSERT_EQ(found.size(), 4u);
    EXPECT_EQ(found[0].lastName, "Young");
    EXPECT_EQ(found[1].lastName, "Albert");
    EXPECT_EQ(found[2].lastName, "baker");
    EXPECT_EQ(found[3].lastName, "zimmer");
}

TEST_F(ContactRepositoryTest, updateChangesEveryField)
{
    Contact c = makeContact(customerA, "Ana", "Ruiz");
    contacts.insert(c);
    Contact changed = makeContact(customerB, "Ana María", "Ruiz López", true);
    changed.id = c.id;
    changed.jobTitle = "Head of Purchasing";
    changed.email = "ana@b.example";
    changed.phone = "+34 91";
    contacts.update(changed);
    EXPECT_TRUE(contacts.forCustomer(customerA).empty());
    const auto found = contacts.forCustomer(customerB);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0], changed);
}

TEST_F(ContactRepositoryTest, updateAndRemoveOfAMissingContactFailWithNotFound)
{
    Contact ghost = makeContact(customerA, "No", "Body");
    ghost.id = 999;
    try {
        contacts.update(ghost);
        FAIL() << "updated a missing contact";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.failure(), StorageFailure::NotFound);
    }
    try {
        contacts.remove(999);
        FAIL() << "removed a missing contact";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.failure(), StorageFailure::NotFound);
    }
}

TEST_F(ContactRepositoryTest, removeDeletesOnlyThatContact)
{
    Contact a = makeContact(customerA, "A", "One");
    Contact b = makeContact(customerA, "B", "Two");
    contacts.insert(a);
    contacts.insert(b);
    contacts.remove(a.id);
    const auto found = contacts.forCustomer(customerA);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0], b);
}

TEST_F(ContactRepositoryTest, contactOfAMissingCustomerIsRefused)
{
    Contact orphan = makeContact(424242, "No", "Account");
    try {
        contacts.insert(orphan);
        FAIL() << "a contact of a missing customer was saved";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.failure(), StorageFailure::Constraint);
    }
    EXPECT_EQ(sample.count("SELECT count(*) FROM contact"), 0);
}
