#pragma once

#include "domain/customer_exit.h"
#include "domain/money.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace cartera::app {

/// "Record exit…": how and why a customer leaves, when, what it costs (the last 12 months'
/// revenue proposed), what was tried to keep it and what came of it. OK is refused, with the
/// reason under the fields, until the exit is valid (domain::validateExit).
class ExitDialog final : public QDialog {
    Q_OBJECT

public:
    ExitDialog(const QString& customerName, domain::CustomerExit proposed, std::vector<domain::ExitReason> reasons,
               domain::CurrencyCode currency, QWidget* parent = nullptr);

    /// The exit as entered; valid once the dialog was accepted.
    [[nodiscard]] domain::CustomerExit exit() const;
    /// The problem that keeps OK from closing, empty when none.
    [[nodiscard]] QString problem() const;

    // The fields, for tests.
    [[nodiscard]] QComboBox* typeChoice() const { return m_type; }
    [[nodiscard]] QComboBox* reasonChoice() const { return m_reason; }
    [[nodiscard]] QComboBox* outcomeChoice() const { return m_outcome; }
    [[nodiscard]] QDateEdit* effectiveEdit() const { return m_effective; }
    [[nodiscard]] QLineEdit* lostRevenueEdit() const { return m_lostRevenue; }
    [[nodiscard]] QPlainTextEdit* actionsEdit() const { return m_actions; }

    void accept() override;

private:
    void updateWonBack();

    domain::CustomerExit m_base;
    std::vector<domain::ExitReason> m_reasons;
    domain::CurrencyCode m_currency;
    QComboBox* m_type;
    QComboBox* m_reason;
    QLineEdit* m_competitor;
    QCheckBox* m_hasNotice;
    QDateEdit* m_notice;
    QDateEdit* m_effective;
    QLineEdit* m_lostRevenue;
    QPlainTextEdit* m_actions;
    QComboBox* m_outcome;
    QDateEdit* m_wonBack;
    QLabel* m_problem;
};

/// People's names for the codes.
QString exitTypeLabel(domain::ExitType type);
QString exitOutcomeLabel(domain::ExitOutcome outcome);
/// "Retained", "Lost", "Won back": for lists.
QString exitOutcomeShortLabel(domain::ExitOutcome outcome);

} // namespace cartera::app
