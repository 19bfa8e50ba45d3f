#include "app/retention_detail.h"

#include "app/exit_dialog.h"
#include "app/money_format.h"
#include "services/exit_service.h"
#include "services/portfolio.h"
#include "services/retention_service.h"

#include <QCoreApplication>
#include <QLocale>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("RetentionDetail", text);
}

QString html(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

} // namespace

QString retentionDetailHtml(services::Portfolio& portfolio, CustomerId id)
{
    QString text;
    const auto currency = portfolio.settings().currency();
    if (auto exits = services::ExitService(portfolio).exitsOf(id); exits && !exits.value().empty()) {
        text += QStringLiteral("<h3>%1</h3>").arg(tr("Exits"));
        for (const auto& exit : exits.value()) {
            QString line = QStringLiteral("<b>%1</b> · %2 · %3")
                               .arg(QString::fromStdString(exit.effectiveOn.toIso()), exitTypeLabel(exit.type),
                                    exitOutcomeLabel(exit.outcome));
            if (!exit.competitor.empty()) {
                line += QStringLiteral(" · ") + tr("to %1").arg(html(exit.competitor));
            }
            if (exit.lostAnnualRevenue > 0) {
                line += QStringLiteral(" · ") + tr("%1 a year").arg(formatMoneyWhole(Money{exit.lostAnnualRevenue, currency}));
            }
            if (!exit.retentionActions.empty()) {
                line += QStringLiteral("<br><span style='color:gray'>%1</span>").arg(html(exit.retentionActions));
            }
            text += QStringLiteral("<p style='margin:2px'>%1</p>").arg(line);
        }
    }
    auto crossSell = services::RetentionService(portfolio).crossSell(id, Date::today());
    if (crossSell && !crossSell.value().suggestions.empty()) {
        const QLocale locale;
        text += QStringLiteral("<h3>%1</h3>").arg(tr("Cross-selling"));
        const auto& result = crossSell.value();
        for (std::size_t i = 0; i < result.suggestions.size(); ++i) {
            const auto& s = result.suggestions[i];
            const QString similar = s.coPurchase ? tr("similar customers (%1, buying what this one buys)")
                                                 : tr("customers in %1");
            text += QStringLiteral("<p style='margin:2px'><b>%1</b><br><small>%2</small></p>")
                        .arg(html(result.categoryNames[i]),
                             tr("bought by %1 % of %2 %3, %4 orders a year each")
                                 .arg(locale.toString(static_cast<double>(s.shareBp()) / 100.0, 'f', 0),
                                      locale.toString(static_cast<qlonglong>(s.similar)),
                                      similar.arg(html(result.industry)),
                                      locale.toString(static_cast<double>(s.ordersPerYearX10) / 10.0, 'f', 1)));
        }
    }
    return text;
}

} // namespace cartera::app
