#pragma once

#include "domain/customer_filter.h"
#include "storage/customer_repository.h"

#include "app/page_cache.h"

#include <QAbstractTableModel>

#include <map>
#include <vector>

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

/// The customer list as a table model over the database: it knows the number of matching rows
/// and fetches pages of rows on demand, keeping only a few pages in memory, so a list of
/// 1,000,000 customers costs no more than one of 50.
class CustomerTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Code,
        Name,
        Kind,
        Industry,
        City,
        Country,
        Channel,
        Owner,
        Status,
        Count
    };
    /// The customer id of a row, for opening its detail.
    static constexpr int kCustomerIdRole = Qt::UserRole + 1;

    explicit CustomerTableModel(services::Portfolio& portfolio, QObject* parent = nullptr);

    void setFilter(const domain::CustomerFilter& filter);
    [[nodiscard]] const domain::CustomerFilter& filter() const { return m_filter; }
    [[nodiscard]] const domain::CustomerSort& sortOrder() const { return m_sort; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /// Reads the count and rows again (after a change to the database).
    void reload();

private:

    const storage::CustomerListRow* rowAt(int row) const;

    services::Portfolio& m_portfolio;
    domain::CustomerFilter m_filter;
    domain::CustomerSort m_sort;
    int m_rowCount = 0;
    mutable PageCache<storage::CustomerListRow> m_pages;
};

/// Label for people of an enumerated value (translated).
QString channelLabel(domain::SalesChannel channel);
QString kindLabel(domain::CustomerKind kind);
QString statusLabel(domain::CustomerStatus status);
QString sizeBandLabel(domain::SizeBand band);

} // namespace cartera::app
