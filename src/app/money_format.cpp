#include "app/money_format.h"

#include <QLocale>

namespace cartera::app {

QString formatMoney(const domain::Money& money)
{
    const int digits = money.currency.minorDigits();
    const double scale = digits == 0 ? 1.0 : 100.0;
    // A double is fine for display only: exact up to 2^53 minor units.
    return QLocale().toString(static_cast<double>(money.minor) / scale, 'f', digits) + QStringLiteral(" ") +
           QString::fromStdString(money.currency.str());
}

QString formatMoneyWhole(const domain::Money& money)
{
    const int digits = money.currency.minorDigits();
    const double scale = digits == 0 ? 1.0 : 100.0;
    return QLocale().toString(static_cast<double>(money.minor) / scale, 'f', 0) + QStringLiteral(" ") +
           QString::fromStdString(money.currency.str());
}

QString formatPercent(double share)
{
    return QLocale().toString(share * 100.0, 'f', 1) + QStringLiteral(" %");
}

} // namespace cartera::app
