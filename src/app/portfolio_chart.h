#pragma once

#include "app/portfolio_pivot_model.h"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace cartera::app {

/// The rows of a portfolio breakdown as horizontal bars of one measure (each row's total over
/// the columns), the first row at the top; past 20 rows, the 20 with the highest values. In a
/// breakdown without columns the most and least profitable rows are drawn green and red. Money
/// reads in whole units, thousands or millions of the currency, as the axis title says.
QChart* buildPortfolioChart(const services::PortfolioAnalysis& analysis, domain::PortfolioMeasure measure,
                            const PortfolioLabels& labels, const domain::CurrencyCode& currency);

/// At most this many bars.
inline constexpr int kPortfolioChartBars = 20;

} // namespace cartera::app
