#include "app/activity_table_model.h"

#include "app/activity_editor.h"
#include "services/portfolio.h"

#include <QBrush>
#include <QColor>
#include <QDate>
#include <QLocale>

#include <algorithm>
#include <climits>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QString shortDate(const domain::Date& d)
{
    return QLocale().toString(QDate(d.year(), static_cast<int>(d.month()), static_cast<int>(d.day())),
                              QLocale::ShortFormat);
}

} // namespace

ActivityTableModel::ActivityTableModel(services::Portfolio& portfolio, int responseTargetDays, QObject* parent)
    : QAbstractTableModel(parent), m_portfolio(portfolio), m_targetDays(responseTargetDays)
{
    reload();
}

void ActivityTableModel::setFilter(const ActivityFilter& filter)
{
    if (filter == m_filter) {
        return;
    }
    m_filter = filter;
    reload();
}

void ActivityTableModel::setResponseTargetDays(int days)
{
    m_targetDays = days;
    if (m_rowCount > 0) {
        emit dataChanged(index(0, 0), index(m_rowCount - 1, Count - 1));
    }
}

void ActivityTableModel::reload()
{
    beginResetModel();
    m_today = domain::Date::today();
    m_pages.clear();
    m_rowCount = static_cast<int>(std::min<std::int64_t>(m_portfolio.activities().count(m_filter), INT_MAX));
    endResetModel();
}

int ActivityTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int ActivityTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : Count;
}

const storage::ActivityListRow* ActivityTableModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rowCount) {
        return nullptr;
    }
    return m_pages.at(row, [this](std::int64_t offset, int limit) { return m_portfolio.activities().list(m_filter, offset, limit); });
}

QVariant ActivityTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    const auto* row = rowAt(index.row());
    if (!row) {
        return {};
    }
    const auto& a = row->activity;
    const bool overdue = a.isOverdue(m_today, m_targetDays);
    switch (role) {
    case kCustomerIdRole:
        return QVariant::fromValue<qlonglong>(a.customerId);
    case kActivityIdRole:
        return QVariant::fromValue<qlonglong>(a.id);
    case kOverdueRole:
        return overdue;
    case Qt::ForegroundRole:
        return overdue ? QVariant(QBrush(QColor(0xb3, 0x26, 0x1e))) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == FirstResponse || index.column() == Resolution
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (static_cast<Column>(index.column())) {
    case Date:
        return shortDate(a.occurredOn);
    case Customer:
        return QStringLiteral("%1 (%2)").arg(QString::fromStdString(row->customerName),
                                             QString::fromStdString(row->customerCode));
    case Type:
        return activityTypeLabel(a.type);
    case Subject:
        return QString::fromStdString(a.subject);
    case Status:
        return (a.status ? activityStatusLabel(*a.status) : QString()) + (overdue ? tr(" — overdue") : QString());
    case Owner:
        return QString::fromStdString(row->ownerName);
    case FirstResponse:
        if (const auto days = a.daysToFirstResponse()) {
            return tr("%n day(s)", nullptr, *days);
        }
        return {};
    case Resolution:
        if (const auto days = a.daysToResolution()) {
            return tr("%n day(s)", nullptr, *days);
        }
        return {};
    case Count:
        break;
    }
    return {};
}

QVariant ActivityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Date:
        return tr("Date");
    case Customer:
        return tr("Customer");
    case Type:
        return tr("Type");
    case Subject:
        return tr("Subject");
    case Status:
        return tr("Status");
    case Owner:
        return tr("Owner");
    case FirstResponse:
        return tr("First response");
    case Resolution:
        return tr("Resolved in");
    case Count:
        break;
    }
    return {};
}

} // namespace cartera::app
