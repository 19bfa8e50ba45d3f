#include "services/portfolio_report.h"

#include "exchange/csv_writer.h"
#include "exchange/xlsx_writer.h"

#include <fstream>
#include <system_error>

namespace cartera::services {

namespace fs = std::filesystem;
using namespace cartera::domain;
using exchange::Cell;

namespace {

constexpr PortfolioMeasure kListedMeasures[] = {PortfolioMeasure::Revenue, PortfolioMeasure::Margin,
                                                PortfolioMeasure::MarginPercent, PortfolioMeasure::Customers};

std::vector<std::string> measureColumns()
{
    return {"revenue", "margin", "margin_pct", "customers", "prior_revenue", "prior_customers", "growth", "clv"};
}

void addMeasures(std::vector<Cell>& row, const PortfolioFigures& figures, const CurrencyCode& currency)
{
    for (const auto measure : kListedMeasures) {
        row.push_back(measureCell(figures, measure, currency));
    }
    row.emplace_back(Money{figures.priorRevenue, currency});
    row.emplace_back(figures.priorCustomers);
    row.push_back(measureCell(figures, PortfolioMeasure::Growth, currency));
    row.push_back(measureCell(figures, PortfolioMeasure::Clv, currency));
}

std::string profitability(const PortfolioBreakdown& breakdown, const PortfolioCellRef& ref)
{
    if (breakdown.mostProfitable == ref) {
        return "most";
    }
    if (breakdown.leastProfitable == ref) {
        return "least";
    }
    return {};
}

std::string dimensionCode(PortfolioDimension d)
{
    return std::string(kPortfolioDimensionCodes.code(d));
}

} // namespace

Cell measureCell(const PortfolioFigures& figures, PortfolioMeasure measure, const CurrencyCode& currency)
{
    const auto value = figures.value(measure);
    if (!value) {
        return std::monostate{};
    }
    switch (unitOf(measure)) {
    case MeasureUnit::Money:
        return Money{*value, currency};
    case MeasureUnit::Percent:
        return exchange::Decimal{*value, 2};
    case MeasureUnit::Count:
        break;
    }
    return *value;
}

exchange::ReportTable portfolioTable(const PortfolioAnalysis& analysis, PortfolioMeasure measure,
                                     const CurrencyCode& currency)
{
    const auto& breakdown = analysis.breakdown;
    if (!breakdown.layout.columns) {
        std::vector<std::string> columns{dimensionCode(breakdown.layout.rows)};
        for (auto& name : measureColumns()) {
            columns.push_back(std::move(name));
        }
        columns.emplace_back("profitability");
        exchange::ReportTable table(std::move(columns));
        for (int r = 0; r < breakdown.rowCount(); ++r) {
            std::vector<Cell> row{analysis.rowKey(r)};
            addMeasures(row, breakdown.at({r, -1}), currency);
            row.emplace_back(profitability(breakdown, {r, -1}));
            table.addRow(std::move(row));
        }
        std::vector<Cell> total{std::string(kTotalKey)};
        addMeasures(total, breakdown.total, currency);
        total.emplace_back(std::string());
        table.addRow(std::move(total));
        return table;
    }
    std::vector<std::string> columns{dimensionCode(breakdown.layout.rows)};
    for (int c = 0; c < breakdown.columnCount(); ++c) {
        columns.push_back(analysis.columnKey(c));
    }
    columns.emplace_back(kTotalKey);
    exchange::ReportTable table(std::move(columns));
    for (int r = 0; r <= breakdown.rowCount(); ++r) {
        const int row = r < breakdown.rowCount() ? r : -1;  // the total row last
        std::vector<Cell> cells{row >= 0 ? analysis.rowKey(row) : std::string(kTotalKey)};
        for (int c = 0; c < breakdown.columnCount(); ++c) {
            cells.push_back(measureCell(breakdown.at({row, c}), measure, currency));
        }
        cells.push_back(measureCell(breakdown.at({row, -1}), measure, currency));
        table.addRow(std::move(cells));
    }
    return table;
}

exchange::ReportTable portfolioCellList(const PortfolioAnalysis& analysis, const CurrencyCode& currency)
{
    const auto& breakdown = analysis.breakdown;
    if (!breakdown.layout.columns) {
        return portfolioTable(analysis, PortfolioMeasure::Revenue, currency);
    }
    std::vector<std::string> columns{dimensionCode(breakdown.layout.rows), dimensionCode(*breakdown.layout.columns)};
    for (auto& name : measureColumns()) {
        columns.push_back(std::move(name));
    }
    columns.emplace_back("profitability");
    exchange::ReportTable table(std::move(columns));
    for (int r = 0; r < breakdown.rowCount(); ++r) {
        for (int c = 0; c < breakdown.columnCount(); ++c) {
            const auto& figures = breakdown.at({r, c});
            if (figures.empty()) {
                continue;
            }
            std::vector<Cell> row{analysis.rowKey(r), analysis.columnKey(c)};
            addMeasures(row, figures, currency);
            row.emplace_back(profitability(breakdown, {r, c}));
            table.addRow(std::move(row));
        }
    }
    return table;
}

exchange::ReportTable portfolioCustomerTable(const std::vector<PortfolioCustomerRow>& rows, const CurrencyCode& currency)
{
    exchange::ReportTable table({"code", "name", "revenue", "margin", "margin_pct", "prior_revenue", "growth", "clv"});
    for (const auto& customer : rows) {
        const auto& f = customer.figures;
        table.addRow({customer.code, customer.name, measureCell(f, PortfolioMeasure::Revenue, currency),
                      measureCell(f, PortfolioMeasure::Margin, currency),
                      measureCell(f, PortfolioMeasure::MarginPercent, currency), Money{f.priorRevenue, currency},
                      measureCell(f, PortfolioMeasure::Growth, currency), measureCell(f, PortfolioMeasure::Clv, currency)});
    }
    return table;
}

exchange::ReportTable portfolioRetentionTable(const PortfolioAnalysis& analysis)
{
    const auto& period = analysis.data->period;
    const auto lastYear = MonthRange::twelveMonthsEndingWith(Date(period.toMonth() / 100, static_cast<unsigned>(period.toMonth() % 100), 1));
    const auto yearBefore = priorPeriod(lastYear);
    const auto& retention = analysis.breakdown.retention;
    const auto optionalDecimal = [](std::optional<std::int64_t> value, int digits) -> Cell {
        if (!value) {
            return std::monostate{};
        }
        return exchange::Decimal{*value, digits};
    };
    exchange::ReportTable table({"period", "prior_period", "last_year", "year_before", "bought_year_before",
                                 "churned", "churn_pct", "lifetime_years"});
    table.addRow({period.toString(), analysis.data->prior.toString(), lastYear.toString(), yearBefore.toString(),
                  retention.activeYearBefore, retention.churned, optionalDecimal(retention.churnBasisPoints(), 2),
                  optionalDecimal(retention.lifetimeBasisPoints(), 4)});
    return table;
}

Status exportReportTable(const exchange::ReportTable& table, const fs::path& path, ListFileFormat format,
                         const std::string& sheetName)
{
    if (format == ListFileFormat::Xlsx) {
        return exchange::writeXlsx(table, path, sheetName);
    }
    return exchange::writeCsvFile(path, exchange::csvProfile(exchange::CsvProfileId::ExcelComma),
                                  [&](exchange::CsvWriter& csv) -> Status {
                                      csv.writeHeader(table.columns());
                                      for (const auto& row : table.rows()) {
                                          csv.writeRow(row);
                                      }
                                      return Done{};
                                  });
}

} // namespace cartera::services
