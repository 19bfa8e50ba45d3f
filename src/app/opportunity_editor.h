#pragma once

#include "domain/opportunity.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

/// Creates or edits an opportunity: title, amount, stage, probability (the stage's default unless
/// overridden), expected close, owner, source, forecast category, next step, and for a closed deal
/// its close date and lost reason. The service checks it; its message is shown in the dialog.
class OpportunityEditor final : public QDialog {
    Q_OBJECT

public:
    OpportunityEditor(services::Portfolio& portfolio, const domain::Opportunity& opportunity,
                      std::vector<domain::Stage> stages, std::vector<domain::LostReason> reasons,
                      QWidget* parent = nullptr);

    /// The opportunity as the fields say; nullopt-free: an amount that does not parse stays 0 and
    /// the dialog refuses to close (accept()).
    [[nodiscard]] domain::Opportunity opportunity() const;
    /// Shows a message from the service next to the buttons.
    void showError(const QString& message);

    void accept() override;

private:
    void updateStageFields();

    domain::Opportunity m_original;
    std::vector<domain::Stage> m_stages;
    std::vector<domain::LostReason> m_reasons;
    QLineEdit* m_title;
    QLineEdit* m_amount;
    QComboBox* m_stage;
    QCheckBox* m_override;
    QSpinBox* m_probability;
    QDateEdit* m_expectedClose;
    QComboBox* m_owner;
    QLineEdit* m_source;
    QComboBox* m_category;
    QLineEdit* m_nextStep;
    QDateEdit* m_nextStepOn;
    QDateEdit* m_closedOn;
    QComboBox* m_lostReason;
    QLabel* m_error;
};

} // namespace cartera::app
