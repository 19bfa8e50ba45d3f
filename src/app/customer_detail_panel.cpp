#include "app/customer_detail_panel.h"
#include "app/retention_detail.h"

#include "app/activity_editor.h"
#include "app/customer_table_model.h"
#include "app/money_format.h"
#include "services/customer_overview.h"
#include "services/portfolio.h"

#include <QDate>
#include <QLocale>
#include <QTextBrowser>
#include <QUrl>
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
    connect(m_view, &QTextBrowser::anchorClicked, this, &CustomerDetailPanel::onLink);
    showCustomer(0);
}

QString CustomerDetailPanel::plainText() const
{
    return m_view->toPlainText();
}

void CustomerDetailPanel::onLink(const QUrl& url)
{
    // Links are "cartera:log" or "cartera:<action>/<activity id>".
    const QString path = url.path();
    if (path == QLatin1String("log")) {
        emit logActivityRequested();
        return;
    }
    const auto parts = path.split(QLatin1Char('/'));
    if (parts.size() == 2) {
        emit activityActionRequested(parts[1].toLongLong(), parts[0]);
    }
}

void CustomerDetailPanel::showCustomer(CustomerId id)
{
    m_customerId = id;
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
    if (overview->orders12m > 0) {
        row(tr("Average order value"),
            formatMoneyWhole(Money{overview->revenue12m.minor / overview->orders12m, overview->revenue12m.currency}));
    }
    row(tr("Last order"), overview->lastOrderDate ? dateText(*overview->lastOrderDate) : tr("never"));
    if (const auto& standing = overview->abcStanding) {
        const auto cls = standing->abcClass ? QString::fromLatin1(kAbcClassCodes.code(*standing->abcClass).data())
                                            : tr("none (no sales)");
        row(tr("ABC class"), cls);
        row(QString(), QStringLiteral("<span style='color:gray;font-weight:normal'>%1</span>").arg(html(standing->snapshot.name)));
    }
    text += QStringLiteral("</table>");

    text += QStringLiteral("<p>%1<br>%2<br>%3</p>").arg(html(c.email), html(c.phone), html(c.website));

    if (c.archivedOn) {
        text += QStringLiteral("<p style='background:#eee; padding:4px'>%1</p>")
                    .arg(tr("Archived on %1: hidden from the default lists, history kept.").arg(dateText(*c.archivedOn)));
    }

    // The activity timeline, newest first, with the lifecycle actions of claims and requests.
    text += QStringLiteral("<h3>%1 <a href='cartera:log' style='font-size:small'>%2</a></h3>")
                .arg(tr("Activities"), tr("Log activity…"));
    const auto activities = m_portfolio.activities().forCustomer(id);
    if (activities.empty()) {
        text += QStringLiteral("<p style='color:gray'>%1</p>").arg(tr("Nothing logged yet."));
    }
    const auto link = [](const char* action, ActivityId activityId, const QString& label) {
        return QStringLiteral("<a href='cartera:%1/%2'>%3</a>").arg(QLatin1String(action)).arg(activityId).arg(label);
    };
    for (const auto& a : activities) {
        QString head = QStringLiteral("<b>%1</b> · %2").arg(activityTypeLabel(a.type), dateText(a.occurredOn));
        if (a.status) {
            const bool pending = *a.status == ActivityStatus::Open || *a.status == ActivityStatus::InProgress;
            head += QStringLiteral(" · <span style='color:%1'>%2</span>")
                        .arg(pending ? QStringLiteral("#b3261e") : QStringLiteral("#2e7d32"), activityStatusLabel(*a.status));
        }
        QStringList actions{link("edit", a.id, tr("edit"))};
        if (a.status) {
            switch (*a.status) {
            case ActivityStatus::Open:
                actions << link("progress", a.id, tr("start")) << link("resolve", a.id, tr("resolve"));
                break;
            case ActivityStatus::InProgress:
                actions << link("resolve", a.id, tr("resolve"));
                break;
            case ActivityStatus::Resolved:
                actions << link("close", a.id, tr("close")) << link("reopen", a.id, tr("reopen"));
                break;
            case ActivityStatus::Closed:
                actions << link("reopen", a.id, tr("reopen"));
                break;
            }
        }
        actions << link("delete", a.id, tr("delete"));
        QString times;
        if (const auto days = a.daysToFirstResponse()) {
            times += tr("first response after %n day(s)", nullptr, *days);
        }
        if (const auto days = a.daysToResolution()) {
            times += (times.isEmpty() ? QString() : QStringLiteral(", ")) + tr("resolved after %n day(s)", nullptr, *days);
        }
        text += QStringLiteral("<p style='margin:4px 0'>%1<br>%2%3%4<br><small>%5</small></p>")
                    .arg(head, html(a.subject),
                         a.details.empty() ? QString() : QStringLiteral("<br><span style='color:gray'>%1</span>").arg(html(a.details)),
                         times.isEmpty() ? QString() : QStringLiteral("<br><small>%1</small>").arg(times),
                         actions.join(QStringLiteral(" · ")));
    }

    text += retentionDetailHtml(m_portfolio, c.id);  // exits and cross-selling (retention_detail.cpp)

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
