#include "app/contact_table_model.h"

#include "domain/customer_validation.h"
#include "services/portfolio.h"

#include <algorithm>
#include <climits>

namespace cartera::app {

using namespace cartera::domain;

namespace {

int clampedRows(std::int64_t rows)
{
    return static_cast<int>(std::clamp<std::int64_t>(rows, 0, INT_MAX));
}

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

ContactTableModel::ContactTableModel(services::Portfolio& portfolio, QObject* parent)
    : QAbstractTableModel(parent), m_portfolio(portfolio)
{
    load();
}

bool ContactTableModel::isSortable(int column)
{
    return column == Name || column == Account || column == Email;
}

int ContactTableModel::columnOf(ContactSortKey key)
{
    switch (key) {
    case ContactSortKey::Customer:
        return Account;
    case ContactSortKey::Email:
        return Email;
    case ContactSortKey::Name:
    case ContactSortKey::Count:
        break;
    }
    return Name;
}

void ContactTableModel::setFilter(const ContactFilter& filter)
{
    if (filter == m_filter) {
        return;
    }
    m_filter = filter;
    reload();
}

void ContactTableModel::reload()
{
    beginResetModel();
    load();
    endResetModel();
}

void ContactTableModel::clearPages()
{
    m_pages.clear();
}

void ContactTableModel::load()
{
    clearPages();
    m_searchRows.clear();
    m_more = false;
    m_countedUpTo = 0;
    auto& contacts = m_portfolio.contacts();
    m_search = !trimmed(m_filter.search).empty();
    if (m_search) {
        // One pass reads the search's whole (limited) list: its count is the list's size.
        auto found = contacts.search(m_filter, m_sort);
        m_searchRows = std::move(found.rows);
        m_more = found.more;
        m_rowCount = clampedRows(static_cast<std::int64_t>(m_searchRows.size()));
        return;
    }
    if (!m_filter.ownerRepId || m_filter.customerId) {
        // All contacts are counted from indexes; one account's are few.
        m_rowCount = clampedRows(contacts.count(m_filter));
        return;
    }
    // Counting a large book in full reads every contact of it (0.2 s for 285,000): count what
    // fills the view first, and further when the view reaches the end (fetchMore).
    m_countedUpTo = kFirstCount;
    const auto counted = contacts.countUpTo(m_filter, m_countedUpTo + 1);
    m_more = counted > m_countedUpTo;
    m_rowCount = clampedRows(std::min(counted, m_countedUpTo));
}

bool ContactTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_search && m_more;
}

void ContactTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    m_countedUpTo *= 4;
    const auto counted = m_portfolio.contacts().countUpTo(m_filter, m_countedUpTo + 1);
    const int rows = clampedRows(std::min(counted, m_countedUpTo));
    m_more = counted > m_countedUpTo;
    if (rows > m_rowCount) {
        beginInsertRows({}, m_rowCount, rows - 1);
        m_rowCount = rows;
        endInsertRows();
    }
}

int ContactTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int ContactTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : Column::Count;
}

const storage::ContactListRow* ContactTableModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rowCount) {
        return nullptr;
    }
    if (m_search) {
        return &m_searchRows[static_cast<std::size_t>(row)];
    }
    return m_pages.at(row, [this](std::int64_t offset, int limit) { return m_portfolio.contacts().list(m_filter, m_sort, offset, limit); });
}

int ContactTableModel::rowOfContact(ContactId id) const
{
    const auto position = [id](const std::vector<storage::ContactListRow>& rows) {
        const auto it = std::find_if(rows.begin(), rows.end(), [id](const auto& row) { return row.id == id; });
        return it == rows.end() ? -1 : static_cast<int>(it - rows.begin());
    };
    if (m_search) {
        return position(m_searchRows);
    }
    for (const auto& [page, rows] : m_pages.pages()) {
        if (const int at = position(rows); at >= 0 && page * PageCache<storage::ContactListRow>::kPageSize + at < m_rowCount) {
            return page * PageCache<storage::ContactListRow>::kPageSize + at;
        }
    }
    return -1;
}

QVariant ContactTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.parent().isValid()) {
        return {};
    }
    const auto* row = rowAt(index.row());
    if (!row) {
        return {};
    }
    if (role == kContactIdRole) {
        return QVariant::fromValue<qlonglong>(row->id);
    }
    if (role == kCustomerIdRole) {
        return QVariant::fromValue<qlonglong>(row->customerId);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (static_cast<Column>(index.column())) {
    case Name:
        // Last name first: the list is in that order.
        if (row->firstName.empty() || row->lastName.empty()) {
            return qs(row->lastName.empty() ? row->firstName : row->lastName);
        }
        return tr("%1, %2").arg(qs(row->lastName), qs(row->firstName));
    case JobTitle:
        return qs(row->jobTitle);
    case Account:
        return qs(row->customerName);
    case AccountCode:
        return qs(row->customerCode);
    case Email:
        return qs(row->email);
    case Phone:
        return qs(row->phone);
    case Primary:
        return row->primary ? tr("Primary") : QString();
    case Count:
        break;
    }
    return {};
}

QVariant ContactTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Name:
        return tr("Name");
    case JobTitle:
        return tr("Job title");
    case Account:
        return tr("Account");
    case AccountCode:
        return tr("Code");
    case Email:
        return tr("E-mail");
    case Phone:
        return tr("Phone");
    case Primary:
        return tr("Primary");
    case Count:
        break;
    }
    return {};
}

void ContactTableModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column)) {
        return;
    }
    ContactSort sort;
    sort.key = column == Account ? ContactSortKey::Customer
               : column == Email ? ContactSortKey::Email
                                 : ContactSortKey::Name;
    sort.descending = order == Qt::DescendingOrder;
    if (sort == m_sort) {
        return;
    }
    m_sort = sort;
    if (m_search) {
        // The same matches, in the new order.
        reload();
        return;
    }
    beginResetModel();
    clearPages();
    endResetModel();
}

} // namespace cartera::app
