#include "app/forecast_view.h"
#include "app/opportunity_table_model.h"
#include "app/pipeline_board.h"
#include "app/pipeline_view.h"
#include "app/undo_commands.h"

#include "services/demo_portfolio.h"
#include "services/opportunity_service.h"
#include "services/portfolio.h"
#include "support/sample_records.h"
#include "support/temp_dir.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace services = cartera::services;
namespace storage = cartera::storage;
namespace domain = cartera::domain;
namespace app = cartera::app;
using cartera::testing::TempDir;

namespace {

const domain::Date kToday(2026, 11, 10);

/// A Pipeline view over a small portfolio: a rep, a prospect with one opportunity in
/// prospecting, a customer with a deal past its expected close and one untouched for 60 days.
/// Changes go on an undo stack as MainWindow::push puts them.
struct PipelineWorkspace {
    TempDir dir;
    std::unique_ptr<services::Portfolio> portfolio;
    QUndoStack undo;
    std::vector<domain::Error> errors;
    std::unique_ptr<app::PipelineView> view;
    domain::CustomerId prospect = 0;
    domain::OpportunityId deal = 0;
    domain::OpportunityId overdue = 0;
    domain::OpportunityId stale = 0;

    PipelineWorkspace()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        portfolio = std::move(services::Portfolio::open(dir.file("p.cartera"), storage::OpenMode::CreateOrUpgrade).value());
        domain::SalesRep rep{0, "R01", "Ana Ruiz", "", std::nullopt, "North", true};
        portfolio->reps().insert(rep);
        auto p = cartera::testing::sampleCustomer("P1", "Prospect One");
        p.kind = domain::CustomerKind::Prospect;
        portfolio->customers().insert(p);
        prospect = p.id;
        auto c = cartera::testing::sampleCustomer("C1", "Customer One");
        portfolio->customers().insert(c);

        services::OpportunityService service(*portfolio);
        const auto add = [&](domain::CustomerId account, const std::string& title, domain::Date close, domain::Date created) {
            domain::Opportunity o;
            o.customerId = account;
            o.title = title;
            o.amount.minor = 1000000;
            o.expectedClose = close;
            o.ownerRepId = rep.id;
            return service.create(o, created).value().id;
        };
        deal = add(prospect, "First order", domain::Date(2026, 12, 20), kToday);
        overdue = add(c.id, "Late one", domain::Date(2026, 11, 1), domain::Date(2026, 11, 1));
        stale = add(c.id, "Sleeping one", domain::Date(2027, 1, 20), domain::Date(2026, 9, 1));

        view = std::make_unique<app::PipelineView>(*portfolio, rep.id, 30);
        view->setToday(kToday);
        view->reload();  // as when first shown
        view->resize(1400, 700);
        view->show();  // drops reach only a visible widget that accepts them, as on screen
        QObject::connect(view.get(), &app::PipelineView::changeRequested,
                         [this](const QString& text, app::PipelineView::Step redo, app::PipelineView::Step undoStep) {
                             undo.push(new app::ServiceCommand(text, std::move(redo), std::move(undoStep),
                                                               [this](const domain::Error& e) { errors.push_back(e); }));
                         });
        QObject::connect(view.get(), &app::PipelineView::errorOccurred,
                         [this](const domain::Error& e) { errors.push_back(e); });
    }

    [[nodiscard]] QListWidget* cards(const std::string& stage) const { return view->column(stage)->list(); }
    [[nodiscard]] QString header(const std::string& stage) const { return view->column(stage)->header()->text(); }
    [[nodiscard]] domain::CustomerKind prospectKind() const { return portfolio->customers().find(prospect)->kind; }
    [[nodiscard]] std::string stageOf(domain::OpportunityId id) const
    {
        return services::OpportunityService(*portfolio).find(id).value().stage;
    }

    /// Drops the card of id on a stage's column as a drag from another column would.
    void drop(domain::OpportunityId id, const std::string& stage) const
    {
        QMimeData data;
        data.setData(QString::fromLatin1(app::StageList::kMimeType), QByteArray::number(static_cast<qlonglong>(id)));
        auto* target = cards(stage);
        // As a drag does: entering the column makes it the drop target, then the drop.
        QDragEnterEvent enter(QPoint(10, 10), Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target->viewport(), &enter);
        QDropEvent event(QPointF(10, 10), Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target->viewport(), &event);
    }
};

} // namespace

TEST(PipelineView, showsEveryStageWithCountsTotalsAndWeightedTotals)
{
    PipelineWorkspace w;
    EXPECT_EQ(w.cards("prospecting")->count(), 3);
    EXPECT_EQ(w.cards("won")->count(), 0);
    // 3 deals of 10,000.00 at 10 %: 30,000 and 3,000 weighted.
    EXPECT_TRUE(w.header("prospecting").contains(QStringLiteral("3 deals"))) << w.header("prospecting").toStdString();
    EXPECT_TRUE(w.header("prospecting").contains(QStringLiteral("30,000"))) << w.header("prospecting").toStdString();
    EXPECT_TRUE(w.header("prospecting").contains(QStringLiteral("weighted 3,000"))) << w.header("prospecting").toStdString();
}

TEST(PipelineView, highlightsOverdueAndStaleDeals)
{
    PipelineWorkspace w;
    QStringList texts;
    for (int i = 0; i < w.cards("prospecting")->count(); ++i) {
        texts << w.cards("prospecting")->item(i)->text();
    }
    const auto joined = texts.join(QStringLiteral("|"));
    EXPECT_TRUE(joined.contains(QStringLiteral("Late one")));
    for (const auto& text : texts) {
        if (text.startsWith(QStringLiteral("Late one"))) {
            EXPECT_TRUE(text.contains(QStringLiteral("overdue"))) << text.toStdString();
        } else if (text.startsWith(QStringLiteral("Sleeping one"))) {
            EXPECT_TRUE(text.contains(QStringLiteral("stale: 70 days in stage"))) << text.toStdString();
        } else {
            EXPECT_FALSE(text.contains(QStringLiteral("overdue")) || text.contains(QStringLiteral("days in stage")))
                << text.toStdString();
        }
    }
}

TEST(PipelineView, draggingACardMovesTheDealAndUndoPutsItBack)
{
    PipelineWorkspace w;
    w.drop(w.deal, "proposal");
    EXPECT_EQ(w.stageOf(w.deal), "proposal");
    EXPECT_EQ(w.cards("proposal")->count(), 1);
    EXPECT_EQ(w.cards("prospecting")->count(), 2);
    ASSERT_EQ(w.undo.count(), 1);
    EXPECT_EQ(w.undo.undoText(), QStringLiteral("Move First order to Proposal"));

    w.undo.undo();
    EXPECT_EQ(w.stageOf(w.deal), "prospecting");
    EXPECT_EQ(w.cards("proposal")->count(), 0);
    EXPECT_EQ(w.cards("prospecting")->count(), 3);
    EXPECT_EQ(services::OpportunityService(*w.portfolio).history(w.deal).value().size(), 1U);
    w.undo.redo();
    EXPECT_EQ(w.stageOf(w.deal), "proposal");
    EXPECT_TRUE(w.errors.empty());
}

TEST(PipelineView, draggingAProspectsDealToWonMakesItACustomerUntilUndone)
{
    PipelineWorkspace w;
    w.drop(w.deal, "qualification");
    w.drop(w.deal, "negotiation");
    w.drop(w.deal, "won");
    EXPECT_EQ(w.stageOf(w.deal), "won");
    EXPECT_EQ(w.prospectKind(), domain::CustomerKind::Customer);
    EXPECT_EQ(w.cards("won")->count(), 1);
    w.undo.undo();
    EXPECT_EQ(w.stageOf(w.deal), "negotiation");
    EXPECT_EQ(w.prospectKind(), domain::CustomerKind::Prospect);
    EXPECT_EQ(services::OpportunityService(*w.portfolio).history(w.deal).value().size(), 3U);
}

TEST(PipelineView, aRefusedMoveLeavesTheCardAndSaysWhy)
{
    PipelineWorkspace w;
    EXPECT_FALSE(w.view->moveOpportunity(w.deal, "lost"));  // no reason
    EXPECT_EQ(w.stageOf(w.deal), "prospecting");
    ASSERT_EQ(w.errors.size(), 1U);
    EXPECT_EQ(w.errors[0].where, "lost reason");
    EXPECT_EQ(w.undo.count(), 0);
    EXPECT_TRUE(w.view->moveOpportunity(w.deal, "lost", "price"));
    EXPECT_EQ(w.cards("lost")->count(), 1);
}

TEST(PipelineView, filtersTheListByOwnerPeriodAndStage)
{
    PipelineWorkspace w;
    EXPECT_EQ(w.view->listModel()->rowCount(), 3);
    // Closing this quarter (2026 Q4): the two deals expected in November and December.
    w.view->periodFilter()->setCurrentIndex(2);
    EXPECT_EQ(w.view->listModel()->rowCount(), 2);
    w.view->periodFilter()->setCurrentIndex(0);
    w.view->ownerFilter()->setCurrentIndex(1);  // My opportunities
    EXPECT_EQ(w.view->listModel()->rowCount(), 3);
    w.view->moveOpportunity(w.deal, "proposal");
    w.view->stageFilter()->setCurrentIndex(w.view->stageFilter()->findData(QStringLiteral("proposal")));
    ASSERT_EQ(w.view->listModel()->rowCount(), 1);
    EXPECT_EQ(w.view->listModel()->data(w.view->listModel()->index(0, app::OpportunityTableModel::Title)).toString(),
              QStringLiteral("First order"));
}

TEST(OpportunityTableModel, passesTheModelTesterAndMarksOverdueRows)
{
    PipelineWorkspace w;
    app::OpportunityTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    services::OpportunityService service(*w.portfolio);
    model.setRows(service.list({}, 0, 100).value(), service.stages().value(), kToday, 30);
    ASSERT_EQ(model.rowCount(), 3);
    // By expected close: the overdue deal first.
    EXPECT_EQ(model.data(model.index(0, app::OpportunityTableModel::Title)).toString(), QStringLiteral("Late one"));
    EXPECT_TRUE(model.data(model.index(0, app::OpportunityTableModel::ExpectedClose)).toString().contains(QStringLiteral("overdue")));
    EXPECT_TRUE(model.data(model.index(0, 0), Qt::BackgroundRole).isValid());
    EXPECT_FALSE(model.data(model.index(1, 0), Qt::BackgroundRole).isValid());
    EXPECT_EQ(model.data(model.index(1, app::OpportunityTableModel::Probability)).toString(), QStringLiteral("10 %"));
    model.setRows({}, service.stages().value(), kToday, 30);
    EXPECT_EQ(model.rowCount(), 0);
}

// As a new user would: a prospect's deal dragged through the stages to won; the quarter's
// forecast shows it won, and the prospect is a customer.
TEST(ForecastView, showsTheQuartersForecastAndFollowsAWin)
{
    PipelineWorkspace w;
    app::ForecastView forecast(*w.portfolio);
    forecast.setToday(kToday);
    forecast.refresh();
    ASSERT_TRUE(forecast.forecast().has_value());
    const auto before = forecast.forecast()->table.total;
    EXPECT_EQ(before.openCount, 2);  // the deals expected to close in 2026 Q4
    EXPECT_EQ(before.weighted, 200000);
    EXPECT_EQ(before.won, 0);
    EXPECT_EQ(forecast.table()->rowCount(), 2);  // Ana, and the total
    for (int i = 0; i < 500 && forecast.projecting(); ++i) {
        QTest::qWait(10);
    }
    EXPECT_FALSE(forecast.projecting());
    EXPECT_TRUE(forecast.projectionLabel()->text().contains(QStringLiteral("No projection")))
        << forecast.projectionLabel()->text().toStdString();

    for (const char* stage : {"qualification", "proposal", "negotiation", "won"}) {
        w.drop(w.deal, stage);
    }
    EXPECT_EQ(w.prospectKind(), domain::CustomerKind::Customer);
    forecast.refresh();
    const auto after = forecast.forecast()->table.total;
    EXPECT_EQ(after.won, 1000000);
    EXPECT_EQ(after.openCount, 1);
    EXPECT_EQ(after.weighted, 100000);
    EXPECT_EQ(forecast.table()->item(1, 0)->text(), QStringLiteral("Total"));
}
