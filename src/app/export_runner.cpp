#include "app/export_runner.h"

#include "services/portfolio.h"

#include <QProgressDialog>

namespace cartera::app {

namespace {

/// Progress dialogs count in ints; rows are scaled to thousandths of the total.
constexpr int kProgressSteps = 1000;

} // namespace

CustomerExportRunner::CustomerExportRunner(std::filesystem::path databasePath, QWidget* parent)
    : QObject(parent), m_databasePath(std::move(databasePath)), m_host(parent)
{
}

CustomerExportRunner::~CustomerExportRunner()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
    if (m_worker.joinable()) {
        m_worker.join();
    }
}

bool CustomerExportRunner::start(services::CustomerExportRequest request)
{
    if (running()) {
        return false;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const QString path = QString::fromStdString(request.path.string());
    if (m_host) {
        m_progress = new QProgressDialog(tr("Exporting to %1…").arg(QString::fromStdString(request.path.filename().string())),
                                         tr("Cancel"), 0, kProgressSteps, m_host);
        m_progress->setObjectName(QStringLiteral("exportProgress"));
        m_progress->setWindowTitle(tr("Export"));
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setMinimumDuration(400);  // small exports finish before it would show
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        m_progress->setValue(0);
        connect(m_progress, &QProgressDialog::canceled, this, &CustomerExportRunner::cancel);
        connect(this, &CustomerExportRunner::progressed, m_progress, [progress = m_progress](qint64 done, qint64 total) {
            progress->setValue(total > 0 ? static_cast<int>(done * kProgressSteps / total) : 0);
        });
    }
    m_worker = std::thread([this, request = std::move(request), cancel = m_cancel, path] {
        auto result = std::make_shared<domain::Result<services::ExportSummary>>(services::ExportSummary{});
        auto portfolio = services::Portfolio::open(m_databasePath, storage::OpenMode::ReadOnly);
        if (!portfolio) {
            *result = portfolio.error();
        } else {
            const services::ExportControl control{
                [this](std::int64_t done, std::int64_t total) {
                    QMetaObject::invokeMethod(this, [this, done, total] { emit progressed(done, total); },
                                              Qt::QueuedConnection);
                },
                cancel.get()};
            *result = services::CustomerExportService(*portfolio.value()).exportCustomers(request, control);
        }
        QMetaObject::invokeMethod(this, [this, result, path] { finish(result, path); }, Qt::QueuedConnection);
    });
    return true;
}

void CustomerExportRunner::cancel()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
}

void CustomerExportRunner::finish(std::shared_ptr<domain::Result<services::ExportSummary>> result, const QString& path)
{
    if (m_worker.joinable()) {
        m_worker.join();  // it has posted this result: done
    }
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    if (!*result) {
        emit finished(false, false, 0, path, QString::fromStdString(result->error().describe()));
        return;
    }
    const auto& summary = result->value();
    emit finished(!summary.cancelled, summary.cancelled, summary.rows, path, {});
}

} // namespace cartera::app
