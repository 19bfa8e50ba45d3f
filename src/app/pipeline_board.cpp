#include "app/pipeline_board.h"

#include "app/money_format.h"
#include "app/opportunity_table_model.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

StageList::StageList(std::string stage, QWidget* parent) : QListWidget(parent), m_stage(std::move(stage))
{
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setWordWrap(true);
    setSpacing(2);
    setUniformItemSizes(false);
}

QStringList StageList::mimeTypes() const
{
    return {QString::fromLatin1(kMimeType)};
}

QMimeData* StageList::mimeData(const QList<QListWidgetItem*>& items) const
{
    if (items.isEmpty()) {
        return nullptr;
    }
    auto* data = new QMimeData;
    data->setData(QString::fromLatin1(kMimeType), QByteArray::number(items.first()->data(IdRole).toLongLong()));
    return data;
}

void StageList::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(kMimeType))) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void StageList::dragMoveEvent(QDragMoveEvent* event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(kMimeType))) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void StageList::dropEvent(QDropEvent* event)
{
    bool ok = false;
    const auto id = event->mimeData()->data(QString::fromLatin1(kMimeType)).toLongLong(&ok);
    if (!ok) {
        event->ignore();
        return;
    }
    // The item is not moved here: the view moves the opportunity and redraws the board, so a
    // refused move (a lost deal without a reason) leaves the card where it was.
    event->setDropAction(Qt::CopyAction);
    event->accept();
    for (int i = 0; i < count(); ++i) {
        if (item(i)->data(IdRole).toLongLong() == id) {
            return;  // dropped back on its own column
        }
    }
    emit moveRequested(id, m_stage);
}

StageColumn::StageColumn(const Stage& stage, QWidget* parent)
    : QWidget(parent), m_stage(stage), m_header(new QLabel), m_list(new StageList(stage.code)), m_more(new QLabel)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_more->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addWidget(m_header);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_more);
    setMinimumWidth(170);
}

void StageColumn::setSummary(const storage::StageSummary& summary, CurrencyCode currency)
{
    m_header->setText(tr("<b>%1</b> · %2 %<br>%3 deals<br>%4<br>weighted %5")
                          .arg(QString::fromStdString(m_stage.name).toHtmlEscaped())
                          .arg(m_stage.probabilityPercent)
                          .arg(QLocale().toString(static_cast<qlonglong>(summary.count)))
                          .arg(formatMoneyWhole(Money{summary.total, currency}))
                          .arg(formatMoneyWhole(Money{summary.weighted, currency})));
}

void StageColumn::setCards(const std::vector<storage::OpportunityRow>& rows, std::int64_t total,
                           const std::vector<Stage>& stages, Date today, int staleDays)
{
    m_list->clear();
    for (const auto& row : rows) {
        const auto& o = row.opportunity;
        const auto alert = dealAlert(o, stages, today, staleDays);
        QString text = QString::fromStdString(o.title) + QLatin1Char('\n') + QString::fromStdString(row.customerName) +
                       QLatin1Char('\n') + formatMoneyWhole(o.amount);
        auto* item = new QListWidgetItem(text);
        item->setData(StageList::IdRole, QVariant::fromValue<qlonglong>(o.id));
        if (alert == DealAlert::Overdue) {
            item->setText(text + tr("\n⚠ overdue"));
            item->setBackground(QColor(0xfd, 0xe7, 0xe9));
            item->setToolTip(tr("Past its expected close date"));
        } else if (alert == DealAlert::Stale) {
            item->setText(text + tr("\nstale: %1 days in stage").arg(o.stageChangedOn.daysUntil(today)));
            item->setBackground(QColor(0xff, 0xf4, 0xce));
            item->setToolTip(tr("No stage change for %1 days").arg(o.stageChangedOn.daysUntil(today)));
        }
        m_list->addItem(item);
    }
    const auto hidden = total - static_cast<std::int64_t>(rows.size());
    m_more->setText(hidden > 0 ? tr("+ %1 more (use the list)").arg(QLocale().toString(static_cast<qlonglong>(hidden)))
                               : QString());
    m_more->setVisible(hidden > 0);
}

} // namespace cartera::app
