#pragma once

#include "domain/customer.h"
#include "domain/date.h"
#include "services/territory_service.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTreeWidget;
class QUndoStack;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

class RepTableModel;
class ReportTableModel;

/// Territories, reps, coverage and channels in one view with four tabs (docs/territories.md):
///  - Territories: the tree with owners and account counts, the rules of the selected territory,
///    and a draft the user edits (add, split, edit, delete territories and rules) until Preview
///    shows the realignment it causes; Apply writes it in one transaction through the undo stack.
///  - Reps: team, active flag and capacity, edited in place (undoable).
///  - Coverage: accounts, A-class accounts, revenue, margin, open claims and accounts without
///    contact per rep or territory, the balance index and suggested moves (previewed, undoable).
///  - Channels: revenue, customers, margin and growth per channel and channel x territory, and the
///    accounts served through more than one channel.
class TerritoriesView final : public QWidget {
    Q_OBJECT

public:
    TerritoriesView(services::Portfolio& portfolio, QUndoStack* undo, QWidget* parent = nullptr);

    /// Reads the saved territories and reps (dropping an unsaved draft) and the coverage.
    bool reload();
    /// The day revenue and contacts are counted back from (today by default).
    void setAsOf(domain::Date asOf) { m_asOf = asOf; }

    [[nodiscard]] const domain::TerritorySet& draft() const { return m_draft; }
    [[nodiscard]] bool draftChanged() const { return m_draft != m_saved; }
    /// Replaces the draft (what the editing buttons change) and shows it.
    void setDraft(domain::TerritorySet draft);
    /// Splits a territory in two: a new sibling with the same owner that takes the accounts of a
    /// new rule (postal range from..to within the territory's country); the draft changes only.
    bool splitTerritory(domain::TerritoryId id, const QString& newName, const std::string& postalFrom,
                        const std::string& postalTo, std::optional<domain::RepId> owner);

    /// The realignment the draft causes; nullopt (and the problem shown) when it cannot be computed.
    std::optional<services::Realignment> previewDraft();
    /// Applies a previewed realignment through the undo stack; false (problem shown) when refused.
    bool applyRealignment(const services::Realignment& realignment, const QString& undoText);
    /// Recomputes coverage, balance and channels.
    bool refreshCoverage();
    [[nodiscard]] const std::optional<services::CoverageResult>& coverage() const { return m_coverage; }

    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    [[nodiscard]] ReportTableModel* coverageModel() const { return m_coverageModel; }
    [[nodiscard]] ReportTableModel* channelModel() const { return m_channelModel; }
    [[nodiscard]] RepTableModel* repModel() const { return m_repModel; }
    [[nodiscard]] QString problem() const;

signals:
    void customerSelected(domain::CustomerId id);
    void customerActivated(domain::CustomerId id);

private:
    QWidget* createTerritoriesTab();
    QWidget* createRepsTab();
    QWidget* createCoverageTab();
    QWidget* createChannelsTab();
    void showDraft();
    void showRules();
    void showCoverage();
    void showProblem(const QString& text);
    [[nodiscard]] std::optional<domain::TerritoryId> currentTerritory() const;
    void addTerritory(bool inside);
    void editTerritory();
    void deleteTerritory();
    void splitCurrent();
    void addRule();
    void editRule();
    void deleteRule();
    void previewAndAsk();
    void suggestMoves();
    void pushRealignment(const services::Realignment& realignment, const QString& text);

    services::Portfolio& m_portfolio;
    services::TerritoryService m_service;
    QUndoStack* m_undo;
    domain::Date m_asOf = domain::Date::today();
    domain::TerritorySet m_saved;
    domain::TerritorySet m_draft;
    std::vector<domain::SalesRep> m_reps;
    std::vector<std::pair<domain::TerritoryId, std::int64_t>> m_counts;
    std::optional<services::CoverageResult> m_coverage;

    QTabWidget* m_tabs = nullptr;
    QLabel* m_problem = nullptr;
    QTreeWidget* m_tree = nullptr;
    QTableView* m_rulesView = nullptr;
    ReportTableModel* m_rulesModel = nullptr;
    QLabel* m_draftState = nullptr;
    QPushButton* m_preview = nullptr;
    QPushButton* m_discard = nullptr;
    RepTableModel* m_repModel = nullptr;
    QComboBox* m_coverageLevel = nullptr;
    QSpinBox* m_days = nullptr;
    QLabel* m_balance = nullptr;
    ReportTableModel* m_coverageModel = nullptr;
    QComboBox* m_channelLevel = nullptr;
    ReportTableModel* m_channelModel = nullptr;
    ReportTableModel* m_flaggedModel = nullptr;
    QLabel* m_channelNote = nullptr;
};

} // namespace cartera::app
