#pragma once

#include "domain/money.h"
#include "services/abc_service.h"

#include <QAbstractTableModel>

#include <memory>
#include <optional>

namespace cartera::app {

/// The classified customers of an ABC run by rank, or one class of them, or the customers listed
/// apart (value 0 or below). Reads the run in place: classes are contiguous rank ranges, so a
/// class filter is an offset and a count, never a copy of 1,000,000 rows.
class AbcEntryModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Rank,
        Code,
        Name,
        Value,
        Share,
        Cumulative,
        Class,
        Count
    };
    static constexpr int kCustomerIdRole = Qt::UserRole + 1;

    /// What the list shows: every classified customer, one class, or those listed apart.
    struct Selection {
        std::optional<domain::AbcClass> abcClass;  ///< none: every classified customer
        bool apart = false;                        ///< the customers listed apart instead
        friend bool operator==(const Selection&, const Selection&) = default;
    };

    explicit AbcEntryModel(QObject* parent = nullptr);

    void setRun(std::shared_ptr<const services::AbcRun> run, const std::string& currency);
    void setSelection(Selection selection);
    [[nodiscard]] Selection selection() const { return m_selection; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void locateRows();
    QString valueText(std::int64_t value) const;

    std::shared_ptr<const services::AbcRun> m_run;
    domain::CurrencyCode m_currency;
    Selection m_selection;
    std::size_t m_first = 0;  ///< first entry shown (classes are contiguous by rank)
    int m_rows = 0;
};

/// "Revenue", "Gross margin", "Orders" (translated).
QString abcCriterionLabel(domain::AbcCriterion criterion);

} // namespace cartera::app
