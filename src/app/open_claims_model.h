#pragma once

#include "storage/activity_repository.h"

#include <QAbstractTableModel>

#include <vector>

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

/// Claims and information requests still open or in progress across the portfolio, oldest
/// first; those without a first response past the target are marked overdue.
class OpenClaimsModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Opened,
        Customer,
        Type,
        Subject,
        Status,
        Owner,
        Waiting,
        Count
    };
    static constexpr int kCustomerIdRole = Qt::UserRole + 1;
    static constexpr int kOverdueRole = Qt::UserRole + 2;

    OpenClaimsModel(services::Portfolio& portfolio, int responseTargetDays, QObject* parent = nullptr);

    void reload();
    void setResponseTargetDays(int days);
    [[nodiscard]] int overdueCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    services::Portfolio& m_portfolio;
    int m_targetDays;
    domain::Date m_today;
    std::vector<storage::ActivityListRow> m_rows;
};

} // namespace cartera::app
