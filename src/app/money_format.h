#pragma once

#include "domain/money.h"

#include <QString>

namespace cartera::app {

/// Money in the user's locale: grouping, decimal separator and the currency code
/// ("412,300.00 EUR", "412 300,00 EUR").
QString formatMoney(const domain::Money& money);
/// Money rounded to whole units, for dense tables ("412,300 EUR").
QString formatMoneyWhole(const domain::Money& money);
/// A share as a percentage with one decimal ("8.3 %").
QString formatPercent(double share);

} // namespace cartera::app
