#pragma once

#include "exchange/report_table.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace cartera::app {

/// A read-only table over a services report (exchange::ReportTable): the coverage, channel,
/// realignment, churn and at-risk tables the CLI writes are shown as they are, with translated
/// headers. Display formats money and numbers for the locale (decimals as percentages when the
/// column's name ends in "_pct"); kSortRole gives raw values for a sort proxy or a chart (money in
/// minor units); kKeyRole gives each row's key (a rep, territory or customer id) for drilling down.
class ReportTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    static constexpr int kSortRole = Qt::UserRole;
    static constexpr int kKeyRole = Qt::UserRole + 1;
    /// The cell's raw value for charts (the same as kSortRole).
    static constexpr int kValueRole = kSortRole;

    explicit ReportTableModel(QObject* parent = nullptr);

    /// Shows table with these headers (one per column; missing ones show the column code) and
    /// one key per row (none: the row number).
    void setTable(exchange::ReportTable table, const QStringList& headers, std::vector<std::int64_t> keys = {});
    [[nodiscard]] const exchange::ReportTable& table() const { return m_table; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    exchange::ReportTable m_table{{}};
    QStringList m_headers;
    std::vector<std::int64_t> m_keys;
};

} // namespace cartera::app
