#include "app/customer_table_model.h"

#include "services/portfolio.h"

#include <algorithm>

namespace cartera::app {

using namespace cartera::domain;

QString channelLabel(SalesChannel channel)
{
    switch (channel) {
    case SalesChannel::Direct:
        return CustomerTableModel::tr("Direct");
    case SalesChannel::Wholesale:
        return CustomerTableModel::tr("Wholesale / distributor");
    case SalesChannel::Retail:
        return CustomerTableModel::tr("Retail");
    case SalesChannel::Online:
        return CustomerTableModel::tr("Online");
    }
    return {};
}

QString kindLabel(CustomerKind kind)
{
    return kind == CustomerKind::Prospect ? CustomerTableModel::tr("Prospect") : CustomerTableModel::tr("Customer");
}

QString statusLabel(CustomerStatus status)
{
    switch (status) {
    case CustomerStatus::Active:
        return CustomerTableModel::tr("Active");
    case CustomerStatus::Inactive:
        return CustomerTableModel::tr("Inactive");
    case CustomerStatus::Exited:
        return CustomerTableModel::tr("Exited");
    }
    return {};
}

QString sizeBandLabel(SizeBand band)
{
    switch (band) {
    case SizeBand::Micro:
        return CustomerTableModel::tr("Micro (1-9)");
    case SizeBand::Small:
        return CustomerTableModel::tr("Small (10-49)");
    case SizeBand::Medium:
        return CustomerTableModel::tr("Medium (50-249)");
    case SizeBand::Large:
        return CustomerTableModel::tr("Large (250-999)");
    case SizeBand::Enterprise:
        return CustomerTableModel::tr("Enterprise (1000+)");
    }
    return {};
}

CustomerTableModel::CustomerTableModel(services::Portfolio& portfolio, QObject* parent)
    : QAbstractTableModel(parent), m_portfolio(portfolio)
{
    reload();
}

void CustomerTableModel::setFilter(const CustomerFilter& filter)
{
    if (filter == m_filter) {
        return;
    }
    m_filter = filter;
    reload();
}

void CustomerTableModel::reload()
{
    beginResetModel();
    m_pages.clear();
    const auto count = m_portfolio.customers().count(m_filter);
    m_rowCount = static_cast<int>(std::min<std::int64_t>(count, INT32_MAX));
    endResetModel();
}

int CustomerTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int CustomerTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : Column::Count;
}

const storage::CustomerListRow* CustomerTableModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rowCount) {
        return nullptr;
    }
    return m_pages.at(row, [this](std::int64_t offset, int limit) { return m_portfolio.customers().list(m_filter, m_sort, offset, limit); });
}

QVariant CustomerTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    const auto* row = rowAt(index.row());
    if (!row) {
        return {};
    }
    if (role == kCustomerIdRole) {
        return QVariant::fromValue<qlonglong>(row->id);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (static_cast<Column>(index.column())) {
    case Code:
        return QString::fromStdString(row->code);
    case Name:
        return QString::fromStdString(row->name);
    case Kind:
        return kindLabel(row->kind);
    case Industry:
        return QString::fromStdString(row->industry);
    case City:
        return QString::fromStdString(row->city);
    case Country:
        return QString::fromStdString(row->country);
    case Channel:
        return channelLabel(row->channel);
    case Owner:
        return QString::fromStdString(row->ownerName);
    case Status:
        return statusLabel(row->status);
    case Count:
        break;
    }
    return {};
}

QVariant CustomerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Code:
        return tr("Code");
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case Industry:
        return tr("Industry");
    case City:
        return tr("City");
    case Country:
        return tr("Country");
    case Channel:
        return tr("Channel");
    case Owner:
        return tr("Owner");
    case Status:
        return tr("Status");
    case Count:
        break;
    }
    return {};
}

void CustomerTableModel::sort(int column, Qt::SortOrder order)
{
    CustomerSort sort;
    switch (static_cast<Column>(column)) {
    case Code:
        sort.key = CustomerSortKey::Code;
        break;
    case City:
        sort.key = CustomerSortKey::City;
        break;
    case Country:
        sort.key = CustomerSortKey::Country;
        break;
    case Channel:
        sort.key = CustomerSortKey::Channel;
        break;
    case Owner:
        sort.key = CustomerSortKey::Owner;
        break;
    case Kind:
        sort.key = CustomerSortKey::Kind;
        break;
    case Industry:
        sort.key = CustomerSortKey::Industry;
        break;
    case Status:
        sort.key = CustomerSortKey::Status;
        break;
    default:
        sort.key = CustomerSortKey::Name;
        break;
    }
    sort.descending = order == Qt::DescendingOrder;
    if (sort == m_sort) {
        return;
    }
    m_sort = sort;
    beginResetModel();
    m_pages.clear();
    endResetModel();
}

} // namespace cartera::app
