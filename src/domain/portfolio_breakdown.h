#pragma once

#include "domain/error.h"
#include "domain/portfolio_data.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cartera::domain {

/// What a cell of the breakdown shows (docs/portfolio.md says what each means).
enum class PortfolioMeasure : std::uint8_t {
    Revenue,        ///< sales in the period, minor units
    Margin,         ///< gross margin: revenue less the cost of the goods sold, minor units
    MarginPercent,  ///< margin / revenue, hundredths of a percent
    Customers,      ///< customers that ordered in the period
    Growth,         ///< revenue against the prior equal period, hundredths of a percent
    Clv,            ///< average customer lifetime value of the cell's customers, minor units
    Count
};

inline constexpr EnumCodes<PortfolioMeasure, 6> kPortfolioMeasureCodes{{{
    {PortfolioMeasure::Revenue, "revenue"},
    {PortfolioMeasure::Margin, "margin"},
    {PortfolioMeasure::MarginPercent, "margin_pct"},
    {PortfolioMeasure::Customers, "customers"},
    {PortfolioMeasure::Growth, "growth"},
    {PortfolioMeasure::Clv, "clv"},
}}};

/// How a measure's value reads: money in minor units, a count, or hundredths of a percent.
enum class MeasureUnit {
    Money,
    Count,
    Percent,  ///< 3456 = 34.56 %
};

MeasureUnit unitOf(PortfolioMeasure measure);

/// The sums behind one cell (or one total) of a breakdown.
struct PortfolioFigures final {
    std::int64_t revenue = 0;
    std::int64_t cost = 0;
    std::int64_t priorRevenue = 0;
    std::int64_t priorCost = 0;
    std::int64_t customers = 0;       ///< distinct customers that ordered in the period
    std::int64_t priorCustomers = 0;  ///< distinct customers that ordered in the prior period
    /// Average CLV of the customers counted, minor units, rounded half up; nullopt when the
    /// portfolio has no observed retention or the cell has no customers.
    std::optional<std::int64_t> clv;

    [[nodiscard]] std::int64_t margin() const { return revenue - cost; }
    /// Hundredths of a percent; nullopt when revenue is 0 or below.
    [[nodiscard]] std::optional<std::int64_t> marginPercent() const;
    /// (revenue - prior revenue) / prior revenue, hundredths of a percent; nullopt when the prior
    /// revenue is 0 or below (a cell that is new in the period has no growth rate).
    [[nodiscard]] std::optional<std::int64_t> growthPercent() const;
    /// Something to show: sales or customers in the period or the prior period.
    [[nodiscard]] bool empty() const
    {
        return revenue == 0 && cost == 0 && priorRevenue == 0 && priorCost == 0 && customers == 0 &&
               priorCustomers == 0;
    }
    /// The value of measure; nullopt where it is undefined (see above).
    [[nodiscard]] std::optional<std::int64_t> value(PortfolioMeasure measure) const;

    friend bool operator==(const PortfolioFigures&, const PortfolioFigures&) = default;
};

/// Rows, and optionally columns, of a breakdown.
struct PortfolioLayout final {
    PortfolioDimension rows = PortfolioDimension::Country;
    std::optional<PortfolioDimension> columns;

    friend bool operator==(const PortfolioLayout&, const PortfolioLayout&) = default;
};

/// A cell by its position in a breakdown: row and column are indices into
/// PortfolioBreakdown::rows and ::columns, -1 for "all" (row -1: a column's total; column -1: a
/// row's total, or the row itself without columns; both -1: the whole portfolio).
struct PortfolioCellRef final {
    int row = -1;
    int column = -1;

    friend bool operator==(const PortfolioCellRef&, const PortfolioCellRef&) = default;
};

/// The portfolio broken down by one or two dimensions. Only values with figures appear.
struct PortfolioBreakdown final {
    PortfolioLayout layout;
    std::vector<std::int32_t> rows;     ///< value indices of the row dimension, in display order
    std::vector<std::int32_t> columns;  ///< value indices of the column dimension; empty without
    std::vector<PortfolioFigures> cells;         ///< rows x columns, row by row; empty without columns
    std::vector<PortfolioFigures> rowTotals;     ///< per row (all columns)
    std::vector<PortfolioFigures> columnTotals;  ///< per column (all rows)
    PortfolioFigures total;
    /// The cells (or rows, without columns) with the highest and the lowest margin %, among those
    /// with at least 1 % of the revenue (all with revenue when none has); see docs/portfolio.md.
    std::optional<PortfolioCellRef> mostProfitable;
    std::optional<PortfolioCellRef> leastProfitable;
    /// The retention and lifetime the CLV figures used.
    RetentionFigures retention;
    std::optional<std::int64_t> lifetimeBasisPoints;

    /// The figures of a cell, a total or the whole; ref must be within the breakdown.
    [[nodiscard]] const PortfolioFigures& at(const PortfolioCellRef& ref) const;
    /// The data cells a heat map colours: cells with columns, rows without.
    [[nodiscard]] int columnCount() const { return static_cast<int>(columns.size()); }
    [[nodiscard]] int rowCount() const { return static_cast<int>(rows.size()); }
};

/// Breaks data down by layout. Fails when rows and columns are the same dimension, or when the
/// layout uses the category but the data was read without it.
Result<PortfolioBreakdown> breakdownPortfolio(const PortfolioData& data, const PortfolioLayout& layout);

/// True when a breakdown by layout needs the data split by category.
bool needsCategories(const PortfolioLayout& layout);

/// The cell of breakdown whose row key is rowKey and column key columnKey ("" for all); nullopt
/// with no such value among the breakdown's rows or columns.
std::optional<PortfolioCellRef> findCell(const PortfolioData& data, const PortfolioBreakdown& breakdown,
                                         std::string_view rowKey, std::string_view columnKey = {});

/// One customer behind a cell, with its figures in that cell (its sales of the cell's category
/// when the breakdown is by category).
struct PortfolioCustomerFigures final {
    std::uint32_t customer = 0;  ///< index into PortfolioData::customers
    CustomerId id = 0;
    PortfolioFigures figures;  ///< customers is 1 when it ordered in the period, else 0
};

/// The customers behind a cell: every customer with sales in the cell in the period or the prior
/// period, the highest revenue first, then the highest prior revenue, then by id.
std::vector<PortfolioCustomerFigures> customersInCell(const PortfolioData& data, const PortfolioBreakdown& breakdown,
                                                      const PortfolioCellRef& cell);

} // namespace cartera::domain
