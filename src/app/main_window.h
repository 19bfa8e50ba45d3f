#pragma once

#include <QMainWindow>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

class CustomerDetailPanel;
class CustomerTableModel;

/// The main window: navigation on the left, the current view in the middle, the selected
/// record's detail on the right, with menus, a toolbar search and a status bar.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(std::unique_ptr<services::Portfolio> portfolio, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Selects a view by its name ("customers"); false when there is no such view.
    bool showView(const QString& name);
    /// Finds the customer by code and shows it selected with its detail; false when unknown.
    bool selectCustomer(const QString& code);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    QWidget* createCustomerView();
    void fillFilterChoices();
    void applyFilter();
    void updateStatus();
    void openDatabase();
    void showAbout();
    void restoreLayout();
    void saveLayout() const;

    std::unique_ptr<services::Portfolio> m_portfolio;
    CustomerTableModel* m_customerModel = nullptr;
    CustomerDetailPanel* m_detail = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_views = nullptr;
    QSplitter* m_splitter = nullptr;
    QTableView* m_customerTable = nullptr;
    QLineEdit* m_search = nullptr;
    QTimer* m_searchDelay = nullptr;
    QComboBox* m_kindFilter = nullptr;
    QComboBox* m_channelFilter = nullptr;
    QComboBox* m_countryFilter = nullptr;
    QComboBox* m_ownerFilter = nullptr;
    QLabel* m_shownLabel = nullptr;
    QLabel* m_fileLabel = nullptr;
};

} // namespace cartera::app
