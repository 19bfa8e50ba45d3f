#include "app/activity_editor.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace cartera::app {

using namespace cartera::domain;

QString activityTypeLabel(ActivityType type)
{
    switch (type) {
    case ActivityType::Call:
        return ActivityEditor::tr("Call");
    case ActivityType::Email:
        return ActivityEditor::tr("E-mail");
    case ActivityType::Meeting:
        return ActivityEditor::tr("Meeting");
    case ActivityType::Note:
        return ActivityEditor::tr("Note");
    case ActivityType::Order:
        return ActivityEditor::tr("Order");
    case ActivityType::Claim:
        return ActivityEditor::tr("Claim");
    case ActivityType::InformationRequest:
        return ActivityEditor::tr("Information request");
    case ActivityType::AfterSalesVisit:
        return ActivityEditor::tr("After-sales visit");
    }
    return {};
}

QString activityStatusLabel(ActivityStatus status)
{
    switch (status) {
    case ActivityStatus::Open:
        return ActivityEditor::tr("Open");
    case ActivityStatus::InProgress:
        return ActivityEditor::tr("In progress");
    case ActivityStatus::Resolved:
        return ActivityEditor::tr("Resolved");
    case ActivityStatus::Closed:
        return ActivityEditor::tr("Closed");
    }
    return {};
}

ActivityEditor::ActivityEditor(Activity activity, QWidget* parent)
    : QDialog(parent), m_original(std::move(activity)), m_type(new QComboBox), m_date(new QDateEdit),
      m_subject(new QLineEdit), m_details(new QPlainTextEdit)
{
    setWindowTitle(m_original.id == 0 ? tr("Log Activity") : tr("Edit Activity"));
    for (const auto& [type, code] : kActivityTypeCodes.entries) {
        m_type->addItem(activityTypeLabel(type), static_cast<int>(type));
    }
    m_type->setCurrentIndex(m_type->findData(static_cast<int>(m_original.type)));
    m_type->setEnabled(m_original.id == 0);  // a claim stays a claim: its lifecycle depends on it
    const Date& d = m_original.occurredOn;
    m_date->setDate(QDate(d.year(), static_cast<int>(d.month()), static_cast<int>(d.day())));
    m_date->setCalendarPopup(true);
    m_subject->setText(QString::fromStdString(m_original.subject));
    m_details->setPlainText(QString::fromStdString(m_original.details));

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Type"), m_type);
    form->addRow(tr("&Date"), m_date);
    form->addRow(tr("&Subject *"), m_subject);
    form->addRow(tr("De&tails"), m_details);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto check = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_subject->text().trimmed().isEmpty());
    };
    connect(m_subject, &QLineEdit::textChanged, this, check);
    check();
}

Activity ActivityEditor::activity() const
{
    Activity a = m_original;
    a.type = static_cast<ActivityType>(m_type->currentData().toInt());
    const QDate date = m_date->date();
    a.occurredOn = Date(date.year(), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    a.subject = m_subject->text().trimmed().toStdString();
    a.details = m_details->toPlainText().toStdString();
    if (hasLifecycle(a.type) && !a.status) {
        a.status = ActivityStatus::Open;
    }
    if (!hasLifecycle(a.type)) {
        a.status.reset();
    }
    return a;
}

} // namespace cartera::app
