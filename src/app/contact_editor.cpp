#include "app/contact_editor.h"

#include "domain/customer_validation.h"
#include "services/portfolio.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

ContactEditor::ContactEditor(services::Portfolio& portfolio, Contact contact, QWidget* parent)
    : QDialog(parent), m_portfolio(portfolio), m_original(std::move(contact)), m_accountName(new QLabel),
      m_primary(new QCheckBox(tr("&Primary contact of the account"))),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(m_original.id == 0 ? tr("New Contact") : tr("Edit %1").arg(qs(m_original.fullName())));
    auto* form = new QFormLayout;

    // Each field with its problem below it; a problem may belong to another field's row
    // ("name" is shown under the last name).
    const auto addField = [&](const std::string& name, const QString& label, const std::string& value,
                              const std::string& problemName, const QString& placeholder = {}) {
        auto* edit = new QLineEdit(qs(value));
        edit->setPlaceholderText(placeholder);
        edit->setObjectName(qs(name));
        auto* column = new QVBoxLayout;
        column->setSpacing(1);
        column->addWidget(edit);
        if (!problemName.empty()) {
            auto* problem = new QLabel;
            problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
            problem->setObjectName(qs(problemName + "Problem"));
            problem->setWordWrap(true);
            problem->hide();
            column->addWidget(problem);
            m_problems[problemName] = problem;
        }
        // A label of its own with the field as buddy, so that its &-shortcut focuses the field
        // (a row whose field is a layout gets no buddy).
        auto* caption = new QLabel(label);
        caption->setBuddy(edit);
        form->addRow(caption, column);
        m_fields[name] = edit;
        connect(edit, &QLineEdit::textChanged, this, &ContactEditor::revalidate);
        return column;
    };

    std::string code;
    if (m_original.customerId != 0) {
        if (const auto customer = portfolio.customers().find(m_original.customerId)) {
            code = customer->code;
        }
    }
    auto* account = addField("account", tr("&Account code *"), code, "account", tr("the customer's code, e.g. C0000123"));
    m_accountName->setObjectName(QStringLiteral("accountName"));
    m_accountName->setStyleSheet(QStringLiteral("color: palette(mid);"));
    account->insertWidget(1, m_accountName);
    addField("firstName", tr("&First name"), m_original.firstName, "");
    addField("lastName", tr("&Last name *"), m_original.lastName, "name");
    addField("jobTitle", tr("&Job title"), m_original.jobTitle, "");
    addField("email", tr("&E-mail"), m_original.email, "email", tr("name@company.com"));
    addField("phone", tr("P&hone"), m_original.phone, "phone", tr("+33 1 23 45 67 89"));
    m_primary->setChecked(m_original.primary);
    form->addRow(QString(), m_primary);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(460);
    revalidate();
}

Contact ContactEditor::contact() const
{
    Contact c = m_original;
    const auto text = [&](const char* name) { return trimmed(m_fields.at(name)->text().toStdString()); };
    c.customerId = m_customerId;
    c.firstName = text("firstName");
    c.lastName = text("lastName");
    if (c.lastName.empty()) {
        std::swap(c.firstName, c.lastName);
    }
    c.jobTitle = text("jobTitle");
    c.email = text("email");
    c.phone = text("phone");
    c.primary = m_primary->isChecked();
    return c;
}

QString ContactEditor::problemFor(const std::string& field) const
{
    const auto found = m_problems.find(field);
    return found == m_problems.end() ? QString() : found->second->text();
}

bool ContactEditor::isAcceptable() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void ContactEditor::revalidate()
{
    std::map<std::string, QString> messages;
    const std::string code = trimmed(m_fields.at("account")->text().toStdString());
    m_customerId = 0;
    m_accountName->clear();
    if (code.empty()) {
        messages["account"] = tr("type the code of the contact's account");
    } else if (const auto customer = m_portfolio.customers().findByCode(code)) {
        m_customerId = customer->id;
        m_accountName->setText(qs(customer->name));
    } else {
        messages["account"] = tr("no account has the code %1").arg(qs(code));
    }
    const auto text = [&](const char* name) { return trimmed(m_fields.at(name)->text().toStdString()); };
    if (text("firstName").empty() && text("lastName").empty()) {
        messages["name"] = tr("a contact needs a last name or a first name");
    }
    if (const auto email = text("email"); !email.empty() && !isPlausibleEmail(email)) {
        messages["email"] = tr("%1 is not an e-mail address (name@company.com)").arg(qs(email));
    }
    if (const auto phone = text("phone"); !phone.empty() && !isPlausiblePhone(phone)) {
        messages["phone"] = tr("%1 is not a phone number (digits, spaces and + ( ) . - /)").arg(qs(phone));
    }
    for (auto& [name, label] : m_problems) {
        const auto found = messages.find(name);
        label->setText(found == messages.end() ? QString() : found->second);
        label->setVisible(found != messages.end());
    }
    m_accountName->setVisible(!m_accountName->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(messages.empty());
}

} // namespace cartera::app
