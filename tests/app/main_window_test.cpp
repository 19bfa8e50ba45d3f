#include "app/activities_view.h"
#include "app/activity_table_model.h"
#include "app/customer_detail_panel.h"
#include "app/customer_table_model.h"
#include "app/main_window.h"
#include "app/open_claims_model.h"

#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "storage/customer_facets.h"
#include "support/temp_dir.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QTableView>
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace services = cartera::services;
namespace storage = cartera::storage;
namespace domain = cartera::domain;
namespace app = cartera::app;
using cartera::testing::TempDir;

namespace {

/// A main window over a fresh demo portfolio, with settings kept apart from the user's.
struct Workspace {
    TempDir dir;
    std::unique_ptr<app::MainWindow> window;
    services::Portfolio* portfolio = nullptr;

    explicit Workspace(std::int64_t customers = 300)
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        services::DemoOptions options;
        options.customers = customers;
        const auto path = dir.file("demo.cartera");
        EXPECT_TRUE(services::createDemoPortfolioFile(path, options, false).ok());
        auto opened = services::Portfolio::open(path, storage::OpenMode::ReadWrite);
        EXPECT_TRUE(opened.ok());
        portfolio = opened.value().get();
        window = std::make_unique<app::MainWindow>(std::move(opened.value()));
        window->resize(1400, 820);
    }

    void shot(const char* name) const
    {
        // Kept next to the test binary so a person can look at them.
        window->grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/") + QLatin1String(name));
    }
};

domain::Customer newCustomer(const char* code, const char* name)
{
    domain::Customer c;
    c.code = code;
    c.name = name;
    c.country = "FR";
    c.city = "Lyon";
    return c;
}

} // namespace

TEST(MainWindow, createEditUndoRedoAndDeleteACustomer)
{
    Workspace w;
    QAbstractItemModelTester tester(w.window->customerModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int before = w.window->customerModel()->rowCount();

    ASSERT_TRUE(w.window->createCustomer(newCustomer("N-1", "Nouvelle Boutique")));
    EXPECT_EQ(w.window->customerModel()->rowCount(), before + 1);
    auto saved = w.portfolio->customers().findByCode("N-1");
    ASSERT_TRUE(saved);

    auto edited = *saved;
    edited.name = "Nouvelle Boutique Lyon";
    ASSERT_TRUE(w.window->updateCustomer(edited));
    EXPECT_EQ(w.portfolio->customers().find(saved->id)->name, "Nouvelle Boutique Lyon");

    w.window->undoStack()->undo();  // the edit
    EXPECT_EQ(w.portfolio->customers().find(saved->id)->name, "Nouvelle Boutique");
    w.window->undoStack()->undo();  // the creation
    EXPECT_FALSE(w.portfolio->customers().find(saved->id));
    EXPECT_EQ(w.window->customerModel()->rowCount(), before);
    w.window->undoStack()->redo();
    w.window->undoStack()->redo();
    EXPECT_EQ(w.portfolio->customers().find(saved->id)->name, "Nouvelle Boutique Lyon");

    // A duplicate code is refused with a message and changes nothing.
    EXPECT_FALSE(w.window->createCustomer(newCustomer("N-1", "Copy")));
    EXPECT_TRUE(w.window->message().contains(QStringLiteral("N-1")));
    EXPECT_EQ(w.window->customerModel()->rowCount(), before + 1);
}

TEST(MainWindow, deletingACustomerWithOrdersCanBeUndoneWithItsHistory)
{
    Workspace w;
    // The demo's first account with orders.
    domain::CustomerId id = 0;
    for (int i = 1; i < 50 && id == 0; ++i) {
        char code[16];
        std::snprintf(code, sizeof code, "C%07d", i);
        if (auto c = w.portfolio->customers().findByCode(code); c && !w.portfolio->orders().forCustomer(c->id).empty()) {
            id = c->id;
        }
    }
    ASSERT_NE(id, 0);
    const auto orders = w.portfolio->orders().forCustomer(id);
    const auto figures = w.portfolio->orders().monthlyFigures(id);
    const auto contacts = w.portfolio->contacts().forCustomer(id);

    ASSERT_TRUE(w.window->deleteCustomer(id));
    EXPECT_FALSE(w.portfolio->customers().find(id));
    EXPECT_TRUE(w.portfolio->orders().monthlyFigures(id).empty());

    w.window->undoStack()->undo();
    ASSERT_TRUE(w.portfolio->customers().find(id));
    EXPECT_EQ(w.portfolio->orders().forCustomer(id).size(), orders.size());
    EXPECT_EQ(w.portfolio->orders().monthlyFigures(id), figures);
    EXPECT_EQ(w.portfolio->contacts().forCustomer(id), contacts);
    EXPECT_EQ(w.portfolio->orders().countMonthlyFigureMismatches(), 0);
}

TEST(MainWindow, archivedCustomersLeaveTheListUntilUnarchived)
{
    Workspace w;
    const int before = w.window->customerModel()->rowCount();
    const auto c = w.portfolio->customers().findByCode("C0000001");
    ASSERT_TRUE(c);
    ASSERT_TRUE(w.window->setCustomerArchived(c->id, true));
    EXPECT_EQ(w.window->customerModel()->rowCount(), before - 1);
    w.window->undoStack()->undo();
    EXPECT_EQ(w.window->customerModel()->rowCount(), before);
}

TEST(MainWindow, findByCityLogAClaimCloseItAndUndoTheClose)
{
    Workspace w;
    w.window->show();
    const auto target = w.portfolio->customers().findByCode("C0000003");
    ASSERT_TRUE(target);
    const QString cityPart = QString::fromStdString(target->city).left(4);

    w.window->search(cityPart);
    const auto* model = w.window->customerModel();
    ASSERT_GT(model->rowCount(), 0);
    for (int row = 0; row < model->rowCount(); ++row) {
        EXPECT_TRUE(model->index(row, app::CustomerTableModel::City).data().toString().startsWith(cityPart, Qt::CaseInsensitive))
            << model->index(row, app::CustomerTableModel::City).data().toString().toStdString();
    }
    w.shot("flow-0-city-search.png");
    ASSERT_TRUE(w.window->selectCustomer(QString::fromStdString(target->code)));
    w.shot("flow-1-found.png");

    domain::Activity claim;
    claim.customerId = target->id;
    claim.type = domain::ActivityType::Claim;
    claim.occurredOn = domain::Date::today();
    claim.subject = "Pallet delivered damaged";
    claim.details = "Two boxes of copy paper crushed; customer wants a credit note.";
    ASSERT_TRUE(w.window->logActivity(claim));
    EXPECT_TRUE(w.window->detailPanel()->plainText().contains(QStringLiteral("Pallet delivered damaged")));
    const auto pendingBefore = w.window->claimsModel()->rowCount();
    w.shot("flow-2-claim-logged.png");

    const auto logged = w.portfolio->activities().forCustomer(target->id).front();
    ASSERT_EQ(logged.status, domain::ActivityStatus::Open);
    ASSERT_TRUE(w.window->advanceActivity(logged.id, domain::ActivityStatus::Closed));
    EXPECT_EQ(w.portfolio->activities().find(logged.id)->status, domain::ActivityStatus::Closed);
    EXPECT_EQ(w.window->claimsModel()->rowCount(), pendingBefore - 1);
    EXPECT_TRUE(w.window->detailPanel()->plainText().contains(QStringLiteral("Closed")));
    w.shot("flow-3-claim-closed.png");

    w.window->undoStack()->undo();
    const auto reopened = w.portfolio->activities().find(logged.id);
    EXPECT_EQ(reopened->status, domain::ActivityStatus::Open);
    EXPECT_FALSE(reopened->closedOn);
    EXPECT_EQ(w.window->claimsModel()->rowCount(), pendingBefore);
    w.shot("flow-4-close-undone.png");

    w.window->showView(QStringLiteral("claims"));
    w.shot("flow-5-open-claims.png");
}

TEST(OpenClaimsModel, marksClaimsWithoutAnswerPastTheTargetAsOverdue)
{
    Workspace w(50);
    const auto c = w.portfolio->customers().findByCode("C0000001");
    domain::Activity old;
    old.customerId = c->id;
    old.type = domain::ActivityType::Claim;
    old.status = domain::ActivityStatus::Open;
    old.occurredOn = domain::Date::today().addDays(-10);
    old.subject = "Late";
    w.portfolio->activities().insert(old);
    app::OpenClaimsModel model(*w.portfolio, 2);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto lateRowOverdue = [&] {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, app::OpenClaimsModel::Subject).data().toString() == QStringLiteral("Late")) {
                return model.index(row, 0).data(app::OpenClaimsModel::kOverdueRole).toBool();
            }
        }
        ADD_FAILURE() << "the claim is not listed";
        return false;
    };
    int overdueRows = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        overdueRows += model.index(row, 0).data(app::OpenClaimsModel::kOverdueRole).toBool() ? 1 : 0;
    }
    EXPECT_EQ(overdueRows, model.overdueCount());
    EXPECT_TRUE(lateRowOverdue());  // 10 days without an answer, target 2 days
    model.setResponseTargetDays(30);
    EXPECT_FALSE(lateRowOverdue());
}

TEST(ActivitiesView, listsThePortfolioLogPagedAndFiltersByTypeStageAndOwner)
{
    Workspace workspace;
    auto& window = *workspace.window;
    ASSERT_TRUE(window.showView(QStringLiteral("activities")));
    auto* view = window.activitiesView();
    auto* model = view->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    // All time, everyone: the model's count is the repository's.
    view->scopeFilter()->setCurrentIndex(1);
    view->periodFilter()->setCurrentIndex(view->periodFilter()->findData(0));
    const auto all = workspace.portfolio->activities().count({});
    ASSERT_GT(all, 300);
    EXPECT_EQ(model->rowCount(), all);
    // Newest first, across pages of 256.
    const auto dateOf = [&](int row) {
        return workspace.portfolio->activities().find(
            model->index(row, 0).data(app::ActivityTableModel::kActivityIdRole).toLongLong())->occurredOn;
    };
    EXPECT_FALSE(dateOf(0) < dateOf(255));
    EXPECT_FALSE(dateOf(255) < dateOf(256));
    EXPECT_FALSE(dateOf(256) < dateOf(model->rowCount() - 1));

    // Claims still open: every row a claim with an open or in-progress status.
    view->typeFilter()->setCurrentIndex(view->typeFilter()->findData(static_cast<int>(domain::ActivityType::Claim)));
    view->progressFilter()->setCurrentIndex(
        view->progressFilter()->findData(static_cast<int>(domain::ActivityProgress::Pending)));
    domain::ActivityFilter openClaims;
    openClaims.type = domain::ActivityType::Claim;
    openClaims.progress = domain::ActivityProgress::Pending;
    ASSERT_GT(model->rowCount(), 0);
    EXPECT_EQ(model->rowCount(), workspace.portfolio->activities().count(openClaims));
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto activity = workspace.portfolio->activities().find(
            model->index(row, 0).data(app::ActivityTableModel::kActivityIdRole).toLongLong());
        ASSERT_TRUE(activity);
        EXPECT_EQ(activity->type, domain::ActivityType::Claim);
        EXPECT_TRUE(activity->status == domain::ActivityStatus::Open ||
                    activity->status == domain::ActivityStatus::InProgress);
    }

    // My activities: once a current user is set, only theirs.
    const auto rep = workspace.portfolio->reps().all().at(3);
    view->typeFilter()->setCurrentIndex(0);
    view->progressFilter()->setCurrentIndex(0);
    view->setCurrentUser(rep.id);
    view->periodFilter()->setCurrentIndex(view->periodFilter()->findData(0));
    domain::ActivityFilter mine;
    mine.ownerRepId = rep.id;
    EXPECT_EQ(view->scopeFilter()->currentIndex(), 0);
    EXPECT_EQ(model->rowCount(), workspace.portfolio->activities().count(mine));
    EXPECT_LT(model->rowCount(), all);

    // Selecting a row shows its account in the detail pane.
    view->table()->setCurrentIndex(model->index(0, 1));
    EXPECT_EQ(window.detailPanel()->customerId(), model->index(0, 0).data(app::ActivityTableModel::kCustomerIdRole).toLongLong());
}

TEST(MainWindow, countryRegionAndIndustryFiltersOfferThePortfoliosValuesAndCombine)
{
    Workspace workspace;
    auto& window = *workspace.window;
    auto* country = window.findChild<QComboBox*>(QStringLiteral("countryFilter"));
    auto* region = window.findChild<QComboBox*>(QStringLiteral("regionFilter"));
    auto* industry = window.findChild<QComboBox*>(QStringLiteral("industryFilter"));
    ASSERT_TRUE(country && region && industry);
    const storage::CustomerFacets facets(workspace.portfolio->database());
    ASSERT_EQ(country->count(), static_cast<int>(facets.countries().size()) + 1);  // + "All countries"
    EXPECT_FALSE(region->isEnabled());

    country->setCurrentIndex(country->findData(QStringLiteral("FR")));
    ASSERT_TRUE(region->isEnabled());
    const auto frenchRegions = facets.regions("FR");
    ASSERT_GT(frenchRegions.size(), 1u);
    EXPECT_EQ(region->count(), static_cast<int>(frenchRegions.size()) + 1);
    region->setCurrentIndex(1);
    industry->setCurrentIndex(1);

    domain::CustomerFilter expected = window.customerModel()->filter();
    EXPECT_EQ(expected.country, "FR");
    EXPECT_EQ(expected.region, frenchRegions.front());
    EXPECT_EQ(expected.industry, facets.industries().front());
    expected.region.clear();
    expected.industry.clear();
    const auto wholeCountry = workspace.portfolio->customers().count(expected);
    EXPECT_GT(wholeCountry, window.customerModel()->rowCount());
    EXPECT_EQ(window.customerModel()->rowCount(),
              workspace.portfolio->customers().count(window.customerModel()->filter()));
    for (int row = 0; row < window.customerModel()->rowCount(); ++row) {
        const auto id = window.customerModel()->index(row, 0).data(app::CustomerTableModel::kCustomerIdRole).toLongLong();
        const auto customer = workspace.portfolio->customers().find(id);
        EXPECT_EQ(customer->region, frenchRegions.front());
        EXPECT_EQ(customer->industry, facets.industries().front());
    }

    // Back to all countries: the region choice goes with it.
    country->setCurrentIndex(0);
    EXPECT_FALSE(region->isEnabled());
    EXPECT_TRUE(window.customerModel()->filter().region.empty());
}
