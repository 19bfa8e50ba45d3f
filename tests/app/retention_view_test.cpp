#include "app/at_risk_model.h"
#include "app/customer_detail_panel.h"
#include "app/customer_table_model.h"
#include "app/exit_dialog.h"
#include "app/main_window.h"
#include "app/report_table_model.h"
#include "app/retention_view.h"

#include "services/demo_portfolio.h"
#include "services/exit_service.h"
#include "services/portfolio.h"
#include "support/temp_dir.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace services = cartera::services;
namespace storage = cartera::storage;
namespace domain = cartera::domain;
namespace app = cartera::app;
using cartera::testing::TempDir;

namespace {

struct RetentionWorkspace {
    TempDir dir;
    std::unique_ptr<app::MainWindow> window;
    services::Portfolio* portfolio = nullptr;

    RetentionWorkspace()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        services::DemoOptions options;
        options.customers = 400;
        const auto path = dir.file("demo.cartera");
        EXPECT_TRUE(services::createDemoPortfolioFile(path, options, false).ok());
        auto opened = services::Portfolio::open(path, storage::OpenMode::ReadWrite);
        EXPECT_TRUE(opened.ok());
        portfolio = opened.value().get();
        window = std::make_unique<app::MainWindow>(std::move(opened.value()));
        window->resize(1400, 820);
    }

    /// Shows only active accounts in the customer list, as the Status filter "Active" does.
    void listActiveOnly() const
    {
        domain::CustomerFilter filter = window->customerModel()->filter();
        filter.status = domain::CustomerStatus::Active;
        window->customerModel()->setFilter(filter);
    }

    [[nodiscard]] bool listed(domain::CustomerId id) const
    {
        auto* model = window->customerModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(app::CustomerTableModel::kCustomerIdRole).toLongLong() == id) {
                return true;
            }
        }
        return false;
    }
};

} // namespace

TEST(RetentionViewTest, recordingALostExitTakesTheCustomerOffTheActiveListAndUndoBringsItBack)
{
    RetentionWorkspace w;
    w.listActiveOnly();
    auto* model = w.window->customerModel();
    ASSERT_GT(model->rowCount(), 0);
    const auto id = model->index(0, 0).data(app::CustomerTableModel::kCustomerIdRole).toLongLong();
    ASSERT_TRUE(w.listed(id));

    domain::CustomerExit exit;
    exit.customerId = id;
    exit.type = domain::ExitType::NonRenewal;
    exit.reasonId = 1;
    exit.effectiveOn = domain::Date::today();
    exit.retentionActions = "Offered a discount; declined";
    exit.outcome = domain::ExitOutcome::Lost;
    ASSERT_TRUE(w.window->recordExit(exit)) << w.window->message().toStdString();
    EXPECT_FALSE(w.listed(id));
    EXPECT_EQ(w.portfolio->customers().find(id)->status, domain::CustomerStatus::Exited);

    w.window->undoStack()->undo();
    EXPECT_TRUE(w.listed(id));
    EXPECT_EQ(w.portfolio->customers().find(id)->status, domain::CustomerStatus::Active);
    w.window->undoStack()->redo();
    EXPECT_FALSE(w.listed(id));
}

TEST(RetentionViewTest, aRetainedCustomerStaysOnTheActiveList)
{
    RetentionWorkspace w;
    w.listActiveOnly();
    const auto id = w.window->customerModel()->index(0, 0).data(app::CustomerTableModel::kCustomerIdRole).toLongLong();
    domain::CustomerExit exit;
    exit.customerId = id;
    exit.effectiveOn = domain::Date::today();
    exit.outcome = domain::ExitOutcome::Retained;
    ASSERT_TRUE(w.window->recordExit(exit));
    EXPECT_TRUE(w.listed(id));
}

TEST(RetentionViewTest, theDialogProposesAndRefusesAnInvalidExit)
{
    domain::CustomerExit proposed;
    proposed.customerId = 7;
    proposed.effectiveOn = domain::Date(2026, 3, 31);
    proposed.lostAnnualRevenue = 1234550;
    std::vector<domain::ExitReason> reasons{{1, "price", "Price", true}, {2, "old", "Old reason", false}};
    app::ExitDialog dialog(QStringLiteral("Acme"), proposed, reasons, *domain::CurrencyCode::parse("EUR"));
    EXPECT_EQ(dialog.reasonChoice()->count(), 2);  // "(not given)" and the active reason
    EXPECT_EQ(dialog.exit().lostAnnualRevenue, 1234550);
    EXPECT_TRUE(dialog.problem().isEmpty());
    dialog.lostRevenueEdit()->setText(QStringLiteral("lots"));
    EXPECT_FALSE(dialog.problem().isEmpty());
    dialog.lostRevenueEdit()->setText(QStringLiteral("500.25"));
    EXPECT_EQ(dialog.exit().lostAnnualRevenue, 50025);
    dialog.outcomeChoice()->setCurrentIndex(dialog.outcomeChoice()->findData(static_cast<int>(domain::ExitOutcome::WonBack)));
    dialog.reasonChoice()->setCurrentIndex(1);
    const auto exit = dialog.exit();
    EXPECT_EQ(exit.outcome, domain::ExitOutcome::WonBack);
    EXPECT_EQ(exit.wonBackOn, domain::Date(2026, 3, 31));
    EXPECT_EQ(exit.reasonId, 1);
}

TEST(RetentionViewTest, everyTabShowsTheDemoFiguresAndTheModelsPassTheTester)
{
    RetentionWorkspace w;
    ASSERT_TRUE(w.window->showView(QStringLiteral("retention")));
    auto* view = w.window->retentionView();
    ASSERT_TRUE(view->loaded());
    QAbstractItemModelTester atRisk(view->atRiskModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester exits(view->exitModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester churn(view->churnModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester cohorts(view->cohortModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester satisfaction(view->satisfactionModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_GT(view->atRiskModel()->rowCount(), 0);
    EXPECT_GT(view->exitModel()->rowCount(), 0);
    EXPECT_GT(view->churnModel()->rowCount(), 0);
    EXPECT_GT(view->cohortModel()->rowCount(), 0);
    EXPECT_GT(view->satisfactionModel()->rowCount(), 0);
    // At-risk rows come highest score first, with their codes and reasons.
    const auto* first = view->atRiskModel()->entry(0);
    ASSERT_NE(first, nullptr);
    EXPECT_FALSE(view->atRiskModel()->index(0, app::AtRiskModel::Code).data().toString().isEmpty());
    EXPECT_FALSE(view->atRiskModel()->index(0, app::AtRiskModel::Reasons).data().toString().isEmpty());
    for (int row = 1; row < view->atRiskModel()->rowCount(); ++row) {
        ASSERT_LE(view->atRiskModel()->entry(row)->score, view->atRiskModel()->entry(row - 1)->score);
    }
    // Churn by reason: rows name the reasons.
    view->churnDimensionChoice()->setCurrentIndex(
        view->churnDimensionChoice()->findData(static_cast<int>(domain::ChurnDimension::Reason)));
    ASSERT_GT(view->churnModel()->rowCount(), 0);
    EXPECT_NE(view->churnModel()->index(0, 1).data().toString(), QStringLiteral("(none)"));
    view->churnPeriodChoice()->setCurrentIndex(
        view->churnPeriodChoice()->findData(static_cast<int>(domain::ChurnGranularity::Quarter)));
    EXPECT_GT(view->churnModel()->rowCount(), 0);

    // Kept next to the test binary so a person can look at them.
    const QString folder = QCoreApplication::applicationDirPath() + QStringLiteral("/");
    for (const char* tab : {"churn", "exits", "cohorts", "satisfaction"}) {
        ASSERT_TRUE(view->showTab(QLatin1String(tab)));
        w.window->grab().save(folder + QStringLiteral("retention-%1.png").arg(QLatin1String(tab)));
    }
    EXPECT_FALSE(view->showTab(QStringLiteral("nonsense")));
}

TEST(RetentionViewTest, aRetentionCallAndAWinBackAreLoggedAndUndone)
{
    RetentionWorkspace w;
    ASSERT_TRUE(w.window->showView(QStringLiteral("retention")));
    auto* view = w.window->retentionView();
    ASSERT_GT(view->atRiskModel()->rowCount(), 0);
    const auto id = view->atRiskModel()->customerId(0);
    const auto before = w.portfolio->activities().forCustomer(id).size();
    ASSERT_TRUE(view->assignRetentionCall(0));
    const auto after = w.portfolio->activities().forCustomer(id);
    ASSERT_EQ(after.size(), before + 1);
    EXPECT_EQ(after.front().subject, "Retention call");
    w.window->undoStack()->undo();
    EXPECT_EQ(w.portfolio->activities().forCustomer(id).size(), before);

    view->exitOutcomeChoice()->setCurrentIndex(1);  // lost: the win-back list
    ASSERT_GT(view->exitModel()->rowCount(), 0);
    ASSERT_TRUE(view->createWinBack(0));
    EXPECT_FALSE(view->createWinBack(view->exitModel()->rowCount()));
}
