#include "storage/tier_repository.h"

#include "storage/activity_repository.h"
#include "storage/customer_repository.h"
#include "storage/order_repository.h"
#include "storage/storage_error.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::sampleCustomer;
using cartera::testing::SampleDatabase;
using cartera::testing::sampleLine;
using cartera::testing::sampleOrder;

namespace {

/// Customers in id order A, B, P, C, X, R, read for 2025 as of 2025-12-31 (prior period 2024):
///   A  strategic; 2024-12 100.00 (prior); 2025-03 2 x 100.00 cost 2 x 25.00; 2025-06-30 cancelled;
///      2026-01-10 (after the as-of date); CSAT 5 and NPS 7 in 2025, CSAT 1 in 2024
///   B  no orders; one open claim, one closed claim, one open information request
///   P  prospect without orders: not listed
///   C  2023-05-02 order (before both periods); a claim open and one in progress
///   X  archived, 2025 order: not listed
///   R  prospect with a 2025-02 order of 30.00: listed
class TierRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        a = add("A", CustomerKind::Customer, true);
        b = add("B");
        p = add("P", CustomerKind::Prospect);
        c = add("C");
        x = add("X");
        r = add("R", CustomerKind::Prospect);
        auto archived = customers.find(x).value();
        archived.archivedOn = Date(2025, 11, 1);
        customers.update(archived);

        order(a, Date(2024, 12, 5), 1, 10000, 0);
        order(a, Date(2025, 3, 1), 2, 10000, 2500);
        const OrderId cancelled = order(a, Date(2025, 6, 30), 1, 5000, 0);
        orders.setStatus(cancelled, OrderStatus::Cancelled, Date(2025, 7, 1));
        order(a, Date(2026, 1, 10), 1, 4000, 0);
        order(c, Date(2023, 5, 2), 1, 8000, 0);
        order(x, Date(2025, 4, 4), 1, 9000, 0);
        order(r, Date(2025, 2, 11), 1, 3000, 0);

        claim(b, ActivityType::Claim, ActivityStatus::Open);
        claim(b, ActivityType::Claim, ActivityStatus::Closed);
        claim(b, ActivityType::InformationRequest, ActivityStatus::Open);
        claim(c, ActivityType::Claim, ActivityStatus::Open);
        claim(c, ActivityType::Claim, ActivityStatus::InProgress);

        survey(a, Date(2025, 5, 1), SurveyKind::Csat, 5);
        survey(a, Date(2025, 9, 1), SurveyKind::Nps, 7);
        survey(a, Date(2024, 6, 1), SurveyKind::Csat, 1);
    }

    CustomerId add(const std::string& code, CustomerKind kind = CustomerKind::Customer, bool strategic = false)
    {
        Customer customer = sampleCustomer(code, "Name of " + code);
        customer.kind = kind;
        customer.strategic = strategic;
        customers.insert(customer);
        return customer.id;
    }

    OrderId order(CustomerId customer, Date date, std::int64_t quantity, std::int64_t price, std::int64_t cost)
    {
        Order o = sampleOrder(customer, date, {sampleLine(sample.widget, quantity, price, 0, cost)});
        orders.insert(o);
        return o.id;
    }

    void claim(CustomerId customer, ActivityType type, ActivityStatus status)
    {
        Activity activity;
        activity.customerId = customer;
        activity.type = type;
        activity.status = status;
        activity.occurredOn = Date(2025, 10, 1);
        activity.subject = "Case";
        if (status != ActivityStatus::Open) {
            activity.firstResponseOn = Date(2025, 10, 2);
        }
        if (status == ActivityStatus::Closed) {
            activity.resolvedOn = Date(2025, 10, 3);
            activity.closedOn = Date(2025, 10, 4);
        }
        ActivityRepository(sample.db).insert(activity);
    }

    void survey(CustomerId customer, Date date, SurveyKind kind, int score)
    {
        CustomerSurvey s{0, customer, date, kind, score};
        SurveyRepository(sample.db).insert(s);
    }

    std::vector<TierInput> read(bool withNames = true)
    {
        TierInputQuery query;
        query.period = MonthRange::calendarYear(2025).value();
        query.asOf = Date(2025, 12, 31);
        query.withNames = withNames;
        return TierRepository(sample.db).customerInputs(query);
    }

    SampleDatabase sample;
    CustomerRepository customers{sample.db};
    OrderRepository orders{sample.db};
    CustomerId a = 0, b = 0, p = 0, c = 0, x = 0, r = 0;
};

} // namespace

TEST_F(TierRepositoryTest, readsEveryIndicatorsFactsForTheListedCustomersInIdOrder)
{
    const auto inputs = read();
    ASSERT_EQ(inputs.size(), 4u);
    EXPECT_EQ(inputs[0].code, "A");
    EXPECT_EQ(inputs[1].code, "B");
    EXPECT_EQ(inputs[2].code, "C");
    EXPECT_EQ(inputs[3].code, "R");

    const auto& ia = inputs[0];
    EXPECT_EQ(ia.customerId, a);
    EXPECT_EQ(ia.name, "Name of A");
    EXPECT_EQ(ia.revenue, 20000);  // the cancelled order and the 2026 one do not count
    EXPECT_EQ(ia.margin, 15000);
    EXPECT_EQ(ia.orders, 1);
    EXPECT_EQ(ia.priorRevenue, 10000);
    EXPECT_EQ(ia.daysSinceLastOrder, 184);  // 2025-06-30 (cancelled, but an order) to 2025-12-31
    EXPECT_EQ(ia.openClaims, 0);
    EXPECT_EQ(ia.satisfaction, 850);  // (1000 + 700) / 2; the 2024 answer is outside the period
    EXPECT_TRUE(ia.strategic);

    const auto& ib = inputs[1];
    EXPECT_EQ(ib.revenue, 0);
    EXPECT_EQ(ib.daysSinceLastOrder, TierInput::kNever);
    EXPECT_EQ(ib.openClaims, 1);  // the closed claim and the request do not count
    EXPECT_EQ(ib.satisfaction, TierInput::kNoSurvey);
    EXPECT_FALSE(ib.strategic);

    const auto& ic = inputs[2];
    EXPECT_EQ(ic.revenue, 0);
    EXPECT_EQ(ic.priorRevenue, 0);
    EXPECT_EQ(ic.daysSinceLastOrder, Date(2023, 5, 2).daysUntil(Date(2025, 12, 31)));
    EXPECT_EQ(ic.openClaims, 2);

    EXPECT_EQ(inputs[3].revenue, 3000);
    EXPECT_EQ(inputs[3].daysSinceLastOrder, Date(2025, 2, 11).daysUntil(Date(2025, 12, 31)));

    // Without names: the same facts, no names.
    const auto bare = read(false);
    ASSERT_EQ(bare.size(), 4u);
    EXPECT_TRUE(bare[0].name.empty());
    EXPECT_EQ(bare[0].satisfaction, 850);
}

TEST_F(TierRepositoryTest, theStrategicFlagIsPartOfTheCustomerRecord)
{
    auto customer = customers.find(b).value();
    EXPECT_FALSE(customer.strategic);
    customer.strategic = true;
    customers.update(customer);
    EXPECT_TRUE(customers.find(b).value().strategic);
    EXPECT_TRUE(read()[1].strategic);
    EXPECT_EQ(sample.count("SELECT count(*) FROM customer INDEXED BY customer_strategic WHERE strategic = 1"), 2);
}

TEST_F(TierRepositoryTest, surveysOutsideTheirScaleAreRefused)
{
    CustomerSurvey tooHigh{0, a, Date(2025, 1, 1), SurveyKind::Csat, 6};
    EXPECT_THROW(SurveyRepository(sample.db).insert(tooHigh), StorageError);
    CustomerSurvey nps{0, a, Date(2025, 1, 2), SurveyKind::Nps, 10};
    SurveyRepository(sample.db).insert(nps);
    const auto answers = SurveyRepository(sample.db).forCustomer(a);
    ASSERT_EQ(answers.size(), 4u);
    EXPECT_EQ(answers[0].surveyedOn, Date(2025, 9, 1));  // newest first
    EXPECT_EQ(answers.back().score, 1);
}

TEST_F(TierRepositoryTest, modelsAreSavedByNameAndTheLatestIsFound)
{
    TierModelRepository models(sample.db);
    EXPECT_FALSE(models.latest());
    SavedTierModel first{0, "Quarterly", Date(2025, 3, 1), TierModel()};
    models.save(first);
    EXPECT_GT(first.id, 0);
    const auto weights = TierModel::parseWeights("revenue=5,recency=1").value();
    SavedTierModel second{0, "Revenue first", Date(2025, 4, 1), TierModel().withIndicators(weights).value()};
    models.save(second);
    EXPECT_EQ(models.latest()->name, "Revenue first");
    EXPECT_EQ(models.findByName("Revenue first")->model, second.model);

    // Saving under an existing name replaces that model (same id), and it becomes the latest.
    SavedTierModel replaced{0, "Quarterly", Date(2025, 5, 1), second.model};
    models.save(replaced);
    EXPECT_EQ(replaced.id, first.id);
    const auto all = models.list();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].name, "Quarterly");
    EXPECT_EQ(all[0].model, second.model);
    EXPECT_EQ(all[0].savedOn, Date(2025, 5, 1));

    models.remove("Quarterly");
    EXPECT_FALSE(models.findByName("Quarterly"));
    EXPECT_THROW(models.remove("Quarterly"), StorageError);
}

TEST_F(TierRepositoryTest, aSavedRunReadsBackWithRanksTiersPointsAndContributions)
{
    const auto period = MonthRange::calendarYear(2025).value();
    const auto facts = prepareTierFacts(read(), period, Date(2025, 12, 31));
    const auto model = TierModel::create(TierModel::parseWeights("revenue=3,recency=2,open_claims=1,strategic=2").value(),
                                         TierModel::parseTiers("Gold:25,Silver:25,Bronze").value())
                           .value();
    const auto result = scoreTiers(facts, model).value();
    TierRunRepository runs(sample.db);
    TierRunInfo info;
    info.name = "Year 2025";
    info.createdOn = Date(2026, 1, 2);
    info.period = period;
    info.asOf = Date(2025, 12, 31);
    runs.insert(info, facts, result);
    EXPECT_GT(info.id, 0);
    EXPECT_EQ(info.customers, 4);
    EXPECT_EQ(info.weightTotal, 8);

    const auto record = runs.find(info.id);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->info, info);
    ASSERT_EQ(record->entries.size(), 4u);
    for (std::size_t k = 0; k < record->entries.size(); ++k) {
        const auto& saved = record->entries[k];
        const auto& entry = result.entries[k];
        EXPECT_EQ(saved.rank, static_cast<std::int64_t>(k) + 1);
        EXPECT_EQ(saved.customerId, facts.customers[entry.customer].customerId);
        EXPECT_EQ(saved.tier, entry.tier);
        EXPECT_EQ(saved.points, entry.points);
        std::int64_t sum = 0;
        for (const auto indicator : allTierIndicators()) {
            const auto& part = saved.contributions[static_cast<std::size_t>(tierIndicatorIndex(indicator))];
            EXPECT_EQ(part.has_value(), result.weight(indicator) > 0);
            sum += part.value_or(0);
        }
        EXPECT_EQ(sum, saved.points);
    }
    EXPECT_EQ(record->entries[0].customerId, a);  // the best revenue, strategic, no claim
    EXPECT_EQ(sample.count("SELECT count(*) FROM tier_run_entry WHERE tier = 'Gold'"), 1);

    TierRunInfo later = info;
    later.name = "Again";
    later.createdOn = Date(2026, 2, 1);
    runs.insert(later, facts, result);
    const auto listed = runs.list();
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].name, "Again");
    runs.remove(info.id);
    EXPECT_FALSE(runs.find(info.id));
    EXPECT_EQ(sample.count("SELECT count(*) FROM tier_run_entry WHERE run_id = " + std::to_string(info.id)), 0);
    EXPECT_THROW(runs.remove(info.id), StorageError);
}

TEST_F(TierRepositoryTest, anEmptyPortfolioReadsNothing)
{
    SampleDatabase empty;
    TierInputQuery query;
    query.period = MonthRange::calendarYear(2025).value();
    query.asOf = Date(2025, 12, 31);
    EXPECT_TRUE(TierRepository(empty.db).customerInputs(query).empty());
}
