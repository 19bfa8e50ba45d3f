#pragma once

#include "exchange/report_table.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace cartera::app {

/// Shows an exchange::ReportTable (what `cartera-cli` writes) as a read-only table: the same
/// rows in the app and the CLI. Money in the user's locale, decimals as percentages when the
/// column's name ends in "_pct", dates in ISO form; headers given by the caller (translated).
class ReportTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit ReportTableModel(QObject* parent = nullptr);

    /// Shows table under headers (one per column; the column names when fewer are given).
    void setTable(exchange::ReportTable table, QStringList headers);
    [[nodiscard]] const exchange::ReportTable& table() const { return m_table; }

    /// The cell's value for sorting and charts: numbers as numbers, money in minor units.
    static constexpr int kValueRole = Qt::UserRole + 1;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    exchange::ReportTable m_table{{}};
    QStringList m_headers;
};

} // namespace cartera::app
