#pragma once

#include "domain/at_risk.h"
#include "domain/money.h"
#include "domain/retention_facts.h"
#include "storage/customer_repository.h"

#include <QAbstractTableModel>

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace cartera::app {

/// The at-risk list: one row per customer with a risk signal, highest score first. Codes and
/// names are read a page at a time when rows are first shown (a list at 1,000,000 customers can
/// hold 100,000 rows; reading every name up front would cost a second).
class AtRiskModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Code, Name, Score, Reasons, RevenueLast12, RevenuePrior12, MonthsSinceOrder, Count };
    static constexpr int kCustomerIdRole = Qt::UserRole + 1;

    /// Reads the labels of customers at these positions of the facts.
    using LabelReader = std::function<std::vector<storage::CustomerLabel>(const std::vector<std::uint32_t>&)>;

    explicit AtRiskModel(QObject* parent = nullptr);

    void setEntries(std::shared_ptr<const domain::RetentionFacts> facts, std::vector<domain::AtRiskEntry> entries,
                    domain::CurrencyCode currency, LabelReader labels);
    [[nodiscard]] const domain::AtRiskEntry* entry(int row) const;
    [[nodiscard]] domain::CustomerId customerId(int row) const;

    /// The entry's signals in words, through tr().
    static QString reasonsText(const domain::AtRiskEntry& entry);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const storage::CustomerLabel& labelOf(int row) const;

    static constexpr int kPage = 256;
    std::shared_ptr<const domain::RetentionFacts> m_facts;
    std::vector<domain::AtRiskEntry> m_entries;
    domain::CurrencyCode m_currency;
    LabelReader m_readLabels;
    mutable std::unordered_map<int, std::vector<storage::CustomerLabel>> m_pages;
};

} // namespace cartera::app
