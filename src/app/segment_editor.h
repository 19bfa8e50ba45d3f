#pragma once

#include "domain/date.h"
#include "domain/error.h"
#include "domain/segment.h"

#include <QDialog>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

/// People's name of a segment field ("Country", "Revenue", ...) and of an operator ("is", "is one of", ...).
QString segmentFieldLabel(domain::SegmentField field);
QString segmentOperatorLabel(domain::SegmentOperator op);
/// One line for a condition: "Country is one of FR, DE", "Revenue > 1,000.00 (last 12 months)".
QString describeCondition(const domain::SegmentCondition& condition);
/// "last month", "last 12 months".
QString lastMonthsLabel(int months);

/// The rule editor: a tree of groups (all / any) and conditions on the left, the selected
/// condition's field, operator, value and period below it, and the number of customers the
/// rules match, counted again a moment after each edit on a worker thread with its own
/// connection (typing never waits for the count; a count overtaken by edits is not shown).
class SegmentEditor final : public QDialog {
    Q_OBJECT

public:
    SegmentEditor(services::Portfolio& portfolio, const QString& name, const domain::SegmentDefinition& definition,
                  QWidget* parent = nullptr);
    ~SegmentEditor() override;

    [[nodiscard]] QString name() const;
    /// The definition as the tree holds it now.
    [[nodiscard]] domain::SegmentDefinition definition() const;
    /// The evaluation date of the live count (today unless set, for tests).
    void setAsOf(domain::Date asOf);

    // For tests and screenshots.
    [[nodiscard]] QTreeWidget* tree() const { return m_tree; }
    [[nodiscard]] QLabel* countLabel() const { return m_count; }
    [[nodiscard]] QComboBox* fieldCombo() const { return m_field; }
    [[nodiscard]] QComboBox* operatorCombo() const { return m_operator; }
    [[nodiscard]] QLineEdit* textEdit() const { return m_text; }
    [[nodiscard]] QComboBox* choiceCombo() const { return m_choice; }
    [[nodiscard]] QListWidget* choiceList() const { return m_choices; }
    [[nodiscard]] QDoubleSpinBox* numberEdit() const { return m_number; }
    [[nodiscard]] QComboBox* periodCombo() const { return m_period; }
    /// The latest count shown; -1 before the first one or after an error.
    [[nodiscard]] std::int64_t shownCount() const { return m_shownCount; }
    /// Adds a condition to the selected group (or the group of the selected condition) and selects it.
    void addCondition(const domain::SegmentCondition& condition);
    void addGroup(domain::SegmentMatch match);

signals:
    /// A count was shown (after every edit settles).
    void countShown(std::int64_t count);

private:
    void buildTree(const domain::SegmentRule& rule, QTreeWidgetItem* parent);
    [[nodiscard]] domain::SegmentRule ruleOf(QTreeWidgetItem* item) const;
    [[nodiscard]] QTreeWidgetItem* targetGroup() const;
    void showSelected();
    void fillOperators(domain::SegmentField field, domain::SegmentOperator current);
    void fillValueEditor(const domain::SegmentCondition& condition);
    void storeEditedCondition();
    void removeSelected();
    void toggleMatch();
    void scheduleCount();
    void startCount();
    void finishCount(int generation, domain::Result<std::int64_t> count);
    [[nodiscard]] std::vector<std::pair<QString, QString>> choicesFor(domain::SegmentField field) const;
    void updateItemText(QTreeWidgetItem* item) const;
    [[nodiscard]] domain::SegmentCondition conditionOf(QTreeWidgetItem* item) const;

    services::Portfolio& m_portfolio;
    domain::Date m_asOf = domain::Date::today();
    QLineEdit* m_name = nullptr;
    QTreeWidget* m_tree = nullptr;
    QPushButton* m_addCondition = nullptr;
    QPushButton* m_addGroup = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_match = nullptr;
    QWidget* m_conditionPanel = nullptr;
    QComboBox* m_field = nullptr;
    QComboBox* m_operator = nullptr;
    QStackedWidget* m_values = nullptr;
    QLineEdit* m_text = nullptr;
    QComboBox* m_choice = nullptr;
    QListWidget* m_choices = nullptr;
    QDoubleSpinBox* m_number = nullptr;
    QDoubleSpinBox* m_numberHigh = nullptr;
    QWidget* m_rangePage = nullptr;
    QWidget* m_emptyPage = nullptr;
    QComboBox* m_period = nullptr;
    QLabel* m_periodLabel = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QTimer* m_countDelay = nullptr;
    /// The condition each condition item holds, as edited (possibly incomplete while typing).
    std::unordered_map<QTreeWidgetItem*, domain::SegmentCondition> m_conditions;
    bool m_filling = false;  ///< the panel is being filled from the tree: no edit to store

    std::int64_t m_shownCount = -1;
    int m_generation = 0;
    bool m_counting = false;
    bool m_countAgain = false;
    std::thread m_worker;
};

} // namespace cartera::app
