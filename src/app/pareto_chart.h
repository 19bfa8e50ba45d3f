#pragma once

#include "services/abc_service.h"

#include <QColor>
#include <QString>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace cartera::app {

/// The Pareto chart of an ABC run: customers by rank along the bottom (as a share of the
/// customers, so 50 and 1,000,000 read alike), the value per customer as bars coloured by class
/// (averaged over at most 200 groups of neighbouring ranks), the cumulative share of the value as
/// a line on the right axis, and a dashed line where each class ends. Values are divided by
/// unitDivisor for the axis (100 turns cents into euros), whose title names unitName ("EUR").
QChart* buildParetoChart(const services::AbcRun& run, const QString& valueLabel, const QString& unitName = {},
                         double unitDivisor = 1);

/// The colour of a class in the chart and the summary (A green, B amber, C grey, D light grey).
QColor abcClassColor(domain::AbcClass abcClass);

} // namespace cartera::app
