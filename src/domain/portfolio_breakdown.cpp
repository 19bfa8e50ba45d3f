#include "domain/portfolio_breakdown.h"

#include "domain/abc.h"

#include <algorithm>

namespace cartera::domain {

namespace {

__extension__ using Int128 = __int128;

/// lcm(1..kClvYears): margin x (kYearsDenominator / activeYears) is an exact integer for any
/// number of active years, so CLV sums over many customers round once, at the end.
constexpr std::int64_t kYearsDenominator = 2520;
static_assert(kClvYears <= 10, "kYearsDenominator must be a multiple of every year count");

/// numerator / denominator rounded half away from zero; denominator above 0.
std::int64_t roundedDivide(Int128 numerator, Int128 denominator)
{
    const Int128 magnitude = numerator < 0 ? -numerator : numerator;
    const Int128 rounded = (magnitude + denominator / 2) / denominator;
    return static_cast<std::int64_t>(numerator < 0 ? -rounded : rounded);
}

/// A cell's sums while the breakdown is being added up; the CLV weight is the sum over its
/// customers of margin x kYearsDenominator / activeYears.
struct Accumulator final {
    PortfolioFigures figures;
    Int128 clvWeight = 0;

    void addSums(const PortfolioFact& fact)
    {
        figures.revenue += fact.revenue;
        figures.cost += fact.cost;
        figures.priorRevenue += fact.priorRevenue;
        figures.priorCost += fact.priorCost;
    }
};

/// What one customer brings to one target (a cell, a row, a column or the whole), so that a
/// customer whose sales fall in several categories of a row counts once in that row.
struct Touch final {
    std::size_t target = 0;
    bool active = false;
    bool priorActive = false;
    Int128 clvWeight = 0;
};

Int128 clvWeightOf(const PortfolioData& data, const PortfolioFact& fact)
{
    const auto years = data.customers[fact.customer].activeYears;
    if (years <= 0) {
        return 0;
    }
    return Int128{fact.historyMargin} * (kYearsDenominator / years);
}

std::optional<std::int64_t> averageClv(Int128 weight, std::int64_t customers, std::optional<std::int64_t> lifetime)
{
    if (!lifetime || customers <= 0) {
        return std::nullopt;
    }
    return roundedDivide(weight * *lifetime, Int128{10000} * kYearsDenominator * customers);
}

std::int32_t valueOf(const PortfolioData& data, int dimension, const PortfolioFact& fact)
{
    if (dimension == dimensionIndex(PortfolioDimension::Category)) {
        return fact.category;
    }
    return data.customers[fact.customer].values[static_cast<std::size_t>(dimension)];
}

/// a.margin / a.revenue compared with b's, exactly (both revenues above 0).
int compareMarginRate(const PortfolioFigures& a, const PortfolioFigures& b)
{
    const Int128 left = Int128{a.margin()} * b.revenue;
    const Int128 right = Int128{b.margin()} * a.revenue;
    return left < right ? -1 : (left > right ? 1 : 0);
}

} // namespace

MeasureUnit unitOf(PortfolioMeasure measure)
{
    switch (measure) {
    case PortfolioMeasure::Customers:
    case PortfolioMeasure::Count:
        return MeasureUnit::Count;
    case PortfolioMeasure::MarginPercent:
    case PortfolioMeasure::Growth:
        return MeasureUnit::Percent;
    default:
        return MeasureUnit::Money;
    }
}

std::optional<std::int64_t> PortfolioFigures::marginPercent() const
{
    if (revenue <= 0) {
        return std::nullopt;
    }
    return scaledPercent(margin(), revenue, 2);
}

std::optional<std::int64_t> PortfolioFigures::growthPercent() const
{
    if (priorRevenue <= 0) {
        return std::nullopt;
    }
    return scaledPercent(revenue - priorRevenue, priorRevenue, 2);
}

std::optional<std::int64_t> PortfolioFigures::value(PortfolioMeasure measure) const
{
    switch (measure) {
    case PortfolioMeasure::Revenue:
        return revenue;
    case PortfolioMeasure::Margin:
        return margin();
    case PortfolioMeasure::MarginPercent:
        return marginPercent();
    case PortfolioMeasure::Customers:
        return customers;
    case PortfolioMeasure::Growth:
        return growthPercent();
    case PortfolioMeasure::Clv:
        return clv;
    case PortfolioMeasure::Count:
        break;
    }
    return std::nullopt;
}

const PortfolioFigures& PortfolioBreakdown::at(const PortfolioCellRef& ref) const
{
    if (ref.row < 0 && ref.column < 0) {
        return total;
    }
    if (ref.row < 0) {
        return columnTotals[static_cast<std::size_t>(ref.column)];
    }
    if (ref.column < 0 || columns.empty()) {
        return rowTotals[static_cast<std::size_t>(ref.row)];
    }
    return cells[static_cast<std::size_t>(ref.row) * columns.size() + static_cast<std::size_t>(ref.column)];
}

bool needsCategories(const PortfolioLayout& layout)
{
    return layout.rows == PortfolioDimension::Category || layout.columns == PortfolioDimension::Category;
}

Result<PortfolioBreakdown> breakdownPortfolio(const PortfolioData& data, const PortfolioLayout& layout)
{
    if (layout.columns && *layout.columns == layout.rows) {
        return invalidInput("rows and columns must be different dimensions, not both " +
                                std::string(kPortfolioDimensionCodes.code(layout.rows)),
                            "columns");
    }
    if (needsCategories(layout) && !data.byCategory) {
        return invalidInput("a breakdown by category needs the figures read by category", "rows");
    }
    const int rowDimension = dimensionIndex(layout.rows);
    const int columnDimension = layout.columns ? dimensionIndex(*layout.columns) : -1;
    const std::size_t rowValues = data.values[static_cast<std::size_t>(rowDimension)].size();
    const std::size_t columnValues =
        columnDimension >= 0 ? data.values[static_cast<std::size_t>(columnDimension)].size() : 1;
    const bool withColumns = columnDimension >= 0;

    // Targets, dense by value index: cells, then rows, then columns, then the whole.
    const std::size_t rowBase = rowValues * columnValues;
    const std::size_t columnBase = rowBase + rowValues;
    const std::size_t wholeTarget = columnBase + columnValues;
    std::vector<Accumulator> targets(wholeTarget + 1);
    const auto lifetime = data.retention.lifetimeBasisPoints();

    std::vector<Touch> touches;
    const auto touch = [&](std::size_t target, const PortfolioFact& fact, Int128 weight) {
        auto found = std::find_if(touches.begin(), touches.end(), [&](const Touch& t) { return t.target == target; });
        if (found == touches.end()) {
            touches.push_back({target});
            found = touches.end() - 1;
        }
        found->active = found->active || fact.active;
        found->priorActive = found->priorActive || fact.priorActive;
        found->clvWeight += weight;
        targets[target].addSums(fact);
    };
    const auto commit = [&] {
        for (const auto& t : touches) {
            auto& target = targets[t.target];
            target.figures.customers += t.active ? 1 : 0;
            target.figures.priorCustomers += t.priorActive ? 1 : 0;
            if (t.active) {
                target.clvWeight += t.clvWeight;
            }
        }
        touches.clear();
    };

    std::uint32_t current = 0;
    for (const auto& fact : data.facts) {
        if (fact.customer != current) {
            commit();
            current = fact.customer;
        }
        const auto r = static_cast<std::size_t>(valueOf(data, rowDimension, fact));
        const auto c = withColumns ? static_cast<std::size_t>(valueOf(data, columnDimension, fact)) : 0;
        const Int128 weight = clvWeightOf(data, fact);
        if (withColumns) {
            touch(r * columnValues + c, fact, weight);
            touch(columnBase + c, fact, weight);
        }
        touch(rowBase + r, fact, weight);
        touch(wholeTarget, fact, weight);
    }
    commit();

    const auto finished = [&](std::size_t target) {
        auto figures = targets[target].figures;
        figures.clv = averageClv(targets[target].clvWeight, figures.customers, lifetime);
        return figures;
    };

    PortfolioBreakdown result;
    result.layout = layout;
    result.retention = data.retention;
    result.lifetimeBasisPoints = lifetime;
    for (std::size_t r = 0; r < rowValues; ++r) {
        if (!targets[rowBase + r].figures.empty()) {
            result.rows.push_back(static_cast<std::int32_t>(r));
            result.rowTotals.push_back(finished(rowBase + r));
        }
    }
    if (withColumns) {
        for (std::size_t c = 0; c < columnValues; ++c) {
            if (!targets[columnBase + c].figures.empty()) {
                result.columns.push_back(static_cast<std::int32_t>(c));
                result.columnTotals.push_back(finished(columnBase + c));
            }
        }
        for (const auto r : result.rows) {
            for (const auto c : result.columns) {
                result.cells.push_back(
                    finished(static_cast<std::size_t>(r) * columnValues + static_cast<std::size_t>(c)));
            }
        }
    }
    result.total = finished(wholeTarget);

    // Most and least profitable by margin %, among the cells big enough to matter.
    std::vector<PortfolioCellRef> candidates;
    const auto collect = [&](bool requireShare) {
        candidates.clear();
        for (int r = 0; r < result.rowCount(); ++r) {
            for (int c = withColumns ? 0 : -1; c < (withColumns ? result.columnCount() : 0); ++c) {
                const auto& figures = result.at({r, c});
                if (figures.revenue > 0 && (!requireShare || Int128{figures.revenue} * 100 >= result.total.revenue)) {
                    candidates.push_back({r, c});
                }
            }
        }
    };
    collect(true);
    if (candidates.empty()) {
        collect(false);
    }
    if (!candidates.empty()) {
        PortfolioCellRef most = candidates.front();
        PortfolioCellRef least = candidates.front();
        for (const auto& ref : candidates) {
            if (compareMarginRate(result.at(ref), result.at(most)) > 0) {
                most = ref;
            }
            if (compareMarginRate(result.at(ref), result.at(least)) < 0) {
                least = ref;
            }
        }
        result.mostProfitable = most;
        if (candidates.size() > 1) {
            result.leastProfitable = least;
        }
    }
    return result;
}

std::optional<PortfolioCellRef> findCell(const PortfolioData& data, const PortfolioBreakdown& breakdown,
                                         std::string_view rowKey, std::string_view columnKey)
{
    const auto position = [&](PortfolioDimension dimension, const std::vector<std::int32_t>& shown,
                              std::string_view key) -> std::optional<int> {
        const auto value = data.findValue(dimension, key);
        if (!value) {
            return std::nullopt;
        }
        const auto found = std::find(shown.begin(), shown.end(), *value);
        if (found == shown.end()) {
            return std::nullopt;
        }
        return static_cast<int>(found - shown.begin());
    };
    PortfolioCellRef ref;
    if (!rowKey.empty()) {
        const auto row = position(breakdown.layout.rows, breakdown.rows, rowKey);
        if (!row) {
            return std::nullopt;
        }
        ref.row = *row;
    }
    if (!columnKey.empty()) {
        if (!breakdown.layout.columns) {
            return std::nullopt;
        }
        const auto column = position(*breakdown.layout.columns, breakdown.columns, columnKey);
        if (!column) {
            return std::nullopt;
        }
        ref.column = *column;
    }
    return ref;
}

std::vector<PortfolioCustomerFigures> customersInCell(const PortfolioData& data, const PortfolioBreakdown& breakdown,
                                                      const PortfolioCellRef& cell)
{
    const int rowDimension = dimensionIndex(breakdown.layout.rows);
    const int columnDimension = breakdown.layout.columns ? dimensionIndex(*breakdown.layout.columns) : -1;
    const std::int32_t rowValue = cell.row >= 0 ? breakdown.rows[static_cast<std::size_t>(cell.row)] : -1;
    const std::int32_t columnValue =
        cell.column >= 0 && columnDimension >= 0 ? breakdown.columns[static_cast<std::size_t>(cell.column)] : -1;
    const auto lifetime = data.retention.lifetimeBasisPoints();

    std::vector<PortfolioCustomerFigures> result;
    std::optional<std::uint32_t> current;
    Accumulator sum;
    const auto flush = [&] {
        if (current && (sum.figures.customers > 0 || sum.figures.priorCustomers > 0)) {
            auto& row = result.emplace_back();
            row.customer = *current;
            row.id = data.customers[*current].id;
            row.figures = sum.figures;
            row.figures.clv = averageClv(sum.clvWeight, sum.figures.customers, lifetime);
        }
        sum = Accumulator{};
    };
    for (const auto& fact : data.facts) {
        if (rowValue >= 0 && valueOf(data, rowDimension, fact) != rowValue) {
            continue;
        }
        if (columnValue >= 0 && valueOf(data, columnDimension, fact) != columnValue) {
            continue;
        }
        if (!current || *current != fact.customer) {
            flush();
            current = fact.customer;
        }
        sum.addSums(fact);
        sum.figures.customers = (sum.figures.customers > 0 || fact.active) ? 1 : 0;
        sum.figures.priorCustomers = (sum.figures.priorCustomers > 0 || fact.priorActive) ? 1 : 0;
        sum.clvWeight += clvWeightOf(data, fact);
    }
    flush();
    std::sort(result.begin(), result.end(), [](const PortfolioCustomerFigures& a, const PortfolioCustomerFigures& b) {
        if (a.figures.revenue != b.figures.revenue) {
            return a.figures.revenue > b.figures.revenue;
        }
        if (a.figures.priorRevenue != b.figures.priorRevenue) {
            return a.figures.priorRevenue > b.figures.priorRevenue;
        }
        return a.id < b.id;
    });
    return result;
}

} // namespace cartera::domain
