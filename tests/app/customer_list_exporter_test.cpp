#include "app/customer_list_exporter.h"
#include "app/customer_table_model.h"
#include "app/export_dialog.h"
#include "app/export_runner.h"
#include "app/main_window.h"

#include "exchange/csv_reader.h"
#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "support/temp_dir.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>

#include <gtest/gtest.h>

namespace services = cartera::services;
namespace storage = cartera::storage;
namespace app = cartera::app;
using cartera::testing::readFile;
using cartera::testing::TempDir;
using cartera::testing::writeFile;

namespace {

struct ExportWorkspace {
    TempDir dir;
    std::unique_ptr<app::MainWindow> window;

    ExportWorkspace()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        services::DemoOptions options;
        options.customers = 400;
        const auto path = dir.file("demo.cartera");
        EXPECT_TRUE(services::createDemoPortfolioFile(path, options, false).ok());
        auto opened = services::Portfolio::open(path, storage::OpenMode::ReadWrite);
        EXPECT_TRUE(opened.ok());
        window = std::make_unique<app::MainWindow>(std::move(opened.value()));
        window->resize(1400, 820);
        window->showView(QStringLiteral("customers"));
    }

    QTableView* customerTable() const
    {
        for (auto* table : window->findChildren<QTableView*>()) {
            if (table->model() == window->customerModel()) {
                return table;
            }
        }
        return nullptr;
    }

    /// Waits for the export under way; true when it wrote its file.
    bool waitForExport() const
    {
        QSignalSpy spy(window->customerExporter(), &app::CustomerListExporter::exportFinished);
        EXPECT_TRUE(spy.wait(30000));
        return !spy.isEmpty() && spy.front().at(0).toBool();
    }
};

/// What the list shows, cell by cell, as the export should write it (country aside: the list
/// shows its code, the file its name).
std::vector<std::vector<std::string>> listedRows(const QTableView& table, int countryColumn)
{
    const auto* model = table.model();
    const auto* header = table.horizontalHeader();
    std::vector<std::vector<std::string>> rows;
    auto& headers = rows.emplace_back();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical)) {
            headers.push_back(model->headerData(logical, Qt::Horizontal).toString().toStdString());
        }
    }
    for (int row = 0; row < model->rowCount(); ++row) {
        auto& cells = rows.emplace_back();
        for (int visual = 0; visual < header->count(); ++visual) {
            const int logical = header->logicalIndex(visual);
            if (header->isSectionHidden(logical)) {
                continue;
            }
            auto text = model->index(row, logical).data().toString().toStdString();
            if (logical == countryColumn) {
                const auto territory = QLocale::codeToTerritory(QString::fromStdString(text));
                text = QLocale::territoryToString(territory).toStdString();
            }
            cells.push_back(text);
        }
    }
    return rows;
}

} // namespace

TEST(CustomerListExporter, theFileMenuAndToolbarOfferExport)
{
    ExportWorkspace w;
    auto* action = w.window->findChild<QAction*>(QStringLiteral("exportCustomersAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+E")));
    bool inFileMenu = false;
    for (auto* menu : w.window->menuBar()->findChildren<QMenu*>()) {
        inFileMenu = inFileMenu || (menu->title() == QStringLiteral("&File") && menu->actions().contains(action));
    }
    EXPECT_TRUE(inFileMenu);
    EXPECT_GE(action->associatedObjects().size(), 2);  // the menu and the toolbar
}

TEST(CustomerListExporter, exportsTheFilteredRowsAndVisibleColumnsInScreenOrderOffTheGuiThread)
{
    ExportWorkspace w;
    auto* table = w.customerTable();
    ASSERT_NE(table, nullptr);
    const int all = w.window->customerModel()->rowCount();
    w.window->search(QStringLiteral("a"));
    table->sortByColumn(app::CustomerTableModel::City, Qt::DescendingOrder);
    // The user hid Kind and moved Owner first.
    table->horizontalHeader()->hideSection(app::CustomerTableModel::Kind);
    table->horizontalHeader()->moveSection(table->horizontalHeader()->visualIndex(app::CustomerTableModel::Owner), 0);
    const int shown = w.window->customerModel()->rowCount();
    ASSERT_GT(shown, 2);
    ASSERT_LT(shown, all);  // the search narrows the list: the file must follow it

    const auto path = w.dir.file("list.csv");
    writeFile(path, "previous");
    ASSERT_TRUE(w.window->customerExporter()->exportTo(QString::fromStdString(path.string()), services::ListFileFormat::Csv,
                                                        cartera::exchange::csvProfile(cartera::exchange::CsvProfileId::ExcelSemicolon)));
    EXPECT_TRUE(w.window->customerExporter()->runner()->running() || readFile(path) != "previous");
    ASSERT_TRUE(w.waitForExport());

    const auto records = cartera::exchange::CsvReader(';').readAll(readFile(path));
    ASSERT_TRUE(records.ok()) << records.error().describe();
    const auto expected = listedRows(*table, app::CustomerTableModel::Country);
    ASSERT_EQ(records.value().size(), static_cast<std::size_t>(shown) + 1);
    EXPECT_EQ(records.value().front().front(), "Owner");
    EXPECT_EQ(records.value(), expected);
    EXPECT_NE(w.window->message().indexOf(QStringLiteral("Open folder")), -1) << w.window->message().toStdString();
    EXPECT_NE(w.window->message().indexOf(QLocale().toString(shown)), -1) << w.window->message().toStdString();
}

TEST(CustomerListExporter, anUnwritableFileIsReportedInTheMessageBar)
{
    ExportWorkspace w;
    const auto path = w.dir.file("missing") / "list.xlsx";
    ASSERT_TRUE(w.window->customerExporter()->exportTo(QString::fromStdString(path.string()), services::ListFileFormat::Xlsx,
                                                        cartera::exchange::csvProfile(cartera::exchange::CsvProfileId::ExcelComma)));
    EXPECT_FALSE(w.waitForExport());
    EXPECT_NE(w.window->message().indexOf(QStringLiteral("folder does not exist")), -1) << w.window->message().toStdString();
    EXPECT_TRUE(w.window->findChild<QAction*>(QStringLiteral("exportCustomersAction"))->isEnabled());
}

TEST(ExportDialog, offersTheThreeProfilesForCsvOnlyAndFollowsTheFormatInTheFileName)
{
    ExportWorkspace w;
    const auto request = w.window->customerExporter()->currentRequest();
    app::ExportDialog dialog(request, 400);
    auto* format = dialog.findChild<QComboBox*>(QStringLiteral("exportFormat"));
    auto* profile = dialog.findChild<QComboBox*>(QStringLiteral("exportProfile"));
    ASSERT_TRUE(format && profile);
    EXPECT_EQ(profile->count(), 3);
    dialog.setPath(QStringLiteral("/tmp/out/customers.csv"));
    profile->setCurrentIndex(1);
    auto chosen = request;
    dialog.apply(chosen);
    EXPECT_EQ(chosen.profile.delimiter, ';');
    EXPECT_EQ(chosen.format, services::ListFileFormat::Csv);
    format->setCurrentIndex(1);
    EXPECT_FALSE(profile->isEnabled());
    EXPECT_EQ(dialog.path(), QStringLiteral("/tmp/out/customers.xlsx"));
    dialog.apply(chosen);
    EXPECT_EQ(chosen.format, services::ListFileFormat::Xlsx);
    EXPECT_EQ(chosen.path, std::filesystem::path("/tmp/out/customers.xlsx"));
    EXPECT_NE(dialog.findChild<QLabel*>(QStringLiteral("exportSummary"))->text().indexOf(QStringLiteral("Code, Name")), -1);
    format->setCurrentIndex(0);
    profile->setCurrentIndex(1);
    dialog.grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/export-dialog.png"));  // for a person to look at
}
