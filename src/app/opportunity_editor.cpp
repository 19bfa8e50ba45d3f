#include "app/opportunity_editor.h"

#include "services/portfolio.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QDate toQDate(Date d)
{
    return QDate(d.year(), static_cast<int>(d.month()), static_cast<int>(d.day()));
}

Date fromQDate(const QDate& d)
{
    return Date(d.year(), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

} // namespace

OpportunityEditor::OpportunityEditor(services::Portfolio& portfolio, const Opportunity& opportunity,
                                     std::vector<Stage> stages, std::vector<LostReason> reasons, QWidget* parent)
    : QDialog(parent), m_original(opportunity), m_stages(std::move(stages)), m_reasons(std::move(reasons)),
      m_title(new QLineEdit), m_amount(new QLineEdit), m_stage(new QComboBox), m_override(new QCheckBox(tr("Override"))),
      m_probability(new QSpinBox), m_expectedClose(new QDateEdit), m_owner(new QComboBox), m_source(new QLineEdit),
      m_category(new QComboBox), m_nextStep(new QLineEdit), m_nextStepOn(new QDateEdit), m_closedOn(new QDateEdit),
      m_lostReason(new QComboBox), m_error(new QLabel)
{
    const auto account = portfolio.customers().find(opportunity.customerId);
    setWindowTitle(opportunity.id == 0 ? tr("New Opportunity") : tr("Edit Opportunity"));
    m_title->setText(QString::fromStdString(opportunity.title));
    m_title->setMaxLength(200);
    m_amount->setText(opportunity.id == 0 && opportunity.amount.minor == 0
                          ? QString()
                          : QString::fromStdString(opportunity.amount.toDecimalString()));
    m_amount->setPlaceholderText(tr("e.g. 12500.00"));
    for (const auto& stage : m_stages) {
        m_stage->addItem(QString::fromStdString(stage.name), QString::fromStdString(stage.code));
    }
    m_stage->setCurrentIndex(m_stage->findData(QString::fromStdString(opportunity.stage)));
    m_probability->setRange(0, 100);
    m_probability->setSuffix(QStringLiteral(" %"));
    m_override->setChecked(opportunity.probabilityOverride.has_value());
    m_expectedClose->setCalendarPopup(true);
    m_expectedClose->setDate(toQDate(opportunity.expectedClose == Date() ? Date::today().addDays(30) : opportunity.expectedClose));
    m_owner->addItem(tr("(nobody)"), QVariant());
    for (const auto& rep : portfolio.reps().all()) {
        m_owner->addItem(QString::fromStdString(rep.name), QVariant::fromValue<qlonglong>(rep.id));
    }
    if (opportunity.ownerRepId) {
        m_owner->setCurrentIndex(m_owner->findData(QVariant::fromValue<qlonglong>(*opportunity.ownerRepId)));
    }
    m_source->setText(QString::fromStdString(opportunity.source));
    m_category->addItem(tr("Commit"), static_cast<int>(ForecastCategory::Commit));
    m_category->addItem(tr("Best case"), static_cast<int>(ForecastCategory::BestCase));
    m_category->addItem(tr("Pipeline"), static_cast<int>(ForecastCategory::Pipeline));
    m_category->addItem(tr("Omitted"), static_cast<int>(ForecastCategory::Omitted));
    m_category->setCurrentIndex(m_category->findData(static_cast<int>(opportunity.category)));
    m_nextStep->setText(QString::fromStdString(opportunity.nextStep));
    m_nextStepOn->setCalendarPopup(true);
    m_nextStepOn->setDate(toQDate(opportunity.nextStepOn.value_or(Date::today().addDays(7))));
    m_closedOn->setCalendarPopup(true);
    m_closedOn->setDate(toQDate(opportunity.closedOn.value_or(Date::today())));
    m_lostReason->addItem(QString(), QString());
    for (const auto& reason : m_reasons) {
        m_lostReason->addItem(QString::fromStdString(reason.label), QString::fromStdString(reason.code));
    }
    m_lostReason->setCurrentIndex(std::max(0, m_lostReason->findData(QString::fromStdString(opportunity.lostReason))));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #8c1d18;"));
    m_error->hide();

    auto* probability = new QHBoxLayout;
    probability->addWidget(m_probability);
    probability->addWidget(m_override);
    auto* form = new QFormLayout;
    form->addRow(tr("Account:"), new QLabel(account ? QString::fromStdString(account->name) : QString()));
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Amount:"), m_amount);
    form->addRow(tr("&Stage:"), m_stage);
    form->addRow(tr("&Probability:"), probability);
    form->addRow(tr("&Expected close:"), m_expectedClose);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("So&urce:"), m_source);
    form->addRow(tr("&Forecast category:"), m_category);
    form->addRow(tr("&Next step:"), m_nextStep);
    form->addRow(tr("Next step &on:"), m_nextStepOn);
    form->addRow(tr("&Closed on:"), m_closedOn);
    form->addRow(tr("&Lost reason:"), m_lostReason);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &OpportunityEditor::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_stage, &QComboBox::currentIndexChanged, this, &OpportunityEditor::updateStageFields);
    connect(m_override, &QCheckBox::toggled, this, &OpportunityEditor::updateStageFields);
    if (opportunity.probabilityOverride) {
        m_probability->setValue(*opportunity.probabilityOverride);
    }
    updateStageFields();
}

void OpportunityEditor::updateStageFields()
{
    const Stage* stage = findStage(m_stages, m_stage->currentData().toString().toStdString());
    if (!m_override->isChecked() && stage != nullptr) {
        m_probability->setValue(stage->probabilityPercent);
    }
    m_probability->setEnabled(m_override->isChecked());
    const bool closed = stage != nullptr && stage->outcome != StageOutcome::Open;
    m_closedOn->setEnabled(closed);
    m_lostReason->setEnabled(stage != nullptr && stage->outcome == StageOutcome::Lost);
}

Opportunity OpportunityEditor::opportunity() const
{
    Opportunity o = m_original;
    o.title = m_title->text().trimmed().toStdString();
    if (const auto amount = Money::parseDecimal(m_amount->text().trimmed().toStdString(), o.amount.currency)) {
        o.amount = *amount;
    }
    o.stage = m_stage->currentData().toString().toStdString();
    o.probabilityOverride = m_override->isChecked() ? std::optional<int>(m_probability->value()) : std::nullopt;
    o.expectedClose = fromQDate(m_expectedClose->date());
    o.ownerRepId = m_owner->currentData().isValid() ? std::optional<RepId>(m_owner->currentData().toLongLong()) : std::nullopt;
    o.source = m_source->text().trimmed().toStdString();
    o.category = static_cast<ForecastCategory>(m_category->currentData().toInt());
    o.nextStep = m_nextStep->text().trimmed().toStdString();
    o.nextStepOn = o.nextStep.empty() ? std::nullopt : std::optional<Date>(fromQDate(m_nextStepOn->date()));
    const Stage* stage = findStage(m_stages, o.stage);
    const bool closed = stage != nullptr && stage->outcome != StageOutcome::Open;
    o.closedOn = closed ? std::optional<Date>(fromQDate(m_closedOn->date())) : std::nullopt;
    o.lostReason = stage != nullptr && stage->outcome == StageOutcome::Lost
                       ? m_lostReason->currentData().toString().toStdString()
                       : std::string();
    return o;
}

void OpportunityEditor::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

void OpportunityEditor::accept()
{
    if (!Money::parseDecimal(m_amount->text().trimmed().toStdString(), m_original.amount.currency)) {
        showError(tr("Amount: enter a number such as 12500.00"));
        m_amount->setFocus();
        return;
    }
    // The rest is checked by the service when the view saves (validateOpportunity); its message,
    // naming the field, is shown here.
    if (auto valid = validateOpportunity(opportunity(), m_stages, m_reasons); !valid) {
        showError(QString::fromStdString(valid.error().describe()));
        return;
    }
    QDialog::accept();
}

} // namespace cartera::app
