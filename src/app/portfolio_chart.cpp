#include "app/portfolio_chart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cartera::app {

using namespace cartera::domain;

QChart* buildPortfolioChart(const services::PortfolioAnalysis& analysis, PortfolioMeasure measure,
                            const PortfolioLabels& labels, const CurrencyCode& currency)
{
    const auto& breakdown = analysis.breakdown;
    auto* chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    const QString measureName = portfolioMeasureLabel(measure);
    const QString dimensionName = portfolioDimensionLabel(breakdown.layout.rows);

    std::vector<int> rows(static_cast<std::size_t>(breakdown.rowCount()));
    std::iota(rows.begin(), rows.end(), 0);
    const auto valueOf = [&](int row) {
        return static_cast<double>(breakdown.at({row, -1}).value(measure).value_or(0));
    };
    QString title = QChart::tr("%1 by %2").arg(measureName, dimensionName.toLower());
    if (static_cast<int>(rows.size()) > kPortfolioChartBars) {
        std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) { return valueOf(a) > valueOf(b); });
        title = QChart::tr("%1 by %2: the %3 highest of %4")
                    .arg(measureName, dimensionName.toLower())
                    .arg(kPortfolioChartBars)
                    .arg(rows.size());
        rows.resize(kPortfolioChartBars);
    }
    chart->setTitle(title);
    if (rows.empty()) {
        chart->setTitle(QChart::tr("No sales in this period or the one before."));
        return chart;
    }

    // The unit: hundredths of a percent to percent, minor units to whole, thousands or millions.
    double divisor = 1;
    QString unit;
    const auto unitKind = unitOf(measure);
    if (unitKind == MeasureUnit::Percent) {
        divisor = 100;
        unit = QStringLiteral("%");
    } else if (unitKind == MeasureUnit::Money) {
        divisor = std::pow(10.0, currency.minorDigits());
        unit = QString::fromStdString(currency.str());
        double largest = 0;
        for (const int row : rows) {
            largest = std::max(largest, std::abs(valueOf(row)) / divisor);
        }
        if (largest >= 1e7) {
            divisor *= 1e6;
            unit = QChart::tr("million %1").arg(unit);
        } else if (largest >= 1e4) {
            divisor *= 1e3;
            unit = QChart::tr("thousand %1").arg(unit);
        }
    }

    const bool marks = !breakdown.layout.columns;
    auto* plain = new QBarSet(measureName);
    plain->setColor(QColor(30, 110, 190));
    auto* most = new QBarSet(QChart::tr("Most profitable"));
    most->setColor(QColor(46, 125, 50));
    auto* least = new QBarSet(QChart::tr("Least profitable"));
    least->setColor(QColor(211, 47, 47));
    QStringList categories;
    double low = 0;
    double high = 0;
    // Horizontal bars stack upwards: the last appended is the top one.
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
        const int row = *it;
        const double value = valueOf(row) / divisor;
        low = std::min(low, value);
        high = std::max(high, value);
        const bool isMost = marks && breakdown.mostProfitable == PortfolioCellRef{row, -1};
        const bool isLeast = marks && breakdown.leastProfitable == PortfolioCellRef{row, -1};
        plain->append(isMost || isLeast ? 0 : value);
        most->append(isMost ? value : 0);
        least->append(isLeast ? value : 0);
        categories.append(labels.value(breakdown.layout.rows, analysis.rowKey(row)));
    }
    auto* series = new QHorizontalStackedBarSeries;
    series->append(plain);
    const bool showMarks = marks && (breakdown.mostProfitable || breakdown.leastProfitable);
    if (showMarks) {
        series->append(most);
        series->append(least);
    } else {
        delete most;
        delete least;
    }
    series->setBarWidth(0.7);
    chart->addSeries(series);

    auto* categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    chart->addAxis(categoryAxis, Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    auto* valueAxis = new QValueAxis;
    // "Margin %" needs no "(%)" after it.
    valueAxis->setTitleText(unit.isEmpty() || measureName.endsWith(unit) ? measureName
                                                                         : QChart::tr("%1 (%2)").arg(measureName, unit));
    valueAxis->setRange(low < 0 ? low * 1.05 : 0, high > 0 ? high * 1.05 : 1);
    // Whole numbers unless the span is small (a few million, a few percent).
    valueAxis->setLabelFormat(high - low >= 20 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    valueAxis->setTickCount(5);
    valueAxis->applyNiceNumbers();
    chart->addAxis(valueAxis, Qt::AlignBottom);
    series->attachAxis(valueAxis);
    chart->legend()->setVisible(showMarks);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

} // namespace cartera::app
