#pragma once

#include "services/customer_export.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace cartera::app {

class CustomerTableModel;

/// What the customer list shows, as an export request: its filter and sort, its visible columns in
/// their on-screen order with their headers, labels as the list writes them (translated). The
/// caller sets the path, format and profile.
services::CustomerExportRequest customerListExportRequest(const QTableView& table, const CustomerTableModel& model);

/// Asks where and how to export a list: CSV (with its profile) or Excel workbook, and the file.
/// The columns and rows are the list's; the dialog says how many rows and which columns.
class ExportDialog final : public QDialog {
    Q_OBJECT

public:
    ExportDialog(const services::CustomerExportRequest& request, qint64 rowCount, QWidget* parent = nullptr);

    /// The chosen format, profile and file written into request.
    void apply(services::CustomerExportRequest& request) const;
    /// Sets the file (tests, and the folder remembered from the last export).
    void setPath(const QString& path);
    [[nodiscard]] QString path() const;

private:
    void formatChanged();
    void browse();
    void remember() const;

    QComboBox* m_format = nullptr;
    QComboBox* m_profile = nullptr;
    QLineEdit* m_path = nullptr;
    QLabel* m_summary = nullptr;
    qint64 m_rowCount = 0;
};

} // namespace cartera::app
