#pragma once

#include "domain/money.h"
#include "exchange/report_table.h"
#include "services/abc_export.h"
#include "services/portfolio_analysis_service.h"

#include <filesystem>

namespace cartera::services {

/// The key written for a total row or column.
inline constexpr std::string_view kTotalKey = "total";

/// The breakdown as `cartera-cli portfolio` writes it and the Portfolio view exports it:
/// - rows only: one row per value with every measure (revenue, margin, margin_pct, customers,
///   prior_revenue, prior_customers, growth, clv) and profitability ("most", "least" or empty),
///   then a total row;
/// - rows and columns: a cross table of measure, one column per column value and a total column,
///   then a total row.
/// Money in the portfolio currency, percentages with two decimals, undefined values empty.
exchange::ReportTable portfolioTable(const PortfolioAnalysis& analysis, domain::PortfolioMeasure measure,
                                     const domain::CurrencyCode& currency);

/// One row per cell of a two-dimension breakdown (row value, column value, every measure,
/// profitability); the same as portfolioTable for rows only.
exchange::ReportTable portfolioCellList(const PortfolioAnalysis& analysis, const domain::CurrencyCode& currency);

/// The customers behind a cell: code, name, and the customer's revenue, margin, margin_pct,
/// prior_revenue, growth and clv in that cell.
exchange::ReportTable portfolioCustomerTable(const std::vector<PortfolioCustomerRow>& rows,
                                             const domain::CurrencyCode& currency);

/// What CLV's expected lifetime comes from: the period and prior period, the two 12-month windows
/// retention is observed over (ending with the period's last month), the customers that bought
/// in the year before, those of them that churned, the churn rate in % and the lifetime in years
/// (1 / churn rate, capped at 10). One row.
exchange::ReportTable portfolioRetentionTable(const PortfolioAnalysis& analysis);

/// A measure's value as a report cell: money, a count, or a percentage with two decimals; empty
/// when undefined.
exchange::Cell measureCell(const domain::PortfolioFigures& figures, domain::PortfolioMeasure measure,
                           const domain::CurrencyCode& currency);

/// Writes table to path as CSV (UTF-8 with a byte order mark, formula-safe) or XLSX (one sheet
/// named sheetName); the file appears complete or not at all.
domain::Status exportReportTable(const exchange::ReportTable& table, const std::filesystem::path& path,
                                 ListFileFormat format, const std::string& sheetName);

} // namespace cartera::services
