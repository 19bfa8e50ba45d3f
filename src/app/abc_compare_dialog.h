#pragma once

#include "services/abc_service.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QListWidget;
class QTableWidget;

namespace cartera::app {

/// Compares two saved ABC snapshots: a migration matrix (rows: standing in the earlier one,
/// columns: in the later one; A->B dropped, B->A rose, new, lost, ...) and, for the cell clicked,
/// the customers behind it, each opening on double-click.
class AbcCompareDialog final : public QDialog {
    Q_OBJECT

public:
    AbcCompareDialog(services::AbcService& service, QWidget* parent = nullptr);

    /// Compares the snapshots at these positions of the lists (newest first); false on failure.
    bool compare(int earlierIndex, int laterIndex);
    [[nodiscard]] QTableWidget* matrix() const { return m_matrix; }
    [[nodiscard]] QListWidget* customers() const { return m_customers; }
    /// Shows the customers of one cell.
    void showCell(int row, int column);

signals:
    void customerActivated(domain::CustomerId id);

private:
    services::AbcService& m_service;
    std::vector<domain::AbcSnapshotInfo> m_snapshots;
    std::optional<services::AbcComparison> m_comparison;
    QComboBox* m_earlier = nullptr;
    QComboBox* m_later = nullptr;
    QTableWidget* m_matrix = nullptr;
    QListWidget* m_customers = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace cartera::app
