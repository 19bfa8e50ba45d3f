#include "app/export_dialog.h"

#include "app/customer_table_model.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>

namespace cartera::app {

using namespace cartera::domain;
using services::CustomerExportColumn;
using services::ListFileFormat;

namespace {

std::optional<CustomerExportColumn> exportColumnOf(int modelColumn)
{
    switch (static_cast<CustomerTableModel::Column>(modelColumn)) {
    case CustomerTableModel::Code:
        return CustomerExportColumn::Code;
    case CustomerTableModel::Name:
        return CustomerExportColumn::Name;
    case CustomerTableModel::Kind:
        return CustomerExportColumn::Kind;
    case CustomerTableModel::Industry:
        return CustomerExportColumn::Industry;
    case CustomerTableModel::City:
        return CustomerExportColumn::City;
    case CustomerTableModel::Country:
        // The list shows the code; a file read by people gets the name.
        return CustomerExportColumn::Country;
    case CustomerTableModel::Channel:
        return CustomerExportColumn::Channel;
    case CustomerTableModel::Owner:
        return CustomerExportColumn::Owner;
    case CustomerTableModel::Status:
        return CustomerExportColumn::Status;
    case CustomerTableModel::Count:
        break;
    }
    return std::nullopt;
}

constexpr const char* kProfileKey = "export/csvProfile";
constexpr const char* kFormatKey = "export/format";
constexpr const char* kFolderKey = "export/folder";

} // namespace

services::CustomerExportRequest customerListExportRequest(const QTableView& table, const CustomerTableModel& model)
{
    services::CustomerExportRequest request;
    request.filter = model.filter();
    request.sort = model.sortOrder();
    request.columns.clear();
    const auto* header = table.horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (header->isSectionHidden(logical)) {
            continue;
        }
        if (const auto column = exportColumnOf(logical)) {
            request.columns.push_back(*column);
            request.labels.headers.push_back(model.headerData(logical, Qt::Horizontal).toString().toStdString());
        }
    }
    auto& labels = request.labels;
    for (const auto& [channel, code] : kSalesChannelCodes.entries) {
        labels.channel[static_cast<std::size_t>(channel)] = channelLabel(channel).toStdString();
    }
    for (const auto& [kind, code] : kCustomerKindCodes.entries) {
        labels.kind[static_cast<std::size_t>(kind)] = kindLabel(kind).toStdString();
    }
    for (const auto& [status, code] : kCustomerStatusCodes.entries) {
        labels.status[static_cast<std::size_t>(status)] = statusLabel(status).toStdString();
    }
    for (const auto& [band, code] : kSizeBandCodes.entries) {
        labels.sizeBand[static_cast<std::size_t>(band)] = sizeBandLabel(band).toStdString();
    }
    labels.yes = ExportDialog::tr("Yes").toStdString();
    labels.no = ExportDialog::tr("No").toStdString();
    // Country names in the user's language, as Qt knows them; the code when Qt does not.
    labels.countryName = [](std::string_view code) {
        const auto territory = QLocale::codeToTerritory(QString::fromUtf8(code.data(), static_cast<qsizetype>(code.size())));
        return territory == QLocale::AnyTerritory ? std::string(code) : QLocale::territoryToString(territory).toStdString();
    };
    request.title = ExportDialog::tr("Customers").toStdString();
    return request;
}

ExportDialog::ExportDialog(const services::CustomerExportRequest& request, qint64 rowCount, QWidget* parent)
    : QDialog(parent), m_rowCount(rowCount)
{
    setWindowTitle(tr("Export Customers"));
    auto* form = new QFormLayout;

    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("CSV (text, any spreadsheet)"), QStringLiteral("csv"));
    m_format->addItem(tr("Excel workbook (.xlsx)"), QStringLiteral("xlsx"));
    form->addRow(tr("&Format:"), m_format);

    m_profile = new QComboBox;
    m_profile->setObjectName(QStringLiteral("exportProfile"));
    m_profile->addItem(tr("Excel (comma)"), QStringLiteral("excel-comma"));
    m_profile->addItem(tr("Excel (semicolon, decimal comma)"), QStringLiteral("excel-semicolon"));
    m_profile->addItem(tr("Plain UTF-8"), QStringLiteral("plain"));
    m_profile->setToolTip(tr("Excel (semicolon) suits Excel where the decimal mark is a comma (France, Germany, "
                             "Spain…); Plain suits scripts and databases."));
    form->addRow(tr("CSV &profile:"), m_profile);

    auto* pathRow = new QHBoxLayout;
    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setMinimumWidth(360);
    auto* browse = new QPushButton(tr("&Browse…"));
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto* fileLabel = new QLabel(tr("F&ile:"));
    fileLabel->setBuddy(m_path);  // a row holding a layout gets no buddy by itself
    form->addRow(fileLabel, pathRow);

    QStringList headers;
    for (const auto& header : request.labels.headers) {
        headers << QString::fromStdString(header);
    }
    if (headers.isEmpty()) {
        for (const auto column : request.columns) {
            headers << QString::fromUtf8(services::customerExportColumnInfo(column).label.data());
        }
    }
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("exportSummary"));
    form->addRow(m_summary);
    const QString rows = rowCount == 1 ? tr("1 customer") : tr("%1 customers").arg(QLocale().toString(rowCount));
    m_summary->setText(tr("%1, as the list shows them (filter, search and order). Columns: %2.")
                           .arg(rows, headers.join(QStringLiteral(", "))));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    const QSettings settings;
    m_profile->setCurrentIndex(std::max(0, m_profile->findData(settings.value(kProfileKey, QStringLiteral("excel-comma")))));
    m_format->setCurrentIndex(std::max(0, m_format->findData(settings.value(kFormatKey, QStringLiteral("csv")))));
    const QString folder = settings.value(kFolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    const QString date = QDate::currentDate().toString(Qt::ISODate);
    m_path->setText(QDir(folder).filePath(tr("customers-%1").arg(date) + QStringLiteral(".csv")));
    formatChanged();

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_path->text().trimmed().isEmpty()) {
            m_path->setFocus();
            return;
        }
        remember();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ExportDialog::formatChanged()
{
    const bool xlsx = m_format->currentData().toString() == QLatin1String("xlsx");
    m_profile->setEnabled(!xlsx);
    // The file's extension follows the format.
    QString path = m_path->text();
    const QFileInfo info(path);
    const QString wanted = xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv");
    if (!path.isEmpty() && info.suffix().compare(wanted, Qt::CaseInsensitive) != 0 &&
        (info.suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0 ||
         info.suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0)) {
        path.chop(info.suffix().size());
        m_path->setText(path + wanted);
    }
}

void ExportDialog::browse()
{
    const bool xlsx = m_format->currentData().toString() == QLatin1String("xlsx");
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export Customers"), m_path->text(),
        xlsx ? tr("Excel workbooks (*.xlsx)") : tr("CSV files (*.csv)"));
    if (!chosen.isEmpty()) {
        m_path->setText(chosen);
    }
}

void ExportDialog::remember() const
{
    QSettings settings;
    settings.setValue(kProfileKey, m_profile->currentData());
    settings.setValue(kFormatKey, m_format->currentData());
    settings.setValue(kFolderKey, QFileInfo(m_path->text()).absolutePath());
}

void ExportDialog::setPath(const QString& path)
{
    m_path->setText(path);
}

QString ExportDialog::path() const
{
    return m_path->text();
}

void ExportDialog::apply(services::CustomerExportRequest& request) const
{
    request.format = m_format->currentData().toString() == QLatin1String("xlsx") ? ListFileFormat::Xlsx : ListFileFormat::Csv;
    request.profile = exchange::parseCsvProfile(m_profile->currentData().toString().toStdString())
                          .value_or(exchange::csvProfile(exchange::CsvProfileId::ExcelComma));
    request.path = m_path->text().trimmed().toStdString();
}

} // namespace cartera::app
