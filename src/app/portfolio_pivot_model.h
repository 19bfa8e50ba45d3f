#pragma once

#include "domain/money.h"
#include "domain/sales_rep.h"
#include "services/portfolio_analysis_service.h"

#include <QAbstractTableModel>
#include <QColor>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace cartera::app {

/// Labels for people of the dimensions, measures and dimension values of a portfolio analysis
/// (translated): "Direct" for channel direct, "Ana Ruiz (R01)" for owner R01.
class PortfolioLabels final {
public:
    PortfolioLabels() = default;
    explicit PortfolioLabels(const std::vector<domain::SalesRep>& reps);

    [[nodiscard]] QString value(domain::PortfolioDimension dimension, const std::string& key) const;

private:
    std::map<std::string, std::string> m_repNames;  ///< code -> name
};

QString portfolioDimensionLabel(domain::PortfolioDimension dimension);
QString portfolioMeasureLabel(domain::PortfolioMeasure measure);
/// A measure's value for display: money in whole units with the currency, a count, or a
/// percentage with one decimal; an en dash when undefined.
QString formatMeasure(domain::PortfolioMeasure measure, std::optional<std::int64_t> value,
                      const domain::CurrencyCode& currency);

/// A portfolio breakdown as a table, in two shapes:
/// - rows only: one row per value, a column per measure (the chosen measure heat-coloured);
/// - rows and columns: a cross table of the chosen measure, heat-coloured, with a total column;
/// and a total row last in both. Background shades the data cells from the lowest to the highest
/// value (growth: red below 0, green above); the most and least profitable cells carry ▲ and ▼
/// and kHighlightRole. Sorting reorders the rows; the total row stays last.
class PortfolioPivotModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    /// The raw value of a cell (qlonglong), or nothing when undefined; the label column sorts by text.
    static constexpr int kSortRole = Qt::UserRole + 1;
    /// The breakdown cell of an index as QPoint(row, column), -1 for a total.
    static constexpr int kCellRole = Qt::UserRole + 2;
    /// +1 on the most profitable cell, -1 on the least profitable, 0 elsewhere.
    static constexpr int kHighlightRole = Qt::UserRole + 3;

    explicit PortfolioPivotModel(QObject* parent = nullptr);

    void setAnalysis(std::shared_ptr<const services::PortfolioAnalysis> analysis, domain::PortfolioMeasure measure,
                     const std::string& currency, PortfolioLabels labels);
    void setMeasure(domain::PortfolioMeasure measure);
    void clear();
    [[nodiscard]] const services::PortfolioAnalysis* analysis() const { return m_analysis.get(); }
    [[nodiscard]] domain::PortfolioMeasure measure() const { return m_measure; }
    [[nodiscard]] const PortfolioLabels& labels() const { return m_labels; }

    /// The breakdown cell an index shows (its row's cell for the label column).
    [[nodiscard]] std::optional<domain::PortfolioCellRef> cellAt(const QModelIndex& index) const;
    /// The index that shows a cell: the measure's column for a row without columns.
    [[nodiscard]] QModelIndex indexOf(const domain::PortfolioCellRef& cell) const;
    /// Row or column label of the breakdown ("France" for FR is left to the key: "FR").
    [[nodiscard]] QString rowLabel(int breakdownRow) const;
    [[nodiscard]] QString columnLabel(int breakdownColumn) const;
    /// The measure shown by a column of a rows-only table, or nullopt (label, prior revenue).
    [[nodiscard]] std::optional<domain::PortfolioMeasure> measureOfColumn(int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    [[nodiscard]] bool crossTable() const;
    [[nodiscard]] std::optional<std::int64_t> valueAt(const QModelIndex& index) const;
    [[nodiscard]] std::optional<domain::PortfolioCellRef> cellOf(int modelRow, int modelColumn) const;
    [[nodiscard]] bool isHeated(int modelRow, int modelColumn) const;
    void measureRange();
    [[nodiscard]] QColor heat(std::int64_t value) const;

    std::shared_ptr<const services::PortfolioAnalysis> m_analysis;
    domain::PortfolioMeasure m_measure = domain::PortfolioMeasure::Revenue;
    domain::CurrencyCode m_currency;
    PortfolioLabels m_labels;
    std::vector<int> m_order;  ///< model row -> breakdown row
    std::int64_t m_low = 0;    ///< the lowest and highest heated value
    std::int64_t m_high = 0;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace cartera::app
