#include "app/open_claims_model.h"

#include "app/activity_editor.h"
#include "services/portfolio.h"

#include <QBrush>
#include <QColor>
#include <QDate>
#include <QLocale>

namespace cartera::app {

using namespace cartera::domain;

OpenClaimsModel::OpenClaimsModel(services::Portfolio& portfolio, int responseTargetDays, QObject* parent)
    : QAbstractTableModel(parent), m_portfolio(portfolio), m_targetDays(responseTargetDays)
{
    reload();
}

void OpenClaimsModel::reload()
{
    beginResetModel();
    m_today = Date::today();
    m_rows = m_portfolio.activities().pending();
    endResetModel();
}

void OpenClaimsModel::setResponseTargetDays(int days)
{
    m_targetDays = days;
    if (!m_rows.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, Count - 1));
    }
}

int OpenClaimsModel::overdueCount() const
{
    int count = 0;
    for (const auto& row : m_rows) {
        count += row.activity.isOverdue(m_today, m_targetDays) ? 1 : 0;
    }
    return count;
}

int OpenClaimsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int OpenClaimsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant OpenClaimsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const auto& row = m_rows[static_cast<std::size_t>(index.row())];
    const auto& a = row.activity;
    const bool overdue = a.isOverdue(m_today, m_targetDays);
    switch (role) {
    case kCustomerIdRole:
        return QVariant::fromValue<qlonglong>(a.customerId);
    case kOverdueRole:
        return overdue;
    case Qt::ForegroundRole:
        return overdue ? QVariant(QBrush(QColor(0xb3, 0x26, 0x1e))) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Waiting ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (static_cast<Column>(index.column())) {
    case Opened:
        return QLocale().toString(QDate(a.occurredOn.year(), static_cast<int>(a.occurredOn.month()),
                                        static_cast<int>(a.occurredOn.day())),
                                  QLocale::ShortFormat);
    case Customer:
        return QStringLiteral("%1 (%2)").arg(QString::fromStdString(row.customerName), QString::fromStdString(row.customerCode));
    case Type:
        return activityTypeLabel(a.type);
    case Subject:
        return QString::fromStdString(a.subject);
    case Status:
        return (a.status ? activityStatusLabel(*a.status) : QString()) + (overdue ? tr(" — overdue") : QString());
    case Owner:
        return QString::fromStdString(row.ownerName);
    case Waiting:
        return tr("%n day(s)", nullptr, a.occurredOn.daysUntil(m_today));
    case Count:
        break;
    }
    return {};
}

QVariant OpenClaimsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Opened:
        return tr("Opened");
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
    case Waiting:
        return tr("Open for");
    case Count:
        break;
    }
    return {};
}

} // namespace cartera::app
