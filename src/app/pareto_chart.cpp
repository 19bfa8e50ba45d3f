#include "app/pareto_chart.h"

#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

namespace cartera::app {

using namespace cartera::domain;

QColor abcClassColor(AbcClass abcClass)
{
    switch (abcClass) {
    case AbcClass::A:
        return QColor(0x2e, 0x7d, 0x32);
    case AbcClass::B:
        return QColor(0xf9, 0xa8, 0x25);
    case AbcClass::C:
        return QColor(0x90, 0x90, 0x90);
    case AbcClass::D:
        return QColor(0xc8, 0xc8, 0xc8);
    }
    return Qt::gray;
}

QChart* buildParetoChart(const services::AbcRun& run, const QString& valueLabel, const QString& unitName,
                         double unitDivisor)
{
    const auto& result = run.result;
    const auto& entries = result.entries;
    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));

    auto* xAxis = new QValueAxis;
    xAxis->setRange(0, 100);
    xAxis->setLabelFormat(QStringLiteral("%d %"));
    xAxis->setTitleText(QChart::tr("Customers by rank (%)"));
    xAxis->setTickCount(6);
    auto* valueAxis = new QValueAxis;
    valueAxis->setTitleText(unitName.isEmpty() ? QChart::tr("%1 per customer").arg(valueLabel)
                                               : QChart::tr("%1 per customer (%2)").arg(valueLabel, unitName));
    valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    auto* shareAxis = new QValueAxis;
    shareAxis->setRange(0, 100);
    shareAxis->setLabelFormat(QStringLiteral("%d %"));
    shareAxis->setTitleText(QChart::tr("Cumulative share of %1").arg(valueLabel.toLower()));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    chart->addAxis(shareAxis, Qt::AlignRight);

    const auto n = static_cast<std::int64_t>(entries.size());
    if (n == 0 || result.total <= 0) {
        chart->setTitle(QChart::tr("No customer has a value above 0 in this period."));
        return chart;
    }

    // Groups of neighbouring ranks: one bar each, its height the group's mean value.
    const std::int64_t groups = std::min<std::int64_t>(n, 200);
    const auto percentAt = [n](std::int64_t rank) { return 100.0 * static_cast<double>(rank) / static_cast<double>(n); };
    std::vector<QLineSeries*> bars(static_cast<std::size_t>(result.thresholds.classCount()), nullptr);
    auto* cumulative = new QLineSeries;
    cumulative->setName(QChart::tr("Cumulative %"));
    cumulative->append(0, 0);
    double highest = 0;
    for (std::int64_t g = 0; g < groups; ++g) {
        const std::int64_t begin = g * n / groups;
        const std::int64_t end = (g + 1) * n / groups;
        double sum = 0;
        for (std::int64_t i = begin; i < end; ++i) {
            sum += static_cast<double>(entries[static_cast<std::size_t>(i)].value);
        }
        const double mean = sum / static_cast<double>(end - begin) / unitDivisor;
        highest = std::max(highest, mean);
        const auto cls = static_cast<std::size_t>(abcClassIndex(entries[static_cast<std::size_t>(begin)].abcClass));
        auto*& series = bars[cls];
        if (!series) {
            series = new QLineSeries;
        }
        // A step: up at the group's start, across, down at its end.
        series->append(percentAt(begin), 0);
        series->append(percentAt(begin), mean);
        series->append(percentAt(end), mean);
        series->append(percentAt(end), 0);
        cumulative->append(percentAt(end),
                           100.0 * shareOf(entries[static_cast<std::size_t>(end - 1)].cumulativeValue, result.total));
    }
    valueAxis->setRange(0, highest * 1.05);
    for (std::size_t cls = 0; cls < bars.size(); ++cls) {
        if (!bars[cls]) {
            continue;
        }
        auto* area = new QAreaSeries(bars[cls]);
        bars[cls]->setParent(area);
        const auto abcClass = abcClassAt(static_cast<int>(cls));
        area->setName(QChart::tr("Class %1").arg(QString::fromLatin1(kAbcClassCodes.code(abcClass).data())));
        area->setColor(abcClassColor(abcClass));
        area->setBorderColor(abcClassColor(abcClass).darker(120));
        chart->addSeries(area);
        area->attachAxis(xAxis);
        area->attachAxis(valueAxis);
    }
    QPen linePen(QColor(0x1f, 0x4e, 0x9c));
    linePen.setWidthF(2);
    cumulative->setPen(linePen);
    chart->addSeries(cumulative);
    cumulative->attachAxis(xAxis);
    cumulative->attachAxis(shareAxis);

    // Where each class ends, but the last: a dashed vertical line labelled "A | B".
    std::int64_t classEnd = 0;
    for (int cls = 0; cls + 1 < result.thresholds.classCount(); ++cls) {
        const auto& summary = result.summary[static_cast<std::size_t>(cls)];
        classEnd += summary.customers;
        if (classEnd <= 0 || classEnd >= n) {
            continue;
        }
        auto* cut = new QLineSeries;
        cut->setName(QStringLiteral("%1 | %2").arg(QString::fromLatin1(kAbcClassCodes.code(abcClassAt(cls)).data()),
                                                   QString::fromLatin1(kAbcClassCodes.code(abcClassAt(cls + 1)).data())));
        QPen cutPen(QColor(0x60, 0x60, 0x60));
        cutPen.setStyle(Qt::DashLine);
        cut->setPen(cutPen);
        cut->append(percentAt(classEnd), 0);
        cut->append(percentAt(classEnd), 100);
        chart->addSeries(cut);
        cut->attachAxis(xAxis);
        cut->attachAxis(shareAxis);
    }
    return chart;
}

} // namespace cartera::app
