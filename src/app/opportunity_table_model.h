#pragma once

#include "domain/opportunity.h"
#include "storage/opportunity_repository.h"

#include <QAbstractTableModel>
#include <QDate>

#include <vector>

namespace cartera::app {

/// The opportunities of the pipeline's list, one row each, as the view read them (a capped page
/// from SQL: the view says how many more there are).
class OpportunityTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Account,
        Title,
        StageName,
        Probability,
        Amount,
        Weighted,
        ExpectedClose,
        Owner,
        Category,
        NextStep,
        ColumnCount
    };
    /// The opportunity id of a row (Qt::UserRole).
    static constexpr int IdRole = Qt::UserRole;

    explicit OpportunityTableModel(QObject* parent = nullptr);

    /// Replaces the rows; stages give names and default probabilities; today and staleDays decide
    /// which rows are highlighted as overdue or stale.
    void setRows(std::vector<storage::OpportunityRow> rows, std::vector<domain::Stage> stages, domain::Date today,
                 int staleDays);
    [[nodiscard]] const storage::OpportunityRow& row(int index) const { return m_rows.at(static_cast<std::size_t>(index)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<storage::OpportunityRow> m_rows;
    std::vector<domain::Stage> m_stages;
    domain::Date m_today;
    int m_staleDays = 30;
};

/// Why a deal needs attention: past its expected close, or no stage change for staleDays.
enum class DealAlert {
    None,
    Stale,
    Overdue,
};
DealAlert dealAlert(const domain::Opportunity& opportunity, const std::vector<domain::Stage>& stages,
                    domain::Date today, int staleDays);

} // namespace cartera::app
