#pragma once

#include "domain/at_risk.h"
#include "domain/churn.h"
#include "domain/error.h"
#include "domain/retention_facts.h"
#include "services/customer_service.h"
#include "storage/exit_repository.h"

#include <QWidget>

#include <memory>
#include <vector>

class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

class AtRiskModel;
class ReportTableModel;

/// The Retention view (docs/retention.md), tabs over one bulk read of the portfolio:
/// At risk (customers with risk signals, their reasons and score; a retention call assigned in
/// one click), Exits (every exit; the lost ones are the win-back list, with a win-back started in
/// one click), Churn (customer and revenue churn per month, quarter or year, by rep, channel, ABC
/// class or reason, with a chart), Cohorts (retention by first-order year) and Satisfaction (CSAT
/// and NPS by period and rep).
class RetentionView final : public QWidget {
    Q_OBJECT

public:
    explicit RetentionView(services::Portfolio& portfolio, QWidget* parent = nullptr);
    ~RetentionView() override;

    /// Reads the portfolio again and refreshes every tab; false (and errorOccurred) on failure.
    bool refresh();
    /// Whether the facts were read at least once.
    [[nodiscard]] bool loaded() const { return m_facts != nullptr; }
    /// Shows the tab by name: "at-risk", "exits", "churn", "cohorts", "satisfaction".
    bool showTab(const QString& name);

    /// Logs a retention call for the at-risk row (undoable); false when there is none.
    bool assignRetentionCall(int row);
    /// Logs a win-back note for the exit row (undoable); false when there is none.
    bool createWinBack(int row);

    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    [[nodiscard]] AtRiskModel* atRiskModel() const { return m_atRiskModel; }
    [[nodiscard]] ReportTableModel* exitModel() const { return m_exitModel; }
    [[nodiscard]] ReportTableModel* churnModel() const { return m_churnModel; }
    [[nodiscard]] ReportTableModel* cohortModel() const { return m_cohortModel; }
    [[nodiscard]] ReportTableModel* satisfactionModel() const { return m_satisfactionModel; }
    [[nodiscard]] QComboBox* churnDimensionChoice() const { return m_churnBy; }
    [[nodiscard]] QComboBox* churnPeriodChoice() const { return m_churnPeriod; }
    [[nodiscard]] QComboBox* exitOutcomeChoice() const { return m_exitOutcome; }
    [[nodiscard]] QChartView* churnChart() const { return m_churnChart; }

signals:
    void customerSelected(domain::CustomerId id);
    void customerActivated(domain::CustomerId id);
    /// A change was made (already saved); push it on the undo stack.
    void changeRequested(const QString& text, services::CustomerService::Step redo, services::CustomerService::Step undo);
    void errorOccurred(const domain::Error& error);

private:
    QWidget* createAtRiskTab();
    QWidget* createExitsTab();
    QWidget* createChurnTab();
    QWidget* createCohortTab();
    QWidget* createSatisfactionTab();
    void updateAtRisk();
    void updateExits();
    void updateChurn();
    void updateCohorts();
    void updateSatisfaction();
    domain::ChurnRequest churnRequest() const;

    services::Portfolio& m_portfolio;
    services::CustomerService m_service;
    std::shared_ptr<const domain::RetentionFacts> m_facts;
    std::vector<storage::ExitListRow> m_exits;
    domain::Date m_asOf;

    QTabWidget* m_tabs;
    QLabel* m_atRiskSummary = nullptr;
    QSpinBox* m_dropPercent = nullptr;
    QTableView* m_atRiskTable = nullptr;
    AtRiskModel* m_atRiskModel = nullptr;
    QComboBox* m_exitOutcome = nullptr;
    QTableView* m_exitTable = nullptr;
    ReportTableModel* m_exitModel = nullptr;
    QComboBox* m_churnPeriod = nullptr;
    QComboBox* m_churnBy = nullptr;
    QTableView* m_churnTable = nullptr;
    ReportTableModel* m_churnModel = nullptr;
    QChartView* m_churnChart = nullptr;
    ReportTableModel* m_cohortModel = nullptr;
    QComboBox* m_satisfactionPeriod = nullptr;
    QCheckBox* m_satisfactionByRep = nullptr;
    ReportTableModel* m_satisfactionModel = nullptr;
};

} // namespace cartera::app
