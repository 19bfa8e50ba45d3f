#include "app/abc_compare_dialog.h"
#include "app/abc_entry_model.h"
#include "app/abc_view.h"
#include "app/activities_view.h"
#include "app/contacts_view.h"
#include "app/activity_table_model.h"
#include "app/customer_detail_panel.h"
#include "app/customer_editor.h"
#include "app/customer_table_model.h"
#include "app/main_window.h"
#include "app/segment_filter_combo.h"
#include "app/segments_view.h"
#include "app/open_claims_model.h"

#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "services/segment_service.h"
#include "storage/customer_facets.h"
#include "support/temp_dir.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QTableWidget>
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

TEST(AbcView, classifiesThePortfolioAndListsEachClassAsAContiguousRankRange)
{
    Workspace workspace;
    auto& window = *workspace.window;
    ASSERT_TRUE(window.showView(QStringLiteral("abc")));  // classifies when first shown
    auto* view = window.abcView();
    ASSERT_NE(view->run(), nullptr) << view->problemLabel()->text().toStdString();
    const auto& result = view->run()->result;
    ASSERT_GT(result.entries.size(), 100u);
    auto* model = view->listModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model->rowCount(), static_cast<int>(result.entries.size()));

    // The summary table: one row per class, then the total and the customers listed apart.
    auto* summary = view->summaryTable();
    ASSERT_EQ(summary->rowCount(), 3 + 2);
    EXPECT_EQ(summary->item(3, 1)->text(), QLocale().toString(static_cast<qlonglong>(result.entries.size())));

    // Class B alone: its customers, in rank order, all B.
    auto* classes = view->classChoice();
    classes->setCurrentIndex(classes->findData(1));
    const auto bCount = result.summary[1].customers;
    ASSERT_GT(bCount, 0);
    EXPECT_EQ(model->rowCount(), bCount);
    EXPECT_EQ(model->index(0, app::AbcEntryModel::Class).data().toString(), QStringLiteral("B"));
    EXPECT_EQ(model->index(model->rowCount() - 1, app::AbcEntryModel::Class).data().toString(), QStringLiteral("B"));
    EXPECT_EQ(model->index(0, app::AbcEntryModel::Rank).data().toString(),
              QLocale().toString(static_cast<qlonglong>(result.summary[0].customers + 1)));

    // Other shares move the borders without reading again: 50/30/20 makes A smaller.
    const auto aBefore = result.summary[0].customers;
    view->thresholdsEdit()->setText(QStringLiteral("50,30,20"));
    QMetaObject::invokeMethod(view->thresholdsEdit(), "returnPressed");
    EXPECT_LT(view->run()->result.summary[0].customers, aBefore);
    EXPECT_EQ(view->run()->request.thresholds.toString(), "50,30,20");

    // A bad share is refused with a message, and the last result stays.
    view->thresholdsEdit()->setText(QStringLiteral("80,15"));
    QMetaObject::invokeMethod(view->thresholdsEdit(), "returnPressed");
    EXPECT_FALSE(view->problemLabel()->isHidden());
    EXPECT_NE(view->problemLabel()->text().indexOf(QStringLiteral("100")), -1) << view->problemLabel()->text().toStdString();
    EXPECT_EQ(view->run()->request.thresholds.toString(), "50,30,20");
    workspace.shot("abc-view.png");
}

TEST(AbcView, exportsTheShownListToCsvAndXlsxAndTheReportToPdf)
{
    Workspace workspace;
    ASSERT_TRUE(workspace.window->showView(QStringLiteral("abc")));
    auto* view = workspace.window->abcView();
    ASSERT_NE(view->run(), nullptr);
    view->classChoice()->setCurrentIndex(view->classChoice()->findData(0));  // class A
    const auto aCount = view->run()->result.summary[0].customers;

    const auto csv = workspace.dir.file("a.csv");
    ASSERT_TRUE(view->exportList(QString::fromStdString(csv.string())).ok());
    QFile csvFile(QString::fromStdString(csv.string()));
    ASSERT_TRUE(csvFile.open(QIODevice::ReadOnly));
    const auto lines = QString::fromUtf8(csvFile.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), aCount + 1);  // header + class A
    EXPECT_TRUE(lines[0].endsWith(QStringLiteral("rank,code,name,value,share,cumulative_share,class")));
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("1,")));
    EXPECT_TRUE(lines.last().endsWith(QStringLiteral(",A")));
    // Kept next to the test binary, like the screenshots, to open in a spreadsheet by hand.
    QFile::remove(QCoreApplication::applicationDirPath() + QStringLiteral("/abc-class-a.csv"));
    QFile::copy(QString::fromStdString(csv.string()), QCoreApplication::applicationDirPath() + QStringLiteral("/abc-class-a.csv"));

    const auto xlsx = workspace.dir.file("a.xlsx");
    ASSERT_TRUE(view->exportList(QString::fromStdString(xlsx.string())).ok());
    EXPECT_GT(std::filesystem::file_size(xlsx), 1000u);
    QFile::remove(QCoreApplication::applicationDirPath() + QStringLiteral("/abc-class-a.xlsx"));
    QFile::copy(QString::fromStdString(xlsx.string()), QCoreApplication::applicationDirPath() + QStringLiteral("/abc-class-a.xlsx"));

    const auto wrongType = view->exportList(QString::fromStdString(workspace.dir.file("a.txt").string()));
    ASSERT_FALSE(wrongType.ok());
    EXPECT_FALSE(std::filesystem::exists(workspace.dir.file("a.txt")));

    const auto pdf = workspace.dir.file("abc.pdf");
    ASSERT_TRUE(view->exportReport(QString::fromStdString(pdf.string())).ok());
    QFile pdfFile(QString::fromStdString(pdf.string()));
    ASSERT_TRUE(pdfFile.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pdfFile.read(5).startsWith("%PDF"));
}

TEST(AbcView, twoSnapshotsCompareAsAMigrationMatrixWithTheCustomersBehindEachCell)
{
    Workspace workspace;
    ASSERT_TRUE(workspace.window->showView(QStringLiteral("abc")));
    auto* view = workspace.window->abcView();
    ASSERT_TRUE(view->saveSnapshot(QStringLiteral("before")).ok());
    // The same portfolio under other shares: some customers drop from A to B.
    view->thresholdsEdit()->setText(QStringLiteral("60,30,10"));
    QMetaObject::invokeMethod(view->thresholdsEdit(), "returnPressed");
    ASSERT_TRUE(view->saveSnapshot(QStringLiteral("after")).ok());

    services::AbcService service(*workspace.portfolio);
    app::AbcCompareDialog dialog(service);
    auto* matrix = dialog.matrix();
    ASSERT_EQ(matrix->rowCount(), 5);  // A, B, C, apart, absent
    const auto cell = [&](int row, int column) { return matrix->item(row, column)->text(); };
    // A->A plus A->B holds every customer that was A before.
    const auto number = [](const QString& text) { return text.isEmpty() ? 0 : QLocale().toLongLong(text); };
    EXPECT_GT(number(cell(0, 1)), 0);    // dropped from A to B
    EXPECT_EQ(number(cell(1, 0)), 0);    // nobody rose from B to A
    dialog.showCell(0, 1);
    EXPECT_EQ(dialog.customers()->count(), number(cell(0, 1)));
    dialog.grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/abc-compare.png"));
}

TEST(MainWindow, contactsViewChangesGoOnTheWindowsUndoStack)
{
    Workspace workspace;
    auto& window = *workspace.window;
    ASSERT_TRUE(window.showView(QStringLiteral("contacts")));
    auto* contacts = window.contactsView();
    const auto customer = workspace.portfolio->customers().list({}, {}, 0, 1).at(0);
    const auto before = workspace.portfolio->contacts().forCustomer(customer.id).size();

    domain::Contact person;
    person.customerId = customer.id;
    person.firstName = "Zélie";
    person.lastName = "Undoable";
    person.email = "zelie@example.com";
    ASSERT_TRUE(contacts->addContact(person));
    EXPECT_EQ(workspace.portfolio->contacts().forCustomer(customer.id).size(), before + 1);
    EXPECT_EQ(window.undoStack()->count(), 1);

    window.undoStack()->undo();
    EXPECT_EQ(workspace.portfolio->contacts().forCustomer(customer.id).size(), before);
    window.undoStack()->redo();
    const auto after = workspace.portfolio->contacts().forCustomer(customer.id);
    ASSERT_EQ(after.size(), before + 1);
    // The customer list's search finds the account by its new contact (the search index follows).
    window.search(QStringLiteral("undoable"));
    EXPECT_EQ(window.customerModel()->rowCount(), 1);
}

TEST(CustomerEditor, theStrategicFlagIsEditedAndKept)
{
    Workspace workspace;
    auto customer = workspace.portfolio->customers().find(workspace.portfolio->customers().list({}, {}, 0, 1).at(0).id).value();
    customer.strategic = true;
    app::CustomerEditor editor(*workspace.portfolio, customer);
    auto* flag = editor.findChild<QCheckBox*>();
    ASSERT_NE(flag, nullptr);
    EXPECT_TRUE(flag->isChecked());
    EXPECT_TRUE(editor.customer().strategic);
    flag->setChecked(false);
    EXPECT_FALSE(editor.customer().strategic);
    // Saved through the window, undoable like any edit.
    const bool saved = workspace.portfolio->customers().find(customer.id)->strategic;
    flag->setChecked(!saved);
    ASSERT_TRUE(workspace.window->updateCustomer(editor.customer()));
    EXPECT_EQ(workspace.portfolio->customers().find(customer.id)->strategic, !saved);
    workspace.window->undoStack()->undo();
    EXPECT_EQ(workspace.portfolio->customers().find(customer.id)->strategic, saved);
}

TEST(MainWindow, segmentFilterAndShowCustomersListTheSegmentsMembers)
{
    Workspace w;
    services::SegmentService segments(*w.portfolio);
    const auto lapsed = segments.findByName("Lapsed wholesale and retail accounts");
    ASSERT_TRUE(lapsed.ok());
    const auto members = segments.count(lapsed.value().id, domain::Date::today()).value();
    ASSERT_GT(members, 0);
    ASSERT_TRUE(w.window->showView(QStringLiteral("segments")));
    ASSERT_TRUE(w.window->segmentsView()->selectSegment(lapsed.value().id));
    // "Show customers": the customer list, all accounts, filtered by the segment alone.
    emit w.window->segmentsView()->membersRequested(lapsed.value().id);
    EXPECT_EQ(w.window->segmentFilter()->segmentId(), lapsed.value().id);
    EXPECT_EQ(w.window->customerModel()->rowCount(), members);
    w.shot("customers-segment-filter.png");
    // Back to every segment: the whole list again.
    w.window->segmentFilter()->setCurrentIndex(0);
    EXPECT_GT(w.window->customerModel()->rowCount(), members);

    // A segment deleted from the Segments view leaves the filter's choices.
    ASSERT_TRUE(segments.remove(lapsed.value().id).ok());
    emit w.window->segmentsView()->segmentsChanged();
    EXPECT_FALSE(w.window->segmentFilter()->selectSegment(lapsed.value().id));
}
