#include "app/money_format.h"
#include "app/tier_models.h"
#include "app/tiers_view.h"

#include "services/customer_service.h"
#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "services/tier_service.h"
#include "support/temp_dir.h"

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

namespace services = cartera::services;
namespace storage = cartera::storage;
namespace domain = cartera::domain;
namespace app = cartera::app;
using cartera::testing::TempDir;
using domain::TierIndicator;

namespace {

/// A Tiers view over a fresh demo portfolio (as of today, as a new user gets it).
struct TiersWorkspace {
    TempDir dir;
    std::unique_ptr<services::Portfolio> portfolio;
    std::unique_ptr<app::TiersView> view;

    explicit TiersWorkspace(std::int64_t customers = 300)
    {
        services::DemoOptions options;
        options.customers = customers;
        const auto path = dir.file("demo.cartera");
        EXPECT_TRUE(services::createDemoPortfolioFile(path, options, false).ok());
        portfolio = std::move(services::Portfolio::open(path, storage::OpenMode::ReadWrite).value());
        view = std::make_unique<app::TiersView>(*portfolio);
        view->resize(1400, 820);
    }

    void shot(const char* name) const
    {
        view->grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/") + QLatin1String(name));
    }
};

std::int64_t customersInTier(const services::TierRun& run, int tier)
{
    return run.result.summary[static_cast<std::size_t>(tier)].customers;
}

} // namespace

TEST(TiersView, ranksTheDemoWithItsSavedModelAndListsEachTierAsAContiguousRankRange)
{
    TiersWorkspace w;
    auto& view = *w.view;
    // The demo's Default model is in the controls before anything runs.
    EXPECT_EQ(view.modelChoice()->currentText(), QStringLiteral("Default"));
    EXPECT_EQ(view.modelFromControls().value(), domain::TierModel());
    ASSERT_TRUE(view.runTiers()) << view.problemLabel()->text().toStdString();
    const auto* run = view.run();
    ASSERT_NE(run, nullptr);
    ASSERT_GT(run->result.entries.size(), 200u);

    auto* model = view.listModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model->rowCount(), static_cast<int>(run->result.entries.size()));
    EXPECT_EQ(model->index(0, app::TierEntryModel::Rank).data().toString(), QStringLiteral("1"));
    EXPECT_EQ(model->index(0, app::TierEntryModel::Tier).data().toString(), QStringLiteral("Platinum"));

    // The summary: one row per tier and the total, counts as in the result.
    auto* summary = view.summaryTable();
    ASSERT_EQ(summary->rowCount(), 4 + 1);
    EXPECT_EQ(summary->item(1, 1)->text(), QLocale().toString(static_cast<qlonglong>(customersInTier(*run, 1))));
    EXPECT_EQ(summary->item(4, 1)->text(), QLocale().toString(static_cast<qlonglong>(run->result.entries.size())));

    // Gold alone: its customers, in rank order, all Gold.
    view.tierFilter()->setCurrentIndex(view.tierFilter()->findData(1));
    ASSERT_EQ(model->rowCount(), customersInTier(*run, 1));
    EXPECT_EQ(model->index(0, app::TierEntryModel::Tier).data().toString(), QStringLiteral("Gold"));
    EXPECT_EQ(model->index(model->rowCount() - 1, app::TierEntryModel::Tier).data().toString(), QStringLiteral("Gold"));
    EXPECT_EQ(model->index(0, app::TierEntryModel::Rank).data(app::TierEntryModel::kSortRole).toLongLong(),
              customersInTier(*run, 0) + 1);
    // Selecting a row shows that customer's breakdown.
    view.listView()->setCurrentIndex(model->index(0, app::TierEntryModel::Code));
    EXPECT_EQ(*view.breakdownModel()->customer(),
              *run->facts->indexOf(model->index(0, 0).data(app::TierEntryModel::kCustomerIdRole).toLongLong()));
    w.shot("tiers-view.png");
}

TEST(TiersView, editingWeightsRanksAgainFromTheFactsInMemory)
{
    TiersWorkspace w;
    auto& view = *w.view;
    ASSERT_TRUE(view.runTiers());
    const auto* facts = view.run()->facts.get();
    QAbstractItemModelTester tester(view.listModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);

    // Only the strategic flag and a little revenue: every strategic account comes first.
    for (const auto indicator : domain::allTierIndicators()) {
        view.indicatorSwitch(indicator)->setChecked(indicator == TierIndicator::Strategic ||
                                                    indicator == TierIndicator::Revenue);
    }
    view.weightBox(TierIndicator::Strategic)->setValue(10);
    view.weightBox(TierIndicator::Revenue)->setValue(1);
    const auto* run = view.run();
    EXPECT_EQ(run->facts.get(), facts) << "the portfolio was read again";
    EXPECT_EQ(run->result.weightTotal, 11);
    EXPECT_EQ(run->request.model.weightsText(), "revenue=1,strategic=10");
    const auto firstId = view.listModel()->index(0, 0).data(app::TierEntryModel::kCustomerIdRole).toLongLong();
    EXPECT_TRUE(w.portfolio->customers().find(firstId)->strategic);
    // The share of each weight is shown beside it.
    EXPECT_EQ(view.indicatorTable()->item(domain::tierIndicatorIndex(TierIndicator::Strategic), 2)->text(),
              app::formatPercent(10.0 / 11.0));

    // Every indicator off: refused with a message, the last ranking (strategic alone) stays.
    view.indicatorSwitch(TierIndicator::Revenue)->setChecked(false);
    EXPECT_EQ(view.run()->request.model.weightsText(), "strategic=10");
    view.indicatorSwitch(TierIndicator::Strategic)->setChecked(false);
    EXPECT_FALSE(view.problemLabel()->isHidden());
    EXPECT_TRUE(view.problemLabel()->text().contains(QStringLiteral("every weight is 0"))) << view.problemLabel()->text().toStdString();
    EXPECT_EQ(view.run()->request.model.weightsText(), "strategic=10");
    view.indicatorSwitch(TierIndicator::Margin)->setChecked(true);
    EXPECT_TRUE(view.problemLabel()->isHidden());
    EXPECT_EQ(view.run()->request.model.weightsText(), "margin=3");
}

TEST(TiersView, tierNamesAndSharesAreEditableAndKeptSummingTo100)
{
    TiersWorkspace w;
    auto& view = *w.view;
    ASSERT_TRUE(view.runTiers());
    auto* tiers = view.tierTable();
    ASSERT_EQ(tiers->rowCount(), 4);

    tiers->item(0, 0)->setText(QStringLiteral("Key accounts"));
    EXPECT_EQ(view.run()->result.model.tiers()[0].name, "Key accounts");
    tiers->item(0, 1)->setText(QStringLiteral("15"));  // now 105 %
    EXPECT_FALSE(view.problemLabel()->isHidden());
    EXPECT_TRUE(view.problemLabel()->text().contains(QStringLiteral("sum to 105 %"))) << view.problemLabel()->text().toStdString();
    tiers->item(1, 1)->setText(QStringLiteral("15"));
    EXPECT_TRUE(view.problemLabel()->isHidden());
    EXPECT_EQ(view.run()->result.model.tiersText(), "Key accounts:15,Gold:15,Silver:30,Bronze:40");
    tiers->item(2, 1)->setText(QStringLiteral("thirty"));
    EXPECT_TRUE(view.problemLabel()->text().contains(QStringLiteral("thirty")));
    tiers->item(2, 1)->setText(QStringLiteral("30"));

    // A new tier takes half of the last share; removing one gives its share to the one above.
    view.addTierButton()->click();
    EXPECT_EQ(view.run()->result.model.tiersText(), "Key accounts:15,Gold:15,Silver:30,Bronze:20,Tier 5:20");
    EXPECT_EQ(view.summaryTable()->rowCount(), 5 + 1);
    tiers->setCurrentCell(1, 0);
    view.removeTierButton()->click();
    EXPECT_EQ(view.run()->result.model.tiersText(), "Key accounts:30,Silver:30,Bronze:20,Tier 5:20");
    EXPECT_EQ(view.tierFilter()->count(), 1 + 4);
}

TEST(TiersView, theSelectedCustomersBreakdownAddsUpToItsScore)
{
    TiersWorkspace w;
    auto& view = *w.view;
    QSignalSpy selected(&view, &app::TiersView::customerSelected);
    QSignalSpy activated(&view, &app::TiersView::customerActivated);
    ASSERT_TRUE(view.runTiers());
    auto* breakdown = view.breakdownModel();
    QAbstractItemModelTester tester(breakdown, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // The first customer is selected at once.
    ASSERT_EQ(breakdown->rowCount(), domain::kTierIndicatorCount + 1);
    ASSERT_EQ(selected.count(), 1);

    const auto fifth = view.listModel()->index(4, app::TierEntryModel::Code);
    view.listView()->setCurrentIndex(fifth);
    const auto id = fifth.data(app::TierEntryModel::kCustomerIdRole).toLongLong();
    ASSERT_EQ(selected.count(), 2);
    EXPECT_EQ(selected.last().at(0).toLongLong(), id);
    EXPECT_EQ(*breakdown->customer(), *view.run()->facts->indexOf(id));
    double sum = 0;
    for (int row = 0; row < domain::kTierIndicatorCount; ++row) {
        sum += breakdown->index(row, app::TierBreakdownModel::Points).data(app::TierBreakdownModel::kPointsRole).toDouble();
    }
    const double score =
        breakdown->index(app::TierBreakdownModel::kScoreRow, 0).data(app::TierBreakdownModel::kPointsRole).toDouble();
    EXPECT_NEAR(sum, score, 1e-9);
    EXPECT_EQ(breakdown->index(app::TierBreakdownModel::kScoreRow, app::TierBreakdownModel::Points).data().toString(),
              QLocale().toString(score, 'f', 2));

    // The chart: one bar per indicator that counts, with the same points.
    auto* chart = view.breakdownChart()->chart();
    ASSERT_EQ(chart->series().size(), 1);
    auto* series = qobject_cast<QHorizontalBarSeries*>(chart->series().first());
    ASSERT_NE(series, nullptr);
    ASSERT_EQ(series->barSets().first()->count(), domain::kTierIndicatorCount);
    EXPECT_NEAR(series->barSets().first()->at(domain::kTierIndicatorCount - 1),  // revenue, at the top
                breakdown->index(0, 0).data(app::TierBreakdownModel::kPointsRole).toDouble(), 1e-9);

    // Editing a weight keeps the customer selected, and tells the window nothing new.
    view.weightBox(TierIndicator::Revenue)->setValue(7);
    EXPECT_EQ(view.listView()->currentIndex().data(app::TierEntryModel::kCustomerIdRole).toLongLong(), id);
    EXPECT_EQ(selected.count(), 2);

    // Double-click opens the customer.
    emit view.listView()->doubleClicked(view.listView()->currentIndex());
    ASSERT_EQ(activated.count(), 1);
    EXPECT_EQ(activated.first().at(0).toLongLong(), id);
}

TEST(TiersView, aCustomerFlaggedStrategicShowsItInItsBreakdown)
{
    TiersWorkspace w;
    auto& view = *w.view;
    ASSERT_TRUE(view.runTiers());
    // The last ranked customer that is not strategic.
    const auto& run = *view.run();
    domain::CustomerId id = 0;
    for (auto it = run.result.entries.rbegin(); it != run.result.entries.rend() && id == 0; ++it) {
        const auto& input = run.facts->customers[it->customer];
        id = input.strategic ? 0 : input.customerId;
    }
    ASSERT_NE(id, 0);
    const auto rankBefore = run.result.positionOf[*run.facts->indexOf(id)];
    ASSERT_TRUE(services::CustomerService(*w.portfolio).setStrategic(id, true).ok());
    ASSERT_TRUE(view.runTiers());  // Run reads the portfolio again
    ASSERT_TRUE(view.selectCustomer(id));
    const auto strategicRow = domain::tierIndicatorIndex(TierIndicator::Strategic);
    EXPECT_EQ(view.breakdownModel()->index(strategicRow, app::TierBreakdownModel::Value).data().toString(), QStringLiteral("yes"));
    EXPECT_LT(view.run()->result.positionOf[*view.run()->facts->indexOf(id)], rankBefore);
}

TEST(TiersView, savesModelsAndRunsAndExportsTheShownList)
{
    TiersWorkspace w;
    auto& view = *w.view;
    ASSERT_TRUE(view.runTiers());
    view.weightBox(TierIndicator::Revenue)->setValue(9);
    auto saved = view.saveModel(QStringLiteral("Revenue heavy"));
    ASSERT_TRUE(saved.ok()) << saved.error().describe();
    EXPECT_EQ(view.modelChoice()->currentText(), QStringLiteral("Revenue heavy"));
    EXPECT_EQ(view.modelChoice()->count(), 2);
    // A new view starts from the latest saved model.
    app::TiersView again(*w.portfolio);
    EXPECT_EQ(again.weightBox(TierIndicator::Revenue)->value(), 9);
    // Choosing the Default model puts its weights back.
    view.modelChoice()->setCurrentIndex(view.modelChoice()->findData(QStringLiteral("Default")));
    emit view.modelChoice()->activated(view.modelChoice()->currentIndex());
    EXPECT_EQ(view.weightBox(TierIndicator::Revenue)->value(), 3);
    EXPECT_EQ(view.run()->request.model, domain::TierModel());

    auto run = view.saveRun(QStringLiteral("First"));
    ASSERT_TRUE(run.ok()) << run.error().describe();
    EXPECT_EQ(run.value().customers, static_cast<std::int64_t>(view.run()->result.entries.size()));
    EXPECT_EQ(services::TierService(*w.portfolio).savedRuns().value().size(), 1u);

    view.tierFilter()->setCurrentIndex(view.tierFilter()->findData(0));  // Platinum
    const auto csv = w.dir.file("platinum.csv");
    ASSERT_TRUE(view.exportList(QString::fromStdString(csv.string())).ok());
    QFile file(QString::fromStdString(csv.string()));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), customersInTier(*view.run(), 0) + 1);
    EXPECT_TRUE(lines[0].endsWith(QStringLiteral("rank,code,name,tier,score,revenue,revenue_points,margin_points,growth_points,"
                                                 "order_frequency_points,recency_points,open_claims_points,"
                                                 "satisfaction_points,strategic_points")));
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("1,")));
    const auto xlsx = w.dir.file("all.xlsx");
    ASSERT_TRUE(view.exportList(QString::fromStdString(xlsx.string())).ok());
    EXPECT_GT(std::filesystem::file_size(xlsx), 1000u);
    EXPECT_FALSE(view.exportList(QString::fromStdString(w.dir.file("list.txt").string())).ok());
}

TEST(TiersView, aPeriodWithoutSurveysSaysTheSatisfactionWeightIsIgnored)
{
    TiersWorkspace w(60);
    auto& view = *w.view;
    view.periodChoice()->setCurrentIndex(view.periodChoice()->findData(1));  // calendar year
    view.yearChoice()->setValue(2001);
    ASSERT_TRUE(view.runTiers()) << view.problemLabel()->text().toStdString();
    EXPECT_FALSE(view.noticeLabel()->isHidden());
    EXPECT_TRUE(view.noticeLabel()->text().contains(QStringLiteral("Satisfaction")));
    const auto row = domain::tierIndicatorIndex(TierIndicator::Satisfaction);
    EXPECT_TRUE(view.indicatorTable()->item(row, 2)->text().contains(QStringLiteral("ignored")));
    EXPECT_EQ(view.run()->result.weightTotal, 15);
    // Satisfaction alone cannot rank anybody: refused, with the reason.
    for (const auto indicator : domain::allTierIndicators()) {
        view.indicatorSwitch(indicator)->setChecked(indicator == TierIndicator::Satisfaction);
    }
    EXPECT_FALSE(view.problemLabel()->isHidden());
    EXPECT_TRUE(view.problemLabel()->text().contains(QStringLiteral("satisfaction"))) << view.problemLabel()->text().toStdString();
}

TEST(TiersView, runsByItselfWhenFirstShownWithoutBlockingTheWindow)
{
    TiersWorkspace w(60);
    QSignalSpy finished(w.view.get(), &app::TiersView::runFinished);
    EXPECT_EQ(w.view->run(), nullptr);
    w.view->show();
    // The read runs on a worker thread: meanwhile Run is disabled and Cancel offered.
    EXPECT_TRUE(w.view->isRunning());
    EXPECT_FALSE(w.view->runButton()->isEnabled());
    EXPECT_FALSE(w.view->cancelButton()->isHidden());
    ASSERT_TRUE(finished.count() > 0 || finished.wait(20000));
    EXPECT_TRUE(finished.first().at(0).toBool()) << w.view->problemLabel()->text().toStdString();
    ASSERT_NE(w.view->run(), nullptr);
    EXPECT_GT(w.view->listModel()->rowCount(), 0);
    EXPECT_TRUE(w.view->runButton()->isEnabled());
    EXPECT_TRUE(w.view->cancelButton()->isHidden());
}

TEST(TiersView, aCancelledRunLeavesTheLastRankingAndDropsItsResult)
{
    TiersWorkspace w(60);
    ASSERT_TRUE(w.view->runTiers());
    const auto* before = w.view->run();
    QSignalSpy finished(w.view.get(), &app::TiersView::runFinished);
    w.view->weightBox(TierIndicator::Revenue)->setValue(9);
    const auto* edited = w.view->run();
    EXPECT_NE(edited, before);
    w.view->periodChoice()->setCurrentIndex(w.view->periodChoice()->findData(1));
    w.view->startRun();
    w.view->cancelRun();
    ASSERT_EQ(finished.count(), 1);
    EXPECT_FALSE(finished.first().at(0).toBool());
    EXPECT_FALSE(w.view->isRunning());
    EXPECT_TRUE(w.view->runButton()->isEnabled());
    QTest::qWait(300);  // a result still arriving is dropped
    EXPECT_EQ(w.view->run(), edited);
    EXPECT_EQ(finished.count(), 1);
    // A new run after a cancel works.
    w.view->startRun();
    ASSERT_TRUE(finished.wait(20000));
    EXPECT_TRUE(finished.last().at(0).toBool());
    EXPECT_NE(w.view->run(), edited);
    EXPECT_EQ(w.view->run()->request.period.fromMonth() % 100, 1);  // a calendar year now
}
