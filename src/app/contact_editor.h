#pragma once

#include "domain/contact.h"

#include <QDialog>

#include <map>
#include <string>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

/// Creates or edits a contact: its account (by customer code), first and last name, job title,
/// e-mail, phone and whether it is the account's primary contact. Each field shows its problem
/// next to it as the user types (an account that exists, a name, e-mail and phone shape), and
/// OK stays disabled until there is none.
class ContactEditor final : public QDialog {
    Q_OBJECT

public:
    /// contact.customerId may be 0 (a new contact whose account is still to be typed).
    ContactEditor(services::Portfolio& portfolio, domain::Contact contact, QWidget* parent = nullptr);

    /// The contact as edited (id as given; the account found by its code). A contact with only
    /// a first name gets it as its last name, as the service stores it.
    [[nodiscard]] domain::Contact contact() const;
    /// The problem shown next to a field ("account", "name", "email", "phone"), empty when none.
    [[nodiscard]] QString problemFor(const std::string& field) const;
    /// True when every field is acceptable (OK is enabled).
    [[nodiscard]] bool isAcceptable() const;

    /// The fields by name: "account", "firstName", "lastName", "jobTitle", "email", "phone".
    [[nodiscard]] QLineEdit* field(const std::string& name) const { return m_fields.at(name); }
    [[nodiscard]] QCheckBox* primaryBox() const { return m_primary; }

private:
    void revalidate();

    services::Portfolio& m_portfolio;
    domain::Contact m_original;
    domain::CustomerId m_customerId = 0;
    std::map<std::string, QLineEdit*> m_fields;
    std::map<std::string, QLabel*> m_problems;
    QLabel* m_accountName;
    QCheckBox* m_primary;
    QDialogButtonBox* m_buttons;
};

} // namespace cartera::app
