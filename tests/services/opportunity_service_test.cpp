#include "services/opportunity_service.h"

#include "services/demo_portfolio.h"
#include "services/forecast_service.h"
#include "services/portfolio.h"
#include "storage/opportunity_repository.h"
#include "support/sample_records.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::services;
using cartera::testing::sampleCustomer;
using cartera::testing::TempDir;

namespace {

const Date kToday(2026, 11, 10);

/// An empty portfolio with two reps (teams North and South), a customer and a prospect.
class OpportunityServiceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        portfolio = std::move(Portfolio::open(dir.file("p.db"), cartera::storage::OpenMode::CreateOrUpgrade).value());
        SalesRep a{0, "R01", "Ana Ruiz", "", std::nullopt, "North", true};
        SalesRep b{0, "R02", "Ben Ott", "", std::nullopt, "South", true};
        portfolio->reps().insert(a);
        portfolio->reps().insert(b);
        ana = a.id;
        ben = b.id;
        auto c = sampleCustomer("C1");
        portfolio->customers().insert(c);
        customer = c.id;
        auto p = sampleCustomer("P1");
        p.kind = CustomerKind::Prospect;
        portfolio->customers().insert(p);
        prospect = p.id;
    }

    Opportunity draft(CustomerId account, const std::string& stage = "prospecting", std::int64_t amount = 100000,
                      Date close = Date(2026, 12, 15))
    {
        Opportunity o;
        o.customerId = account;
        o.title = "Deal " + std::to_string(++made);
        o.amount.minor = amount;
        o.stage = stage;
        o.expectedClose = close;
        o.ownerRepId = ana;
        o.source = "referral";
        return o;
    }

    Opportunity create(Opportunity o, Date on = Date(2026, 10, 1))
    {
        auto created = service().create(std::move(o), on);
        EXPECT_TRUE(created) << (created ? "" : created.error().describe());
        return created ? created.value() : Opportunity{};
    }

    OpportunityService service() { return OpportunityService(*portfolio); }
    CustomerKind kindOf(CustomerId id) { return portfolio->customers().find(id)->kind; }

    TempDir dir;
    std::unique_ptr<Portfolio> portfolio;
    RepId ana = 0;
    RepId ben = 0;
    CustomerId customer = 0;
    CustomerId prospect = 0;
    int made = 0;
};

} // namespace

TEST_F(OpportunityServiceTest, createSavesEveryFieldAndStartsTheHistory)
{
    auto o = draft(customer, "qualification");
    o.probabilityOverride = 35;
    o.nextStep = "Send the price list";
    o.nextStepOn = Date(2026, 10, 5);
    o.category = ForecastCategory::BestCase;
    o.campaignId = 7;
    const auto saved = create(o);
    ASSERT_GT(saved.id, 0);
    const auto found = service().find(saved.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found.value(), saved);
    EXPECT_EQ(found.value().createdOn, Date(2026, 10, 1));
    EXPECT_EQ(found.value().amount.currency.str(), "EUR");
    const auto history = service().history(saved.id).value();
    ASSERT_EQ(history.size(), 1U);
    EXPECT_EQ(history[0].fromStage, "");
    EXPECT_EQ(history[0].toStage, "qualification");
    EXPECT_EQ(history[0].changedOn, Date(2026, 10, 1));
}

TEST_F(OpportunityServiceTest, createRefusesInvalidInputAndSavesNothing)
{
    auto o = draft(customer);
    o.title = "";
    auto refused = service().create(o, kToday);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().where, "title");
    o = draft(999);
    refused = service().create(o, kToday);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().where, "account");
    o = draft(customer, "lost");
    o.closedOn = kToday;
    refused = service().create(o, kToday);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().where, "lost reason");
    EXPECT_EQ(service().count({}).value(), 0);
}

TEST_F(OpportunityServiceTest, everyStageChangeIsKeptWithItsDate)
{
    const auto o = create(draft(customer));
    ASSERT_TRUE(service().move(o.id, "qualification", Date(2026, 10, 3)));
    ASSERT_TRUE(service().move(o.id, "proposal", Date(2026, 10, 9)));
    ASSERT_TRUE(service().move(o.id, "qualification", Date(2026, 10, 12)));
    const auto history = service().history(o.id).value();
    ASSERT_EQ(history.size(), 4U);
    EXPECT_EQ(history[1].fromStage, "prospecting");
    EXPECT_EQ(history[2].toStage, "proposal");
    EXPECT_EQ(history[2].changedOn, Date(2026, 10, 9));
    EXPECT_EQ(history[3].fromStage, "proposal");
    EXPECT_EQ(history[3].toStage, "qualification");
    EXPECT_EQ(service().find(o.id).value().stageChangedOn, Date(2026, 10, 12));
}

TEST_F(OpportunityServiceTest, closingSetsTheCloseDateLostNeedsAReasonAndReopeningClearsThem)
{
    const auto o = create(draft(customer));
    const auto noReason = service().move(o.id, "lost", kToday);
    ASSERT_FALSE(noReason);
    EXPECT_EQ(noReason.error().where, "lost reason");
    EXPECT_EQ(service().find(o.id).value().stage, "prospecting");  // nothing half-written
    EXPECT_EQ(service().history(o.id).value().size(), 1U);

    auto lost = service().move(o.id, "lost", kToday, "competitor");
    ASSERT_TRUE(lost) << lost.error().describe();
    EXPECT_EQ(lost.value().after.closedOn, kToday);
    EXPECT_EQ(service().find(o.id).value().lostReason, "competitor");

    ASSERT_TRUE(service().move(o.id, "negotiation", Date(2026, 11, 12)));
    const auto reopened = service().find(o.id).value();
    EXPECT_FALSE(reopened.closedOn);
    EXPECT_EQ(reopened.lostReason, "");
    EXPECT_FALSE(service().move(o.id, "negotiation", kToday));  // already there
    EXPECT_FALSE(service().move(o.id, "dreaming", kToday));
}

TEST_F(OpportunityServiceTest, winningAProspectsFirstOpportunityMakesItACustomer)
{
    const auto first = create(draft(prospect));
    const auto second = create(draft(prospect));
    auto won = service().move(first.id, "won", kToday);
    ASSERT_TRUE(won) << won.error().describe();
    EXPECT_TRUE(won.value().convertedProspect);
    EXPECT_EQ(kindOf(prospect), CustomerKind::Customer);
    EXPECT_EQ(portfolio->customers().find(prospect)->updated, kToday);

    auto again = service().move(second.id, "won", kToday);
    ASSERT_TRUE(again);
    EXPECT_FALSE(again.value().convertedProspect);

    // Undo of the first win puts the prospect back only when that win converted it.
    ASSERT_TRUE(service().undoMove(again.value()));
    EXPECT_EQ(kindOf(prospect), CustomerKind::Customer);
    ASSERT_TRUE(service().undoMove(won.value()));
    EXPECT_EQ(kindOf(prospect), CustomerKind::Prospect);
    EXPECT_EQ(service().find(first.id).value(), first);
    EXPECT_EQ(service().history(first.id).value().size(), 1U);

    ASSERT_TRUE(service().redoMove(won.value()));
    EXPECT_EQ(kindOf(prospect), CustomerKind::Customer);
    EXPECT_EQ(service().find(first.id).value().stage, "won");
    EXPECT_EQ(service().history(first.id).value().back().id, won.value().change.id);
}

TEST_F(OpportunityServiceTest, aCustomersWinLeavesTheKindAlone)
{
    const auto o = create(draft(customer));
    auto won = service().move(o.id, "won", kToday);
    ASSERT_TRUE(won);
    EXPECT_FALSE(won.value().convertedProspect);
    EXPECT_EQ(kindOf(customer), CustomerKind::Customer);
}

TEST_F(OpportunityServiceTest, stageTotalsWeighByTheStageDefaultOrTheOverride)
{
    create(draft(customer, "proposal", 100000));          // 50 % -> 50,000
    auto o = draft(customer, "proposal", 30001);           // override 10 % -> 3,000.1 -> 3,000
    o.probabilityOverride = 10;
    create(o);
    create(draft(customer, "negotiation", 20000));         // 75 % -> 15,000
    auto other = draft(prospect, "negotiation", 999);
    other.ownerRepId = ben;
    create(other);                                        // 749.25 -> 749
    const auto sums = service().stageSummaries({}).value();
    ASSERT_EQ(sums.size(), 6U);
    EXPECT_EQ(sums[0].stage, "prospecting");
    EXPECT_EQ(sums[0].count, 0);
    EXPECT_EQ(sums[2].stage, "proposal");
    EXPECT_EQ(sums[2].count, 2);
    EXPECT_EQ(sums[2].total, 130001);
    EXPECT_EQ(sums[2].weighted, 53000);
    EXPECT_EQ(sums[3].weighted, 15749);

    OpportunityFilter mine;
    mine.ownerRepId = ben;
    const auto bens = service().stageSummaries(mine).value();
    EXPECT_EQ(bens[3].count, 1);
    EXPECT_EQ(bens[2].count, 0);

    OpportunityFilter proposal;
    proposal.stage = "proposal";
    const auto rows = service().list(proposal, 0, 10).value();
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0].customerCode, "C1");
    EXPECT_EQ(rows[0].ownerName, "Ana Ruiz");
}

TEST_F(OpportunityServiceTest, deleteAndRestoreKeepsIdAndHistory)
{
    const auto o = create(draft(customer));
    ASSERT_TRUE(service().move(o.id, "proposal", kToday));
    auto removed = service().remove(o.id);
    ASSERT_TRUE(removed);
    EXPECT_FALSE(service().find(o.id));
    ASSERT_TRUE(service().restore(removed.value()));
    EXPECT_EQ(service().find(o.id).value().stage, "proposal");
    EXPECT_EQ(service().history(o.id).value(), removed.value().history);
}

TEST_F(OpportunityServiceTest, forecastSumsCategoriesTargetsAndComparesASnapshotWithTheActual)
{
    auto commit = draft(customer, "negotiation", 40000, Date(2026, 11, 20));
    commit.category = ForecastCategory::Commit;
    create(commit);
    auto best = draft(customer, "proposal", 20000, Date(2026, 12, 5));
    best.category = ForecastCategory::BestCase;
    const auto bestSaved = create(best);
    auto later = draft(customer, "proposal", 99999, Date(2027, 1, 5));  // next quarter: not counted
    create(later);
    auto bens = draft(prospect, "qualification", 10000, Date(2026, 10, 20));
    bens.ownerRepId = ben;
    create(bens);
    ASSERT_TRUE(service().setTarget(ana, 202610, 30000));
    ASSERT_TRUE(service().setTarget(ana, 202611, 30000));
    ASSERT_TRUE(service().setTarget(ana, 202701, 99999));
    EXPECT_FALSE(service().setTarget(ana, 202613, 1));
    EXPECT_FALSE(service().setTarget(ana, 202612, -1));

    ForecastService forecasts(*portfolio);
    ForecastRequest request{parseForecastPeriod("2026Q4").value(), ForecastGrouping::Rep, kToday, true};
    auto f = forecasts.forecast(request);
    ASSERT_TRUE(f) << f.error().describe();
    ASSERT_EQ(f.value().table.rows.size(), 2U);
    const auto& anaRow = f.value().table.rows[0];
    EXPECT_EQ(anaRow.key, "R01");
    EXPECT_EQ(anaRow.commit, 40000);
    EXPECT_EQ(anaRow.bestCase, 20000);
    EXPECT_EQ(anaRow.weighted, 30000 + 10000);
    EXPECT_EQ(anaRow.target, 60000);
    EXPECT_EQ(f.value().table.rows[1].pipeline, 10000);
    EXPECT_EQ(f.value().table.total.weighted, 42000);
    EXPECT_FALSE(f.value().periodClosed);
    EXPECT_FALSE(f.value().projection);  // no invoiced history in this portfolio
    EXPECT_NE(f.value().projectionNote, "");

    auto snapshot = forecasts.saveSnapshot(f.value(), "", kToday);
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(snapshot.value().name, "Forecast 2026-10..2026-12, 2026-11-10");

    // The quarter plays out: the best case deal is won in December.
    ASSERT_TRUE(service().move(bestSaved.id, "won", Date(2026, 12, 10)));
    const auto compared = forecasts.compare(snapshot.value().id, Date(2027, 1, 3));
    ASSERT_TRUE(compared);
    EXPECT_TRUE(compared.value().periodClosed);
    EXPECT_EQ(compared.value().snapshot.rows.back().commitForecast(), 40000);
    EXPECT_EQ(compared.value().actual.total.won, 20000);
    EXPECT_EQ(compared.value().actual.rows[0].attainmentPercent().value_or(0), 100.0 * 20000 / 60000);
    EXPECT_EQ(compared.value().actualRevenue, 0);

    const auto analysis = forecasts.analyse(request.period).value();
    EXPECT_EQ(analysis.byRep.back().won, 1);
    EXPECT_EQ(analysis.byRep.back().averageDeal(), 20000);
}

// The demo shows the pipeline and the forecast at once: deals in every stage with their history,
// lost ones with a reason, prospects never won, targets for the reps, a quarter with figures.
TEST(DemoPipeline, hasDealsInEveryStageWithHistoryAndTargets)
{
    TempDir dir;
    DemoOptions options;
    options.customers = 600;
    options.seed = 5;
    options.asOf = Date(2026, 11, 23);
    const auto path = dir.file("demo.db");
    const auto summary = createDemoPortfolioFile(path, options, false);
    ASSERT_TRUE(summary) << summary.error().describe();
    EXPECT_GT(summary.value().opportunities, 60);
    auto portfolio = std::move(Portfolio::open(path, cartera::storage::OpenMode::ReadWrite).value());
    OpportunityService service(*portfolio);
    const auto summaries = service.stageSummaries({});  // kept alive: the loop reads into it
    ASSERT_TRUE(summaries) << summaries.error().describe();
    for (const auto& sum : summaries.value()) {
        EXPECT_GT(sum.count, 0) << sum.stage;
    }
    const auto& db = portfolio->database();
    const auto count = [&](const char* sql) {
        auto s = db.prepare(sql);
        s.step();
        return s.int64(0);
    };
    EXPECT_EQ(count("SELECT count(*) FROM opportunity WHERE stage = 'lost' AND lost_reason IS NULL"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM opportunity WHERE stage IN ('won', 'lost') AND closed_on IS NULL"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM opportunity AS o JOIN customer AS c ON c.id = o.customer_id "
                    "WHERE o.stage = 'won' AND c.kind = 'prospect'"),
              0);
    // Every deal's history starts with its creation and ends in its current stage.
    EXPECT_EQ(count("SELECT count(*) FROM opportunity AS o WHERE (SELECT to_stage FROM opportunity_stage_history "
                    "WHERE opportunity_id = o.id ORDER BY id DESC LIMIT 1) IS NOT o.stage"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM opportunity AS o WHERE (SELECT count(*) FROM opportunity_stage_history "
                    "WHERE opportunity_id = o.id AND from_stage IS NULL) <> 1"),
              0);
    EXPECT_GT(count("SELECT count(DISTINCT rep_id) FROM sales_target WHERE month = 202612"), 5);

    ForecastService forecasts(*portfolio);
    const auto forecast = forecasts.forecast({parseForecastPeriod("2026Q4").value(), ForecastGrouping::Rep, options.asOf, true});
    ASSERT_TRUE(forecast) << forecast.error().describe();
    EXPECT_GT(forecast.value().table.total.weighted, 0);
    EXPECT_GT(forecast.value().table.total.won, 0);
    EXPECT_GT(forecast.value().table.total.target, 0);
    ASSERT_TRUE(forecast.value().projection) << forecast.value().projectionNote;
    EXPECT_EQ(forecast.value().projection->months.size(), 3U);
    EXPECT_FALSE(forecast.value().projection->projected[0]);  // October is over
    EXPECT_TRUE(forecast.value().projection->projected[1]);
    EXPECT_GT(forecast.value().projection->backtestMape, 0);
    const auto analysis = forecasts.analyse(MonthRange::twelveMonthsEndingWith(options.asOf)).value();
    EXPECT_GT(analysis.byRep.back().won, 0);
    EXPECT_GT(analysis.byRep.back().lost, 0);
    EXPECT_FALSE(analysis.lostReasons.empty());
    EXPECT_EQ(analysis.conversion.size(), 4U);
    EXPECT_GE(analysis.conversion[0].reached, analysis.conversion[3].reached);
}
