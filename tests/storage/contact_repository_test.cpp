#include "storage/contact_repository.h"

#include "storage/customer_repository.h"
#include "storage/database.h"
#include "storage/sales_rep_repository.h"
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

// ---------------------------------------------------------------------------------------------
// The contact list: count, pages, sort orders, search, scope.

namespace {

ContactFilter searchFor(const std::string& words)
{
    ContactFilter f;
    f.search = words;
    return f;
}

std::vector<std::string> fullNames(const std::vector<ContactListRow>& rows)
{
    std::vector<std::string> names;
    for (const auto& row : rows) {
        names.push_back(row.firstName.empty() ? row.lastName : row.firstName + " " + row.lastName);
    }
    return names;
}


/// Two reps, three accounts (one archived), seven contacts with accents, shared names and
/// e-mail domains that look like names.
class ContactListTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        SalesRepRepository reps(sample.db);
        SalesRep ana{0, "R1", "Ana Ruiz", "", std::nullopt, "", true};
        SalesRep bob{0, "R2", "Bob Stone", "", std::nullopt, "", true};
        reps.insert(ana);
        reps.insert(bob);
        anaId = ana.id;
        bobId = bob.id;

        Customer acme = sampleCustomer("C1", "Acme Logistique");
        acme.ownerRepId = anaId;
        Customer zenith = sampleCustomer("C2", "Zenith Martin SA");
        zenith.ownerRepId = bobId;
        Customer old = sampleCustomer("C3", "Old Trading");
        old.ownerRepId = anaId;
        old.archivedOn = Date(2025, 1, 1);
        CustomerRepository customers(sample.db);
        for (Customer* c : {&acme, &zenith, &old}) {
            customers.insert(*c);
        }
        acmeId = acme.id;
        zenithId = zenith.id;
        oldId = old.id;

        add(acmeId, "Élodie", "Durand", "elodie.durand@acme.fr", true);
        add(acmeId, "Paul", "martin", "paul.martin@acme.fr");
        add(acmeId, "Zoé", "Müller", "");
        add(zenithId, "Anna", "Albert", "anna.albert@zenith-martin.fr", true);
        add(zenithId, "Marie", "Durand", "m.durand@zenith-martin.fr");
        add(zenithId, "", "Ng", "ng@zenith-martin.fr");
        add(oldId, "Paul", "Archer", "paul@old.example", true);
    }

    ContactId add(CustomerId customer, const std::string& first, const std::string& last, const std::string& email,
                  bool primary = false)
    {
        Contact c;
        c.customerId = customer;
        c.firstName = first;
        c.lastName = last;
        c.jobTitle = "Buyer";
        c.email = email;
        c.phone = "+33 1 23 45 67 89";
        c.primary = primary;
        contacts.insert(c);
        return c.id;
    }

    std::vector<std::string> namesFor(const ContactFilter& filter, ContactSort sort = {}) const
    {
        return fullNames(contacts.list(filter, sort, 0, 100));
    }

    SampleDatabase sample;
    ContactRepository contacts{sample.db};
    RepId anaId = 0;
    RepId bobId = 0;
    CustomerId acmeId = 0;
    CustomerId zenithId = 0;
    CustomerId oldId = 0;
};

} // namespace

TEST_F(ContactListTest, withoutFilterListsEveryContactOfListedAccountsByLastThenFirstNameIgnoringCase)
{
    EXPECT_EQ(contacts.count({}), 6);
    // Case is ignored for ASCII letters only, as in the customer list (SQLite's NOCASE): an
    // accented initial sorts after Z.
    EXPECT_EQ(namesFor({}), (std::vector<std::string>{"Anna Albert", "Marie Durand", "Élodie Durand",
                                                      "Paul martin", "Zoé Müller", "Ng"}));
    ContactSort descending;
    descending.descending = true;
    EXPECT_EQ(namesFor({}, descending), (std::vector<std::string>{"Ng", "Zoé Müller", "Paul martin",
                                                                  "Élodie Durand", "Marie Durand", "Anna Albert"}));
}

TEST_F(ContactListTest, rowsCarryTheContactAndItsAccount)
{
    const auto rows = contacts.list(searchFor("elodie"), {}, 0, 10);
    ASSERT_EQ(rows.size(), 1u);
    const auto& row = rows[0];
    EXPECT_GT(row.id, 0);
    EXPECT_EQ(row.customerId, acmeId);
    EXPECT_EQ(row.customerCode, "C1");
    EXPECT_EQ(row.customerName, "Acme Logistique");
    EXPECT_EQ(row.firstName, "Élodie");
    EXPECT_EQ(row.lastName, "Durand");
    EXPECT_EQ(row.jobTitle, "Buyer");
    EXPECT_EQ(row.email, "elodie.durand@acme.fr");
    EXPECT_EQ(row.phone, "+33 1 23 45 67 89");
    EXPECT_TRUE(row.primary);
    EXPECT_FALSE(contacts.list(searchFor("paul martin"), {}, 0, 10).at(0).primary);
}

TEST_F(ContactListTest, sortsByAccountThenAddedOrderAndByEmailBothWays)
{
    const ContactSort byAccount{ContactSortKey::Customer, false};
    EXPECT_EQ(namesFor({}, byAccount), (std::vector<std::string>{"Élodie Durand", "Paul martin", "Zoé Müller",
                                                                "Anna Albert", "Marie Durand", "Ng"}));
    const ContactSort byAccountDown{ContactSortKey::Customer, true};
    EXPECT_EQ(namesFor({}, byAccountDown), (std::vector<std::string>{"Ng", "Marie Durand", "Anna Albert",
                                                                    "Zoé Müller", "Paul martin", "Élodie Durand"}));
    // No address sorts first.
    const ContactSort byEmail{ContactSortKey::Email, false};
    EXPECT_EQ(namesFor({}, byEmail), (std::vector<std::string>{"Zoé Müller", "Anna Albert", "Élodie Durand",
                                                              "Marie Durand", "Ng", "Paul martin"}));
    const ContactSort byEmailDown{ContactSortKey::Email, true};
    EXPECT_EQ(namesFor({}, byEmailDown), (std::vector<std::string>{"Paul martin", "Ng", "Marie Durand",
                                                                  "Élodie Durand", "Anna Albert", "Zoé Müller"}));
}

TEST_F(ContactListTest, offsetAndLimitPageThroughTheSortedList)
{
    for (const auto key : {ContactSortKey::Name, ContactSortKey::Customer, ContactSortKey::Email}) {
        const ContactSort sort{key, false};
        const auto all = contacts.list({}, sort, 0, 100);
        ASSERT_EQ(all.size(), 6u);
        std::vector<ContactListRow> paged;
        for (std::int64_t offset = 0; offset < 6; offset += 4) {
            const auto page = contacts.list({}, sort, offset, 4);
            paged.insert(paged.end(), page.begin(), page.end());
        }
        EXPECT_EQ(paged, all);
        EXPECT_TRUE(contacts.list({}, sort, 6, 4).empty());
        EXPECT_TRUE(contacts.list({}, sort, 0, 0).empty());
    }
}

TEST_F(ContactListTest, searchMatchesWordPrefixesOfNamesIgnoringCaseAndAccents)
{
    EXPECT_EQ(namesFor(searchFor("elo")), (std::vector<std::string>{"Élodie Durand"}));
    EXPECT_EQ(namesFor(searchFor("ÉLODIE")), (std::vector<std::string>{"Élodie Durand"}));
    EXPECT_EQ(namesFor(searchFor("muller")), (std::vector<std::string>{"Zoé Müller"}));
    EXPECT_EQ(namesFor(searchFor("Mül")), (std::vector<std::string>{"Zoé Müller"}));
    EXPECT_EQ(namesFor(searchFor("dur")), (std::vector<std::string>{"Marie Durand", "Élodie Durand"}));
    EXPECT_EQ(namesFor(searchFor("ng")), (std::vector<std::string>{"Ng"}));
    EXPECT_EQ(contacts.count(searchFor("dur")), 2);
    // A prefix, not a part inside a word.
    EXPECT_TRUE(namesFor(searchFor("urand")).empty());
    EXPECT_EQ(contacts.count(searchFor("urand")), 0);
}

TEST_F(ContactListTest, everyWordMustMatchTheSameContact)
{
    EXPECT_EQ(namesFor(searchFor("durand marie")), (std::vector<std::string>{"Marie Durand"}));
    // Élodie Durand and Paul martin share an account whose contacts hold both words; no one
    // contact does.
    EXPECT_TRUE(namesFor(searchFor("elodie martin")).empty());
    EXPECT_EQ(contacts.count(searchFor("elodie martin")), 0);
    // Short words count as much as long ones (the full-text index is asked for the long ones only).
    EXPECT_EQ(namesFor(searchFor("paul m")), (std::vector<std::string>{"Paul martin"}));
    EXPECT_TRUE(namesFor(searchFor("elodie z")).empty());
    EXPECT_EQ(namesFor(searchFor("durand e")), (std::vector<std::string>{"Élodie Durand"}));
    EXPECT_EQ(namesFor(searchFor("d e")), (std::vector<std::string>{"Élodie Durand"}));
}

TEST_F(ContactListTest, theEmailDomainMatchesOnlyOnceAnAtIsTyped)
{
    // "martin" is in every address at Zenith Martin, but only Paul martin is called so.
    EXPECT_EQ(namesFor(searchFor("martin")), (std::vector<std::string>{"Paul martin"}));
    // The address's own words match.
    EXPECT_EQ(namesFor(searchFor("m.durand")), (std::vector<std::string>{"Marie Durand"}));
    EXPECT_EQ(namesFor(searchFor("@zenith-martin")), (std::vector<std::string>{"Anna Albert", "Marie Durand", "Ng"}));
    EXPECT_EQ(namesFor(searchFor("anna@zenith")), (std::vector<std::string>{"Anna Albert"}));
}

TEST_F(ContactListTest, blankSearchListsAllAndPunctuationMatchesNothing)
{
    EXPECT_EQ(contacts.count(searchFor("   ")), 6);
    EXPECT_EQ(contacts.list(searchFor("  "), {}, 0, 100).size(), 6u);
    EXPECT_EQ(contacts.count(searchFor("\"*-")), 0);
    EXPECT_TRUE(contacts.list(searchFor("\" OR *"), {}, 0, 100).empty());
    // Full-text syntax typed is taken as words.
    EXPECT_TRUE(contacts.list(searchFor("durand OR NOT"), {}, 0, 100).empty());
}

TEST_F(ContactListTest, ownerScopeListsTheRepsAccountsAndFollowsReassignment)
{
    ContactFilter mine;
    mine.ownerRepId = anaId;
    EXPECT_EQ(contacts.count(mine), 3);
    EXPECT_EQ(namesFor(mine), (std::vector<std::string>{"Élodie Durand", "Paul martin", "Zoé Müller"}));
    mine.search = "durand";
    EXPECT_EQ(namesFor(mine), (std::vector<std::string>{"Élodie Durand"}));

    CustomerRepository customers(sample.db);
    auto zenith = *customers.find(zenithId);
    zenith.ownerRepId = anaId;
    customers.update(zenith);
    EXPECT_EQ(namesFor(mine), (std::vector<std::string>{"Marie Durand", "Élodie Durand"}));
    mine.search.clear();
    EXPECT_EQ(contacts.count(mine), 6);
}

TEST_F(ContactListTest, archivedAccountsContactsAreHiddenUnlessAskedForOrTheAccountIsNamed)
{
    EXPECT_TRUE(namesFor(searchFor("archer")).empty());
    ContactFilter all;
    all.includeArchived = true;
    EXPECT_EQ(contacts.count(all), 7);
    EXPECT_EQ(namesFor(all).front(), "Anna Albert");
    EXPECT_EQ(namesFor(all)[1], "Paul Archer");
    all.search = "archer";
    EXPECT_EQ(namesFor(all), (std::vector<std::string>{"Paul Archer"}));

    ContactFilter oldOnes;
    oldOnes.customerId = oldId;
    EXPECT_EQ(contacts.count(oldOnes), 1);
    EXPECT_EQ(namesFor(oldOnes), (std::vector<std::string>{"Paul Archer"}));
    ContactFilter mine;
    mine.ownerRepId = anaId;
    EXPECT_EQ(contacts.count(mine), 3);
    mine.includeArchived = true;
    EXPECT_EQ(contacts.count(mine), 4);
}

TEST_F(ContactListTest, customerFilterListsThatAccountsContactsInEveryOrder)
{
    ContactFilter zenith;
    zenith.customerId = zenithId;
    EXPECT_EQ(contacts.count(zenith), 3);
    EXPECT_EQ(namesFor(zenith), (std::vector<std::string>{"Anna Albert", "Marie Durand", "Ng"}));
    EXPECT_EQ(namesFor(zenith, {ContactSortKey::Email, true}),
              (std::vector<std::string>{"Ng", "Marie Durand", "Anna Albert"}));
    zenith.search = "dur";
    EXPECT_EQ(namesFor(zenith), (std::vector<std::string>{"Marie Durand"}));
    EXPECT_EQ(contacts.count(zenith), 1);
    zenith.ownerRepId = anaId;  // Zenith is Bob's
    EXPECT_EQ(contacts.count(zenith), 0);
}

TEST_F(ContactListTest, countUpToStopsAtItsLimit)
{
    EXPECT_EQ(contacts.countUpTo({}, 4), 4);
    EXPECT_EQ(contacts.countUpTo({}, 100), 6);
    EXPECT_EQ(contacts.countUpTo(searchFor("dur"), 1), 1);
    EXPECT_EQ(contacts.countUpTo(searchFor("dur"), 5), 2);
    ContactFilter mine;
    mine.ownerRepId = anaId;
    EXPECT_EQ(contacts.countUpTo(mine, 2), 2);
    EXPECT_EQ(contacts.countUpTo(mine, 0), 0);
}

TEST_F(ContactListTest, aRepsBookListsTheSameRowsWhicheverWayThePageIsRead)
{
    // Without a count just before, a book is read by walking the name index; after a count
    // that found it small, by sorting it. Both give the same pages.
    ContactFilter mine;
    mine.ownerRepId = anaId;
    for (const auto key : {ContactSortKey::Name, ContactSortKey::Customer, ContactSortKey::Email}) {
        for (const bool descending : {false, true}) {
            const ContactSort sort{key, descending};
            ContactRepository fresh(sample.db);
            const auto walked = fresh.list(mine, sort, 1, 2);
            ASSERT_EQ(fresh.count(mine), 3);
            EXPECT_EQ(fresh.list(mine, sort, 1, 2), walked);
            EXPECT_EQ(walked.size(), 2u);
        }
    }
}

TEST(ContactRepository, aBroadSearchListsItsFirstMatchesSortedAndSaysThereAreMore)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    ContactRepository contacts(sample.db);
    const std::int64_t limit = ContactRepository::kSearchListLimit;
    const std::int64_t matching = limit + 150;
    {
        WriteTransaction transaction(sample.db);
        for (std::int64_t i = 0; i < matching; ++i) {
            Customer c = sampleCustomer("C" + std::to_string(i));
            customers.insert(c);
            Contact k;
            k.customerId = c.id;
            k.firstName = "Maria";
            // Later accounts get names that sort first: a list of the first matches found is
            // then not simply the first in name order.
            k.lastName = "Name" + std::to_string(5000 - i);
            contacts.insert(k);
            Contact other;
            other.customerId = c.id;
            other.lastName = "Other";
            contacts.insert(other);
        }
        transaction.commit();
    }
    const auto filter = searchFor("mar");
    EXPECT_EQ(contacts.count(filter), matching);
    EXPECT_EQ(contacts.countUpTo(filter, limit + 1), limit + 1);

    const auto found = contacts.search(filter, {});
    EXPECT_TRUE(found.more);
    ASSERT_EQ(static_cast<std::int64_t>(found.rows.size()), limit);
    // The first accounts' contacts, in name order (the last account's sorts first).
    EXPECT_EQ(found.rows.front().lastName, "Name" + std::to_string(5000 - (limit - 1)));
    EXPECT_EQ(found.rows.back().lastName, "Name5000");
    for (std::size_t i = 1; i < found.rows.size(); ++i) {
        EXPECT_LT(found.rows[i - 1].lastName, found.rows[i].lastName);
    }
    // list() pages through the same rows.
    std::vector<ContactListRow> paged;
    for (std::int64_t offset = 0; offset < limit + 256; offset += 256) {
        const auto page = contacts.list(filter, {}, offset, 256);
        paged.insert(paged.end(), page.begin(), page.end());
    }
    EXPECT_EQ(paged, found.rows);

    // A narrower search lists every match and says there are no more.
    const auto narrow = contacts.search(searchFor("maria name5000"), {ContactSortKey::Customer, true});
    EXPECT_FALSE(narrow.more);
    ASSERT_EQ(narrow.rows.size(), 1u);
    EXPECT_EQ(narrow.rows[0].lastName, "Name5000");
}
