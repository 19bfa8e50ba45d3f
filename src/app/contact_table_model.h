#pragma once

#include "domain/contact_filter.h"
#include "storage/contact_repository.h"

#include "app/page_cache.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <map>
#include <vector>

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

/// The people at the accounts as a table model over the database.
///  - Without search words it knows how many contacts there are and reads pages of rows on
///    demand, keeping a few pages in memory; a rep's book is counted up to 10,000 at first and
///    further as the view scrolls to its end (canFetchMore/fetchMore).
///  - With search words it holds the search's listed rows (at most
///    storage::ContactRepository::kSearchListLimit) and whether more contacts match.
/// Sorting by name, account or e-mail; the other columns keep the current order.
class ContactTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Name,
        JobTitle,
        Account,
        AccountCode,
        Email,
        Phone,
        Primary,
        Count
    };
    static constexpr int kContactIdRole = Qt::UserRole + 1;
    static constexpr int kCustomerIdRole = Qt::UserRole + 2;

    explicit ContactTableModel(services::Portfolio& portfolio, QObject* parent = nullptr);

    void setFilter(const domain::ContactFilter& filter);
    [[nodiscard]] const domain::ContactFilter& filter() const { return m_filter; }
    [[nodiscard]] domain::ContactSort sortOrder() const { return m_sort; }
    /// True when more contacts match than rowCount() (a broad search, or a rep's book not yet
    /// counted to its end).
    [[nodiscard]] bool moreThanShown() const { return m_more; }
    /// True when the rows are a search's first matches rather than pages of the whole list.
    [[nodiscard]] bool isSearch() const { return m_search; }
    /// Whether a column can be sorted by, and the column of a sort key.
    [[nodiscard]] static bool isSortable(int column);
    [[nodiscard]] static int columnOf(domain::ContactSortKey key);

    /// The row's contact, or nullptr (reads its page when needed).
    [[nodiscard]] const storage::ContactListRow* rowAt(int row) const;
    /// The row of a contact among the rows in memory, or -1.
    [[nodiscard]] int rowOfContact(domain::ContactId id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    /// Reads the count and rows again (after a change to the database).
    void reload();

private:
    /// A rep's book is counted up to this at first, then four times further at each fetchMore.
    static constexpr std::int64_t kFirstCount = 10000;

    void load();
    void clearPages();

    services::Portfolio& m_portfolio;
    domain::ContactFilter m_filter;
    domain::ContactSort m_sort;
    bool m_search = false;
    bool m_more = false;
    int m_rowCount = 0;
    std::int64_t m_countedUpTo = 0;  ///< the limit the count used (0: counted in full)
    std::vector<storage::ContactListRow> m_searchRows;
    mutable PageCache<storage::ContactListRow> m_pages;
};

} // namespace cartera::app
