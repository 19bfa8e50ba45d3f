#pragma once

#include "domain/customer.h"
#include "services/tier_service.h"

#include <QWidget>

#include <array>
#include <atomic>
#include <memory>
#include <optional>
#include <thread>

class QChartView;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QShowEvent;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

class TierBreakdownModel;
class TierEntryModel;

/// The Tiers view: customers ranked into named tiers by a weighted, normalised score of several
/// indicators (docs/tiers.md). Choose a period and a saved model, switch indicators on or off and
/// weigh them, name the tiers and their shares of the customers; read the summary per tier, the
/// ranked list and, for the selected customer, what each indicator adds to its score (a bar chart
/// and a table). Editing weights or tiers ranks again from the facts in memory, without reading
/// the portfolio; Run reads it again. Models and runs are saved in the portfolio; the list exports
/// to CSV and XLSX.
///
/// Self-contained: the window embeds it and listens to customerSelected / customerActivated.
class TiersView final : public QWidget {
    Q_OBJECT

public:
    explicit TiersView(services::Portfolio& portfolio, QWidget* parent = nullptr);
    ~TiersView() override;

    /// Reads the portfolio for the chosen period and ranks it with the model in the controls;
    /// shows the error above the results on failure. Blocks until done (a second or two at
    /// 1,000,000 customers); the Run button and the first showing use startRun instead.
    bool runTiers();
    /// As runTiers, reading on a worker thread with a connection of its own: the window stays
    /// responsive, a busy bar with Cancel shows meanwhile, and runFinished tells the outcome. A
    /// run started while another is under way replaces it.
    void startRun();
    /// Stops a run started by startRun; its result, if it still arrives, is dropped.
    void cancelRun();
    [[nodiscard]] bool isRunning() const { return m_running; }
    /// The last run, or null before the first.
    [[nodiscard]] const services::TierRun* run() const { return m_run.get(); }
    /// The model the controls describe; an Error (naming the weight or tier at fault) when they
    /// do not make a valid model.
    [[nodiscard]] domain::Result<domain::TierModel> modelFromControls() const;
    /// Puts a model's weights and tiers into the controls and ranks again (without reading).
    void showModel(const domain::TierModel& model);
    /// Selects the customer in the list (showing every tier when needed) and shows its breakdown;
    /// false when the last run did not rank it.
    bool selectCustomer(domain::CustomerId id);

    /// Saves the controls' model under name (replacing a model of that name) and lists it.
    domain::Result<domain::SavedTierModel> saveModel(const QString& name);
    /// Saves the last run; an empty name gets one made of the period and the date.
    domain::Result<domain::TierRunInfo> saveRun(const QString& name);
    /// Writes the shown list (every tier or the chosen one) as CSV or XLSX, by the extension.
    domain::Status exportList(const QString& path);

    // Models and controls, for tests and for the window's menus.
    [[nodiscard]] TierEntryModel* listModel() const { return m_listModel; }
    [[nodiscard]] TierBreakdownModel* breakdownModel() const { return m_breakdownModel; }
    [[nodiscard]] QTableView* listView() const { return m_list; }
    [[nodiscard]] QTableWidget* summaryTable() const { return m_summary; }
    [[nodiscard]] QTableWidget* indicatorTable() const { return m_indicators; }
    [[nodiscard]] QTableWidget* tierTable() const { return m_tiers; }
    [[nodiscard]] QCheckBox* indicatorSwitch(domain::TierIndicator indicator) const;
    [[nodiscard]] QSpinBox* weightBox(domain::TierIndicator indicator) const;
    [[nodiscard]] QComboBox* periodChoice() const { return m_period; }
    [[nodiscard]] QSpinBox* yearChoice() const { return m_year; }
    [[nodiscard]] QComboBox* modelChoice() const { return m_modelChoice; }
    [[nodiscard]] QComboBox* tierFilter() const { return m_tierFilter; }
    [[nodiscard]] QPushButton* addTierButton() const { return m_addTier; }
    [[nodiscard]] QPushButton* removeTierButton() const { return m_removeTier; }
    [[nodiscard]] QChartView* breakdownChart() const { return m_chart; }
    [[nodiscard]] QLabel* problemLabel() const { return m_problem; }
    [[nodiscard]] QLabel* noticeLabel() const { return m_notice; }
    [[nodiscard]] QLabel* captionLabel() const { return m_caption; }
    [[nodiscard]] QPushButton* runButton() const { return m_runButton; }
    [[nodiscard]] QPushButton* cancelButton() const { return m_cancelButton; }

signals:
    void customerSelected(domain::CustomerId id);
    void customerActivated(domain::CustomerId id);
    /// A run started by startRun ended: true when its ranking is shown, false on an error (shown
    /// above the results) or a cancel.
    void runFinished(bool ok);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void buildControls();
    QWidget* buildIndicatorPanel();
    QWidget* buildTierPanel();
    void fillModelChoice(const QString& select = {});
    void updatePeriodControls();
    std::optional<std::pair<domain::MonthRange, domain::Date>> periodFromControls();
    void modelEdited();
    void rescore();
    void showRun();
    void showSummary();
    void showWeightShares();
    void showBreakdown(std::optional<std::size_t> customer);
    void fillTierFilter();
    void showProblem(const QString& text);
    void finishRun(int generation, domain::Result<std::shared_ptr<const domain::TierFacts>> facts,
                   services::TierRequest request);
    void stopWorker();
    void setRunning(bool running);
    void addTier();
    void removeTier();
    void chooseListExport();
    void askModelName();
    void askRunName();

    services::Portfolio& m_portfolio;
    services::TierService m_service;
    std::shared_ptr<services::TierRun> m_run;
    std::string m_currency;
    bool m_filling = false;  ///< controls being filled from a model: no rescoring meanwhile
    bool m_ranOnce = false;
    bool m_restoringSelection = false;  ///< reselecting after a new ranking: not a new selection
    bool m_running = false;
    int m_generation = 0;  ///< of the latest run started: the result of an older one is dropped
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::thread m_worker;

    QComboBox* m_period = nullptr;
    QSpinBox* m_year = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_modelChoice = nullptr;
    QLabel* m_problem = nullptr;
    QLabel* m_notice = nullptr;
    QLabel* m_caption = nullptr;
    QPushButton* m_runButton = nullptr;
    QProgressBar* m_busy = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QTableWidget* m_indicators = nullptr;
    std::array<QCheckBox*, domain::kTierIndicatorCount> m_switches{};
    std::array<QSpinBox*, domain::kTierIndicatorCount> m_weights{};
    QTableWidget* m_tiers = nullptr;
    QPushButton* m_addTier = nullptr;
    QPushButton* m_removeTier = nullptr;
    QTableWidget* m_summary = nullptr;
    QComboBox* m_tierFilter = nullptr;
    QTableView* m_list = nullptr;
    TierEntryModel* m_listModel = nullptr;
    QLabel* m_breakdownTitle = nullptr;
    QChartView* m_chart = nullptr;
    QTableView* m_breakdown = nullptr;
    TierBreakdownModel* m_breakdownModel = nullptr;
};

} // namespace cartera::app
