#include "storage/segment_repository.h"

#include "domain/abc_snapshot.h"
#include "storage/abc_repository.h"
#include "storage/abc_snapshot_repository.h"
#include "storage/customer_repository.h"
#include "storage/customer_tag_repository.h"
#include "storage/order_repository.h"
#include "storage/sales_rep_repository.h"
#include "storage/storage_error.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::sampleCustomer;
using cartera::testing::sampleLine;
using cartera::testing::sampleOrder;
using cartera::testing::SampleDatabase;

namespace {

const Date kAsOf(2026, 6, 15);

/// Six customers (C5 archived) with attributes, tags, orders, ABC snapshots, tier runs and
/// surveys chosen so each operator separates them; the expected sets are worked out by hand.
struct SegmentFixture {
    SampleDatabase sample;
    std::map<CustomerId, std::string> codes;
    ProductId service = 0;

    SegmentFixture()
    {
        const auto& db = sample.db;
        ProductRepository products(db);
        ProductCategory services{0, "Services"};
        products.insertCategory(services);
        Product p;
        p.code = "P-SERVICE";
        p.name = "Service";
        p.categoryId = services.id;
        p.listPrice.minor = 10000;
        p.unitCost.minor = 2000;
        products.insert(p);
        service = p.id;

        SalesRepRepository reps(db);
        SalesRep r1{0, "R1", "Ana", "", std::nullopt, "", true};
        SalesRep r2{0, "R2", "Ben", "", std::nullopt, "", true};
        reps.insert(r1);
        reps.insert(r2);

        CustomerRepository customers(db);
        auto make = [&](const std::string& code, const std::string& country, const std::string& region,
                        const std::string& city, const std::string& industry, std::optional<SizeBand> size,
                        SalesChannel channel, CustomerKind kind, CustomerStatus status, std::optional<RepId> rep) {
            auto c = sampleCustomer(code);
            c.country = country;
            c.region = region;
            c.city = city;
            c.industry = industry;
            c.sizeBand = size;
            c.channel = channel;
            c.kind = kind;
            c.status = status;
            c.ownerRepId = rep;
            customers.insert(c);
            codes[c.id] = code;
            return c.id;
        };
        const auto c1 = make("C1", "FR", "Île-de-France", "Paris", "Retail trade", SizeBand::Small, SalesChannel::Retail,
                             CustomerKind::Customer, CustomerStatus::Active, r1.id);
        const auto c2 = make("C2", "FR", "Auvergne-Rhône-Alpes", "Lyon", "Food 100%", SizeBand::Large,
                             SalesChannel::Direct, CustomerKind::Customer, CustomerStatus::Active, r2.id);
        const auto c3 = make("C3", "DE", "", "Berlin", "", std::nullopt, SalesChannel::Online, CustomerKind::Prospect,
                             CustomerStatus::Inactive, std::nullopt);
        const auto c4 = make("C4", "FR", "Île-de-France", "Paris 10e", "Retail trade", std::nullopt,
                             SalesChannel::Retail, CustomerKind::Customer, CustomerStatus::Exited, r1.id);
        const auto c5 = make("C5", "FR", "Île-de-France", "Paris", "Retail trade", SizeBand::Small,
                             SalesChannel::Retail, CustomerKind::Customer, CustomerStatus::Active, r1.id);
        const auto c6 = make("C6", "ES", "Madrid", "Madrid", "Building", SizeBand::Medium, SalesChannel::Wholesale,
                             CustomerKind::Customer, CustomerStatus::Active, r2.id);
        auto archived = customers.find(c5).value();
        archived.archivedOn = Date(2026, 1, 1);
        customers.update(archived);

        CustomerTagRepository tags(db);
        tags.setTags(c1, {"vip"});
        tags.setTags(c2, {"VIP", "trade fair"});

        OrderRepository orders(db);
        auto order = [&](CustomerId customer, Date date, std::vector<OrderLine> lines, bool cancelled = false) {
            auto o = sampleOrder(customer, date, std::move(lines));
            if (cancelled) {
                o.status = OrderStatus::Cancelled;
                o.cancelledDate = date;
            }
            orders.insert(o);
        };
        const auto widget = sample.widget;
        const auto gadget = sample.gadget;
        order(c1, Date(2026, 6, 1), {sampleLine(widget, 10, 1999, 0, 1200)});
        order(c2, Date(2025, 12, 1), {sampleLine(gadget, 2, 4550, 0, 3000), sampleLine(service, 1, 10000, 0, 2000)});
        order(c2, Date(2026, 2, 10), {sampleLine(widget, 1, 1999, 0, 1200)});
        order(c4, Date(2024, 1, 5), {sampleLine(widget, 1, 1999, 0, 1200)});
        order(c5, Date(2026, 6, 1), {sampleLine(widget, 1, 1999, 0, 1200)});
        order(c6, Date(2025, 5, 1), {sampleLine(widget, 1, 1999, 0, 1200)});
        order(c6, Date(2026, 6, 10), {sampleLine(widget, 5, 1999, 0, 1200)}, true);

        AbcSnapshotRepository snapshots(db);
        AbcSnapshotInfo older;
        older.name = "older";
        older.createdOn = Date(2025, 1, 1);
        snapshots.insert(older, {{c3, AbcClass::A, 100, 1}});
        AbcSnapshotInfo latest;
        latest.name = "latest";
        latest.createdOn = Date(2026, 6, 1);
        snapshots.insert(latest, {{c1, AbcClass::A, 900, 1}, {c2, AbcClass::B, 500, 2}, {c4, AbcClass::C, 10, 3},
                                  {c6, std::nullopt, 0, 0}});

        db.execute(R"sql(
INSERT INTO tier_run (id, name, created_on, from_month, to_month, as_of, model, weight_total, customers)
VALUES (1, 'old', '2025-01-01', 202401, 202412, '2024-12-31', '{}', 1, 1),
       (2, 'new', '2026-06-01', 202507, 202606, '2026-06-01', '{}', 1, 2);
)sql");
        db.execute("INSERT INTO tier_run_entry (run_id, customer_id, rank, tier, points) VALUES (1, " +
                   std::to_string(c3) + ", 1, 'Gold', 1), (2, " + std::to_string(c1) + ", 1, 'Gold', 9), (2, " +
                   std::to_string(c2) + ", 2, 'Silver', 5)");
        db.execute("INSERT INTO customer_survey (customer_id, surveyed_on, kind, score) VALUES (" + std::to_string(c1) +
                   ", '2026-03-01', 'csat', 5), (" + std::to_string(c2) + ", '2026-01-10', 'nps', 3), (" +
                   std::to_string(c2) + ", '2024-01-01', 'csat', 2), (" + std::to_string(c4) +
                   ", '2026-05-01', 'csat', 1)");
    }

    /// The codes of the customers a definition (JSON) matches on kAsOf, sorted; the count agrees.
    std::string members(const std::string& json)
    {
        const auto definition = SegmentDefinition::fromJson(json);
        EXPECT_TRUE(definition.ok()) << json << ": " << (definition.ok() ? "" : definition.error().describe());
        if (!definition) {
            return "invalid";
        }
        SegmentRepository segments(sample.db);
        SegmentRecord record{0, "s" + std::to_string(++m_saved), SegmentKind::Rule, definition.value().toJson(), kAsOf,
                             kAsOf};
        segments.insert(record);
        const auto ids = segments.memberIds(record.id, kAsOf, 0, 100);
        EXPECT_EQ(segments.count(record.id, kAsOf), static_cast<std::int64_t>(ids.size())) << json;
        EXPECT_EQ(segments.count(definition.value(), kAsOf), static_cast<std::int64_t>(ids.size())) << json;
        std::vector<std::string> names;
        for (const auto id : ids) {
            names.push_back(codes.at(id));
        }
        std::sort(names.begin(), names.end());
        std::string joined;
        for (const auto& n : names) {
            joined += (joined.empty() ? "" : ",") + n;
        }
        return joined;
    }

    /// members() of one condition, checked in both of its compiled forms: alone (behaviour read
    /// as a set over the portfolio) and beside an attribute condition that keeps everyone (behaviour
    /// looked up per customer); both must agree.
    std::string where(const std::string& condition)
    {
        const auto alone = members(R"({"version":1,"rules":[)" + condition + "]}");
        const auto narrowed =
            members(R"({"version":1,"rules":[{"field":"country","op":"in","value":["FR","DE","ES"]},)" + condition + "]}");
        EXPECT_EQ(alone, narrowed) << condition;
        return alone;
    }

private:
    int m_saved = 0;
};

struct Case {
    const char* condition;
    const char* expected;
};

void expectCases(SegmentFixture& f, const std::vector<Case>& cases)
{
    for (const auto& c : cases) {
        EXPECT_EQ(f.where(c.condition), c.expected) << c.condition;
    }
}

} // namespace

TEST(SegmentRepository, textOperatorsMatchExactlyTheCustomersWorkedOutByHand)
{
    SegmentFixture f;
    expectCases(f, {
        {R"({"field":"city","op":"equals","value":"paris"})", "C1"},
        {R"({"field":"city","op":"not_equals","value":"Paris"})", "C2,C3,C4,C6"},
        {R"({"field":"city","op":"in","value":["Lyon","MADRID"]})", "C2,C6"},
        {R"({"field":"city","op":"not_in","value":["Lyon","Madrid"]})", "C1,C3,C4"},
        {R"({"field":"city","op":"contains","value":"aris"})", "C1,C4"},
        {R"({"field":"city","op":"starts_with","value":"par"})", "C1,C4"},
        {R"({"field":"region","op":"is_empty"})", "C3"},
        {R"({"field":"region","op":"is_not_empty"})", "C1,C2,C4,C6"},
        {R"({"field":"industry","op":"contains","value":"%"})", "C2"},
        {R"({"field":"industry","op":"contains","value":"_"})", ""},
        {R"({"field":"industry","op":"starts_with","value":"retail"})", "C1,C4"},
    });
}

TEST(SegmentRepository, codeOperatorsMatchExactlyTheCustomersWorkedOutByHand)
{
    SegmentFixture f;
    expectCases(f, {
        {R"({"field":"country","op":"equals","value":"FR"})", "C1,C2,C4"},
        {R"({"field":"country","op":"not_equals","value":"FR"})", "C3,C6"},
        {R"({"field":"country","op":"in","value":["DE","ES"]})", "C3,C6"},
        {R"({"field":"country","op":"not_in","value":["FR"]})", "C3,C6"},
        {R"({"field":"country","op":"is_empty"})", ""},
        {R"({"field":"country","op":"is_not_empty"})", "C1,C2,C3,C4,C6"},
        {R"({"field":"size_band","op":"equals","value":"small"})", "C1"},
        {R"({"field":"size_band","op":"is_empty"})", "C3,C4"},
        {R"({"field":"size_band","op":"not_in","value":["small","large"]})", "C3,C4,C6"},
        {R"({"field":"channel","op":"equals","value":"retail"})", "C1,C4"},
        {R"({"field":"channel","op":"not_equals","value":"retail"})", "C2,C3,C6"},
        {R"({"field":"channel","op":"in","value":["online","wholesale"]})", "C3,C6"},
        {R"({"field":"kind","op":"equals","value":"prospect"})", "C3"},
        {R"({"field":"status","op":"equals","value":"active"})", "C1,C2,C6"},
        {R"({"field":"status","op":"not_in","value":["active"]})", "C3,C4"},
        {R"({"field":"owner_rep","op":"equals","value":"R1"})", "C1,C4"},
        {R"({"field":"owner_rep","op":"not_equals","value":"R1"})", "C2,C3,C6"},
        {R"({"field":"owner_rep","op":"in","value":["R1","R2"]})", "C1,C2,C4,C6"},
        {R"({"field":"owner_rep","op":"not_in","value":["R2"]})", "C1,C3,C4"},
        {R"({"field":"owner_rep","op":"is_empty"})", "C3"},
        {R"({"field":"owner_rep","op":"is_not_empty"})", "C1,C2,C4,C6"},
    });
}

TEST(SegmentRepository, tagOperatorsIgnoreCase)
{
    SegmentFixture f;
    expectCases(f, {
        {R"({"field":"tag","op":"equals","value":"vip"})", "C1,C2"},
        {R"({"field":"tag","op":"not_equals","value":"VIP"})", "C3,C4,C6"},
        {R"({"field":"tag","op":"in","value":["trade fair","none"]})", "C2"},
        {R"({"field":"tag","op":"not_in","value":["Trade Fair"]})", "C1,C3,C4,C6"},
        {R"({"field":"tag","op":"contains","value":"fair"})", "C2"},
        {R"({"field":"tag","op":"starts_with","value":"tr"})", "C2"},
        {R"({"field":"tag","op":"is_empty"})", "C3,C4,C6"},
        {R"({"field":"tag","op":"is_not_empty"})", "C1,C2"},
    });
}

TEST(SegmentRepository, moneyAndCountOperatorsSumTheMonthlyFiguresOfThePeriod)
{
    // Last 12 months to 2026-06: C1 revenue 19,990 margin 7,990 (1 order); C2 revenue 21,099
    // margin 11,899 (2 orders); C3, C4 and C6 nothing (C4 bought in 2024, C6 in 2025-05 and a
    // cancelled order in 2026-06).
    SegmentFixture f;
    expectCases(f, {
        {R"({"field":"revenue","op":">","value":0})", "C1,C2"},
        {R"({"field":"revenue","op":">=","value":19990})", "C1,C2"},
        {R"({"field":"revenue","op":">","value":19990})", "C2"},
        {R"({"field":"revenue","op":"<","value":20000})", "C1,C3,C4,C6"},
        {R"({"field":"revenue","op":"<=","value":19990})", "C1,C3,C4,C6"},
        {R"({"field":"revenue","op":"equals","value":0})", "C3,C4,C6"},
        {R"({"field":"revenue","op":"not_equals","value":0})", "C1,C2"},
        {R"({"field":"revenue","op":"between","value":[1,20000]})", "C1"},
        {R"({"field":"revenue","op":">","value":0,"period":{"from":"2024-01","to":"2024-01"}})", "C4"},
        {R"({"field":"revenue","op":">","value":0,"period":{"last_months":14}})", "C1,C2,C6"},
        {R"({"field":"margin","op":">","value":8000})", "C2"},
        {R"({"field":"margin","op":"between","value":[7990,7990]})", "C1"},
        {R"({"field":"order_count","op":">=","value":2})", "C2"},
        {R"({"field":"order_count","op":"equals","value":1})", "C1"},
    });
}

TEST(SegmentRepository, daysSinceLastOrderCountsToTheEvaluationDateWithoutCancelledOrders)
{
    // On 2026-06-15: C1 14 days, C2 125, C4 892, C6 410 (its 2026-06-10 order was cancelled), C3 never.
    SegmentFixture f;
    expectCases(f, {
        {R"({"field":"days_since_last_order","op":"<=","value":90})", "C1"},
        {R"({"field":"days_since_last_order","op":"<","value":14})", ""},
        {R"({"field":"days_since_last_order","op":"<","value":15})", "C1"},
        {R"({"field":"days_since_last_order","op":"<=","value":14})", "C1"},
        {R"({"field":"days_since_last_order","op":">","value":125})", "C4,C6"},
        {R"({"field":"days_since_last_order","op":">=","value":125})", "C2,C4,C6"},
        {R"({"field":"days_since_last_order","op":"between","value":[100,500]})", "C2,C6"},
        {R"({"field":"days_since_last_order","op":"equals","value":125})", "C2"},
        {R"({"field":"days_since_last_order","op":"not_equals","value":125})", "C1,C4,C6"},
        {R"({"field":"days_since_last_order","op":"is_empty"})", "C3"},
        {R"({"field":"days_since_last_order","op":"is_not_empty"})", "C1,C2,C4,C6"},
    });
}

TEST(SegmentRepository, categoriesBoughtAndNotBoughtInThePeriod)
{
    SegmentFixture f;
    expectCases(f, {
        {R"({"field":"category_bought","op":"equals","value":"Services"})", "C2"},
        {R"({"field":"category_bought","op":"in","value":["Services","Hardware"]})", "C1,C2"},
        {R"({"field":"category_bought","op":"not_equals","value":"Services"})", "C1,C3,C4,C6"},
        {R"({"field":"category_bought","op":"not_in","value":["Hardware"]})", "C3,C4,C6"},
        {R"({"field":"category_bought","op":"in","value":["Hardware"],"period":{"from":"2024-01","to":"2024-12"}})",
         "C4"},
    });
}

TEST(SegmentRepository, abcClassTierAndSatisfactionReadTheLatestSnapshotRunAndSurveys)
{
    SegmentFixture f;
    expectCases(f, {
        {R"({"field":"abc_class","op":"equals","value":"A"})", "C1"},
        {R"({"field":"abc_class","op":"not_equals","value":"A"})", "C2,C3,C4,C6"},
        {R"({"field":"abc_class","op":"in","value":["A","B"]})", "C1,C2"},
        {R"({"field":"abc_class","op":"not_in","value":["C"]})", "C1,C2,C3,C6"},
        {R"({"field":"abc_class","op":"is_empty"})", "C3,C6"},
        {R"({"field":"abc_class","op":"is_not_empty"})", "C1,C2,C4"},
        {R"({"field":"tier","op":"equals","value":"gold"})", "C1"},
        {R"({"field":"tier","op":"contains","value":"il"})", "C2"},
        {R"({"field":"tier","op":"is_empty"})", "C3,C4,C6"},
        // CSAT 5 = 100 (C1), NPS 3 = 30 (C2; its 2024 answer is outside the period), CSAT 1 = 0 (C4).
        {R"({"field":"satisfaction","op":">=","value":50})", "C1"},
        {R"({"field":"satisfaction","op":"<","value":50})", "C2,C4"},
        {R"({"field":"satisfaction","op":"equals","value":0})", "C4"},
        {R"({"field":"satisfaction","op":"between","value":[20,40]})", "C2"},
        {R"({"field":"satisfaction","op":"is_empty"})", "C3,C6"},
        {R"({"field":"satisfaction","op":"is_not_empty"})", "C1,C2,C4"},
    });
}

TEST(SegmentRepository, groupsCombineWithAndOrAndNest)
{
    SegmentFixture f;
    EXPECT_EQ(f.members(R"({"version":1,"match":"all","rules":[
        {"field":"country","op":"equals","value":"FR"},{"field":"channel","op":"equals","value":"retail"},
        {"field":"revenue","op":">","value":0,"period":{"last_months":12}},{"field":"abc_class","op":"equals","value":"A"}]})"),
              "C1");
    EXPECT_EQ(f.members(R"({"version":1,"match":"any","rules":[
        {"field":"city","op":"equals","value":"Lyon"},{"field":"tag","op":"equals","value":"vip"}]})"),
              "C1,C2");
    EXPECT_EQ(f.members(R"({"version":1,"match":"all","rules":[{"field":"country","op":"equals","value":"FR"},
        {"match":"any","rules":[{"field":"channel","op":"equals","value":"direct"},{"field":"status","op":"equals","value":"exited"}]}]})"),
              "C2,C4");
    EXPECT_EQ(f.members(R"({"version":1,"match":"any","rules":[]})"), "C1,C2,C3,C4,C6");
    EXPECT_EQ(f.members(R"({"version":1,"match":"all","rules":[{"match":"any","rules":[]},{"field":"kind","op":"equals","value":"prospect"}]})"),
              "C3");
}

TEST(SegmentRepository, staticListsHoldTheirMembersButNeverArchivedOnes)
{
    SegmentFixture f;
    SegmentRepository segments(f.sample.db);
    SegmentRecord list{0, "Hand-picked", SegmentKind::Static, {}, kAsOf, kAsOf};
    segments.insert(list);
    std::vector<CustomerId> ids;
    for (const auto& [id, code] : f.codes) {
        if (code == "C1" || code == "C3" || code == "C5") {
            ids.push_back(id);
        }
    }
    EXPECT_EQ(segments.addMembers(list.id, ids), 3);
    EXPECT_EQ(segments.addMembers(list.id, ids), 0);
    EXPECT_EQ(segments.count(list.id, kAsOf), 2);  // C5 is archived
    EXPECT_EQ(segments.staticMembers(list.id).size(), 3U);
    EXPECT_EQ(segments.removeMembers(list.id, {ids[0]}), 1);
    EXPECT_EQ(segments.count(list.id, kAsOf), 1);

    // Deleting a customer takes it out of the list; deleting the list leaves the customers.
    CustomerRepository(f.sample.db).remove(ids[1]);
    EXPECT_EQ(segments.count(list.id, kAsOf), 0);
    segments.remove(list.id);
    EXPECT_EQ(f.sample.count("SELECT count(*) FROM segment_member"), 0);
    EXPECT_EQ(f.sample.count("SELECT count(*) FROM customer"), 5);
}

TEST(SegmentRepository, namesAreUniqueWhateverTheirCase)
{
    SampleDatabase sample;
    SegmentRepository segments(sample.db);
    SegmentRecord a{0, "Key accounts", SegmentKind::Rule, SegmentDefinition().toJson(), kAsOf, kAsOf};
    segments.insert(a);
    SegmentRecord b{0, "KEY ACCOUNTS", SegmentKind::Rule, SegmentDefinition().toJson(), kAsOf, kAsOf};
    try {
        segments.insert(b);
        FAIL() << "a second segment took the same name";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.failure(), StorageFailure::Constraint);
        EXPECT_NE(std::string(e.what()).find("'KEY ACCOUNTS' already exists"), std::string::npos) << e.what();
    }
    EXPECT_EQ(segments.findByName("key accounts")->id, a.id);
}

TEST(SegmentRepository, segmentFilterNarrowsTheCustomerListAndItsCount)
{
    SegmentFixture f;
    SegmentRepository segments(f.sample.db);
    SegmentRecord rule{0, "Retail", SegmentKind::Rule,
                       R"({"version":1,"rules":[{"field":"channel","op":"equals","value":"retail"}]})", kAsOf, kAsOf};
    segments.insert(rule);
    CustomerRepository customers(f.sample.db);
    CustomerFilter filter;
    filter.segmentId = rule.id;
    filter.segmentAsOf = kAsOf;
    EXPECT_EQ(customers.count(filter), 2);  // C1, C4 (C5 archived)
    filter.includeArchived = true;
    EXPECT_EQ(customers.count(filter), 3);
    filter.includeArchived = false;
    filter.status = CustomerStatus::Active;
    const auto rows = customers.list(filter, CustomerSort{}, 0, 50);
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].code, "C1");
    // With a search and a segment, both apply.
    filter.status.reset();
    filter.search = "Customer C4";
    EXPECT_EQ(customers.count(filter), 1);
    EXPECT_EQ(customers.list(filter, CustomerSort{}, 0, 10).size(), 1U);

    filter = CustomerFilter{};
    filter.segmentId = 999;
    EXPECT_THROW((void)customers.count(filter), StorageError);
}

TEST(SegmentRepository, abcScopeBySegmentReadsOnlyItsMembers)
{
    SegmentFixture f;
    SegmentRepository segments(f.sample.db);
    SegmentRecord rule{0, "France", SegmentKind::Rule,
                       R"({"version":1,"rules":[{"field":"country","op":"equals","value":"FR"}]})", kAsOf, kAsOf};
    segments.insert(rule);
    AbcValueQuery query;
    query.period = MonthRange::between(202507, 202606).value();
    query.scope.segmentId = rule.id;
    query.segmentAsOf = kAsOf;
    const auto values = AbcRepository(f.sample.db).customerValues(query);
    std::vector<std::string> codes;
    for (const auto& v : values) {
        codes.push_back(v.code);
    }
    EXPECT_EQ(codes, (std::vector<std::string>{"C1", "C2", "C4"}));
}

TEST(SegmentRepository, hostileValuesAreBoundAndLeaveSchemaAndRowsUnchanged)
{
    SegmentFixture f;
    const auto schemaBefore = f.sample.count("SELECT count(*) FROM sqlite_schema");
    const auto schemaText = [&] {
        auto s = f.sample.db.prepare("SELECT group_concat(sql, ';') FROM sqlite_schema");
        return s.step() ? s.text(0) : std::string();
    };
    const auto before = schemaText();
    const std::string megabyte(1 << 20, 'x');
    std::string withNul = "Par";
    withNul += '\0';
    withNul += "is";
    SegmentDefinition definition;
    const std::string longest(SegmentDefinition::kMaxValueLength, 'y');
    for (const std::string& value : {std::string("'; DROP TABLE customer; --"), std::string("\") OR 1=1 --"),
                                     std::string("?1 ?2 ?"), withNul, longest, std::string("%"), std::string("\\")}) {
        for (const auto field : {SegmentField::City, SegmentField::Tag, SegmentField::Tier}) {
            for (const auto op : {SegmentOperator::Equals, SegmentOperator::Contains, SegmentOperator::InList}) {
                SegmentCondition c;
                c.field = field;
                c.op = op;
                c.texts = {value};
                definition.root.rules.push_back(SegmentRule::of(c));
            }
        }
        SegmentCondition rep;
        rep.field = SegmentField::OwnerRep;
        rep.op = SegmentOperator::InList;
        rep.texts = {value, "R1"};
        definition.root.rules.push_back(SegmentRule::of(rep));
    }
    ASSERT_TRUE(definition.validate().ok());
    SegmentRepository segments(f.sample.db);
    EXPECT_EQ(segments.count(definition, kAsOf), 0);
    definition.root.match = SegmentMatch::Any;
    EXPECT_EQ(segments.count(definition, kAsOf), 2);  // C1 and C4 through owner rep R1
    SegmentRecord saved{0, "'; DROP TABLE segment; --", SegmentKind::Rule, definition.toJson(), kAsOf, kAsOf};
    segments.insert(saved);
    EXPECT_EQ(segments.count(saved.id, kAsOf), 2);
    EXPECT_EQ(segments.findByName("'; DROP TABLE segment; --")->definition, definition.toJson());
    // A megabyte value is refused with its place; stored anyway (by another program), it is refused when read.
    SegmentDefinition huge;
    SegmentCondition city;
    city.field = SegmentField::City;
    city.op = SegmentOperator::Contains;
    city.texts = {megabyte};
    huge.root.rules.push_back(SegmentRule::of(city));
    const auto refused = huge.validate();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().describe(), "rule 1: a value of 1048576 bytes; at most 10000");
    SegmentRecord raw{0, "huge", SegmentKind::Rule, huge.toJson(), kAsOf, kAsOf};
    segments.insert(raw);
    EXPECT_THROW((void)segments.count(raw.id, kAsOf), StorageError);
    EXPECT_EQ(f.sample.count("SELECT count(*) FROM sqlite_schema"), schemaBefore);
    EXPECT_EQ(schemaText(), before);
    EXPECT_EQ(f.sample.count("SELECT count(*) FROM customer"), 6);
    EXPECT_EQ(f.sample.count("SELECT count(*) FROM customer_tag"), 3);
}

TEST(SegmentRepository, aStoredDefinitionThatCannotBeReadIsReportedWithTheSegmentName)
{
    SampleDatabase sample;
    sample.db.execute("INSERT INTO segment (name, kind, definition, created_on, updated_on)"
                      " VALUES ('Broken', 'rule', '{\"version\":1,\"rules\":[{\"field\":\"cuntry\"}]}', '2026-01-01', '2026-01-01')");
    SegmentRepository segments(sample.db);
    try {
        (void)segments.count(segments.findByName("Broken")->id, kAsOf);
        FAIL();
    } catch (const StorageError& e) {
        EXPECT_NE(std::string(e.what()).find("segment 'Broken'"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("rule 1: unknown field 'cuntry'"), std::string::npos) << e.what();
    }
}
