#include "services/portfolio_analysis_service.h"

#include "services/portfolio.h"
#include "storage/portfolio_repository.h"

#include <algorithm>

namespace cartera::services {

using namespace cartera::domain;

namespace {

constexpr const char* kWhere = "portfolio";

} // namespace

const std::string& PortfolioAnalysis::rowKey(int row) const
{
    return data->valuesOf(breakdown.layout.rows)[static_cast<std::size_t>(breakdown.rows[static_cast<std::size_t>(row)])];
}

const std::string& PortfolioAnalysis::columnKey(int column) const
{
    return data->valuesOf(*breakdown.layout.columns)[static_cast<std::size_t>(
        breakdown.columns[static_cast<std::size_t>(column)])];
}

Result<std::shared_ptr<const PortfolioData>> PortfolioAnalysisService::load(const PortfolioRequest& request,
                                                                            bool byCategory)
{
    try {
        storage::PortfolioLoadQuery query;
        query.period = request.period;
        query.byCategory = byCategory;
        query.includeArchived = request.includeArchived;
        return std::make_shared<const PortfolioData>(
            storage::PortfolioRepository(m_portfolio.database()).load(query));
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<PortfolioAnalysis> PortfolioAnalysisService::analyse(const PortfolioRequest& request)
{
    if (request.layout.columns && *request.layout.columns == request.layout.rows) {
        return invalidInput("rows and columns must be different dimensions", "columns");
    }
    auto data = load(request, needsCategories(request.layout));
    if (!data) {
        return data.error();
    }
    auto breakdown = breakdownPortfolio(*data.value(), request.layout);
    if (!breakdown) {
        return breakdown.error();
    }
    return PortfolioAnalysis{request, std::move(data.value()), std::move(breakdown.value())};
}

Result<PortfolioAnalysis> PortfolioAnalysisService::analyseFile(const std::filesystem::path& path,
                                                                const PortfolioRequest& request)
{
    if (request.layout.columns && *request.layout.columns == request.layout.rows) {
        return invalidInput("rows and columns must be different dimensions", "columns");
    }
    try {
        const auto db = storage::Database::open(path, storage::OpenMode::ReadOnly);
        storage::PortfolioLoadQuery query;
        query.period = request.period;
        query.byCategory = needsCategories(request.layout);
        query.includeArchived = request.includeArchived;
        auto data = std::make_shared<const PortfolioData>(storage::PortfolioRepository(db).load(query));
        auto breakdown = breakdownPortfolio(*data, request.layout);
        if (!breakdown) {
            return breakdown.error();
        }
        return PortfolioAnalysis{request, std::move(data), std::move(breakdown.value())};
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<PortfolioAnalysis> PortfolioAnalysisService::rearrange(const PortfolioAnalysis& analysis,
                                                              const PortfolioLayout& layout)
{
    auto request = analysis.request;
    request.layout = layout;
    if (!analysis.data || (needsCategories(layout) && !analysis.data->byCategory)) {
        return analyse(request);
    }
    auto breakdown = breakdownPortfolio(*analysis.data, layout);
    if (!breakdown) {
        return breakdown.error();
    }
    return PortfolioAnalysis{request, analysis.data, std::move(breakdown.value())};
}

std::vector<PortfolioCustomerFigures> PortfolioAnalysisService::customerFigures(const PortfolioAnalysis& analysis,
                                                                              const PortfolioCellRef& cell)
{
    if (!analysis.data) {
        return {};
    }
    return customersInCell(*analysis.data, analysis.breakdown, cell);
}

Result<std::vector<PortfolioCustomerRow>> PortfolioAnalysisService::customers(const PortfolioAnalysis& analysis,
                                                                              const PortfolioCellRef& cell,
                                                                              std::size_t offset, std::size_t limit)
{
    const auto figures = customerFigures(analysis, cell);
    const std::size_t first = std::min(offset, figures.size());
    const std::size_t last = limit == 0 ? figures.size() : std::min(figures.size(), first + limit);
    std::vector<CustomerId> ids;
    ids.reserve(last - first);
    for (std::size_t i = first; i < last; ++i) {
        ids.push_back(figures[i].id);
    }
    auto found = labels(ids);
    if (!found) {
        return found.error();
    }
    std::vector<PortfolioCustomerRow> rows;
    rows.reserve(ids.size());
    for (std::size_t i = first; i < last; ++i) {
        auto& label = found.value()[i - first];
        rows.push_back({figures[i].id, std::move(label.code), std::move(label.name), figures[i].figures});
    }
    return rows;
}

Result<std::vector<storage::CustomerLabel>> PortfolioAnalysisService::labels(const std::vector<CustomerId>& ids)
{
    try {
        return storage::PortfolioRepository(m_portfolio.database()).labels(ids);
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

} // namespace cartera::services
