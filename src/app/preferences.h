#pragma once

#include "domain/customer.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QSpinBox;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

/// The user's preferences, kept per user and machine in QSettings (not in the portfolio file,
/// which several people may share).
struct Preferences final {
    /// The rep using this laptop, by code (codes survive imports; ids do not).
    QString currentRepCode;
    /// Days within which a claim or information request should get a first response.
    int claimResponseDays = 2;
    /// Days without a stage change after which an open opportunity is highlighted as stale.
    int pipelineStaleDays = 30;

    static Preferences load();
    void save() const;
};

/// Edits the Preferences.
class PreferencesDialog final : public QDialog {
    Q_OBJECT

public:
    PreferencesDialog(services::Portfolio& portfolio, const Preferences& preferences, QWidget* parent = nullptr);

    [[nodiscard]] Preferences preferences() const;

private:
    QComboBox* m_currentRep;
    QSpinBox* m_claimDays;
    QSpinBox* m_staleDays;
};

} // namespace cartera::app
