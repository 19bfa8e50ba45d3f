#include "app/customer_list_exporter.h"

#include "app/customer_table_model.h"
#include "app/export_dialog.h"
#include "app/export_runner.h"

#include <QAction>
#include <QDesktopServices>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QUrl>

namespace cartera::app {

namespace {

const QString kNoticeStyle = QStringLiteral("QLabel#messageBar { background: #e3f4e4; color: #1e4620; padding: 6px 10px; }");
const QString kErrorStyle = QStringLiteral("QLabel#messageBar { background: #fde7e9; color: #8c1d18; padding: 6px 10px; }");

} // namespace

CustomerListExporter::CustomerListExporter(QTableView* table, CustomerTableModel* model,
                                           std::filesystem::path databasePath, QLabel* messageBar, QWidget* window)
    : QObject(window), m_table(table), m_model(model), m_messageBar(messageBar), m_window(window)
{
    m_action = new QAction(tr("&Export Customers…"), this);
    m_action->setObjectName(QStringLiteral("exportCustomersAction"));
    m_action->setIconText(tr("Export…"));
    m_action->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    m_action->setToolTip(tr("Export the customers the list shows, with its columns, to CSV or Excel"));
    connect(m_action, &QAction::triggered, this, &CustomerListExporter::exportList);
    m_runner = new CustomerExportRunner(std::move(databasePath), window);
    connect(m_runner, &CustomerExportRunner::finished, this, &CustomerListExporter::finished);
    if (m_messageBar) {
        connect(m_messageBar, &QLabel::linkActivated, this, [](const QString& link) {
            QDesktopServices::openUrl(QUrl(link));
        });
    }
}

services::CustomerExportRequest CustomerListExporter::currentRequest() const
{
    return customerListExportRequest(*m_table, *m_model);
}

void CustomerListExporter::exportList()
{
    if (m_runner->running()) {
        return;
    }
    auto request = currentRequest();
    ExportDialog dialog(request, m_model->rowCount(), m_window);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    dialog.apply(request);
    m_action->setEnabled(false);
    m_runner->start(std::move(request));
}

bool CustomerListExporter::exportTo(const QString& path, services::ListFileFormat format,
                                    const exchange::CsvProfile& profile)
{
    auto request = currentRequest();
    request.path = path.toStdString();
    request.format = format;
    request.profile = profile;
    if (!m_runner->start(std::move(request))) {
        return false;
    }
    m_action->setEnabled(false);
    return true;
}

void CustomerListExporter::finished(bool ok, bool cancelled, qint64 rows, const QString& path, const QString& error)
{
    m_action->setEnabled(true);
    QString message;
    if (ok) {
        const QFileInfo file(path);
        message = tr("%1 customers exported to %2. <a href=\"%3\">Open folder</a>")
                      .arg(QLocale().toString(rows), file.fileName().toHtmlEscaped(),
                           QUrl::fromLocalFile(file.absolutePath()).toString());
    } else if (cancelled) {
        message = tr("Export cancelled: no file was written, any earlier file at %1 is unchanged.")
                      .arg(path.toHtmlEscaped());
    } else {
        message = error.toHtmlEscaped();
    }
    if (m_messageBar) {
        m_messageBar->setStyleSheet(ok || cancelled ? kNoticeStyle : kErrorStyle);
        m_messageBar->setTextFormat(Qt::RichText);
        m_messageBar->setText(message);
        m_messageBar->show();
        QTimer::singleShot(15000, m_messageBar, [bar = m_messageBar, message] {
            if (bar->text() == message) {
                bar->hide();
            }
        });
    }
    emit exportFinished(ok, message);
}

} // namespace cartera::app
