#pragma once

#include "domain/money.h"
#include "domain/sales_rep.h"
#include "services/territory_service.h"

#include <QDialog>

class QLabel;

namespace cartera::app {

class ReportTableModel;

/// The realignment preview: how many accounts move, to how many other reps, with what revenue
/// and how many class-A accounts; the accounts that move (from whom to whom), the unassigned ones
/// and those in overlapping territories. Apply or Cancel.
class RealignmentDialog final : public QDialog {
    Q_OBJECT

public:
    /// At most this many accounts are listed per table (all are applied).
    static constexpr std::size_t kListedRows = 5000;

    RealignmentDialog(const services::Realignment& realignment, services::TerritoryService& service,
                      const std::vector<domain::SalesRep>& reps, domain::CurrencyCode currency, QWidget* parent = nullptr);

    [[nodiscard]] QString summary() const;
    [[nodiscard]] ReportTableModel* movesModel() const { return m_moves; }

private:
    ReportTableModel* m_moves = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace cartera::app
