#pragma once

#include "domain/activity_filter.h"
#include "storage/activity_repository.h"

#include "app/page_cache.h"

#include <QAbstractTableModel>

#include <map>
#include <vector>

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

/// The portfolio's activity log, newest first, as a table model over the database: it knows
/// how many activities match and reads pages of them on demand (1.6 million at 1,000,000
/// customers). Claims and requests without a first response past the target are marked overdue.
class ActivityTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Date,
        Customer,
        Type,
        Subject,
        Status,
        Owner,
        FirstResponse,
        Resolution,
        Count
    };
    static constexpr int kCustomerIdRole = Qt::UserRole + 1;
    static constexpr int kActivityIdRole = Qt::UserRole + 2;
    static constexpr int kOverdueRole = Qt::UserRole + 3;

    ActivityTableModel(services::Portfolio& portfolio, int responseTargetDays, QObject* parent = nullptr);

    void setFilter(const domain::ActivityFilter& filter);
    [[nodiscard]] const domain::ActivityFilter& filter() const { return m_filter; }
    void setResponseTargetDays(int days);
    /// Reads the count and rows again (after a change to the database).
    void reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:

    const storage::ActivityListRow* rowAt(int row) const;

    services::Portfolio& m_portfolio;
    domain::ActivityFilter m_filter;
    int m_targetDays;
    domain::Date m_today;
    int m_rowCount = 0;
    mutable PageCache<storage::ActivityListRow> m_pages;
};

} // namespace cartera::app
