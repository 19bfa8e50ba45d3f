#include "app/contacts_view.h"

#include "app/contact_editor.h"
#include "app/contact_table_model.h"
#include "services/portfolio.h"
#include "storage/contact_repository.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

/// Adapts a Result<T> call to the Status an undo step returns.
template <typename Call>
services::CustomerService::Step statusOf(Call call)
{
    return [call]() -> Status {
        auto result = call();
        if (!result) {
            return result.error();
        }
        return Done{};
    };
}

constexpr int kMyAccounts = 0;
constexpr int kAllAccounts = 1;

} // namespace

ContactsView::ContactsView(services::Portfolio& portfolio, services::CustomerService& service, QWidget* parent)
    : QWidget(parent), m_portfolio(portfolio), m_service(service), m_model(new ContactTableModel(portfolio, this)),
      m_scope(new QComboBox), m_search(new QLineEdit), m_searchDelay(new QTimer(this)), m_countLabel(new QLabel),
      m_stack(new QStackedWidget), m_table(new QTableView), m_empty(new QLabel),
      m_newButton(new QPushButton(tr("&New Contact…"))), m_editButton(new QPushButton(tr("&Edit…"))),
      m_deleteButton(new QPushButton(tr("&Delete"))), m_openButton(new QPushButton(tr("&Open Account"))),
      m_editAction(new QAction(tr("&Edit Contact…"), this)), m_deleteAction(new QAction(tr("&Delete Contact"), this)),
      m_openAction(new QAction(tr("&Open Account"), this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);

    auto* searchRow = new QHBoxLayout;
    m_scope->setObjectName(QStringLiteral("contactScope"));
    m_scope->addItem(tr("My accounts"));
    m_scope->addItem(tr("All accounts"));
    m_scope->setCurrentIndex(kAllAccounts);
    m_scope->setEnabled(false);
    m_scope->setToolTip(tr("Whose accounts' contacts to list: choose the current user in Preferences for My accounts"));
    searchRow->addWidget(m_scope);
    m_search->setObjectName(QStringLiteral("contactSearch"));
    m_search->setPlaceholderText(tr("Search people by name or e-mail (type @ to search addresses)"));
    m_search->setClearButtonEnabled(true);
    searchRow->addWidget(m_search, 1);
    layout->addLayout(searchRow);

    auto* actionRow = new QHBoxLayout;
    m_countLabel->setObjectName(QStringLiteral("contactCount"));
    m_countLabel->setWordWrap(true);
    actionRow->addWidget(m_countLabel, 1);
    for (auto* button : {m_newButton, m_editButton, m_deleteButton, m_openButton}) {
        actionRow->addWidget(button);
    }
    m_newButton->setObjectName(QStringLiteral("newContact"));
    m_editButton->setObjectName(QStringLiteral("editContact"));
    m_deleteButton->setObjectName(QStringLiteral("deleteContact"));
    m_openButton->setObjectName(QStringLiteral("openAccount"));
    layout->addLayout(actionRow);

    m_table->setObjectName(QStringLiteral("contactTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures a million rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicator(ContactTableModel::Name, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    const int widths[] = {180, 150, 220, 80, 220, 130, 70};
    for (int column = 0; column < ContactTableModel::Count; ++column) {
        m_table->setColumnWidth(column, widths[column]);
    }
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* newAction = new QAction(tr("&New Contact…"), this);
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    m_table->addActions({m_editAction, m_openAction, m_deleteAction, separator, newAction});
    // Enter edits the current contact, like a double click (the table has the focus).
    auto* enter = new QAction(this);
    enter->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    enter->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(enter);

    m_empty->setObjectName(QStringLiteral("contactEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_empty->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    connect(m_searchDelay, &QTimer::timeout, this, &ContactsView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        applyFilter();
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, &ContactsView::applyFilter);

    connect(m_newButton, &QPushButton::clicked, this, &ContactsView::newContactDialog);
    connect(newAction, &QAction::triggered, this, &ContactsView::newContactDialog);
    connect(m_editButton, &QPushButton::clicked, this, &ContactsView::editCurrentContact);
    connect(m_editAction, &QAction::triggered, this, &ContactsView::editCurrentContact);
    connect(enter, &QAction::triggered, this, &ContactsView::editCurrentContact);
    connect(m_table, &QTableView::doubleClicked, this, &ContactsView::editCurrentContact);
    connect(m_deleteButton, &QPushButton::clicked, this, &ContactsView::deleteCurrentContact);
    connect(m_deleteAction, &QAction::triggered, this, &ContactsView::deleteCurrentContact);
    connect(m_openButton, &QPushButton::clicked, this, &ContactsView::openCurrentAccount);
    connect(m_openAction, &QAction::triggered, this, &ContactsView::openCurrentAccount);

    // Only name, account and e-mail sort; a click on another column keeps the current order.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column) {
        if (!ContactTableModel::isSortable(column)) {
            const auto sort = m_model->sortOrder();
            const QSignalBlocker blocker(m_table->horizontalHeader());
            m_table->horizontalHeader()->setSortIndicator(ContactTableModel::columnOf(sort.key),
                                                          sort.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ContactsView::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ContactsView::updateState);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ContactsView::updateState);
    updateState();
}

ContactTableModel* ContactsView::model() const
{
    return m_model;
}

void ContactsView::setCurrentUser(std::optional<RepId> rep)
{
    const bool hadRep = m_currentRep.has_value();
    m_currentRep = rep;
    {
        const QSignalBlocker blocker(m_scope);
        m_scope->setEnabled(rep.has_value());
        if (!rep) {
            m_scope->setCurrentIndex(kAllAccounts);
        } else if (!hadRep) {
            m_scope->setCurrentIndex(kMyAccounts);  // a rep starts on their own accounts
        }
    }
    applyFilter();
}

void ContactsView::applyFilter()
{
    ContactFilter filter;
    filter.search = m_search->text().trimmed().toStdString();
    if (m_currentRep && m_scope->currentIndex() == kMyAccounts) {
        filter.ownerRepId = m_currentRep;
    }
    m_model->setFilter(filter);
}

void ContactsView::search(const QString& text)
{
    m_search->setText(text);
    m_searchDelay->stop();  // filter now, not again when the typing delay runs out
    applyFilter();
}

void ContactsView::reload()
{
    const auto current = currentContactId();
    m_model->reload();
    if (current) {
        selectContact(*current);
    }
}

void ContactsView::updateState()
{
    const QLocale locale;
    const int rows = m_model->rowCount();
    const bool searching = m_model->isSearch();
    if (searching && m_model->moreThanShown()) {
        m_countLabel->setText(tr("More than %1 contacts match: the first %1 found are listed. Type more of the "
                                 "name to narrow the list.")
                                  .arg(locale.toString(rows)));
    } else if (m_model->moreThanShown()) {
        m_countLabel->setText(tr("More than %1 contacts").arg(locale.toString(rows)));
    } else if (searching) {
        m_countLabel->setText(rows == 1 ? tr("1 contact matches") : tr("%1 contacts match").arg(locale.toString(rows)));
    } else {
        m_countLabel->setText(rows == 1 ? tr("1 contact") : tr("%1 contacts").arg(locale.toString(rows)));
    }

    if (rows == 0) {
        const bool mine = m_currentRep && m_scope->currentIndex() == kMyAccounts;
        if (searching) {
            m_empty->setText(mine ? tr("No contact at your accounts matches “%1”. Check the spelling, type less of "
                                       "the name, or search All accounts.")
                                        .arg(m_search->text().trimmed())
                                  : tr("No contact matches “%1”. Check the spelling or type less of the name.")
                                        .arg(m_search->text().trimmed()));
        } else if (mine) {
            m_empty->setText(tr("No contacts at your accounts yet. Add one with New Contact, or look at All accounts."));
        } else {
            m_empty->setText(tr("No contacts yet. Add the first one with New Contact."));
        }
    }
    m_stack->setCurrentWidget(rows == 0 ? static_cast<QWidget*>(m_empty) : m_table);

    const bool hasCurrent = currentContactId().has_value();
    for (auto* button : {m_editButton, m_deleteButton, m_openButton}) {
        button->setEnabled(hasCurrent);
    }
    for (auto* action : {m_editAction, m_deleteAction, m_openAction}) {
        action->setEnabled(hasCurrent);
    }
}

std::optional<ContactId> ContactsView::currentContactId() const
{
    const auto index = m_table->currentIndex();
    if (!index.isValid()) {
        return std::nullopt;
    }
    const auto id = index.siblingAtColumn(0).data(ContactTableModel::kContactIdRole).toLongLong();
    return id > 0 ? std::optional<ContactId>(id) : std::nullopt;
}

CustomerId ContactsView::currentCustomerId() const
{
    const auto index = m_table->currentIndex();
    return index.isValid() ? index.siblingAtColumn(0).data(ContactTableModel::kCustomerIdRole).toLongLong() : 0;
}

void ContactsView::selectContact(ContactId id)
{
    if (const int row = m_model->rowOfContact(id); row >= 0) {
        m_table->setCurrentIndex(m_model->index(row, ContactTableModel::Name));
    }
    updateState();
}

services::CustomerService::Step ContactsView::refreshing(services::CustomerService::Step step)
{
    return [view = QPointer<ContactsView>(this), step = std::move(step)]() -> Status {
        auto status = step();
        if (view) {
            view->reload();
        }
        return status;
    };
}

bool ContactsView::addContact(const Contact& contact)
{
    auto added = m_service.addContact(contact);
    if (!added) {
        emit errorOccurred(added.error());
        return false;
    }
    const Contact saved = added.value();
    reload();
    selectContact(saved.id);
    auto* service = &m_service;
    emit changeRequested(tr("New contact %1").arg(qs(saved.fullName())),
                         refreshing([service, saved] { return service->restoreContact(saved); }),
                         refreshing(statusOf([service, id = saved.id] { return service->removeContact(id); })));
    return true;
}

bool ContactsView::updateContact(const Contact& contact)
{
    const auto before = m_portfolio.contacts().find(contact.id);
    if (!before) {
        emit errorOccurred(Error{ErrorCode::NotFound,
                                 "contact " + std::to_string(contact.id) + " does not exist (it may have been deleted)",
                                 {}});
        return false;
    }
    auto updated = m_service.updateContact(contact);
    if (!updated) {
        emit errorOccurred(updated.error());
        return false;
    }
    const Contact after = updated.value();
    const Contact previous = *before;
    reload();
    auto* service = &m_service;
    emit changeRequested(tr("Edit contact %1").arg(qs(after.fullName())),
                         refreshing(statusOf([service, after] { return service->updateContact(after); })),
                         refreshing(statusOf([service, previous] { return service->updateContact(previous); })));
    return true;
}

bool ContactsView::deleteContact(ContactId id)
{
    auto removed = m_service.removeContact(id);
    if (!removed) {
        emit errorOccurred(removed.error());
        return false;
    }
    const Contact saved = removed.value();
    reload();
    auto* service = &m_service;
    emit changeRequested(tr("Delete contact %1").arg(qs(saved.fullName())),
                         refreshing(statusOf([service, id] { return service->removeContact(id); })),
                         refreshing([service, saved] { return service->restoreContact(saved); }));
    return true;
}

void ContactsView::newContactDialog()
{
    Contact blank;
    // A new contact most often joins the account of the one selected.
    blank.customerId = currentCustomerId();
    ContactEditor editor(m_portfolio, blank, this);
    if (editor.exec() == QDialog::Accepted) {
        addContact(editor.contact());
    }
}

void ContactsView::editCurrentContact()
{
    const auto id = currentContactId();
    if (!id) {
        return;
    }
    const auto contact = m_portfolio.contacts().find(*id);
    if (!contact) {
        emit errorOccurred(Error{ErrorCode::NotFound, "the contact no longer exists (it may have been deleted)", {}});
        reload();
        return;
    }
    ContactEditor editor(m_portfolio, *contact, this);
    if (editor.exec() == QDialog::Accepted && editor.contact() != *contact) {
        updateContact(editor.contact());
    }
}

void ContactsView::deleteCurrentContact()
{
    const auto id = currentContactId();
    if (!id) {
        return;
    }
    const auto* row = m_model->rowAt(m_table->currentIndex().row());
    const QString name = row ? qs(row->firstName.empty() ? row->lastName : row->firstName + " " + row->lastName)
                             : QString();
    QMessageBox box(QMessageBox::Question, tr("Delete %1?").arg(name),
                    tr("%1 will be removed from the contacts of %2. You can undo this until you close Cartera.")
                        .arg(name, row ? qs(row->customerName) : QString()),
                    QMessageBox::Cancel, this);
    auto* remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == static_cast<QAbstractButton*>(remove)) {
        deleteContact(*id);
    }
}

void ContactsView::openCurrentAccount()
{
    if (const auto customer = currentCustomerId(); customer != 0) {
        emit customerActivated(customer);
    }
}

} // namespace cartera::app
