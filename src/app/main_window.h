#pragma once

#include "app/preferences.h"
#include "domain/activity.h"
#include "domain/customer.h"
#include "domain/customer_exit.h"
#include "services/customer_service.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
class QUndoStack;
class QMenu;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

class AbcView;
class ContactsView;
class PortfolioView;
class SegmentFilterCombo;
class SegmentsView;
class PipelineView;
class ForecastView;
class RetentionView;
class TiersView;
class TerritoriesView;
class ActivitiesView;
class CustomerDetailPanel;
class CustomerListExporter;
class CustomerTableModel;
class OpenClaimsModel;

/// The main window: navigation on the left, the current view in the middle, the selected
/// record's detail on the right, with menus, a toolbar search and a status bar.
/// Adds path to the Open Recent list (most recent first, eight at most).
void rememberRecentDatabase(const QString& path);

class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(std::unique_ptr<services::Portfolio> portfolio, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Selects a view by its name ("customers"); false when there is no such view.
    bool showView(const QString& name);
    /// The names showView() knows, in navigation order.
    [[nodiscard]] QStringList viewNames() const;
    /// Finds the customer by code and shows it selected with its detail; false when unknown.
    bool selectCustomer(const QString& code);
    /// Types into the search box and filters at once (as after the typing pause).
    void search(const QString& text);

    // The editing use cases, each one undoable; the menu actions open a dialog and call these.
    // On failure they show the error in the message bar and return false.
    bool createCustomer(const domain::Customer& customer);
    bool updateCustomer(const domain::Customer& customer);
    bool setCustomerArchived(domain::CustomerId id, bool archived);
    bool deleteCustomer(domain::CustomerId id);
    bool logActivity(const domain::Activity& activity);
    bool advanceActivity(domain::ActivityId id, domain::ActivityStatus status);
    bool deleteActivity(domain::ActivityId id);
    /// Records an exit (a lost customer becomes exited), undoable (exit_actions.cpp).
    bool recordExit(const domain::CustomerExit& exit);

    [[nodiscard]] QUndoStack* undoStack() const { return m_undo; }
    [[nodiscard]] CustomerTableModel* customerModel() const { return m_customerModel; }
    [[nodiscard]] CustomerDetailPanel* detailPanel() const { return m_detail; }
    [[nodiscard]] OpenClaimsModel* claimsModel() const { return m_claimsModel; }
    [[nodiscard]] ActivitiesView* activitiesView() const { return m_activities; }
    [[nodiscard]] AbcView* abcView() const { return m_abc; }
    [[nodiscard]] ContactsView* contactsView() const { return m_contacts; }
    [[nodiscard]] TiersView* tiersView() const { return m_tiers; }
    [[nodiscard]] PortfolioView* portfolioView() const { return m_portfolioView; }
    [[nodiscard]] TerritoriesView* territoriesView() const { return m_territories; }
    [[nodiscard]] SegmentsView* segmentsView() const { return m_segments; }
    [[nodiscard]] SegmentFilterCombo* segmentFilter() const { return m_segmentFilter; }
    [[nodiscard]] CustomerListExporter* customerExporter() const { return m_exporter; }
    [[nodiscard]] PipelineView* pipelineView() const { return m_pipeline; }
    [[nodiscard]] RetentionView* retentionView() const { return m_retention; }
    /// The message bar's text (errors), empty when hidden.
    [[nodiscard]] QString message() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void addView(const QString& key, const QString& title, QWidget* view);
    void createActions();
    QWidget* createCustomerView();
    QWidget* createClaimsView();
    void refreshAfterChange();
    void showError(const domain::Error& error);
    void push(const QString& text, services::CustomerService::Step redo, services::CustomerService::Step undo);
    void editCurrentCustomer();
    void newCustomerDialog();
    void deleteCurrentCustomer();
    void archiveCurrentCustomer();
    void recordExitDialog();
    void logActivityDialog();
    void onActivityAction(qlonglong activityId, const QString& action);
    void showPreferences();
    void applyScope();
    void updateRecentMenu();
    void fillFilterChoices();
    void fillRegionChoices();
    void applyFilter();
    void updateStatus();
    void openDatabase();
    void showAbout();
    void restoreLayout();
    void saveLayout() const;

    std::unique_ptr<services::Portfolio> m_portfolio;
    services::CustomerService m_service;
    Preferences m_preferences;
    QUndoStack* m_undo = nullptr;
    OpenClaimsModel* m_claimsModel = nullptr;
    QTableView* m_claimsTable = nullptr;
    QComboBox* m_scope = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_userLabel = nullptr;
    QMenu* m_recentMenu = nullptr;
    CustomerTableModel* m_customerModel = nullptr;
    CustomerDetailPanel* m_detail = nullptr;
    QListWidget* m_navigation = nullptr;
    QStringList m_viewKeys;  ///< showView() names, one per navigation row
    ActivitiesView* m_activities = nullptr;
    AbcView* m_abc = nullptr;
    ContactsView* m_contacts = nullptr;
    TiersView* m_tiers = nullptr;
    PortfolioView* m_portfolioView = nullptr;
    TerritoriesView* m_territories = nullptr;
    SegmentsView* m_segments = nullptr;
    SegmentFilterCombo* m_segmentFilter = nullptr;
    CustomerListExporter* m_exporter = nullptr;
    PipelineView* m_pipeline = nullptr;
    ForecastView* m_forecast = nullptr;
    RetentionView* m_retention = nullptr;
    QStackedWidget* m_views = nullptr;
    QSplitter* m_splitter = nullptr;
    QTableView* m_customerTable = nullptr;
    QLineEdit* m_search = nullptr;
    QTimer* m_searchDelay = nullptr;
    QComboBox* m_kindFilter = nullptr;
    QComboBox* m_channelFilter = nullptr;
    QComboBox* m_countryFilter = nullptr;
    QComboBox* m_ownerFilter = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QComboBox* m_sizeFilter = nullptr;
    QComboBox* m_regionFilter = nullptr;
    QComboBox* m_industryFilter = nullptr;
    QLabel* m_shownLabel = nullptr;
    QLabel* m_fileLabel = nullptr;
};

} // namespace cartera::app
