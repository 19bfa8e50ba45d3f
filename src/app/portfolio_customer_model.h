#pragma once

#include "domain/money.h"
#include "services/portfolio_analysis_service.h"

#include <QAbstractTableModel>

#include <map>
#include <vector>

namespace cartera::app {

/// The customers behind a cell of a portfolio breakdown, with their figures in that cell. The
/// figures of every customer are held (a few dozen bytes each); codes and names are read a page
/// at a time as rows are shown, so a cell of 500,000 customers opens at once.
class PortfolioCustomerModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Code,
        Name,
        Revenue,
        Margin,
        MarginPercent,
        PriorRevenue,
        Growth,
        Clv,
        Count
    };
    static constexpr int kCustomerIdRole = Qt::UserRole + 1;
    /// The raw value of a figure (qlonglong), nothing when undefined.
    static constexpr int kSortRole = Qt::UserRole + 2;

    explicit PortfolioCustomerModel(services::PortfolioAnalysisService& service, QObject* parent = nullptr);

    void setCustomers(std::vector<domain::PortfolioCustomerFigures> customers, const std::string& currency);
    void clear();
    [[nodiscard]] const std::vector<domain::PortfolioCustomerFigures>& customers() const { return m_customers; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Sorts by a figure (code and name keep the order: they are read page by page).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    static constexpr int kPageSize = 256;
    static constexpr std::size_t kMaxPages = 16;

    [[nodiscard]] const storage::CustomerLabel* labelAt(int row) const;
    [[nodiscard]] std::optional<std::int64_t> figure(const domain::PortfolioFigures& figures, int column) const;

    services::PortfolioAnalysisService& m_service;
    std::vector<domain::PortfolioCustomerFigures> m_customers;
    domain::CurrencyCode m_currency;
    mutable std::map<int, std::vector<storage::CustomerLabel>> m_pages;  ///< page -> labels
    mutable std::vector<int> m_pageAge;
};

} // namespace cartera::app
