#pragma once

#include "domain/money.h"
#include "services/tier_service.h"

#include <QAbstractTableModel>
#include <QColor>

#include <memory>
#include <optional>

namespace cartera::app {

/// The colour of tier index (0 = best) among count tiers, for badges and the summary: indigo,
/// gold, silver, bronze, then four more. Badges also print the name, so they read without colour.
QColor tierColor(int index);

/// "Revenue", "Gross margin", "Growth", ... (translated).
QString tierIndicatorLabel(domain::TierIndicator indicator);
/// What the indicator measures and where it comes from, for tooltips (translated).
QString tierIndicatorDescription(domain::TierIndicator indicator);

/// The ranked customers of a tier run, or the customers of one tier. Reads the run in place:
/// tiers are contiguous rank ranges, so a tier filter is an offset and a count, never a copy of
/// 1,000,000 rows.
class TierEntryModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Rank,
        Code,
        Name,
        Tier,
        Score,
        Revenue,
        Count
    };
    static constexpr int kCustomerIdRole = Qt::UserRole + 1;
    static constexpr int kTierRole = Qt::UserRole + 2;  ///< the tier index, 0 = best
    static constexpr int kSortRole = Qt::UserRole + 3;  ///< raw values: rank, points, revenue

    explicit TierEntryModel(QObject* parent = nullptr);

    void setRun(std::shared_ptr<const services::TierRun> run, const std::string& currency);
    /// Every ranked customer (nullopt) or those of one tier.
    void setTierFilter(std::optional<int> tier);
    [[nodiscard]] std::optional<int> tierFilter() const { return m_tier; }
    /// The row showing the customer; -1 when it is not shown.
    [[nodiscard]] int rowOf(domain::CustomerId id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void locateRows();

    std::shared_ptr<const services::TierRun> m_run;
    domain::CurrencyCode m_currency;
    std::optional<int> m_tier;
    std::size_t m_first = 0;
    int m_rows = 0;
};

/// One customer's score taken apart: a row per indicator (its value, normalised value, weight and
/// points), then the score. Empty until a customer is set.
class TierBreakdownModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Indicator,
        Value,
        Normalised,
        Weight,
        Points,
        Count
    };
    static constexpr int kScoreRow = domain::kTierIndicatorCount;
    static constexpr int kPointsRole = Qt::UserRole + 1;  ///< the row's points as a double (0 when off)

    explicit TierBreakdownModel(QObject* parent = nullptr);

    /// Shows the customer at index customer of the run's facts; nullopt clears.
    void setCustomer(std::shared_ptr<const services::TierRun> run, std::optional<std::size_t> customer,
                     const std::string& currency);
    [[nodiscard]] std::optional<std::size_t> customer() const { return m_customer; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QString valueText(domain::TierIndicator indicator) const;

    std::shared_ptr<const services::TierRun> m_run;
    std::optional<std::size_t> m_customer;
    domain::CurrencyCode m_currency;
};

} // namespace cartera::app
