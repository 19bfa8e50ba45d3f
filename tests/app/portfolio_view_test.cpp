#include "app/portfolio_view.h"

#include "app/portfolio_customer_model.h"
#include "app/portfolio_pivot_model.h"
#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "support/temp_dir.h"

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QFile>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>

#include <gtest/gtest.h>

namespace services = cartera::services;
namespace storage = cartera::storage;
namespace app = cartera::app;
using namespace cartera::domain;
using cartera::testing::TempDir;

namespace {

/// A Portfolio view over a fresh 300-account demo (three years of orders up to today).
struct PortfolioWorkspace {
    TempDir dir;
    std::unique_ptr<services::Portfolio> portfolio;
    std::unique_ptr<app::PortfolioView> view;

    explicit PortfolioWorkspace(std::int64_t customers = 300)
    {
        services::DemoOptions options;
        options.customers = customers;
        const auto path = dir.file("demo.cartera");
        EXPECT_TRUE(services::createDemoPortfolioFile(path, options, false).ok());
        auto opened = services::Portfolio::open(path, storage::OpenMode::ReadWrite);
        EXPECT_TRUE(opened.ok());
        portfolio = std::move(opened.value());
        view = std::make_unique<app::PortfolioView>(*portfolio);
        view->resize(1400, 860);
    }

    void choose(QComboBox* box, int data) const
    {
        const int index = box->findData(data);
        ASSERT_GE(index, 0);
        box->setCurrentIndex(index);
    }

    void shot(const char* name) const
    {
        // Kept next to the test binary so a person can look at them.
        view->grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/") + QLatin1String(name));
    }

    /// The same analysis through the service, for comparison.
    services::PortfolioAnalysis expected(PortfolioLayout layout) const
    {
        services::PortfolioRequest request;
        request.period = MonthRange::twelveMonthsEndingWith(Date::today());
        request.layout = layout;
        return services::PortfolioAnalysisService(*portfolio).analyse(request).value();
    }
};

int dimension(PortfolioDimension d)
{
    return dimensionIndex(d);
}

/// Model cells with kHighlightRole +1 and -1.
std::pair<int, int> highlights(const app::PortfolioPivotModel& model, QModelIndex* most = nullptr)
{
    int up = 0;
    int down = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c) {
            const int h = model.index(r, c).data(app::PortfolioPivotModel::kHighlightRole).toInt();
            up += h > 0 ? 1 : 0;
            down += h < 0 ? 1 : 0;
            if (h > 0 && most && !most->isValid()) {
                *most = model.index(r, c);
            }
        }
    }
    return {up, down};
}

} // namespace

TEST(PortfolioView, analysesByCountryWithEveryMeasureAndMarksTheMostAndLeastProfitable)
{
    PortfolioWorkspace w;
    auto* model = w.view->pivotModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model->rowCount(), 0);
    ASSERT_TRUE(w.view->analyse()) << w.view->problemLabel()->text().toStdString();
    ASSERT_NE(w.view->analysis(), nullptr);

    const auto expected = w.expected({PortfolioDimension::Country, std::nullopt});
    const auto& b = w.view->analysis()->breakdown;
    EXPECT_EQ(b.total, expected.breakdown.total);
    ASSERT_EQ(model->rowCount(), b.rowCount() + 1);  // and the total row
    EXPECT_EQ(model->columnCount(), 8);
    EXPECT_EQ(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Country"));
    EXPECT_EQ(model->index(model->rowCount() - 1, 0).data().toString(), QStringLiteral("Total"));
    EXPECT_EQ(model->index(model->rowCount() - 1, 1).data(app::PortfolioPivotModel::kSortRole).toLongLong(),
              b.total.revenue);
    // The total row is not shaded; the revenue column of a country is, the other measures are not.
    EXPECT_FALSE(model->index(model->rowCount() - 1, 1).data(Qt::BackgroundRole).isValid());
    EXPECT_TRUE(model->index(0, 1).data(Qt::BackgroundRole).isValid());
    EXPECT_FALSE(model->index(0, 2).data(Qt::BackgroundRole).isValid());

    // One most and one least profitable row, the ones the breakdown names.
    EXPECT_EQ(highlights(*model), std::make_pair(8, 8));  // the whole row: 8 columns
    QModelIndex most;
    highlights(*model, &most);
    ASSERT_TRUE(most.isValid());
    EXPECT_EQ(model->cellAt(most), b.mostProfitable);
    EXPECT_TRUE(model->index(most.row(), 0).data().toString().startsWith(QStringLiteral("▲ ")));

    // Another measure shades another column, without reading again.
    const auto* data = w.view->analysis()->data.get();
    w.choose(w.view->measureChoice(), static_cast<int>(PortfolioMeasure::Growth));
    EXPECT_EQ(w.view->analysis()->data.get(), data);
    EXPECT_FALSE(model->index(0, 1).data(Qt::BackgroundRole).isValid());
    EXPECT_TRUE(model->index(0, 6).data(Qt::BackgroundRole).isValid() ||
                !model->index(0, 6).data(app::PortfolioPivotModel::kSortRole).isValid());

    // The chart has a bar per country.
    auto* chart = w.view->chartView()->chart();
    ASSERT_EQ(chart->series().size(), 1);
    auto* series = qobject_cast<QHorizontalStackedBarSeries*>(chart->series().front());
    ASSERT_NE(series, nullptr);
    EXPECT_EQ(series->barSets().front()->count(), b.rowCount());
    w.shot("portfolio_view_country.png");
}

TEST(PortfolioView, aCrossTableByCategoryReadsCategoriesAndKeepsTheTotalsConsistent)
{
    PortfolioWorkspace w;
    auto* model = w.view->pivotModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(w.view->analyse());
    EXPECT_FALSE(w.view->analysis()->data->byCategory);
    // Categories were not read: choosing them reads again, in the background.
    QSignalSpy finished(w.view.get(), &app::PortfolioView::analysisFinished);
    w.choose(w.view->rowsChoice(), dimension(PortfolioDimension::Category));
    EXPECT_TRUE(w.view->reading());
    EXPECT_FALSE(w.view->rowsChoice()->isEnabled());
    ASSERT_TRUE(finished.wait(20000));
    EXPECT_TRUE(finished.front().front().toBool());
    EXPECT_FALSE(w.view->reading());
    EXPECT_TRUE(w.view->rowsChoice()->isEnabled());
    ASSERT_TRUE(w.view->analysis()->data->byCategory);
    const auto* read = w.view->analysis()->data.get();
    w.choose(w.view->columnsChoice(), dimension(PortfolioDimension::Country));
    EXPECT_FALSE(w.view->reading());  // read by category already
    EXPECT_EQ(w.view->analysis()->data.get(), read);
    const auto& b = w.view->analysis()->breakdown;
    ASSERT_TRUE(b.layout.columns);
    EXPECT_EQ(model->rowCount(), b.rowCount() + 1);
    EXPECT_EQ(model->columnCount(), b.columnCount() + 2);
    EXPECT_EQ(model->headerData(model->columnCount() - 1, Qt::Horizontal).toString(), QStringLiteral("Total"));
    const auto expected = w.expected({PortfolioDimension::Category, PortfolioDimension::Country});
    EXPECT_EQ(b.cells, expected.breakdown.cells);
    // The bottom right is the whole portfolio's revenue; a cell shows its own.
    EXPECT_EQ(model->index(model->rowCount() - 1, model->columnCount() - 1)
                  .data(app::PortfolioPivotModel::kSortRole)
                  .toLongLong(),
              b.total.revenue);
    EXPECT_EQ(model->index(0, 1).data(app::PortfolioPivotModel::kSortRole).toLongLong(), b.at({0, 0}).revenue);
    // Exactly one cell each way, inside the table.
    QModelIndex most;
    EXPECT_EQ(highlights(*model, &most), std::make_pair(1, 1));
    EXPECT_EQ(model->cellAt(most), b.mostProfitable);
    EXPECT_TRUE(most.data().toString().startsWith(QStringLiteral("▲ ")));

    // Rows and columns the same: refused, the table stays.
    w.choose(w.view->columnsChoice(), dimension(PortfolioDimension::Category));
    EXPECT_TRUE(w.view->problemLabel()->isVisibleTo(w.view.get()));
    EXPECT_EQ(w.view->analysis()->breakdown.layout.columns, PortfolioDimension::Country);
    w.choose(w.view->columnsChoice(), dimension(PortfolioDimension::Channel));
    EXPECT_FALSE(w.view->problemLabel()->isVisibleTo(w.view.get()));
    w.choose(w.view->columnsChoice(), dimension(PortfolioDimension::Country));
    w.choose(w.view->measureChoice(), static_cast<int>(PortfolioMeasure::MarginPercent));
    w.shot("portfolio_view_category_country.png");

    // Sorting by the total column, highest first, keeps the total row last.
    model->sort(model->columnCount() - 1, Qt::DescendingOrder);
    for (int r = 1; r + 1 < model->rowCount(); ++r) {
        EXPECT_GE(model->index(r - 1, model->columnCount() - 1).data(app::PortfolioPivotModel::kSortRole).toLongLong(),
                  model->index(r, model->columnCount() - 1).data(app::PortfolioPivotModel::kSortRole).toLongLong());
    }
    EXPECT_EQ(model->index(model->rowCount() - 1, 0).data().toString(), QStringLiteral("Total"));
}

TEST(PortfolioView, selectingACellListsItsCustomersWhoOpenOnActivation)
{
    PortfolioWorkspace w;
    w.choose(w.view->columnsChoice(), dimension(PortfolioDimension::Channel));
    ASSERT_TRUE(w.view->analyse());
    auto* customers = w.view->customerModel();
    QAbstractItemModelTester tester(customers, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // The view opens on the most profitable cell.
    EXPECT_EQ(w.view->drilledCell(), w.view->analysis()->breakdown.mostProfitable);

    // Clicking a cell of the table lists the customers behind it.
    auto* pivot = w.view->pivotView();
    const auto index = w.view->pivotModel()->index(0, 1);
    pivot->setCurrentIndex(index);
    const PortfolioCellRef cell{0, 0};
    ASSERT_EQ(w.view->drilledCell(), cell);
    const auto& figures = w.view->analysis()->breakdown.at(cell);
    ASSERT_GT(customers->rowCount(), 0);
    std::int64_t revenue = 0;
    std::int64_t bought = 0;
    for (int r = 0; r < customers->rowCount(); ++r) {
        revenue += customers->index(r, app::PortfolioCustomerModel::Revenue)
                       .data(app::PortfolioCustomerModel::kSortRole)
                       .toLongLong();
        bought += customers->customers()[static_cast<std::size_t>(r)].figures.customers;
        EXPECT_FALSE(customers->index(r, app::PortfolioCustomerModel::Code).data().toString().isEmpty());
    }
    EXPECT_EQ(revenue, figures.revenue);
    EXPECT_EQ(bought, figures.customers);
    EXPECT_TRUE(w.view->customersLabel()->text().contains(QString::number(figures.customers)));
    // The customers are those of the row's country and the column's channel.
    const auto firstId = customers->index(0, 0).data(app::PortfolioCustomerModel::kCustomerIdRole).toLongLong();
    const auto first = w.portfolio->customers().find(firstId);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->country, w.view->analysis()->rowKey(0));
    EXPECT_EQ(std::string(kSalesChannelCodes.code(first->channel)), w.view->analysis()->columnKey(0));
    EXPECT_EQ(customers->index(0, app::PortfolioCustomerModel::Code).data().toString().toStdString(), first->code);

    QSignalSpy selected(w.view.get(), &app::PortfolioView::customerSelected);
    QSignalSpy activated(w.view.get(), &app::PortfolioView::customerActivated);
    w.view->customerView()->setCurrentIndex(customers->index(0, 0));
    ASSERT_EQ(selected.count(), 1);
    EXPECT_EQ(selected.front().front().value<CustomerId>(), firstId);
    emit w.view->customerView()->activated(customers->index(0, 1));
    ASSERT_EQ(activated.count(), 1);
    EXPECT_EQ(activated.front().front().value<CustomerId>(), firstId);

    // Sorting the customers by CLV, highest first.
    customers->sort(app::PortfolioCustomerModel::Clv, Qt::DescendingOrder);
    for (int r = 1; r < customers->rowCount(); ++r) {
        const auto before = customers->index(r - 1, app::PortfolioCustomerModel::Clv).data(app::PortfolioCustomerModel::kSortRole);
        const auto after = customers->index(r, app::PortfolioCustomerModel::Clv).data(app::PortfolioCustomerModel::kSortRole);
        if (before.isValid() && after.isValid()) {
            EXPECT_GE(before.toLongLong(), after.toLongLong());
        }
        EXPECT_FALSE(!before.isValid() && after.isValid()) << "undefined CLV before a defined one";
    }

    // The total cell lists everyone.
    ASSERT_TRUE(w.view->showCustomersOf({-1, -1}));
    EXPECT_GE(customers->rowCount(), w.view->analysis()->breakdown.total.customers);
    EXPECT_FALSE(w.view->showCustomersOf({999, 0}));
}

TEST(PortfolioView, theAnalyseButtonReadsInTheBackground)
{
    PortfolioWorkspace w;
    QSignalSpy finished(w.view.get(), &app::PortfolioView::analysisFinished);
    ASSERT_TRUE(w.view->analyseInBackground());
    EXPECT_FALSE(w.view->analyseInBackground());  // one read at a time
    EXPECT_FALSE(w.view->analyse());
    ASSERT_TRUE(finished.wait(20000));
    ASSERT_NE(w.view->analysis(), nullptr);
    EXPECT_EQ(w.view->analysis()->breakdown.total, w.expected({PortfolioDimension::Country, std::nullopt}).breakdown.total);
    EXPECT_GT(w.view->pivotModel()->rowCount(), 2);
    EXPECT_GT(w.view->customerModel()->rowCount(), 0);

    // A view closed while it reads waits for the reader, and nothing is shown afterwards.
    ASSERT_TRUE(w.view->analyseInBackground());
    w.view.reset();
    QCoreApplication::processEvents();
}

TEST(PortfolioView, periodChoicesAndExport)
{
    PortfolioWorkspace w;
    // A month range reaching past the demo's orders is fine; one running backwards is refused.
    w.choose(w.view->periodChoice(), 2);
    w.view->fromEdit()->setDate(QDate::currentDate().addMonths(-2));
    w.view->toEdit()->setDate(QDate::currentDate().addMonths(-5));
    EXPECT_FALSE(w.view->analyse());
    EXPECT_TRUE(w.view->problemLabel()->text().contains(QStringLiteral("after")));
    w.view->fromEdit()->setDate(QDate::currentDate().addMonths(-5));
    w.view->toEdit()->setDate(QDate::currentDate().addMonths(-2));
    ASSERT_TRUE(w.view->analyse());
    EXPECT_EQ(w.view->analysis()->data->period.monthCount(), 4);
    EXPECT_EQ(w.view->analysis()->data->prior.monthCount(), 4);
    // A year without orders: an empty table that says so.
    w.choose(w.view->periodChoice(), 1);
    w.view->yearEdit()->setValue(1990);
    ASSERT_TRUE(w.view->analyse());
    EXPECT_EQ(w.view->pivotModel()->rowCount(), 0);
    EXPECT_TRUE(w.view->captionLabel()->text().contains(QStringLiteral("No sales")));

    w.choose(w.view->periodChoice(), 0);
    ASSERT_TRUE(w.view->analyse());
    TempDir out;
    const auto csv = QString::fromStdString(out.file("portfolio.csv").string());
    ASSERT_TRUE(w.view->exportTable(csv).ok());
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto header = file.readLine();
    EXPECT_TRUE(header.contains("country,revenue,margin,margin_pct,customers,prior_revenue,prior_customers,growth,clv,"
                                "profitability"))
        << header.toStdString();
    ASSERT_TRUE(w.view->exportTable(QString::fromStdString(out.file("portfolio.xlsx").string())).ok());
    EXPECT_FALSE(w.view->exportTable(QString::fromStdString(out.file("portfolio.txt").string())).ok());
}
