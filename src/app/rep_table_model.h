#pragma once

#include "domain/money.h"
#include "domain/sales_rep.h"

#include <QAbstractTableModel>

#include <functional>
#include <vector>

namespace cartera::app {

/// The reps with their team, manager, active flag and capacity. Team, active and the two
/// capacities are edited in place; an edit is handed to the save function (which the view routes
/// through the undo stack) and shown only once it is saved.
class RepTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Code, Name, Team, Manager, Active, CapacityAccounts, CapacityRevenue, ColumnCount };
    using Save = std::function<bool(const domain::SalesRep& before, const domain::SalesRep& after)>;

    RepTableModel(domain::CurrencyCode currency, Save save, QObject* parent = nullptr);

    void setReps(std::vector<domain::SalesRep> reps);
    [[nodiscard]] const std::vector<domain::SalesRep>& reps() const { return m_reps; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

private:
    [[nodiscard]] QString codeOf(std::optional<domain::RepId> id) const;

    domain::CurrencyCode m_currency;
    Save m_save;
    std::vector<domain::SalesRep> m_reps;
};

} // namespace cartera::app
