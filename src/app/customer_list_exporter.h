#pragma once

#include "services/customer_export.h"

#include <QObject>

#include <filesystem>

class QAction;
class QLabel;
class QTableView;
class QWidget;

namespace cartera::app {

class CustomerExportRunner;
class CustomerTableModel;

/// "Export…" for the customer list: asks for the format, profile and file (ExportDialog), exports
/// exactly what the list shows (its filter, search, order and visible columns) off the GUI thread
/// with a progress dialog and Cancel (CustomerExportRunner), then says in the window's message bar
/// how many customers were written, with a link that opens the folder.
class CustomerListExporter final : public QObject {
    Q_OBJECT

public:
    CustomerListExporter(QTableView* table, CustomerTableModel* model, std::filesystem::path databasePath,
                         QLabel* messageBar, QWidget* window);

    /// The "Export…" action (Ctrl+Shift+E), for the File menu and the toolbar.
    [[nodiscard]] QAction* action() const { return m_action; }
    [[nodiscard]] CustomerExportRunner* runner() const { return m_runner; }
    /// What an export of the list would write now (before format, profile and path are chosen).
    [[nodiscard]] services::CustomerExportRequest currentRequest() const;
    /// Opens the dialog and starts the export the user confirms.
    void exportList();
    /// Starts an export of the list to path without asking (tests, scripted use).
    bool exportTo(const QString& path, services::ListFileFormat format, const exchange::CsvProfile& profile);

signals:
    /// An export ended; message is what the message bar shows.
    void exportFinished(bool ok, const QString& message);

private:
    void finished(bool ok, bool cancelled, qint64 rows, const QString& path, const QString& error);

    QTableView* m_table;
    CustomerTableModel* m_model;
    QLabel* m_messageBar;
    QWidget* m_window;
    QAction* m_action = nullptr;
    CustomerExportRunner* m_runner = nullptr;
};

} // namespace cartera::app
