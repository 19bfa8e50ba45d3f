#include "app/exit_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <cmath>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QDate toQDate(Date date)
{
    return QDate(date.year(), static_cast<int>(date.month()), static_cast<int>(date.day()));
}

Date fromQDate(const QDate& date)
{
    return Date(date.year(), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

QDateEdit* dateEdit(Date date)
{
    auto* edit = new QDateEdit(toQDate(date));
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return edit;
}

} // namespace

QString exitTypeLabel(ExitType type)
{
    switch (type) {
    case ExitType::NonRenewal:
        return ExitDialog::tr("Non-renewal / churn");
    case ExitType::ContractTermination:
        return ExitDialog::tr("Contract termination");
    case ExitType::SubscriptionCancellation:
        return ExitDialog::tr("Subscription cancellation");
    case ExitType::Bankruptcy:
        return ExitDialog::tr("Bankruptcy");
    case ExitType::AcquiredOrMerged:
        return ExitDialog::tr("Acquired or merged");
    case ExitType::Relocation:
        return ExitDialog::tr("Relocation");
    case ExitType::Other:
        return ExitDialog::tr("Other");
    }
    return {};
}

QString exitOutcomeLabel(ExitOutcome outcome)
{
    switch (outcome) {
    case ExitOutcome::Retained:
        return ExitDialog::tr("Retained: stays a customer");
    case ExitOutcome::Lost:
        return ExitDialog::tr("Lost: the customer leaves");
    case ExitOutcome::WonBack:
        return ExitDialog::tr("Won back later");
    }
    return {};
}

QString exitOutcomeShortLabel(ExitOutcome outcome)
{
    switch (outcome) {
    case ExitOutcome::Retained:
        return ExitDialog::tr("Retained");
    case ExitOutcome::Lost:
        return ExitDialog::tr("Lost");
    case ExitOutcome::WonBack:
        return ExitDialog::tr("Won back");
    }
    return {};
}

ExitDialog::ExitDialog(const QString& customerName, CustomerExit proposed, std::vector<ExitReason> reasons,
                       CurrencyCode currency, QWidget* parent)
    : QDialog(parent), m_base(std::move(proposed)), m_reasons(std::move(reasons)), m_currency(currency)
{
    setWindowTitle(tr("Record exit of %1").arg(customerName));
    auto* form = new QFormLayout;

    m_type = new QComboBox;
    for (const auto& [type, code] : kExitTypeCodes.entries) {
        m_type->addItem(exitTypeLabel(type), static_cast<int>(type));
    }
    m_type->setCurrentIndex(m_type->findData(static_cast<int>(m_base.type)));
    form->addRow(tr("&Type:"), m_type);

    m_reason = new QComboBox;
    m_reason->addItem(tr("(not given)"), QVariant::fromValue(qlonglong{0}));
    for (const auto& reason : m_reasons) {
        if (reason.active || (m_base.reasonId && *m_base.reasonId == reason.id)) {
            m_reason->addItem(QString::fromStdString(reason.label), QVariant::fromValue(static_cast<qlonglong>(reason.id)));
        }
    }
    if (m_base.reasonId) {
        m_reason->setCurrentIndex(std::max(0, m_reason->findData(QVariant::fromValue(static_cast<qlonglong>(*m_base.reasonId)))));
    }
    form->addRow(tr("&Reason:"), m_reason);

    m_competitor = new QLineEdit(QString::fromStdString(m_base.competitor));
    m_competitor->setPlaceholderText(tr("The competitor that won the account, if any"));
    form->addRow(tr("&Competitor:"), m_competitor);

    m_hasNotice = new QCheckBox(tr("Notice given on"));
    m_notice = dateEdit(m_base.noticeOn.value_or(m_base.effectiveOn));
    m_hasNotice->setChecked(m_base.noticeOn.has_value());
    m_notice->setEnabled(m_base.noticeOn.has_value());
    connect(m_hasNotice, &QCheckBox::toggled, m_notice, &QWidget::setEnabled);
    form->addRow(m_hasNotice, m_notice);

    m_effective = dateEdit(m_base.effectiveOn);
    form->addRow(tr("&Effective date:"), m_effective);

    const double divisor = std::pow(10.0, currency.minorDigits());
    m_lostRevenue = new QLineEdit(QLocale().toString(static_cast<double>(m_base.lostAnnualRevenue) / divisor, 'f',
                                                     currency.minorDigits()));
    m_lostRevenue->setToolTip(tr("Proposed from the revenue of the last 12 months; edit it if the exit costs more or less"));
    form->addRow(tr("&Lost annual revenue (%1):").arg(QString::fromStdString(currency.str())), m_lostRevenue);

    m_actions = new QPlainTextEdit(QString::fromStdString(m_base.retentionActions));
    m_actions->setPlaceholderText(tr("What was tried to keep the customer (a discount, a visit, ...)"));
    m_actions->setFixedHeight(70);
    form->addRow(tr("Retention &actions:"), m_actions);

    m_outcome = new QComboBox;
    for (const auto& [outcome, code] : kExitOutcomeCodes.entries) {
        m_outcome->addItem(exitOutcomeLabel(outcome), static_cast<int>(outcome));
    }
    m_outcome->setCurrentIndex(m_outcome->findData(static_cast<int>(m_base.outcome)));
    form->addRow(tr("&Outcome:"), m_outcome);

    m_wonBack = dateEdit(m_base.wonBackOn.value_or(m_base.effectiveOn));
    form->addRow(tr("&Won back on:"), m_wonBack);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &ExitDialog::updateWonBack);
    updateWonBack();

    m_problem = new QLabel;
    m_problem->setStyleSheet(QStringLiteral("color: #8c1d18;"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExitDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

void ExitDialog::updateWonBack()
{
    m_wonBack->setEnabled(static_cast<ExitOutcome>(m_outcome->currentData().toInt()) == ExitOutcome::WonBack);
}

CustomerExit ExitDialog::exit() const
{
    CustomerExit e = m_base;
    e.type = static_cast<ExitType>(m_type->currentData().toInt());
    const auto reason = m_reason->currentData().toLongLong();
    e.reasonId = reason > 0 ? std::optional<ExitReasonId>(reason) : std::nullopt;
    e.competitor = m_competitor->text().trimmed().toStdString();
    e.noticeOn = m_hasNotice->isChecked() ? std::optional<Date>(fromQDate(m_notice->date())) : std::nullopt;
    e.effectiveOn = fromQDate(m_effective->date());
    bool ok = false;
    const double amount = QLocale().toDouble(m_lostRevenue->text().trimmed(), &ok);
    const auto plain = Money::parseDecimal(m_lostRevenue->text().trimmed().toStdString(), m_currency);
    if (plain) {
        e.lostAnnualRevenue = plain->minor;
    } else if (ok) {
        e.lostAnnualRevenue = std::llround(amount * std::pow(10.0, m_currency.minorDigits()));
    } else {
        e.lostAnnualRevenue = -1;  // refused by validateExit, named in problem()
    }
    e.retentionActions = m_actions->toPlainText().trimmed().toStdString();
    e.outcome = static_cast<ExitOutcome>(m_outcome->currentData().toInt());
    e.wonBackOn = e.outcome == ExitOutcome::WonBack ? std::optional<Date>(fromQDate(m_wonBack->date())) : std::nullopt;
    return e;
}

QString ExitDialog::problem() const
{
    const CustomerExit e = exit();
    if (e.lostAnnualRevenue < 0) {
        return tr("Lost annual revenue: '%1' is not an amount").arg(m_lostRevenue->text());
    }
    if (auto valid = validateExit(e); !valid) {
        return QString::fromStdString(valid.error().describe());
    }
    return {};
}

void ExitDialog::accept()
{
    const QString text = problem();
    if (!text.isEmpty()) {
        m_problem->setText(text);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace cartera::app
