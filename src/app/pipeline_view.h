#pragma once

#include "domain/customer.h"
#include "domain/date.h"
#include "domain/error.h"
#include "domain/opportunity.h"
#include "services/opportunity_service.h"

#include <QWidget>

#include <functional>
#include <map>
#include <optional>
#include <string>

class QComboBox;
class QLabel;
class QTableView;
class QTabWidget;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

class OpportunityTableModel;
class StageColumn;

/// The Pipeline view (docs/pipeline.md): a board with a column per stage (count, total and
/// weighted total from SQL, at most kBoardCap cards each) whose cards are dragged between stages,
/// and a list of the same opportunities; filters by owner ("My opportunities" or a rep) and
/// expected close period, and a stage for the list. Deals past their expected close, or without a
/// stage change for the stale days of Preferences, are highlighted. Every change is undoable: the
/// view makes it through the service, then hands the undo and redo steps on (changeRequested).
class PipelineView final : public QWidget {
    Q_OBJECT

public:
    using Step = std::function<domain::Status()>;
    /// Cards shown per column; the header counts them all.
    static constexpr int kBoardCap = 50;
    /// Rows shown in the list.
    static constexpr int kListCap = 1000;

    PipelineView(services::Portfolio& portfolio, std::optional<domain::RepId> me, int staleDays,
                 QWidget* parent = nullptr);

    /// Reads the stage totals, the cards and the list again. The view first reads when first shown,
    /// so a large portfolio does not slow the app's start.
    void reload();
    void setCurrentRep(std::optional<domain::RepId> me);
    void setStaleDays(int days);
    /// The day deals are judged overdue or stale against (today by default).
    void setToday(domain::Date today);

    /// Moves an opportunity to a stage (today's date), undoably; false with errorOccurred when refused.
    bool moveOpportunity(domain::OpportunityId id, const std::string& stage, const std::string& lostReason = {});
    /// Saves a new opportunity, undoably.
    bool createOpportunity(const domain::Opportunity& opportunity);
    /// Saves an edit, undoably.
    bool updateOpportunity(const domain::Opportunity& opportunity);
    /// Opens the editor for a new opportunity of the account.
    void newOpportunityFor(domain::CustomerId customerId);
    void editOpportunity(domain::OpportunityId id);

    [[nodiscard]] StageColumn* column(const std::string& stage) const;
    [[nodiscard]] OpportunityTableModel* listModel() const { return m_model; }
    [[nodiscard]] QComboBox* ownerFilter() const { return m_owner; }
    [[nodiscard]] QComboBox* periodFilter() const { return m_period; }
    [[nodiscard]] QComboBox* stageFilter() const { return m_stageFilter; }
    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }

protected:
    void showEvent(QShowEvent* event) override;

signals:
    void changeRequested(const QString& text, Step redo, Step undo);
    void errorOccurred(const domain::Error& error);
    void customerSelected(domain::CustomerId id);

private:
    [[nodiscard]] domain::OpportunityFilter filter() const;
    void fillOwners();
    void onDrop(domain::OpportunityId id, const std::string& stage);
    void report(const domain::Error& error);
    Step refreshing(Step step);

    services::Portfolio& m_portfolio;
    services::OpportunityService m_service;
    std::optional<domain::RepId> m_me;
    int m_staleDays;
    bool m_loaded = false;
    domain::Date m_today;
    std::vector<domain::Stage> m_stages;
    std::map<std::string, StageColumn*> m_columns;
    QComboBox* m_owner;
    QComboBox* m_period;
    QComboBox* m_stageFilter;
    QLabel* m_message;
    QLabel* m_listCount;
    QTabWidget* m_tabs;
    QTableView* m_table;
    OpportunityTableModel* m_model;
};

} // namespace cartera::app
