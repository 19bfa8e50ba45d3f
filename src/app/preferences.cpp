#include "app/preferences.h"

#include "services/portfolio.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSettings>
#include <QSpinBox>

namespace cartera::app {

Preferences Preferences::load()
{
    QSettings settings;
    Preferences p;
    p.currentRepCode = settings.value(QStringLiteral("user/repCode")).toString();
    p.claimResponseDays = settings.value(QStringLiteral("claims/responseDays"), 2).toInt();
    p.pipelineStaleDays = settings.value(QStringLiteral("pipeline/staleDays"), 30).toInt();
    return p;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("user/repCode"), currentRepCode);
    settings.setValue(QStringLiteral("claims/responseDays"), claimResponseDays);
    settings.setValue(QStringLiteral("pipeline/staleDays"), pipelineStaleDays);
}

PreferencesDialog::PreferencesDialog(services::Portfolio& portfolio, const Preferences& preferences, QWidget* parent)
    : QDialog(parent), m_currentRep(new QComboBox), m_claimDays(new QSpinBox), m_staleDays(new QSpinBox)
{
    setWindowTitle(tr("Preferences"));
    m_currentRep->addItem(tr("Nobody (show all accounts)"), QString());
    for (const auto& rep : portfolio.reps().all()) {
        m_currentRep->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(rep.name), QString::fromStdString(rep.code)),
                              QString::fromStdString(rep.code));
    }
    m_currentRep->setCurrentIndex(std::max(0, m_currentRep->findData(preferences.currentRepCode)));
    m_claimDays->setRange(1, 90);
    m_claimDays->setSuffix(tr(" days"));
    m_claimDays->setValue(preferences.claimResponseDays);
    m_staleDays->setRange(1, 365);
    m_staleDays->setSuffix(tr(" days"));
    m_staleDays->setValue(preferences.pipelineStaleDays);

    auto* form = new QFormLayout(this);
    form->addRow(tr("I am:"), m_currentRep);
    form->addRow(tr("Answer claims within:"), m_claimDays);
    form->addRow(tr("Opportunities are stale after:"), m_staleDays);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.currentRepCode = m_currentRep->currentData().toString();
    p.claimResponseDays = m_claimDays->value();
    p.pipelineStaleDays = m_staleDays->value();
    return p;
}

} // namespace cartera::app
