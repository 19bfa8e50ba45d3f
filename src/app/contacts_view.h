#pragma once

#include "domain/contact.h"
#include "domain/customer.h"
#include "domain/error.h"
#include "services/customer_service.h"

#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

class ContactTableModel;

/// The Contacts view: the people at the accounts across the portfolio, searched as you type
/// (names and e-mail addresses), within the current user's accounts or all of them, with their
/// count, and created, edited and deleted through CustomerService. Each change is applied at
/// once and offered to the caller's undo stack through changeRequested.
class ContactsView final : public QWidget {
    Q_OBJECT

public:
    ContactsView(services::Portfolio& portfolio, services::CustomerService& service, QWidget* parent = nullptr);

    /// The rep using the app, for the "My accounts" scope (chosen when a rep is set); without
    /// one the view lists all accounts.
    void setCurrentUser(std::optional<domain::RepId> rep);
    /// Reads the list again, keeping the current contact (after any change elsewhere).
    void reload();
    /// Types text into the search box and filters at once (as after the typing pause).
    void search(const QString& text);
    [[nodiscard]] ContactTableModel* model() const;

    // Editing use cases; each returns false and emits errorOccurred on failure.
    bool addContact(const domain::Contact& contact);
    bool updateContact(const domain::Contact& contact);
    bool deleteContact(domain::ContactId id);

signals:
    /// "Open account": show this customer.
    void customerActivated(domain::CustomerId id);
    /// A change was made (already saved); push it on an undo stack: redo makes it again, undo
    /// reverts it. Both steps also reload this view, so the caller need not.
    void changeRequested(const QString& text, services::CustomerService::Step redo,
                         services::CustomerService::Step undo);
    void errorOccurred(const domain::Error& error);

private:
    void applyFilter();
    void updateState();
    [[nodiscard]] std::optional<domain::ContactId> currentContactId() const;
    [[nodiscard]] domain::CustomerId currentCustomerId() const;
    void selectContact(domain::ContactId id);
    void newContactDialog();
    void editCurrentContact();
    void deleteCurrentContact();
    void openCurrentAccount();
    /// A step for the undo stack that also refreshes this view, if it still exists.
    services::CustomerService::Step refreshing(services::CustomerService::Step step);

    services::Portfolio& m_portfolio;
    services::CustomerService& m_service;
    std::optional<domain::RepId> m_currentRep;
    ContactTableModel* m_model;
    QComboBox* m_scope;
    QLineEdit* m_search;
    QTimer* m_searchDelay;
    QLabel* m_countLabel;
    QStackedWidget* m_stack;
    QTableView* m_table;
    QLabel* m_empty;
    QPushButton* m_newButton;
    QPushButton* m_editButton;
    QPushButton* m_deleteButton;
    QPushButton* m_openButton;
    QAction* m_editAction;
    QAction* m_deleteAction;
    QAction* m_openAction;
};

} // namespace cartera::app
