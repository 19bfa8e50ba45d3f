#pragma once

#include "domain/customer.h"

#include <QDialog>

#include <map>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

/// Creates or edits a customer. Each field shows its problem next to it as the user types
/// (required, e-mail and phone shape, known country, code not used by another account), and
/// OK stays disabled until there is none.
class CustomerEditor final : public QDialog {
    Q_OBJECT

public:
    CustomerEditor(services::Portfolio& portfolio, domain::Customer customer, QWidget* parent = nullptr);

    /// The customer as edited (id and dates as given).
    [[nodiscard]] domain::Customer customer() const;
    /// The problem shown next to a field ("code", "email", ...), empty when none.
    [[nodiscard]] QString problemFor(const std::string& field) const;

    QLineEdit* field(const std::string& name) const { return m_fields.at(name); }

private:
    void revalidate();

    services::Portfolio& m_portfolio;
    domain::Customer m_original;
    std::map<std::string, QLineEdit*> m_fields;
    std::map<std::string, QLabel*> m_problems;
    QComboBox* m_kind;
    QComboBox* m_status;
    QComboBox* m_sizeBand;
    QComboBox* m_channel;
    QComboBox* m_owner;
    QCheckBox* m_strategic = nullptr;
    QDialogButtonBox* m_buttons;
};

} // namespace cartera::app
