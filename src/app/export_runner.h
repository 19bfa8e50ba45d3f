#pragma once

#include "services/customer_export.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <filesystem>
#include <memory>
#include <thread>

class QProgressDialog;
class QWidget;

namespace cartera::app {

/// Runs customer exports off the GUI thread: a worker thread opens its own read-only connection
/// to the portfolio file and streams the rows to the file, while a progress dialog shows how far
/// it got and offers Cancel (the file is then not written and any previous one kept). One export
/// at a time.
class CustomerExportRunner final : public QObject {
    Q_OBJECT

public:
    /// parent hosts the progress dialog.
    CustomerExportRunner(std::filesystem::path databasePath, QWidget* parent);
    /// Cancels an export under way and waits for its thread.
    ~CustomerExportRunner() override;

    /// Starts request; false (and nothing started) while another export runs.
    bool start(services::CustomerExportRequest request);
    [[nodiscard]] bool running() const { return m_worker.joinable(); }
    /// Asks the export under way to stop; finished() follows with cancelled = true.
    void cancel();

signals:
    void progressed(qint64 done, qint64 total);
    /// An export ended: written (ok), cancelled, or failed with error (a message for people).
    void finished(bool ok, bool cancelled, qint64 rows, const QString& path, const QString& error);

private:
    void finish(std::shared_ptr<domain::Result<services::ExportSummary>> result, const QString& path);

    std::filesystem::path m_databasePath;
    QPointer<QWidget> m_host;
    QProgressDialog* m_progress = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::thread m_worker;
};

} // namespace cartera::app
