#include "services/tier_service.h"

#include "services/customer_service.h"
#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "services/tier_export.h"
#include "storage/tier_repository.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace cartera::domain;
using namespace cartera::services;
using cartera::testing::TempDir;

namespace {

const Date kAsOf(2026, 6, 30);

/// A 300-account demo portfolio as of 2026-06-30 (strategic accounts, surveys, the Default model).
class TierServiceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        DemoOptions options;
        options.customers = 300;
        options.seed = 11;
        options.asOf = kAsOf;
        const auto path = dir.file("demo.db");
        ASSERT_TRUE(createDemoPortfolioFile(path, options, false).ok());
        portfolio = std::move(Portfolio::open(path, cartera::storage::OpenMode::ReadWrite).value());
    }

    TierRequest request(const TierModel& model = TierModel()) const
    {
        return TierRequest{MonthRange::twelveMonthsEndingWith(kAsOf), kAsOf, model, true};
    }

    TierRun runWith(const TierModel& model = TierModel())
    {
        auto run = TierService(*portfolio).run(request(model));
        EXPECT_TRUE(run.ok()) << (run.ok() ? "" : run.error().describe());
        return run.ok() ? std::move(run.value()) : TierRun{};
    }

    TempDir dir;
    std::unique_ptr<Portfolio> portfolio;
};

} // namespace

TEST_F(TierServiceTest, theDemoComesWithADefaultModelStrategicAccountsAndSurveys)
{
    TierService service(*portfolio);
    const auto models = service.models().value();
    ASSERT_EQ(models.size(), 1u);
    EXPECT_EQ(models[0].name, "Default");
    EXPECT_EQ(models[0].model, TierModel());
    EXPECT_EQ(service.currentModel().value(), TierModel());

    const auto run = runWith();
    const auto& facts = *run.facts;
    EXPECT_TRUE(facts.available(TierIndicator::Satisfaction));
    std::int64_t strategic = 0;
    for (const auto& input : facts.customers) {
        strategic += input.strategic ? 1 : 0;
    }
    EXPECT_GT(strategic, 0);
    EXPECT_LT(strategic, static_cast<std::int64_t>(facts.customers.size()) / 10);
    EXPECT_FALSE(run.result.ignored[static_cast<std::size_t>(tierIndicatorIndex(TierIndicator::Satisfaction))]);
    EXPECT_EQ(run.result.weightTotal, 16);
}

TEST_F(TierServiceTest, aRunRanksEveryListedCustomerWithFactsFromTheirMonthlyFigures)
{
    const auto run = runWith();
    const auto& facts = *run.facts;
    ASSERT_GT(facts.customers.size(), 250u);
    EXPECT_EQ(run.result.entries.size(), facts.customers.size());
    // Scores never rise down the ranking; tiers never go back up.
    for (std::size_t k = 1; k < run.result.entries.size(); ++k) {
        EXPECT_LE(run.result.entries[k].points, run.result.entries[k - 1].points);
        EXPECT_GE(run.result.entries[k].tier, run.result.entries[k - 1].tier);
    }
    // A customer's revenue and prior revenue are its monthly figures over the two periods.
    const auto period = MonthRange::twelveMonthsEndingWith(kAsOf);
    const auto prior = tierPriorPeriod(period).value();
    for (const std::size_t i : {std::size_t{0}, facts.customers.size() / 2, facts.customers.size() - 1}) {
        const auto& input = facts.customers[i];
        EXPECT_EQ(input.revenue, portfolio->orders().revenueBetween(input.customerId, period.fromMonth(), period.toMonth()))
            << input.code;
        EXPECT_EQ(input.priorRevenue, portfolio->orders().revenueBetween(input.customerId, prior.fromMonth(), prior.toMonth()))
            << input.code;
    }
}

TEST_F(TierServiceTest, rescoringWithOtherWeightsNeedsNoPortfolio)
{
    auto run = runWith();
    portfolio.reset();  // the file is closed: rescoring must not read it
    const auto strategicOnly =
        TierModel().withIndicators(TierModel::parseWeights("strategic=10,revenue=1").value()).value();
    ASSERT_TRUE(TierService::rescore(run, strategicOnly).ok());
    EXPECT_EQ(run.request.model, strategicOnly);
    EXPECT_EQ(run.result.weightTotal, 11);
    // Now every strategic account comes first.
    bool seenOther = false;
    for (const auto& entry : run.result.entries) {
        const bool strategic = run.facts->customers[entry.customer].strategic;
        EXPECT_FALSE(strategic && seenOther) << "a strategic account ranks below another";
        seenOther = seenOther || !strategic;
    }
    // A model whose only weighted indicator has no data is refused, and the run stays as it was.
    auto emptyFacts = run;
    auto inputs = run.facts->customers;
    for (auto& input : inputs) {
        input.satisfaction = TierInput::kNoSurvey;
    }
    emptyFacts.facts = std::make_shared<const TierFacts>(prepareTierFacts(inputs, run.facts->period, run.facts->asOf));
    const auto satisfactionOnly = TierModel().withIndicators(TierModel::parseWeights("satisfaction=1").value()).value();
    EXPECT_FALSE(TierService::rescore(emptyFacts, satisfactionOnly).ok());
    EXPECT_EQ(emptyFacts.request.model, strategicOnly);
}

TEST_F(TierServiceTest, flaggingAnAccountStrategicRaisesItsScore)
{
    const auto model = TierModel().withIndicators(TierModel::parseWeights("revenue=1,strategic=1").value()).value();
    auto run = runWith(model);
    // The best-ranked customer that is not strategic yet.
    const auto& facts = *run.facts;
    std::size_t index = 0;
    for (const auto& entry : run.result.entries) {
        if (!facts.customers[entry.customer].strategic) {
            index = entry.customer;
            break;
        }
    }
    const auto id = facts.customers[index].customerId;
    const auto before = run.result.entries[run.result.positionOf[index]].points;
    auto flagged = CustomerService(*portfolio).setStrategic(id, true);
    ASSERT_TRUE(flagged.ok());
    EXPECT_TRUE(portfolio->customers().find(id)->strategic);
    auto again = runWith(model);
    const auto after = again.facts->indexOf(id).value();
    EXPECT_GT(again.result.entries[again.result.positionOf[after]].points, before);
    EXPECT_EQ(again.facts->normalisedValue(after, TierIndicator::Strategic), static_cast<std::uint32_t>(kNormalUnit));
    EXPECT_FALSE(CustomerService(*portfolio).setStrategic(999'999, true).ok());

    // The flag is part of the record: deleting the customer and undoing it keeps it.
    auto removed = CustomerService(*portfolio).remove(id);
    ASSERT_TRUE(removed.ok());
    ASSERT_TRUE(CustomerService(*portfolio).restore(removed.value()).ok());
    EXPECT_TRUE(portfolio->customers().find(id)->strategic);
}

TEST_F(TierServiceTest, modelsAndRunsAreSavedAndReadBack)
{
    TierService service(*portfolio);
    EXPECT_FALSE(service.saveModel("  ", TierModel(), kAsOf).ok());
    const auto lean = TierModel().withIndicators(TierModel::parseWeights("revenue=2,recency=1").value()).value();
    const auto saved = service.saveModel(" Lean ", lean, kAsOf.addDays(1));
    ASSERT_TRUE(saved.ok());
    EXPECT_EQ(saved.value().name, "Lean");
    EXPECT_EQ(service.currentModel().value(), lean);
    EXPECT_EQ(service.loadModel("Lean").value().model, lean);
    EXPECT_EQ(service.loadModel("Nope").error().code, ErrorCode::NotFound);

    const auto run = runWith(lean);
    const auto info = service.saveRun(run, "", kAsOf);
    ASSERT_TRUE(info.ok()) << info.error().describe();
    EXPECT_EQ(info.value().name, "Tiers 2025-07..2026-06, 2026-06-30");
    const auto record = service.loadRun(info.value().id);
    ASSERT_TRUE(record.ok());
    EXPECT_EQ(record.value().info.model, lean);
    ASSERT_EQ(record.value().entries.size(), run.result.entries.size());
    EXPECT_EQ(record.value().entries[0].points, run.result.entries[0].points);
    EXPECT_EQ(service.savedRuns().value().size(), 1u);
    EXPECT_TRUE(service.deleteRun(info.value().id).ok());
    EXPECT_EQ(service.loadRun(info.value().id).error().code, ErrorCode::NotFound);
    EXPECT_TRUE(service.deleteModel("Lean").ok());
    EXPECT_EQ(service.currentModel().value(), TierModel());
}

TEST_F(TierServiceTest, theListExportsToCsvWithTheCliColumnsAndToXlsx)
{
    const auto run = runWith();
    const auto csv = dir.file("gold.csv");
    ASSERT_TRUE(exportTierList(run, 1, CurrencyCode{}, csv, ListFileFormat::Csv).ok());
    std::ifstream in(csv, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::vector<std::string> lines;
    for (std::string line; std::getline(text, line);) {
        lines.push_back(line);
    }
    ASSERT_GT(lines.size(), 2u);
    EXPECT_EQ(lines[0], "\xEF\xBB\xBFrank,code,name,tier,score,revenue,revenue_points,margin_points,growth_points,"
                        "order_frequency_points,recency_points,open_claims_points,satisfaction_points,strategic_points\r");
    EXPECT_EQ(static_cast<std::int64_t>(lines.size()) - 1, run.result.summary[1].customers);
    for (std::size_t i = 1; i < lines.size(); ++i) {
        EXPECT_NE(lines[i].find(",Gold,"), std::string::npos) << lines[i];
    }
    const auto xlsx = dir.file("all.xlsx");
    ASSERT_TRUE(exportTierList(run, std::nullopt, CurrencyCode{}, xlsx, ListFileFormat::Xlsx).ok());
    EXPECT_GT(std::filesystem::file_size(xlsx), 1000u);
}

TEST_F(TierServiceTest, factsReadOnAConnectionOfTheirOwnAreTheSameAndCanBeCancelled)
{
    const auto period = MonthRange::twelveMonthsEndingWith(kAsOf);
    const auto own = TierService::readFactsFrom(portfolio->database().path(), period, kAsOf);
    ASSERT_TRUE(own.ok()) << own.error().describe();
    const auto shared = TierService(*portfolio).readFacts(period, kAsOf);
    ASSERT_TRUE(shared.ok());
    EXPECT_EQ(own.value()->customers, shared.value()->customers);
    EXPECT_EQ(own.value()->normalised, shared.value()->normalised);

    std::atomic<bool> cancelled{true};
    const auto stopped = TierService::readFactsFrom(portfolio->database().path(), period, kAsOf, true, &cancelled);
    ASSERT_FALSE(stopped.ok());
    EXPECT_EQ(stopped.error().message, "cancelled");
    EXPECT_FALSE(TierService::readFactsFrom(dir.file("missing.db"), period, kAsOf).ok());
}
