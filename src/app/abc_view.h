#pragma once

#include "services/abc_service.h"

#include <QWidget>

#include <memory>
#include <optional>

class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QDateEdit;
class QTableView;
class QTableWidget;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

class AbcEntryModel;

/// The ABC view: the manager's Pareto report. Choose a criterion (revenue, margin, orders), a
/// period (last 12 months, a calendar year, any months) and a scope (portfolio, country, channel
/// or rep), edit the class shares, and read the Pareto chart, the summary per class and the
/// ranked list, which opens a customer on double-click. The list exports to CSV and XLSX, the
/// report to PDF; a run can be saved as a dated snapshot and two snapshots compared.
class AbcView final : public QWidget {
    Q_OBJECT

public:
    AbcView(services::Portfolio& portfolio, QWidget* parent = nullptr);
    ~AbcView() override;

    /// Classifies with the current choices; shows the error under the controls on failure.
    bool classify();
    /// The last run, or null before the first.
    [[nodiscard]] const services::AbcRun* run() const { return m_run.get(); }
    [[nodiscard]] AbcEntryModel* listModel() const { return m_listModel; }
    [[nodiscard]] QTableWidget* summaryTable() const { return m_summary; }

    // The controls, for tests and for the window's menus.
    [[nodiscard]] QComboBox* criterionChoice() const { return m_criterion; }
    [[nodiscard]] QComboBox* periodChoice() const { return m_period; }
    [[nodiscard]] QComboBox* scopeChoice() const { return m_scopeKind; }
    [[nodiscard]] QComboBox* scopeValueChoice() const { return m_scopeValue; }
    [[nodiscard]] QLineEdit* thresholdsEdit() const { return m_thresholds; }
    [[nodiscard]] QComboBox* classChoice() const { return m_classFilter; }
    [[nodiscard]] QLabel* problemLabel() const { return m_problem; }

    /// Writes the shown list (CSV or XLSX by the extension) or the report (PDF).
    domain::Status exportList(const QString& path);
    domain::Status exportReport(const QString& path);
    /// Saves the last run as a snapshot; an empty name gets one made of the criterion and period.
    domain::Result<domain::AbcSnapshotInfo> saveSnapshot(const QString& name);

signals:
    void customerActivated(domain::CustomerId id);
    void customerSelected(domain::CustomerId id);

private:
    void buildControls();
    void fillScopeValues();
    void updatePeriodControls();
    void showRun();
    void applyThresholdsText();
    void chooseListExport();
    void chooseReportExport();
    void askSnapshotName();
    void openComparison();
    std::optional<services::AbcRequest> requestFromControls();

    services::Portfolio& m_portfolio;
    services::AbcService m_service;
    std::shared_ptr<services::AbcRun> m_run;
    std::string m_currency;

    QComboBox* m_criterion = nullptr;
    QComboBox* m_period = nullptr;
    QSpinBox* m_year = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_scopeKind = nullptr;
    QComboBox* m_scopeValue = nullptr;
    QLineEdit* m_thresholds = nullptr;
    QLabel* m_problem = nullptr;
    QLabel* m_caption = nullptr;
    QChartView* m_chart = nullptr;
    QTableWidget* m_summary = nullptr;
    QComboBox* m_classFilter = nullptr;
    QTableView* m_list = nullptr;
    AbcEntryModel* m_listModel = nullptr;
};

} // namespace cartera::app
