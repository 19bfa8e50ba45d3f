#include "services/portfolio_analysis_service.h"

#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "services/portfolio_report.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

using namespace cartera::domain;
using namespace cartera::services;
using cartera::testing::TempDir;

namespace {

/// A 400-account demo portfolio as of 2026-06-30, shared by the tests (read only).
class PortfolioAnalysisServiceTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir = new TempDir;
        DemoOptions options;
        options.customers = 400;
        options.seed = 11;
        options.asOf = Date(2026, 6, 30);
        ASSERT_TRUE(createDemoPortfolioFile(dir->file("demo.db"), options, false).ok());
    }
    static void TearDownTestSuite()
    {
        delete dir;
        dir = nullptr;
    }

    void SetUp() override
    {
        portfolio = std::move(Portfolio::open(dir->file("demo.db"), cartera::storage::OpenMode::ReadWrite).value());
    }

    PortfolioAnalysis analyse(PortfolioLayout layout, MonthRange period = MonthRange::between(202507, 202606).value())
    {
        PortfolioRequest request;
        request.period = period;
        request.layout = layout;
        auto analysis = PortfolioAnalysisService(*portfolio).analyse(request);
        EXPECT_TRUE(analysis.ok()) << (analysis.ok() ? "" : analysis.error().describe());
        return std::move(analysis.value());
    }

    /// Revenue per key straight from the order lines, for listed accounts: what a breakdown must
    /// add up to. keySql is an expression over customer c and product p.
    std::map<std::string, std::int64_t> revenueFromLines(const std::string& keySql, int from, int to)
    {
        auto s = portfolio->database().prepare(
            "SELECT " + keySql +
            ", SUM(l.quantity * l.unit_price - (l.quantity * l.unit_price / 10000) * l.discount_bp"
            " - ((l.quantity * l.unit_price % 10000) * l.discount_bp + 4999) / 10000)"
            " FROM sales_order AS o JOIN order_line AS l ON l.order_id = o.id JOIN product AS p ON p.id = l.product_id"
            " JOIN customer AS c ON c.id = o.customer_id"
            " WHERE o.status <> 'cancelled' AND c.archived_on IS NULL"
            "   AND CAST(strftime('%Y%m', o.order_date) AS INTEGER) BETWEEN ?1 AND ?2 GROUP BY 1");
        s.bind(1, from).bind(2, to);
        std::map<std::string, std::int64_t> result;
        while (s.step()) {
            result[s.text(0)] = s.int64(1);
        }
        return result;
    }

    static TempDir* dir;
    std::unique_ptr<Portfolio> portfolio;
};

TempDir* PortfolioAnalysisServiceTest::dir = nullptr;

} // namespace

TEST_F(PortfolioAnalysisServiceTest, revenueByCountryAndByCategoryMatchesTheOrderLines)
{
    const auto byCountry = analyse({PortfolioDimension::Country, std::nullopt});
    const auto expected = revenueFromLines("c.country", 202507, 202606);
    ASSERT_GE(byCountry.breakdown.rowCount(), 5);
    ASSERT_EQ(static_cast<std::size_t>(byCountry.breakdown.rowCount()), expected.size());
    for (int r = 0; r < byCountry.breakdown.rowCount(); ++r) {
        EXPECT_EQ(byCountry.breakdown.at({r, -1}).revenue, expected.at(byCountry.rowKey(r))) << byCountry.rowKey(r);
    }
    EXPECT_FALSE(byCountry.data->byCategory);  // read from customer_month

    const auto byCategory = analyse({PortfolioDimension::Category, PortfolioDimension::Country});
    EXPECT_TRUE(byCategory.data->byCategory);
    const auto perCategory = revenueFromLines("p.category_id", 202507, 202606);
    const auto categoryCountry = revenueFromLines("p.category_id || '/' || c.country", 202507, 202606);
    std::map<std::string, std::string> categoryIds;
    for (const auto& category : portfolio->products().categories()) {
        categoryIds[category.name] = std::to_string(category.id);
    }
    ASSERT_EQ(static_cast<std::size_t>(byCategory.breakdown.rowCount()), perCategory.size());
    for (int r = 0; r < byCategory.breakdown.rowCount(); ++r) {
        const auto& id = categoryIds.at(byCategory.rowKey(r));
        EXPECT_EQ(byCategory.breakdown.at({r, -1}).revenue, perCategory.at(id)) << byCategory.rowKey(r);
        for (int c = 0; c < byCategory.breakdown.columnCount(); ++c) {
            const auto found = categoryCountry.find(id + "/" + byCategory.columnKey(c));
            EXPECT_EQ(byCategory.breakdown.at({r, c}).revenue, found == categoryCountry.end() ? 0 : found->second);
        }
    }
    EXPECT_EQ(byCategory.breakdown.total.revenue, byCountry.breakdown.total.revenue);
    EXPECT_EQ(byCategory.breakdown.total.customers, byCountry.breakdown.total.customers);
    // A customer buys in several categories: the categories' customers add up to more than the total.
    std::int64_t categoryCustomers = 0;
    for (int r = 0; r < byCategory.breakdown.rowCount(); ++r) {
        categoryCustomers += byCategory.breakdown.at({r, -1}).customers;
    }
    EXPECT_GT(categoryCustomers, byCategory.breakdown.total.customers);
}

TEST_F(PortfolioAnalysisServiceTest, theDemoHasRetentionGrowthAndProfitabilityToShow)
{
    const auto analysis = analyse({PortfolioDimension::Channel, std::nullopt});
    const auto& b = analysis.breakdown;
    ASSERT_TRUE(b.lifetimeBasisPoints);
    EXPECT_GT(*b.lifetimeBasisPoints, 10000);
    EXPECT_LE(*b.lifetimeBasisPoints, 100000);
    EXPECT_GT(b.retention.churned, 0);
    ASSERT_TRUE(b.total.clv);
    EXPECT_GT(*b.total.clv, b.total.margin() / b.total.customers);  // more than a year's margin
    ASSERT_TRUE(b.total.growthPercent());
    ASSERT_TRUE(b.mostProfitable);
    ASSERT_TRUE(b.leastProfitable);
    EXPECT_NE(*b.mostProfitable, *b.leastProfitable);
    EXPECT_GT(b.at(*b.mostProfitable).marginPercent(), b.at(*b.leastProfitable).marginPercent());
}

TEST_F(PortfolioAnalysisServiceTest, rearrangeReusesTheDataUnlessCategoriesAreNeeded)
{
    PortfolioAnalysisService service(*portfolio);
    const auto byCountry = analyse({PortfolioDimension::Country, std::nullopt});
    const auto byChannel = service.rearrange(byCountry, {PortfolioDimension::Channel, PortfolioDimension::Country});
    ASSERT_TRUE(byChannel.ok());
    EXPECT_EQ(byChannel.value().data.get(), byCountry.data.get());
    EXPECT_EQ(byChannel.value().request.layout.rows, PortfolioDimension::Channel);
    EXPECT_EQ(byChannel.value().breakdown.total, byCountry.breakdown.total);

    const auto byCategory = service.rearrange(byCountry, {PortfolioDimension::Category, std::nullopt});
    ASSERT_TRUE(byCategory.ok());
    EXPECT_NE(byCategory.value().data.get(), byCountry.data.get());
    EXPECT_TRUE(byCategory.value().data->byCategory);
    // Data read by category serves every other layout too.
    const auto back = service.rearrange(byCategory.value(), {PortfolioDimension::Country, std::nullopt});
    EXPECT_EQ(back.value().data.get(), byCategory.value().data.get());
    EXPECT_EQ(back.value().breakdown.rowTotals, byCountry.breakdown.rowTotals);

    PortfolioRequest same;
    same.layout = {PortfolioDimension::Country, PortfolioDimension::Country};
    EXPECT_FALSE(service.analyse(same).ok());
}

TEST_F(PortfolioAnalysisServiceTest, theCustomersBehindACellAddUpToIt)
{
    PortfolioAnalysisService service(*portfolio);
    const auto analysis = analyse({PortfolioDimension::Country, PortfolioDimension::Category});
    const PortfolioCellRef cell{0, 0};
    const auto& figures = analysis.breakdown.at(cell);
    ASSERT_GT(figures.customers, 0);
    const auto rows = service.customers(analysis, cell);
    ASSERT_TRUE(rows.ok());
    std::int64_t revenue = 0;
    std::int64_t active = 0;
    for (const auto& row : rows.value()) {
        revenue += row.figures.revenue;
        active += row.figures.customers;
        EXPECT_FALSE(row.code.empty());
        EXPECT_FALSE(row.name.empty());
        const auto customer = portfolio->customers().find(row.id);
        ASSERT_TRUE(customer);
        EXPECT_EQ(customer->code, row.code);
        EXPECT_EQ(customer->country, analysis.rowKey(0));
    }
    EXPECT_EQ(revenue, figures.revenue);
    EXPECT_EQ(active, figures.customers);
    for (std::size_t i = 1; i < rows.value().size(); ++i) {
        EXPECT_GE(rows.value()[i - 1].figures.revenue, rows.value()[i].figures.revenue);
    }
    // A page of the same list.
    const auto page = service.customers(analysis, cell, 2, 3);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page.value().size(), std::min<std::size_t>(3, rows.value().size() - 2));
    EXPECT_EQ(page.value()[0].id, rows.value()[2].id);
}

TEST_F(PortfolioAnalysisServiceTest, reportTablesForTheCliAndTheExports)
{
    const auto currency = CurrencyCode{};
    const auto byChannel = analyse({PortfolioDimension::Channel, std::nullopt});
    const auto table = portfolioTable(byChannel, PortfolioMeasure::Revenue, currency);
    EXPECT_EQ(table.columns(), (std::vector<std::string>{"channel", "revenue", "margin", "margin_pct", "customers",
                                                         "prior_revenue", "prior_customers", "growth", "clv",
                                                         "profitability"}));
    ASSERT_EQ(table.rows().size(), static_cast<std::size_t>(byChannel.breakdown.rowCount() + 1));
    EXPECT_EQ(std::get<std::string>(table.rows().front()[0]), "direct");
    EXPECT_EQ(std::get<std::string>(table.rows().back()[0]), "total");
    EXPECT_EQ(std::get<Money>(table.rows().back()[1]).minor, byChannel.breakdown.total.revenue);
    int most = 0;
    int least = 0;
    for (const auto& row : table.rows()) {
        most += std::get<std::string>(row.back()) == "most" ? 1 : 0;
        least += std::get<std::string>(row.back()) == "least" ? 1 : 0;
    }
    EXPECT_EQ(most, 1);
    EXPECT_EQ(least, 1);

    const auto cross = analyse({PortfolioDimension::Country, PortfolioDimension::Channel});
    const auto crossTable = portfolioTable(cross, PortfolioMeasure::Customers, currency);
    ASSERT_EQ(crossTable.columns().size(), static_cast<std::size_t>(cross.breakdown.columnCount() + 2));
    EXPECT_EQ(crossTable.columns().back(), "total");
    EXPECT_EQ(std::get<std::int64_t>(crossTable.rows().back().back()), cross.breakdown.total.customers);
    const auto growth = portfolioTable(cross, PortfolioMeasure::Growth, currency);
    EXPECT_EQ(std::get<cartera::exchange::Decimal>(growth.rows().back().back()).scaled, *cross.breakdown.total.growthPercent());

    const auto list = portfolioCellList(cross, currency);
    EXPECT_EQ(list.columns()[0], "country");
    EXPECT_EQ(list.columns()[1], "channel");

    // Exports: CSV with a byte order mark, XLSX as a zip.
    TempDir out;
    ASSERT_TRUE(exportReportTable(crossTable, out.file("cross.csv"), ListFileFormat::Csv, "Portfolio").ok());
    std::ifstream csv(out.file("cross.csv"), std::ios::binary);
    std::stringstream text;
    text << csv.rdbuf();
    EXPECT_EQ(text.str().substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_NE(text.str().find("country,"), std::string::npos);
    ASSERT_TRUE(exportReportTable(crossTable, out.file("cross.xlsx"), ListFileFormat::Xlsx, "Portfolio").ok());
    std::ifstream xlsx(out.file("cross.xlsx"), std::ios::binary);
    char magic[2] = {};
    xlsx.read(magic, 2);
    EXPECT_EQ(std::string(magic, 2), "PK");
    EXPECT_FALSE(exportReportTable(crossTable, out.file("missing/cross.csv"), ListFileFormat::Csv, "P").ok());
}
