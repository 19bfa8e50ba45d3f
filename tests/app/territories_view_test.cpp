#include "app/realignment_dialog.h"
#include "app/rep_table_model.h"
#include "app/report_table_model.h"
#include "app/territories_view.h"

#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "services/territory_report.h"
#include "support/temp_dir.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QTabWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <map>

namespace services = cartera::services;
namespace storage = cartera::storage;
namespace domain = cartera::domain;
namespace app = cartera::app;
using cartera::testing::TempDir;

namespace {

const domain::Date kAsOf(2026, 6, 30);

/// A Territories view over a fresh 500-account demo portfolio, with the window's undo stack.
struct TerritoriesWorkspace {
    TempDir dir;
    std::unique_ptr<services::Portfolio> portfolio;
    QUndoStack undo;
    std::unique_ptr<app::TerritoriesView> view;

    TerritoriesWorkspace()
    {
        services::DemoOptions options;
        options.customers = 500;
        options.asOf = kAsOf;
        const auto path = dir.file("demo.cartera");
        EXPECT_TRUE(services::createDemoPortfolioFile(path, options, false).ok());
        portfolio = std::move(services::Portfolio::open(path, storage::OpenMode::ReadWrite).value());
        view = std::make_unique<app::TerritoriesView>(*portfolio, &undo);
        view->setAsOf(kAsOf);
        view->resize(1400, 820);
        EXPECT_TRUE(view->reload());
    }

    /// Every account's territory and owner rep, read past the view.
    std::map<domain::CustomerId, std::pair<std::int64_t, std::int64_t>> standings() const
    {
        std::map<domain::CustomerId, std::pair<std::int64_t, std::int64_t>> out;
        auto s = portfolio->database().prepare(
            "SELECT c.id, coalesce(t.territory_id, 0), coalesce(c.owner_rep_id, 0) FROM customer c"
            " LEFT JOIN customer_territory t ON t.customer_id = c.id");
        while (s.step()) {
            out[s.int64(0)] = {s.int64(1), s.int64(2)};
        }
        return out;
    }

    domain::TerritoryId territoryNamed(const std::string& name) const
    {
        for (const auto& t : view->draft().territories) {
            if (t.name == name) {
                return t.id;
            }
        }
        return 0;
    }

    std::int64_t accountsOfRep(const std::string& code) const
    {
        for (const auto& row : view->coverage()->coverage.byRep) {
            if (services::repCode(view->coverage()->reps, row.key) == code) {
                return row.accounts;
            }
        }
        return -1;
    }

    void shot(const char* name) const
    {
        view->grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/") + QLatin1String(name));
    }
};

} // namespace

TEST(TerritoriesView, splitPreviewApplyUndoAndApplyAgainAsANewUserWould)
{
    TerritoriesWorkspace w;
    const auto before = w.standings();
    const auto bretagne = w.territoryNamed("Auvergne-Rhône-Alpes");
    ASSERT_NE(bretagne, 0);
    const auto r05 = w.portfolio->reps().findByCode("R05").value().id;
    const auto r05Accounts = w.accountsOfRep("R05");

    // Split Auvergne-Rhône-Alpes: Lyon (postal 69) goes to a new territory owned by R05.
    ASSERT_TRUE(w.view->splitTerritory(bretagne, QStringLiteral("Lyon"), "69", "69", r05));
    EXPECT_TRUE(w.view->draftChanged());
    EXPECT_EQ(w.standings(), before);  // nothing saved yet

    const auto preview = w.view->previewDraft();
    ASSERT_TRUE(preview.has_value()) << w.view->problem().toStdString();
    const auto moved = static_cast<std::int64_t>(preview->plan.moves.size());
    ASSERT_GT(moved, 0);
    EXPECT_TRUE(preview->plan.conflicts.empty());  // the source rule now leaves 69 out: no overlap
    {
        services::TerritoryService service(*w.portfolio);
        app::RealignmentDialog dialog(*preview, service, service.reps().value(), w.portfolio->settings().currency());
        dialog.resize(1100, 560);
        EXPECT_EQ(dialog.movesModel()->rowCount(), static_cast<int>(moved));
        EXPECT_TRUE(dialog.summary().contains(QString::number(moved)));
        dialog.grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/territories-preview-demo.png"));
    }

    ASSERT_TRUE(w.view->applyRealignment(*preview, QStringLiteral("Split Auvergne-Rhône-Alpes")));
    EXPECT_FALSE(w.view->draftChanged());
    EXPECT_NE(w.territoryNamed("Lyon"), 0);
    EXPECT_EQ(w.accountsOfRep("R05"), r05Accounts + moved);  // the coverage report follows
    const auto after = w.standings();
    for (const auto& move : preview->plan.moves) {
        EXPECT_EQ(after.at(move.customer), std::make_pair(move.toTerritory, move.toRep));
    }
    ASSERT_TRUE(w.undo.canUndo());

    w.undo.undo();
    EXPECT_EQ(w.standings(), before);
    EXPECT_EQ(w.territoryNamed("Lyon"), 0);
    EXPECT_EQ(w.accountsOfRep("R05"), r05Accounts);

    w.undo.redo();
    EXPECT_EQ(w.standings(), after);
    EXPECT_EQ(w.accountsOfRep("R05"), r05Accounts + moved);
    EXPECT_TRUE(w.view->problem().isEmpty()) << w.view->problem().toStdString();
}

TEST(TerritoriesView, suggestedMovesLowerTheBalanceIndexAndUndoRestoresIt)
{
    TerritoriesWorkspace w;
    const auto& coverage = *w.view->coverage();
    ASSERT_FALSE(coverage.suggestions.empty());
    const auto balance = *coverage.coverage.balanceIndex;
    services::TerritoryService service(*w.portfolio);
    auto realignment = service.previewOverrides(coverage.suggestions, kAsOf);
    ASSERT_TRUE(realignment.ok());
    ASSERT_TRUE(w.view->applyRealignment(realignment.value(), QStringLiteral("Balance")));
    EXPECT_LT(*w.view->coverage()->coverage.balanceIndex, balance);
    w.undo.undo();
    EXPECT_NEAR(*w.view->coverage()->coverage.balanceIndex, balance, 1e-9);
}

TEST(TerritoriesView, modelsPassTheModelTesterAndRepEditsAreUndoable)
{
    TerritoriesWorkspace w;
    QAbstractItemModelTester coverage(w.view->coverageModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester channels(w.view->channelModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester reps(w.view->repModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(w.view->channelModel()->rowCount(), 4);
    EXPECT_GT(w.view->coverageModel()->rowCount(), 10);
    ASSERT_TRUE(w.view->refreshCoverage());  // resets under the testers

    auto* model = w.view->repModel();
    int row = 0;
    while (row < model->rowCount() && model->reps()[static_cast<std::size_t>(row)].code != "R01") {
        ++row;
    }
    ASSERT_LT(row, model->rowCount());
    const auto index = model->index(row, app::RepTableModel::CapacityAccounts);
    EXPECT_FALSE(model->setData(index, QStringLiteral("-3")));  // refused, nothing saved
    ASSERT_TRUE(model->setData(index, QStringLiteral("77")));
    EXPECT_EQ(w.portfolio->reps().findByCode("R01")->capacityAccounts, 77);
    w.undo.undo();
    EXPECT_NE(w.portfolio->reps().findByCode("R01")->capacityAccounts, 77);
    EXPECT_NE(model->data(model->index(row, app::RepTableModel::CapacityAccounts)).toString(), QStringLiteral("77"));
}

TEST(TerritoriesView, reportTableModelFormatsAndSortsRawValues)
{
    app::ReportTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    cartera::exchange::ReportTable table({"name", "count", "revenue"});
    table.addRow({std::string("b"), std::int64_t{1200}, domain::Money{123456, domain::CurrencyCode::parse("EUR").value()}});
    table.addRow({std::string("a"), std::int64_t{3}, std::monostate{}});
    model.setTable(std::move(table), {QStringLiteral("Name")}, {7, 9});
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
    EXPECT_EQ(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("count"));
    EXPECT_EQ(model.data(model.index(0, 1), app::ReportTableModel::kSortRole).toLongLong(), 1200);
    EXPECT_EQ(model.data(model.index(0, 2), app::ReportTableModel::kSortRole).toLongLong(), 123456);
    EXPECT_EQ(model.data(model.index(1, 0), app::ReportTableModel::kKeyRole).toLongLong(), 9);
}

TEST(TerritoriesView, screenshotsOfEveryTab)
{
    TerritoriesWorkspace w;
    const char* names[] = {"territories-demo.png", "territories-reps-demo.png", "territories-coverage-demo.png",
                           "territories-channels-demo.png"};
    for (int i = 0; i < 4; ++i) {
        w.view->tabs()->setCurrentIndex(i);
        w.shot(names[i]);
    }
    EXPECT_EQ(w.view->tabs()->count(), 4);
}
