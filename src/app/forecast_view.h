#pragma once

#include "domain/date.h"
#include "services/forecast_service.h"

#include <QWidget>

#include <optional>
#include <thread>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

/// The Forecast view (docs/forecasting.md): for a quarter, per rep or team, the weighted pipeline,
/// the forecast categories, won, target and attainment in a table; charts of the pipeline by stage
/// and of forecast against target and won; the Holt-Winters projection of invoiced revenue with its
/// backtest error; Save snapshot. Reads when first shown and on every change of its settings.
class ForecastView final : public QWidget {
    Q_OBJECT

public:
    ForecastView(services::Portfolio& portfolio, QWidget* parent = nullptr);
    ~ForecastView() override;

    /// The day the forecast is made (today by default): it picks the quarters offered.
    void setToday(domain::Date today);
    /// Reads the forecast of the chosen quarter again.
    void refresh();

    [[nodiscard]] const std::optional<services::Forecast>& forecast() const { return m_forecast; }
    [[nodiscard]] QTableWidget* table() const { return m_table; }
    [[nodiscard]] QLabel* projectionLabel() const { return m_projection; }
    [[nodiscard]] QComboBox* periodChoice() const { return m_period; }
    /// The projection is being computed on a thread of its own.
    [[nodiscard]] bool projecting() const { return m_projector.joinable(); }

signals:
    void errorOccurred(const domain::Error& error);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void fillPeriods();
    void saveSnapshot();
    void startProjection();
    void finishProjection(domain::Result<services::RevenueProjection> projection);
    void showProjection();

    services::Portfolio& m_portfolio;
    domain::Date m_today;
    bool m_read = false;
    std::optional<services::Forecast> m_forecast;
    QComboBox* m_period;
    QComboBox* m_grouping;
    QPushButton* m_save;
    QLabel* m_projection;
    QTableWidget* m_table;
    QChartView* m_stageChart;
    QChartView* m_targetChart;
    std::thread m_projector;  ///< the projection's read, joined when it has posted its result
    int m_generation = 0;     ///< which projection is wanted: results of older ones are dropped
};

} // namespace cartera::app
