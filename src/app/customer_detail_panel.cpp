#include "app/customer_detail_panel.h"

#include "app/customer_table_model.h"
#include "app/money_format.h"
#include "services/customer_overview.h"
#include "services/portfolio.h"

#include <QDate>
#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QString html(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QString dateText(const Date& date)
{
    return QLocale().toString(QDate(date.year(), static_cast<int>(date.month()), static_cast<int>(date.day())),
                              QLocale::ShortFormat);
}

QString orderStatusLabel(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Ordered:
        return CustomerDetailPanel::tr("Ordered");
    case OrderStatus::Shipped:
        return CustomerDetailPanel::tr("Shipped");
    case OrderStatus::Invoiced:
        return CustomerDetailPanel::tr("Invoiced");
    case OrderStatus::Paid:
        return CustomerDetailPanel::tr("Paid");
    case OrderStatus::Cancelled:
        return CustomerDetailPanel::tr("Cancelled");
    }
    return {};
}

} // namespace

CustomerDetailPanel::CustomerDetailPanel(services::Portfolio& portfolio, QWidget* parent)
    : QWidget(parent), m_portfolio(portfolio), m_view(new QTextBrowser(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setOpenLinks(false);
    showCustomer(0);
}

void CustomerDetailPanel::showCustomer(CustomerId id)
{
    const auto overview = id > 0 ? services::customerOverview(m_portfolio, id, Date::today()) : std::nullopt;
    if (!overview) {
        m_view->setHtml(QStringLiteral("<p style='color:gray'>%1</p>")
                            .arg(tr("Select a customer to see its figures, contacts and orders.")));
        return;
    }
    const auto& c = overview->customer;
    QString text;
    text += QStringLiteral("<h2 style='margin-bottom:0'>%1</h2>").arg(html(c.name));
    QStringList facts{html(c.code), kindLabel(c.kind), statusLabel(c.status)};
    text += QStringLiteral("<p style='color:gray; margin-top:2px'>%1</p>").arg(facts.join(QStringLiteral(" · ")));

    QStringList profile;
    if (!c.industry.empty()) {
        profile << html(c.industry);
    }
    if (c.sizeBand) {
        profile << sizeBandLabel(*c.sizeBand);
    }
    profile << channelLabel(c.channel);
    text += QStringLiteral("<p>%1<br>%2 %3, %4 %5<br>%6: %7</p>")
                .arg(profile.join(QStringLiteral(" · ")), html(c.postalCode), html(c.city), html(c.region),
                     html(c.country), tr("Owner"), overview->ownerName.empty() ? tr("none") : html(overview->ownerName));

    // Key figures: revenue of the last 12 months against the 12 before.
    QString trend;
    if (overview->revenuePrior12m.minor > 0) {
        const double change = static_cast<double>(overview->revenue12m.minor - overview->revenuePrior12m.minor) /
                              static_cast<double>(overview->revenuePrior12m.minor);
        trend = (change >= 0 ? QStringLiteral("+") : QString()) + formatPercent(change) + tr(" vs prior 12 months");
    }
    text += QStringLiteral("<table cellspacing='0' cellpadding='3'>");
    const auto row = [&](const QString& label, const QString& value) {
        text += QStringLiteral("<tr><td style='color:gray'>%1</td><td align='right'><b>%2</b></td></tr>").arg(label, value);
    };
    row(tr("Revenue, last 12 months"), formatMoneyWhole(overview->revenue12m));
    if (!trend.isEmpty()) {
        row(QString(), trend);
    }
    row(tr("Gross margin, last 12 months"), formatMoneyWhole(overview->margin12m));
    row(tr("Orders, last 12 months"), QLocale().toString(static_cast<qlonglong>(overview->orders12m)));
    row(tr("Last order"), overview->lastOrderDate ? dateText(*overview->lastOrderDate) : tr("never"));
    text += QStringLiteral("</table>");

    text += QStringLiteral("<p>%1<br>%2<br>%3</p>").arg(html(c.email), html(c.phone), html(c.website));

    text += QStringLiteral("<h3>%1</h3>").arg(tr("Contacts"));
    if (overview->contacts.empty()) {
        text += QStringLiteral("<p style='color:gray'>%1</p>").arg(tr("No contacts yet."));
    }
    for (const auto& contact : overview->contacts) {
        text += QStringLiteral("<p style='margin:2px'><b>%1</b>%2 — %3<br>%4 · %5</p>")
                    .arg(html(contact.fullName()), contact.primary ? tr(" (primary)") : QString(),
                         html(contact.jobTitle), html(contact.email), html(contact.phone));
    }

    text += QStringLiteral("<h3>%1</h3>").arg(tr("Latest orders"));
    if (overview->recentOrders.empty()) {
        text += QStringLiteral("<p style='color:gray'>%1</p>").arg(tr("No orders yet."));
    } else {
        text += QStringLiteral("<table cellspacing='0' cellpadding='3' width='100%'>");
        for (const auto& order : overview->recentOrders) {
            text += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>%3</td></tr>")
                        .arg(dateText(order.orderDate), orderStatusLabel(order.status),
                             formatMoneyWhole(Money{order.revenueMinor, overview->revenue12m.currency}));
        }
        text += QStringLiteral("</table>");
    }
    m_view->setHtml(text);
}

} // namespace cartera::app
