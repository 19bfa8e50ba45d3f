#pragma once

#include "domain/portfolio_breakdown.h"
#include "services/portfolio_analysis_service.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <thread>

class QChartView;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableView;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

class PortfolioCustomerModel;
class PortfolioPivotModel;

/// The Portfolio view: revenue, margin, margin %, customers, growth and customer lifetime value
/// broken down by one or two dimensions (product category, country, region, channel, industry,
/// size band, kind, owner rep) over a period against the prior equal period. A pivot table
/// shaded by the chosen measure with the most and least profitable cells marked (▲ ▼), a bar
/// chart of the rows, and the customers behind the selected cell, which open on double-click.
/// Changing the dimensions or the measure recomputes from the figures already read; Analyse
/// reads the period again, on a thread of its own with its own connection to the file, so the
/// window stays responsive while 1,000,000 customers are read. The table exports to CSV or XLSX
/// as `cartera-cli portfolio` writes it.
class PortfolioView final : public QWidget {
    Q_OBJECT

public:
    explicit PortfolioView(services::Portfolio& portfolio, QWidget* parent = nullptr);
    ~PortfolioView() override;

    /// Reads the period chosen and shows its breakdown, before returning; shows the error under
    /// the controls and returns false on failure (an invalid period, rows and columns the same, a
    /// storage error).
    bool analyse();
    /// The same without waiting (what the Analyse button does): reads on another thread, shows the
    /// result when it is there and emits analysisFinished. False when the controls are invalid or a
    /// read is already under way.
    bool analyseInBackground();
    /// True while a background read is under way (the controls are disabled meanwhile).
    [[nodiscard]] bool reading() const { return m_reader.joinable(); }
    /// The analysis shown, or null before the first.
    [[nodiscard]] const services::PortfolioAnalysis* analysis() const { return m_analysis.get(); }
    /// Lists the customers behind a cell of the breakdown (what selecting it in the table does);
    /// false when the cell is not in the breakdown.
    bool showCustomersOf(const domain::PortfolioCellRef& cell);
    /// The cell whose customers are listed, if any.
    [[nodiscard]] std::optional<domain::PortfolioCellRef> drilledCell() const { return m_drilled; }
    /// Writes the table as shown (CSV or XLSX by the extension), with the columns of
    /// `cartera-cli portfolio`.
    domain::Status exportTable(const QString& path);

    [[nodiscard]] PortfolioPivotModel* pivotModel() const { return m_pivotModel; }
    [[nodiscard]] PortfolioCustomerModel* customerModel() const { return m_customerModel; }
    [[nodiscard]] QTableView* pivotView() const { return m_pivot; }
    [[nodiscard]] QTableView* customerView() const { return m_customers; }
    [[nodiscard]] QChartView* chartView() const { return m_chart; }

    // The controls, for tests and for the window's menus.
    [[nodiscard]] QComboBox* rowsChoice() const { return m_rows; }
    [[nodiscard]] QComboBox* columnsChoice() const { return m_columns; }
    [[nodiscard]] QComboBox* measureChoice() const { return m_measure; }
    [[nodiscard]] QComboBox* periodChoice() const { return m_period; }
    [[nodiscard]] QSpinBox* yearEdit() const { return m_year; }
    [[nodiscard]] QDateEdit* fromEdit() const { return m_from; }
    [[nodiscard]] QDateEdit* toEdit() const { return m_to; }
    [[nodiscard]] QCheckBox* includeArchivedCheck() const { return m_includeArchived; }
    [[nodiscard]] QLabel* problemLabel() const { return m_problem; }
    [[nodiscard]] QLabel* captionLabel() const { return m_caption; }
    [[nodiscard]] QLabel* customersLabel() const { return m_customersCaption; }

signals:
    void customerSelected(domain::CustomerId id);
    void customerActivated(domain::CustomerId id);
    /// An analysis (or a background read) ended: ok is false when it failed and the error shows.
    void analysisFinished(bool ok);

private:
    void buildControls();
    void updatePeriodControls();
    void rearrange();
    void measureChanged();
    void display(std::shared_ptr<const services::PortfolioAnalysis> analysis);
    void showChart();
    void showProblem(const QString& text);
    void chooseExport();
    void startReading(const services::PortfolioRequest& request);
    void finishReading(domain::Result<services::PortfolioAnalysis> analysis);
    void setControlsEnabled(bool enabled);
    [[nodiscard]] std::optional<services::PortfolioRequest> requestFromControls();
    [[nodiscard]] std::optional<domain::PortfolioLayout> layoutFromControls();
    [[nodiscard]] std::optional<domain::MonthRange> periodFromControls();
    [[nodiscard]] domain::PortfolioMeasure chosenMeasure() const;

    services::Portfolio& m_portfolio;
    services::PortfolioAnalysisService m_service;
    std::shared_ptr<const services::PortfolioAnalysis> m_analysis;
    std::optional<domain::PortfolioCellRef> m_drilled;
    std::string m_currency;

    QComboBox* m_rows = nullptr;
    QComboBox* m_columns = nullptr;
    QComboBox* m_measure = nullptr;
    QComboBox* m_period = nullptr;
    QSpinBox* m_year = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QCheckBox* m_includeArchived = nullptr;
    QPushButton* m_analyseButton = nullptr;
    std::thread m_reader;  ///< a background read, joined when it has posted its result
    QLabel* m_problem = nullptr;
    QLabel* m_caption = nullptr;
    QSplitter* m_top = nullptr;
    QTableView* m_pivot = nullptr;
    PortfolioPivotModel* m_pivotModel = nullptr;
    QChartView* m_chart = nullptr;
    QLabel* m_customersCaption = nullptr;
    QTableView* m_customers = nullptr;
    PortfolioCustomerModel* m_customerModel = nullptr;
};

} // namespace cartera::app
