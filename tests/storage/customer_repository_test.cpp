#include "storage/customer_repository.h"

#include "storage/contact_repository.h"
#include "storage/customer_facets.h"
#include "storage/order_repository.h"
#include "storage/sales_rep_repository.h"
#include "storage/storage_error.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <limits>
#include <string>
#include <vector>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::SampleDatabase;
using cartera::testing::sampleCustomer;
using cartera::testing::sampleLine;
using cartera::testing::sampleOrder;

namespace {

Customer fullCustomer(RepId owner)
{
    Customer c;
    c.code = "C-000123";
    c.name = "Müller & Söhne GmbH";
    c.kind = CustomerKind::Prospect;
    c.industry = "Manufacturing";
    c.sizeBand = SizeBand::Medium;
    c.country = "DE";
    c.region = "Bayern";
    c.city = "München";
    c.postalCode = "80331";
    c.channel = SalesChannel::Wholesale;
    c.ownerRepId = owner;
    c.status = CustomerStatus::Inactive;
    c.email = "info@mueller.example";
    c.phone = "+49 89 123456";
    c.website = "www.mueller.example";
    c.created = Date(2019, 5, 17);
    c.updated = Date(2026, 2, 28);
    return c;
}

RepId insertRep(const Database& db, const std::string& code, const std::string& name)
{
    SalesRep rep;
    rep.code = code;
    rep.name = name;
    SalesRepRepository(db).insert(rep);
    return rep.id;
}

std::string failureOf(const std::function<void()>& action, std::string* message = nullptr)
{
    try {
        action();
        return "none";
    } catch (const StorageError& e) {
        if (message) {
            *message = e.what();
        }
        switch (e.failure()) {
        case StorageFailure::Constraint: return "Constraint";
        case StorageFailure::NotFound: return "NotFound";
        default: return "other: " + std::string(e.what());
        }
    }
}

std::vector<std::string> codesOf(const std::vector<CustomerListRow>& rows)
{
    std::vector<std::string> codes;
    for (const auto& row : rows) {
        codes.push_back(row.code);
    }
    return codes;
}

/// A small portfolio where every list column has distinct values, ties and gaps.
class CustomerListTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ana = insertRep(sample.db, "R01", "Ana Ruiz");
        bruno = insertRep(sample.db, "R02", "bruno Costa");
        struct Row {
            const char* code;
            const char* name;
            CustomerKind kind;
            const char* industry;
            std::optional<SizeBand> size;
            const char* country;
            const char* region;
            const char* city;
            SalesChannel channel;
            RepId* owner;
            CustomerStatus status;
            const char* email;
        };
        using K = CustomerKind;
        using S = SalesChannel;
        using St = CustomerStatus;
        const Row rows[] = {
            {"C05", "Zeta Foods", K::Customer, "Food", SizeBand::Small, "FR", "Bretagne", "Rennes", S::Retail, &ana,
             St::Active, "orders@zeta.example"},
            {"C02", "alpha Tools", K::Customer, "Hardware", SizeBand::Large, "DE", "Bayern", "münchen", S::Direct,
             &bruno, St::Active, "info@alpha.example"},
            {"C09", "Beta Bakery", K::Prospect, "food", SizeBand::Micro, "FR", "Île-de-France", "Paris", S::Online,
             nullptr, St::Active, ""},
            {"C01", "Gamma Logistics", K::Customer, "Transport", std::nullopt, "ES", "Madrid", "Madrid",
             S::Wholesale, &ana, St::Inactive, "hello@gamma.example"},
            {"C07", "Delta Paris", K::Customer, "Hardware", SizeBand::Small, "FR", "Île-de-France", "Lyon",
             S::Direct, &bruno, St::Exited, "delta@paris.example"},
            {"C03", "Alpha Tools", K::Prospect, "Retail", SizeBand::Medium, "DE", "Berlin", "Berlin", S::Retail,
             nullptr, St::Active, "contact@alpha-berlin.example"},
        };
        for (const auto& r : rows) {
            Customer c = sampleCustomer(r.code, r.name);
            c.kind = r.kind;
            c.industry = r.industry;
            c.sizeBand = r.size;
            c.country = r.country;
            c.region = r.region;
            c.city = r.city;
            c.channel = r.channel;
            if (r.owner) {
                c.ownerRepId = *r.owner;
            }
            c.status = r.status;
            c.email = r.email;
            customers.insert(c);
            ids[r.code] = c.id;
        }
    }

    std::vector<std::string> codes(const CustomerFilter& filter, CustomerSort sort = {}, std::int64_t offset = 0,
                                   int limit = -1)
    {
        return codesOf(customers.list(filter, sort, offset, limit));
    }

    SampleDatabase sample;
    CustomerRepository customers{sample.db};
    RepId ana = 0;
    RepId bruno = 0;
    std::map<std::string, CustomerId> ids;
};

using Codes = std::vector<std::string>;

} // namespace

TEST(CustomerRepository, insertSetsTheIdAndFindReturnsAnEqualRecord)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    Customer c = fullCustomer(insertRep(sample.db, "R01", "Ana Ruiz"));
    customers.insert(c);
    EXPECT_GT(c.id, 0);
    const auto found = customers.find(c.id);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(*found, c);
    const auto byCode = customers.findByCode("C-000123");
    ASSERT_TRUE(byCode.has_value());
    EXPECT_EQ(*byCode, c);
}

TEST(CustomerRepository, emptyOptionalFieldsRoundTripAsEmpty)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    Customer c = sampleCustomer("MIN", "Minimal");
    customers.insert(c);
    const auto found = customers.find(c.id);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(*found, c);
    EXPECT_FALSE(found->sizeBand.has_value());
    EXPECT_FALSE(found->ownerRepId.has_value());
    // Empty optional text is stored as NULL, not as ''.
    EXPECT_EQ(sample.count("SELECT count(*) FROM customer WHERE region IS NULL AND email IS NULL AND phone IS NULL"),
              1);
}

TEST(CustomerRepository, everyEnumeratorRoundTripsThroughTheSchemaChecks)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    WriteTransaction transaction(sample.db);  // one commit: 120 synced commits are slow
    int n = 0;
    for (const auto& [kind, kindCode] : kCustomerKindCodes.entries) {
        for (const auto& [channel, channelCode] : kSalesChannelCodes.entries) {
            for (const auto& [status, statusCode] : kCustomerStatusCodes.entries) {
                for (const auto& [size, sizeCode] : kSizeBandCodes.entries) {
                    Customer c = sampleCustomer("E" + std::to_string(++n));
                    c.kind = kind;
                    c.channel = channel;
                    c.status = status;
                    c.sizeBand = size;
                    customers.insert(c);
                    EXPECT_EQ(customers.find(c.id), c) << kindCode << " " << channelCode << " " << statusCode << " "
                                                       << sizeCode;
                }
            }
        }
    }
    transaction.commit();
    EXPECT_EQ(customers.count({}), 2 * 4 * 3 * 5);
}

TEST(CustomerRepository, findOfAMissingCustomerIsEmpty)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    EXPECT_FALSE(customers.find(12345).has_value());
    EXPECT_FALSE(customers.findByCode("NOPE").has_value());
}

TEST(CustomerRepository, updateChangesEveryField)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    const RepId ana = insertRep(sample.db, "R01", "Ana Ruiz");
    const RepId bruno = insertRep(sample.db, "R02", "Bruno Costa");
    Customer c = fullCustomer(ana);
    customers.insert(c);
    Customer changed = sampleCustomer("C-999", "Renamed SA");
    changed.id = c.id;
    changed.kind = CustomerKind::Customer;
    changed.industry = "Retail";
    changed.sizeBand = SizeBand::Enterprise;
    changed.country = "FR";
    changed.region = "Occitanie";
    changed.city = "Toulouse";
    changed.postalCode = "31000";
    changed.channel = SalesChannel::Online;
    changed.ownerRepId = bruno;
    changed.status = CustomerStatus::Exited;
    changed.email = "new@renamed.example";
    changed.phone = "+33 5 00";
    changed.website = "www.renamed.example";
    changed.created = Date(2020, 1, 2);
    changed.updated = Date(2026, 6, 30);
    customers.update(changed);
    EXPECT_EQ(customers.find(c.id), changed);
    EXPECT_FALSE(customers.findByCode("C-000123").has_value());

    // And back to empty optional fields.
    Customer cleared = sampleCustomer("C-999", "Renamed SA");
    cleared.id = c.id;
    customers.update(cleared);
    EXPECT_EQ(customers.find(c.id), cleared);
    EXPECT_EQ(customers.count({}), 1);
}

TEST(CustomerRepository, updateOfAMissingCustomerFailsWithNotFound)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    Customer ghost = sampleCustomer("GHOST");
    ghost.id = 4242;
    EXPECT_EQ(failureOf([&] { customers.update(ghost); }), "NotFound");
    EXPECT_EQ(customers.count({}), 0);
}

TEST(CustomerRepository, removeDeletesTheCustomer)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    Customer keep = sampleCustomer("KEEP");
    Customer drop = sampleCustomer("DROP");
    customers.insert(keep);
    customers.insert(drop);
    customers.remove(drop.id);
    EXPECT_FALSE(customers.find(drop.id).has_value());
    EXPECT_TRUE(customers.find(keep.id).has_value());
    EXPECT_EQ(failureOf([&] { customers.remove(drop.id); }), "NotFound");
}

TEST(CustomerRepository, duplicateCodeIsAConstraintErrorNamingTheCode)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    Customer first = sampleCustomer("C-42", "First");
    customers.insert(first);
    Customer second = sampleCustomer("C-42", "Second");
    std::string message;
    EXPECT_EQ(failureOf([&] { customers.insert(second); }, &message), "Constraint");
    EXPECT_NE(message.find("'C-42'"), std::string::npos) << message;
    EXPECT_EQ(customers.count({}), 1);
    EXPECT_EQ(customers.findByCode("C-42")->name, "First");

    // Renaming another customer onto a used code fails the same way and changes nothing.
    Customer other = sampleCustomer("C-43", "Other");
    customers.insert(other);
    other.code = "C-42";
    other.name = "Changed";
    message.clear();
    EXPECT_EQ(failureOf([&] { customers.update(other); }, &message), "Constraint");
    EXPECT_NE(message.find("'C-42'"), std::string::npos) << message;
    EXPECT_EQ(customers.find(other.id)->name, "Other");

    // The repository stays usable after the failures.
    Customer third = sampleCustomer("C-44", "Third");
    customers.insert(third);
    EXPECT_EQ(customers.count({}), 3);
}

TEST(CustomerRepository, removeCascadesToContactsOrdersLinesAndMonthlyFigures)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    ContactRepository contacts(sample.db);
    OrderRepository orders(sample.db);
    Customer doomed = sampleCustomer("DOOMED");
    Customer kept = sampleCustomer("KEPT");
    customers.insert(doomed);
    customers.insert(kept);
    for (const Customer* c : {&doomed, &kept}) {
        for (int i = 0; i < 2; ++i) {
            Contact contact;
            contact.customerId = c->id;
            contact.lastName = "Person " + std::to_string(i);
            contacts.insert(contact);
        }
        for (int month = 1; month <= 3; ++month) {
            auto order = sampleOrder(c->id, Date(2026, static_cast<unsigned>(month), 10),
                                     {sampleLine(sample.widget, 1, 1999), sampleLine(sample.gadget, 2, 4550)});
            orders.insert(order);
        }
    }
    const auto rowsOf = [&](CustomerId id) {
        const auto idText = std::to_string(id);
        return std::vector<std::int64_t>{
            sample.count("SELECT count(*) FROM contact WHERE customer_id = " + idText),
            sample.count("SELECT count(*) FROM sales_order WHERE customer_id = " + idText),
            sample.count("SELECT count(*) FROM order_line WHERE order_id IN (SELECT id FROM sales_order WHERE "
                         "customer_id = " + idText + ")"),
            sample.count("SELECT count(*) FROM customer_month WHERE customer_id = " + idText)};
    };
    ASSERT_EQ(rowsOf(doomed.id), (std::vector<std::int64_t>{2, 3, 6, 3}));
    ASSERT_EQ(rowsOf(kept.id), (std::vector<std::int64_t>{2, 3, 6, 3}));

    customers.remove(doomed.id);

    EXPECT_EQ(rowsOf(doomed.id), (std::vector<std::int64_t>{0, 0, 0, 0}));
    EXPECT_EQ(rowsOf(kept.id), (std::vector<std::int64_t>{2, 3, 6, 3}));
    EXPECT_EQ(sample.count("SELECT count(*) FROM order_line"), 6);  // no orphaned lines
    EXPECT_EQ(orders.countMonthlyFigureMismatches(), 0);
    EXPECT_EQ(sample.db.integrityReport(), "ok");
}

TEST_F(CustomerListTest, countAndListWithoutFilterReturnEveryCustomerByName)
{
    EXPECT_EQ(customers.count({}), 6);
    // Name order ignores case; equal names ("alpha Tools", "Alpha Tools") fall back to the id.
    EXPECT_EQ(codes({}), (Codes{"C02", "C03", "C09", "C07", "C01", "C05"}));
}

TEST_F(CustomerListTest, listRowsCarryTheListColumns)
{
    CustomerFilter filter;
    filter.search = "Zeta";
    const auto rows = customers.list(filter, {}, 0, 10);
    ASSERT_EQ(rows.size(), 1u);
    const auto& row = rows[0];
    EXPECT_EQ(row.id, ids["C05"]);
    EXPECT_EQ(row.code, "C05");
    EXPECT_EQ(row.name, "Zeta Foods");
    EXPECT_EQ(row.kind, CustomerKind::Customer);
    EXPECT_EQ(row.industry, "Food");
    EXPECT_EQ(row.city, "Rennes");
    EXPECT_EQ(row.country, "FR");
    EXPECT_EQ(row.channel, SalesChannel::Retail);
    EXPECT_EQ(row.ownerName, "Ana Ruiz");
    EXPECT_EQ(row.status, CustomerStatus::Active);
}

TEST_F(CustomerListTest, everyFilterFieldRestrictsTheList)
{
    const auto check = [&](const CustomerFilter& filter, const Codes& expected) {
        EXPECT_EQ(codes(filter, {CustomerSortKey::Code, false}), expected);
        EXPECT_EQ(customers.count(filter), static_cast<std::int64_t>(expected.size()));
    };
    CustomerFilter f;
    f.kind = CustomerKind::Prospect;
    check(f, {"C03", "C09"});
    f = {};
    f.status = CustomerStatus::Active;
    check(f, {"C02", "C03", "C05", "C09"});
    f = {};
    f.status = CustomerStatus::Exited;
    check(f, {"C07"});
    f = {};
    f.channel = SalesChannel::Direct;
    check(f, {"C02", "C07"});
    f = {};
    f.sizeBand = SizeBand::Small;
    check(f, {"C05", "C07"});
    f = {};
    f.ownerRepId = ana;
    check(f, {"C01", "C05"});
    f = {};
    f.ownerRepId = bruno;
    check(f, {"C02", "C07"});
    f = {};
    f.country = "FR";
    check(f, {"C05", "C07", "C09"});
    f = {};
    f.region = "Île-de-France";
    check(f, {"C07", "C09"});
    f = {};
    f.industry = "Hardware";
    check(f, {"C02", "C07"});
    f = {};
    f.country = "IT";
    check(f, {});
}

TEST_F(CustomerListTest, filtersCombineWithAnd)
{
    CustomerFilter f;
    f.country = "FR";
    f.channel = SalesChannel::Direct;
    EXPECT_EQ(codes(f), (Codes{"C07"}));
    f.search = "alpha";
    EXPECT_EQ(codes(f), (Codes{}));
    EXPECT_EQ(customers.count(f), 0);

    CustomerFilter g;
    g.search = "alpha";
    g.kind = CustomerKind::Prospect;
    g.ownerRepId.reset();
    EXPECT_EQ(codes(g), (Codes{"C03"}));
    g.status = CustomerStatus::Active;
    g.sizeBand = SizeBand::Medium;
    g.region = "Berlin";
    g.industry = "Retail";
    g.country = "DE";
    g.channel = SalesChannel::Retail;
    EXPECT_EQ(codes(g), (Codes{"C03"}));
    EXPECT_EQ(customers.count(g), 1);
}

TEST_F(CustomerListTest, searchMatchesNameCodeCityAndEmailIgnoringCase)
{
    const auto search = [&](const std::string& text) {
        CustomerFilter f;
        f.search = text;
        EXPECT_EQ(customers.count(f), static_cast<std::int64_t>(codes(f).size())) << text;
        return codes(f, {CustomerSortKey::Code, false});
    };
    EXPECT_EQ(search("ALPHA"), (Codes{"C02", "C03"}));    // name (and e-mail)
    EXPECT_EQ(search("c07"), (Codes{"C07"}));             // code
    EXPECT_EQ(search("paris"), (Codes{"C07", "C09"}));    // name of C07, city of C09
    EXPECT_EQ(search("rennes"), (Codes{"C05"}));          // city
    EXPECT_EQ(search("hello"), (Codes{"C01"}));           // e-mail
    EXPECT_EQ(search("nothing like it"), (Codes{}));
}

TEST(CustomerRepository, searchMatchesEveryTypedWordAsAPrefixAndIgnoresPunctuation)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{
             {"W1", "50% Off Outlet"},
             {"W2", "500 Parts"},
             {"W3", "A_B Trading"},
             {"W4", "AxB Trading"},
             {"W5", "Back\\Slash Ltd"},
             {"W6", "Plain Name"}}) {
        Customer c = sampleCustomer(code, name);
        customers.insert(c);
    }
    const auto search = [&](const std::string& text) {
        CustomerFilter f;
        f.search = text;
        const auto found = codesOf(customers.list(f, {CustomerSortKey::Code, false}, 0, -1));
        EXPECT_EQ(customers.count(f), static_cast<std::int64_t>(found.size())) << text;
        return found;
    };
    EXPECT_EQ(search("50"), (Codes{"W1", "W2"}));
    EXPECT_EQ(search("500"), (Codes{"W2"}));
    EXPECT_EQ(search("50%"), (Codes{"W1", "W2"}));
    EXPECT_EQ(search("a_b"), (Codes{"W3"}));
    EXPECT_EQ(search("trad axb"), (Codes{"W4"}));
    EXPECT_EQ(search("slash"), (Codes{"W5"}));
    EXPECT_EQ(search("%"), (Codes{}));
    EXPECT_EQ(search("\"\""), (Codes{}));
    EXPECT_EQ(search("'; DROP TABLE customer; --"), (Codes{}));
    EXPECT_EQ(search("   "), (Codes{"W1", "W2", "W3", "W4", "W5", "W6"}));
    EXPECT_EQ(customers.count({}), 6);
}

TEST(CustomerRepository, searchFindsCityWithoutAccentsAndContactNames)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    ContactRepository contacts(sample.db);
    Customer a = sampleCustomer("S1", "Forges du Centre");
    a.city = "Saint-Étienne";
    customers.insert(a);
    Customer b = sampleCustomer("S2", "Other Company");
    b.city = "Lyon";
    customers.insert(b);
    Contact person;
    person.customerId = b.id;
    person.firstName = "Mathilde";
    person.lastName = "Rousseau";
    contacts.insert(person);

    CustomerFilter f;
    f.search = "etien";
    EXPECT_EQ(codesOf(customers.list(f, {}, 0, -1)), (Codes{"S1"}));
    f.search = "rouss";
    EXPECT_EQ(codesOf(customers.list(f, {}, 0, -1)), (Codes{"S2"}));
    // The index follows edits: a renamed contact is found by the new name only.
    person.lastName = "Lefort";
    contacts.update(person);
    EXPECT_EQ(customers.count(f), 0);
    f.search = "lefo";
    EXPECT_EQ(codesOf(customers.list(f, {}, 0, -1)), (Codes{"S2"}));
    // A deleted customer leaves the index.
    customers.remove(b.id);
    EXPECT_EQ(customers.count(f), 0);
}

TEST(CustomerRepository, archivedCustomersAreHiddenUnlessAskedFor)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    Customer kept = sampleCustomer("K1", "Kept");
    customers.insert(kept);
    Customer archived = sampleCustomer("A1", "Archived");
    archived.archivedOn = Date(2026, 3, 1);
    customers.insert(archived);
    EXPECT_EQ(customers.find(archived.id)->archivedOn, Date(2026, 3, 1));

    CustomerFilter f;
    EXPECT_EQ(codesOf(customers.list(f, {}, 0, -1)), (Codes{"K1"}));
    f.includeArchived = true;
    EXPECT_EQ(customers.count(f), 2);
}

TEST(CustomerRepository, insertKeepsAGivenIdSoUndoCanRestoreIt)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    Customer c = sampleCustomer("U1", "Undone");
    c.id = 4242;
    customers.insert(c);
    EXPECT_EQ(c.id, 4242);
    EXPECT_EQ(customers.find(4242)->code, "U1");
}

TEST_F(CustomerListTest, everySortKeyOrdersAscendingAndDescending)
{
    struct Case {
        CustomerSortKey key;
        Codes ascending;
    };
    // Ties fall back to the id (insertion order: C05, C02, C09, C01, C07, C03) in the same direction.
    const Case cases[] = {
        {CustomerSortKey::Code, {"C01", "C02", "C03", "C05", "C07", "C09"}},
        {CustomerSortKey::Name, {"C02", "C03", "C09", "C07", "C01", "C05"}},
        // Berlin, Lyon, Madrid, münchen, Paris, Rennes (case-insensitive)
        {CustomerSortKey::City, {"C03", "C07", "C01", "C02", "C09", "C05"}},
        // DE, DE, ES, FR, FR, FR
        {CustomerSortKey::Country, {"C02", "C03", "C01", "C05", "C09", "C07"}},
        // direct, direct, online, retail, retail, wholesale
        {CustomerSortKey::Channel, {"C02", "C07", "C09", "C05", "C03", "C01"}},
        // no owner (NULL first), Ana Ruiz, bruno Costa
        {CustomerSortKey::Owner, {"C09", "C03", "C05", "C01", "C02", "C07"}},
        // customer, prospect
        {CustomerSortKey::Kind, {"C05", "C02", "C01", "C07", "C09", "C03"}},
        // Food, food, Hardware, Hardware, Retail, Transport (case-insensitive)
        {CustomerSortKey::Industry, {"C05", "C09", "C02", "C07", "C03", "C01"}},
        // active, active, active, active, exited, inactive
        {CustomerSortKey::Status, {"C05", "C02", "C09", "C03", "C07", "C01"}},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(codes({}, {c.key, false}), c.ascending) << "key " << static_cast<int>(c.key);
        Codes descending(c.ascending.rbegin(), c.ascending.rend());
        EXPECT_EQ(codes({}, {c.key, true}), descending) << "key " << static_cast<int>(c.key) << " descending";
    }
}

TEST_F(CustomerListTest, offsetAndLimitPageThroughTheSortedList)
{
    const CustomerSort byCode{CustomerSortKey::Code, false};
    EXPECT_EQ(codes({}, byCode, 0, 2), (Codes{"C01", "C02"}));
    EXPECT_EQ(codes({}, byCode, 2, 2), (Codes{"C03", "C05"}));
    EXPECT_EQ(codes({}, byCode, 4, 2), (Codes{"C07", "C09"}));
    EXPECT_EQ(codes({}, byCode, 6, 2), (Codes{}));
    EXPECT_EQ(codes({}, byCode, 5, 100), (Codes{"C09"}));
    EXPECT_EQ(codes({}, byCode, 3, -1), (Codes{"C05", "C07", "C09"}));  // -1: no limit
    EXPECT_EQ(codes({}, byCode, 0, 0), (Codes{}));

    // Pages of a filtered, descending list join up to the whole list, without gaps or repeats.
    CustomerFilter active;
    active.status = CustomerStatus::Active;
    const CustomerSort byNameDesc{CustomerSortKey::Name, true};
    const auto whole = codes(active, byNameDesc);
    ASSERT_EQ(whole.size(), 4u);
    Codes joined;
    for (std::int64_t offset = 0; offset < 4; offset += 3) {
        const auto page = codes(active, byNameDesc, offset, 3);
        joined.insert(joined.end(), page.begin(), page.end());
    }
    EXPECT_EQ(joined, whole);
}

TEST_F(CustomerListTest, aHugeLimitReturnsEveryRowWithoutReservingForIt)
{
    // The CLI passes --limit values up to INT32_MAX; the list must not allocate for the limit.
    std::vector<CustomerListRow> rows;
    ASSERT_NO_THROW(rows = customers.list({}, {}, 0, std::numeric_limits<int>::max()));
    EXPECT_EQ(rows.size(), 6u);
}

TEST(CustomerRepository, searchWithinOneRepsAccountsFollowsReassignmentAndIgnoresOwnerTokens)
{
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    const RepId ana = insertRep(sample.db, "R01", "Ana Ruiz");
    const RepId bruno = insertRep(sample.db, "R02", "Bruno Costa");
    Customer a = sampleCustomer("M1", "Marble Works");
    a.ownerRepId = ana;
    customers.insert(a);
    Customer b = sampleCustomer("M2", "Marine Supplies");
    b.ownerRepId = bruno;
    customers.insert(b);
    Customer c = sampleCustomer("M3", "Market Hall");
    c.ownerRepId = ana;
    c.archivedOn = Date(2026, 2, 1);
    customers.insert(c);

    CustomerFilter f;
    f.search = "mar";
    f.ownerRepId = ana;
    EXPECT_EQ(customers.count(f), 1);  // M3 is archived
    EXPECT_EQ(codesOf(customers.list(f, {}, 0, -1)), (Codes{"M1"}));
    f.includeArchived = true;
    EXPECT_EQ(customers.count(f), 2);
    EXPECT_EQ(codesOf(customers.list(f, {}, 0, -1)), (Codes{"M1", "M3"}));

    // Handing M2 over to Ana moves it into her search results at once.
    b.ownerRepId = ana;
    customers.update(b);
    f.includeArchived = false;
    EXPECT_EQ(customers.count(f), 2);
    EXPECT_EQ(codesOf(customers.list(f, {}, 0, -1)), (Codes{"M1", "M2"}));
    f.ownerRepId = bruno;
    EXPECT_EQ(customers.count(f), 0);

    // The index keeps owners as tokens like "r1"; typing that finds no account.
    CustomerFilter typedOwnerToken;
    typedOwnerToken.search = "r" + std::to_string(ana);
    EXPECT_EQ(customers.count(typedOwnerToken), 0);
    typedOwnerToken.search = "r" + std::to_string(ana) + " mar";
    EXPECT_EQ(customers.count(typedOwnerToken), 0);
}

TEST(CustomerRepository, aBroadSearchListsTheSameRowsWhicheverWayThePageIsRead)
{
    // 135 listed matches for a 1-row page: the list walks the name index (see searchPagePlan); with an
    // extra filter that every row passes it sorts the matches instead. Both must agree.
    SampleDatabase sample;
    CustomerRepository customers(sample.db);
    for (int i = 0; i < 150; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "Harbour %03d", (i * 37) % 150);
        Customer c = sampleCustomer("H" + std::to_string(i), name);
        c.archivedOn = i % 10 == 0 ? std::optional<Date>(Date(2026, 1, 1)) : std::nullopt;
        customers.insert(c);
        Customer other = sampleCustomer("O" + std::to_string(i), "Other " + std::to_string(i));
        customers.insert(other);
    }
    CustomerFilter broad;
    broad.search = "harb";
    CustomerFilter sorted = broad;
    sorted.kind = CustomerKind::Customer;
    ASSERT_EQ(customers.count(broad), 135);
    ASSERT_EQ(customers.count(sorted), 135);
    for (const bool descending : {false, true}) {
        for (const std::int64_t offset : {0, 1, 60}) {
            const CustomerSort byName{CustomerSortKey::Name, descending};
            (void)customers.count(broad);  // the list's own sequence: count, then pages
            const auto walked = codesOf(customers.list(broad, byName, offset, 1));
            (void)customers.count(sorted);
            EXPECT_EQ(walked, codesOf(customers.list(sorted, byName, offset, 1))) << offset << descending;
            EXPECT_EQ(walked.size(), 1u);
        }
    }
}

TEST_F(CustomerListTest, facetsListEachPresentCountryRegionAndIndustryOnceInOrder)
{
    const CustomerFacets facets(sample.db);
    EXPECT_EQ(facets.countries(), (Codes{"DE", "ES", "FR"}));
    EXPECT_EQ(facets.regions("FR"), (Codes{"Bretagne", "Île-de-France"}));
    EXPECT_EQ(facets.regions("XX"), (Codes{}));
    // Byte order, as stored: "Food" and "food" are two values, as the filter compares them.
    EXPECT_EQ(facets.industries(), (Codes{"Food", "Hardware", "Retail", "Transport", "food"}));
}
