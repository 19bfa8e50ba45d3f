#include "app/customer_table_model.h"

#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "support/temp_dir.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

#include <set>

namespace services = cartera::services;
namespace storage = cartera::storage;
namespace domain = cartera::domain;
namespace app = cartera::app;
using cartera::testing::TempDir;

namespace {

std::unique_ptr<services::Portfolio> demoPortfolio(const TempDir& dir, std::int64_t customers)
{
    services::DemoOptions options;
    options.customers = customers;
    options.asOf = domain::Date(2026, 6, 30);
    const auto path = dir.file("demo.cartera");
    EXPECT_TRUE(services::createDemoPortfolioFile(path, options, false).ok());
    auto opened = services::Portfolio::open(path, storage::OpenMode::ReadWrite);
    EXPECT_TRUE(opened.ok());
    return std::move(opened.value());
}

} // namespace

TEST(CustomerTableModel, pagesThroughEveryCustomerOnceInNameOrder)
{
    TempDir dir;
    auto portfolio = demoPortfolio(dir, 700);  // more rows than several pages
    app::CustomerTableModel model(*portfolio);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    ASSERT_EQ(model.rowCount(), 700);
    std::set<qlonglong> ids;
    QString previous;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.insert(model.index(row, 0).data(app::CustomerTableModel::kCustomerIdRole).toLongLong());
        const QString name = model.index(row, app::CustomerTableModel::Name).data().toString();
        EXPECT_LE(QString::compare(previous, name, Qt::CaseInsensitive), 0) << "row " << row;
        previous = name;
    }
    EXPECT_EQ(ids.size(), 700u);
}

TEST(CustomerTableModel, filterAndSortChangeTheRows)
{
    TempDir dir;
    auto portfolio = demoPortfolio(dir, 300);
    app::CustomerTableModel model(*portfolio);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    domain::CustomerFilter prospects;
    prospects.kind = domain::CustomerKind::Prospect;
    model.setFilter(prospects);
    ASSERT_GT(model.rowCount(), 0);
    EXPECT_LT(model.rowCount(), 300);
    EXPECT_EQ(model.rowCount(), portfolio->customers().count(prospects));
    for (int row = 0; row < model.rowCount(); ++row) {
        EXPECT_EQ(model.index(row, app::CustomerTableModel::Kind).data().toString(), QStringLiteral("Prospect"));
    }

    model.setFilter({});
    model.sort(app::CustomerTableModel::Code, Qt::DescendingOrder);
    EXPECT_EQ(model.index(0, app::CustomerTableModel::Code).data().toString(), QStringLiteral("C0000300"));
    EXPECT_EQ(model.index(299, app::CustomerTableModel::Code).data().toString(), QStringLiteral("C0000001"));
}
