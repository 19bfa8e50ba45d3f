#pragma once

#include "domain/sales_rep.h"
#include "domain/territory.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace cartera::app {

/// Edits a territory of a draft set: name, parent, owning rep and overlay reps.
class TerritoryDialog final : public QDialog {
    Q_OBJECT

public:
    TerritoryDialog(domain::Territory territory, const domain::TerritorySet& set, const std::vector<domain::SalesRep>& reps,
                    QWidget* parent = nullptr);
    [[nodiscard]] domain::Territory territory() const;
    void accept() override;

private:
    domain::Territory m_territory;
    const domain::TerritorySet& m_set;
    std::vector<domain::SalesRep> m_reps;
    QLineEdit* m_name = nullptr;
    QComboBox* m_parent = nullptr;
    QComboBox* m_owner = nullptr;
    QListWidget* m_overlays = nullptr;
    QLabel* m_problem = nullptr;
};

/// Edits a rule of a draft set: its territory, priority and conditions.
class RuleDialog final : public QDialog {
    Q_OBJECT

public:
    RuleDialog(domain::TerritoryRule rule, const domain::TerritorySet& set, QWidget* parent = nullptr);
    [[nodiscard]] domain::TerritoryRule rule() const;
    void accept() override;

private:
    domain::TerritoryRule m_rule;
    QComboBox* m_territory = nullptr;
    QSpinBox* m_priority = nullptr;
    QLineEdit* m_country = nullptr;
    QLineEdit* m_region = nullptr;
    QLineEdit* m_postal = nullptr;
    QLineEdit* m_industry = nullptr;
    QComboBox* m_size = nullptr;
    QComboBox* m_channel = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace cartera::app
