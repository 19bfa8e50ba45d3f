#include "app/abc_compare_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QString standingLabel(AbcStanding standing)
{
    switch (standing) {
    case AbcStanding::Apart:
        return AbcCompareDialog::tr("apart (0 or less)");
    case AbcStanding::Absent:
        return AbcCompareDialog::tr("absent");
    default:
        return AbcCompareDialog::tr("class %1").arg(QString::fromLatin1(kAbcStandingCodes.code(standing).data()));
    }
}

QColor movementColor(AbcMovement movement)
{
    switch (movement) {
    case AbcMovement::Rose:
    case AbcMovement::New:
        return QColor(0xdf, 0xf0, 0xd8);
    case AbcMovement::Dropped:
    case AbcMovement::Lost:
        return QColor(0xf9, 0xdc, 0xda);
    default:
        return QColor(Qt::white);
    }
}

/// The standings a matrix shows: the classes in use, apart, absent.
std::vector<AbcStanding> standingsFor(int classCount)
{
    std::vector<AbcStanding> standings;
    for (int i = 0; i < classCount; ++i) {
        standings.push_back(static_cast<AbcStanding>(i));
    }
    standings.push_back(AbcStanding::Apart);
    standings.push_back(AbcStanding::Absent);
    return standings;
}

} // namespace

AbcCompareDialog::AbcCompareDialog(services::AbcService& service, QWidget* parent)
    : QDialog(parent), m_service(service)
{
    setWindowTitle(tr("Compare ABC snapshots"));
    resize(820, 560);
    auto* layout = new QVBoxLayout(this);
    auto* choose = new QHBoxLayout;
    m_earlier = new QComboBox;
    m_later = new QComboBox;
    auto* compareButton = new QPushButton(tr("Compare"));
    choose->addWidget(new QLabel(tr("From")));
    choose->addWidget(m_earlier, 1);
    choose->addWidget(new QLabel(tr("to")));
    choose->addWidget(m_later, 1);
    choose->addWidget(compareButton);
    layout->addLayout(choose);
    m_note = new QLabel;
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    m_matrix = new QTableWidget;
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrix->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_matrix, 1);
    m_customers = new QListWidget;
    layout->addWidget(m_customers, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    layout->addWidget(buttons);

    auto snapshots = m_service.snapshots();
    if (snapshots) {
        m_snapshots = std::move(snapshots.value());
    }
    for (const auto& info : m_snapshots) {
        const auto label = QStringLiteral("%1 — %2").arg(QString::fromStdString(info.name),
                                                          QString::fromStdString(info.createdOn.toIso()));
        m_earlier->addItem(label);
        m_later->addItem(label);
    }
    if (m_snapshots.size() < 2) {
        m_note->setText(tr("Save at least two snapshots in the ABC view (for example one per quarter) to compare them."));
        compareButton->setEnabled(false);
    } else {
        // Newest first: compare the one before the last with the last.
        m_earlier->setCurrentIndex(1);
        m_later->setCurrentIndex(0);
        compare(1, 0);
    }
    connect(compareButton, &QPushButton::clicked, this,
            [this] { compare(m_earlier->currentIndex(), m_later->currentIndex()); });
    connect(m_matrix, &QTableWidget::cellClicked, this, &AbcCompareDialog::showCell);
    connect(m_customers, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        emit customerActivated(item->data(Qt::UserRole).toLongLong());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool AbcCompareDialog::compare(int earlierIndex, int laterIndex)
{
    if (earlierIndex < 0 || laterIndex < 0 || earlierIndex >= static_cast<int>(m_snapshots.size()) ||
        laterIndex >= static_cast<int>(m_snapshots.size())) {
        return false;
    }
    auto comparison = m_service.compare(m_snapshots[static_cast<std::size_t>(earlierIndex)].id,
                                        m_snapshots[static_cast<std::size_t>(laterIndex)].id);
    if (!comparison) {
        m_note->setText(QString::fromStdString(comparison.error().describe()));
        return false;
    }
    m_comparison = std::move(comparison.value());
    const auto& migration = m_comparison->migration;
    const auto standings = standingsFor(migration.classCount);
    const int n = static_cast<int>(standings.size());
    m_matrix->clear();
    m_matrix->setRowCount(n);
    m_matrix->setColumnCount(n);
    QStringList labels;
    for (const auto standing : standings) {
        labels << standingLabel(standing);
    }
    m_matrix->setVerticalHeaderLabels(labels);
    m_matrix->setHorizontalHeaderLabels(labels);
    const QLocale locale;
    for (int row = 0; row < n; ++row) {
        for (int column = 0; column < n; ++column) {
            const auto from = standings[static_cast<std::size_t>(row)];
            const auto to = standings[static_cast<std::size_t>(column)];
            const auto count = migration.count(from, to);
            auto* item = new QTableWidgetItem(count ? locale.toString(static_cast<qlonglong>(count)) : QString());
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setBackground(movementColor(movementOf(from, to)));
            m_matrix->setItem(row, column, item);
        }
    }
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_note->setText(tr("Rows: standing in “%1”; columns: in “%2”. Green cells rose or are new, red ones dropped or "
                       "were lost. Click a cell to list its customers.")
                        .arg(QString::fromStdString(m_comparison->earlier.name),
                             QString::fromStdString(m_comparison->later.name)));
    m_customers->clear();
    return true;
}

void AbcCompareDialog::showCell(int row, int column)
{
    m_customers->clear();
    if (!m_comparison) {
        return;
    }
    const auto standings = standingsFor(m_comparison->migration.classCount);
    if (row < 0 || column < 0 || row >= static_cast<int>(standings.size()) || column >= static_cast<int>(standings.size())) {
        return;
    }
    const auto& ids = m_comparison->migration.customers(standings[static_cast<std::size_t>(row)],
                                                         standings[static_cast<std::size_t>(column)]);
    // A cell can hold most of a large portfolio: list the first thousand, say how many more.
    constexpr std::size_t kShown = 1000;
    const std::vector<CustomerId> shown(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), kShown)));
    const auto labels = m_service.labels(shown);
    if (!labels) {
        m_note->setText(QString::fromStdString(labels.error().describe()));
        return;
    }
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const auto& label = labels.value()[i];
        auto* item = new QListWidgetItem(label.code.empty() ? tr("(deleted customer %1)").arg(shown[i])
                                                            : QStringLiteral("%1  %2").arg(QString::fromStdString(label.code),
                                                                                           QString::fromStdString(label.name)));
        item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(shown[i]));
        m_customers->addItem(item);
    }
    if (ids.size() > kShown) {
        m_customers->addItem(tr("… and %1 more").arg(QLocale().toString(static_cast<qulonglong>(ids.size() - kShown))));
    }
}

} // namespace cartera::app
