#pragma once

#include "domain/error.h"
#include "domain/month_range.h"
#include "domain/portfolio_breakdown.h"
#include "domain/portfolio_data.h"
#include "storage/customer_repository.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <vector>

namespace cartera::services {

class Portfolio;

/// What to analyse: the period (the prior period is the equal number of months before it), the
/// dimensions of the rows and optional columns, and whether archived accounts count.
struct PortfolioRequest final {
    domain::MonthRange period;
    domain::PortfolioLayout layout;
    bool includeArchived = false;

    friend bool operator==(const PortfolioRequest&, const PortfolioRequest&) = default;
};

/// An analysis: the data read for the period, and its breakdown by the request's layout. The
/// data is shared, so another layout of the same period (rearrange) costs no read.
struct PortfolioAnalysis final {
    PortfolioRequest request;
    std::shared_ptr<const domain::PortfolioData> data;
    domain::PortfolioBreakdown breakdown;

    /// The key of a row or column of the breakdown ("FR", "direct", "Furniture").
    [[nodiscard]] const std::string& rowKey(int row) const;
    [[nodiscard]] const std::string& columnKey(int column) const;
};

/// A customer behind a cell, with its code and name.
struct PortfolioCustomerRow final {
    domain::CustomerId id = 0;
    std::string code;
    std::string name;
    domain::PortfolioFigures figures;
};

/// Portfolio analysis (docs/portfolio.md): revenue, margin, customers, growth and customer
/// lifetime value by one or two dimensions, and the customers behind any cell. Every call returns
/// an Error instead of throwing.
class PortfolioAnalysisService final {
public:
    explicit PortfolioAnalysisService(Portfolio& portfolio) : m_portfolio(portfolio) {}

    /// Reads the period's figures (split by category only when the layout needs it) and breaks
    /// them down.
    domain::Result<PortfolioAnalysis> analyse(const PortfolioRequest& request);
    /// The same as analyse, on a read-only connection of its own to the portfolio file at path:
    /// what a thread other than the one that uses the portfolio (the app's GUI thread) calls.
    static domain::Result<PortfolioAnalysis> analyseFile(const std::filesystem::path& path,
                                                         const PortfolioRequest& request);
    /// The same data broken down by another layout, without reading it again, unless the new
    /// layout needs categories that the data was read without.
    domain::Result<PortfolioAnalysis> rearrange(const PortfolioAnalysis& analysis, const domain::PortfolioLayout& layout);

    /// The customers behind a cell (see domain::customersInCell), without names: a list reads
    /// names a page at a time with labels().
    static std::vector<domain::PortfolioCustomerFigures> customerFigures(const PortfolioAnalysis& analysis,
                                                                         const domain::PortfolioCellRef& cell);
    /// The same with codes and names, from offset, at most limit rows (0: all).
    domain::Result<std::vector<PortfolioCustomerRow>> customers(const PortfolioAnalysis& analysis,
                                                                const domain::PortfolioCellRef& cell,
                                                                std::size_t offset = 0, std::size_t limit = 0);
    /// Code and name of each id, in the order given.
    domain::Result<std::vector<storage::CustomerLabel>> labels(const std::vector<domain::CustomerId>& ids);

private:
    domain::Result<std::shared_ptr<const domain::PortfolioData>> load(const PortfolioRequest& request, bool byCategory);

    Portfolio& m_portfolio;
};

} // namespace cartera::services
