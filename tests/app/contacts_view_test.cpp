#include "app/contact_editor.h"
#include "app/contact_table_model.h"
#include "app/contacts_view.h"
#include "app/undo_commands.h"

#include "services/customer_service.h"
#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "support/temp_dir.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>

namespace services = cartera::services;
namespace storage = cartera::storage;
namespace domain = cartera::domain;
namespace app = cartera::app;
using cartera::testing::TempDir;

namespace {

/// A Contacts view over a fresh demo portfolio, its changes pushed on an undo stack the way
/// MainWindow::push does (the change is made, then pushed as a ServiceCommand).
struct ContactsWorkspace {
    TempDir dir;
    std::unique_ptr<services::Portfolio> portfolio;
    std::unique_ptr<services::CustomerService> service;
    QUndoStack undo;
    std::vector<domain::Error> errors;
    std::unique_ptr<app::ContactsView> view;

    explicit ContactsWorkspace(std::int64_t customers = 300)
    {
        services::DemoOptions options;
        options.customers = customers;
        options.asOf = domain::Date(2026, 6, 30);
        const auto path = dir.file("demo.cartera");
        EXPECT_TRUE(services::createDemoPortfolioFile(path, options, false).ok());
        auto opened = services::Portfolio::open(path, storage::OpenMode::ReadWrite);
        EXPECT_TRUE(opened.ok());
        portfolio = std::move(opened.value());
        service = std::make_unique<services::CustomerService>(*portfolio);
        view = std::make_unique<app::ContactsView>(*portfolio, *service);
        view->resize(1200, 700);
        QObject::connect(view.get(), &app::ContactsView::changeRequested,
                         [this](const QString& text, services::CustomerService::Step redo,
                                services::CustomerService::Step undoStep) {
                             undo.push(new app::ServiceCommand(text, std::move(redo), std::move(undoStep),
                                                               [this](const domain::Error& e) { errors.push_back(e); }));
                         });
        QObject::connect(view.get(), &app::ContactsView::errorOccurred,
                         [this](const domain::Error& e) { errors.push_back(e); });
    }

    [[nodiscard]] QTableView* table() const { return view->findChild<QTableView*>(QStringLiteral("contactTable")); }
    [[nodiscard]] QLineEdit* searchBox() const { return view->findChild<QLineEdit*>(QStringLiteral("contactSearch")); }
    [[nodiscard]] QComboBox* scope() const { return view->findChild<QComboBox*>(QStringLiteral("contactScope")); }
    [[nodiscard]] QString countText() const
    {
        return view->findChild<QLabel*>(QStringLiteral("contactCount"))->text();
    }
    [[nodiscard]] QPushButton* button(const char* name) const
    {
        return view->findChild<QPushButton*>(QLatin1String(name));
    }

    /// The rep with the most accounts.
    [[nodiscard]] domain::RepId busiestRep() const
    {
        domain::RepId rep = 0;
        std::int64_t most = -1;
        for (const auto& r : portfolio->reps().all()) {
            domain::CustomerFilter f;
            f.ownerRepId = r.id;
            if (const auto n = portfolio->customers().count(f); n > most) {
                most = n;
                rep = r.id;
            }
        }
        return rep;
    }

    void shot(QWidget& widget, const QString& name) const
    {
        // Kept next to the test binary so a person can look at them.
        widget.grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/") + name);
    }
};

/// Runs trigger, and action on the modal dialog trigger opens (its exec() blocks meanwhile);
/// false when no dialog opened.
bool withDialog(const std::function<void()>& trigger, const std::function<void(QWidget*)>& action)
{
    bool handled = false;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (QWidget* dialog = QApplication::activeModalWidget(); dialog && !handled) {
            handled = true;
            poll.stop();
            action(dialog);
        }
    });
    poll.start();
    trigger();
    poll.stop();
    return handled;
}

domain::Contact newContact(domain::CustomerId customer, const char* first, const char* last)
{
    domain::Contact c;
    c.customerId = customer;
    c.firstName = first;
    c.lastName = last;
    c.jobTitle = "Buyer";
    c.email = "x.y@example.com";
    c.phone = "+33 1 23 45 67 89";
    return c;
}

} // namespace

TEST(ContactsView, listsEveryContactWithItsCountAndPassesTheModelTester)
{
    ContactsWorkspace w;
    QAbstractItemModelTester tester(w.view->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto all = w.portfolio->contacts().count({});
    EXPECT_EQ(w.view->model()->rowCount(), all);
    EXPECT_EQ(w.countText(), QStringLiteral("%1 contacts").arg(QLocale().toString(static_cast<qlonglong>(all))));
    EXPECT_FALSE(w.scope()->isEnabled());  // no current user: all accounts
    EXPECT_EQ(w.scope()->currentText(), QStringLiteral("All accounts"));
    EXPECT_FALSE(w.button("editContact")->isEnabled());

    // The e-mail header sorts; the phone header keeps the order (and its indicator) as it was.
    auto* header = w.table()->horizontalHeader();
    header->setSortIndicator(app::ContactTableModel::Email, Qt::DescendingOrder);
    EXPECT_EQ(w.view->model()->sortOrder(), (domain::ContactSort{domain::ContactSortKey::Email, true}));
    header->setSortIndicator(app::ContactTableModel::Phone, Qt::AscendingOrder);
    EXPECT_EQ(w.view->model()->sortOrder(), (domain::ContactSort{domain::ContactSortKey::Email, true}));
    EXPECT_EQ(header->sortIndicatorSection(), app::ContactTableModel::Email);
    EXPECT_EQ(header->sortIndicatorOrder(), Qt::DescendingOrder);
    w.table()->setCurrentIndex(w.view->model()->index(0, 0));
    EXPECT_TRUE(w.button("editContact")->isEnabled());
}

TEST(ContactsView, searchFiltersAfterATypingPauseAndAtOnceThroughSearch)
{
    ContactsWorkspace w;
    QAbstractItemModelTester tester(w.view->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int all = w.view->model()->rowCount();
    const auto some = w.portfolio->contacts().list({}, {}, 17, 1).at(0);

    w.view->show();
    QTest::keyClicks(w.searchBox(), QString::fromStdString(some.lastName));
    EXPECT_EQ(w.view->model()->rowCount(), all);  // still typing
    QElapsedTimer waited;
    waited.start();
    while (w.view->model()->rowCount() == all && waited.elapsed() < 2000) {
        QTest::qWait(20);
    }
    domain::ContactFilter filter;
    filter.search = some.lastName;
    EXPECT_EQ(w.view->model()->rowCount(), w.portfolio->contacts().count(filter));
    EXPECT_LT(w.view->model()->rowCount(), all);
    EXPECT_TRUE(w.countText().endsWith(QStringLiteral("match")) || w.countText().endsWith(QStringLiteral("matches")))
        << w.countText().toStdString();

    // First name and surname, lower case, at once.
    w.view->search(QString::fromStdString(some.firstName + " " + some.lastName).toLower());
    ASSERT_GE(w.view->model()->rowCount(), 1);
    EXPECT_GE(w.view->model()->rowOfContact(some.id), 0);
    for (int row = 0; row < w.view->model()->rowCount(); ++row) {
        EXPECT_EQ(w.view->model()->rowAt(row)->lastName, some.lastName);
    }

    w.view->search(QStringLiteral("qqqzzz"));
    EXPECT_EQ(w.view->model()->rowCount(), 0);
    const auto* empty = w.view->findChild<QLabel*>(QStringLiteral("contactEmptyState"));
    EXPECT_TRUE(empty->isVisible());
    EXPECT_TRUE(empty->text().contains(QStringLiteral("qqqzzz")));
    w.view->search(QString());
    EXPECT_EQ(w.view->model()->rowCount(), all);
    EXPECT_FALSE(empty->isVisible());
}

TEST(ContactsView, myAccountsScopeFollowsTheCurrentUser)
{
    ContactsWorkspace w;
    QAbstractItemModelTester tester(w.view->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int all = w.view->model()->rowCount();
    const auto rep = w.busiestRep();

    w.view->setCurrentUser(rep);
    EXPECT_TRUE(w.scope()->isEnabled());
    EXPECT_EQ(w.scope()->currentText(), QStringLiteral("My accounts"));
    domain::ContactFilter mine;
    mine.ownerRepId = rep;
    const auto expected = w.portfolio->contacts().count(mine);
    ASSERT_GT(expected, 0);
    EXPECT_EQ(w.view->model()->rowCount(), expected);
    EXPECT_LT(w.view->model()->rowCount(), all);
    for (int row = 0; row < w.view->model()->rowCount(); ++row) {
        EXPECT_EQ(w.portfolio->customers().find(w.view->model()->rowAt(row)->customerId)->ownerRepId, rep);
    }

    w.scope()->setCurrentIndex(1);  // All accounts
    EXPECT_EQ(w.view->model()->rowCount(), all);
    w.scope()->setCurrentIndex(0);
    EXPECT_EQ(w.view->model()->rowCount(), expected);

    w.view->setCurrentUser(std::nullopt);
    EXPECT_FALSE(w.scope()->isEnabled());
    EXPECT_EQ(w.view->model()->rowCount(), all);
}

TEST(ContactsView, addEditAndDeleteAreUndoneAndRedoneThroughTheUndoStack)
{
    ContactsWorkspace w;
    QAbstractItemModelTester tester(w.view->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto account = w.portfolio->customers().findByCode("C0000002");
    ASSERT_TRUE(account);
    const int before = w.view->model()->rowCount();

    // Add.
    ASSERT_TRUE(w.view->addContact(newContact(account->id, "Ingrid", "Zwanziger")));
    EXPECT_EQ(w.undo.count(), 1);
    EXPECT_EQ(w.undo.undoText(), QStringLiteral("New contact Ingrid Zwanziger"));
    EXPECT_EQ(w.view->model()->rowCount(), before + 1);
    w.view->search(QStringLiteral("zwanziger"));
    ASSERT_EQ(w.view->model()->rowCount(), 1);
    const auto id = w.view->model()->rowAt(0)->id;
    EXPECT_EQ(w.view->model()->rowAt(0)->customerId, account->id);

    w.undo.undo();
    EXPECT_FALSE(w.portfolio->contacts().find(id));
    EXPECT_EQ(w.view->model()->rowCount(), 0);  // the view refreshed itself
    w.undo.redo();
    ASSERT_TRUE(w.portfolio->contacts().find(id));  // back with the same id
    EXPECT_EQ(w.view->model()->rowCount(), 1);

    // Edit.
    auto edited = *w.portfolio->contacts().find(id);
    edited.jobTitle = "Head of Purchasing";
    edited.email = "ingrid.zwanziger@example.com";
    ASSERT_TRUE(w.view->updateContact(edited));
    EXPECT_EQ(w.undo.undoText(), QStringLiteral("Edit contact Ingrid Zwanziger"));
    EXPECT_EQ(w.view->model()->rowAt(0)->jobTitle, "Head of Purchasing");
    w.undo.undo();
    EXPECT_EQ(w.portfolio->contacts().find(id)->jobTitle, "Buyer");
    EXPECT_EQ(w.view->model()->rowAt(0)->jobTitle, "Buyer");
    w.undo.redo();
    EXPECT_EQ(*w.portfolio->contacts().find(id), edited);

    // Delete, undo puts it back unchanged with its id.
    ASSERT_TRUE(w.view->deleteContact(id));
    EXPECT_EQ(w.undo.undoText(), QStringLiteral("Delete contact Ingrid Zwanziger"));
    EXPECT_FALSE(w.portfolio->contacts().find(id));
    EXPECT_EQ(w.view->model()->rowCount(), 0);
    w.undo.undo();
    ASSERT_TRUE(w.portfolio->contacts().find(id));
    EXPECT_EQ(*w.portfolio->contacts().find(id), edited);
    EXPECT_EQ(w.view->model()->rowCount(), 1);
    w.undo.redo();
    EXPECT_FALSE(w.portfolio->contacts().find(id));

    // Undo everything: the portfolio is as it was.
    while (w.undo.canUndo()) {
        w.undo.undo();
    }
    EXPECT_FALSE(w.portfolio->contacts().find(id));
    w.view->search(QString());
    EXPECT_EQ(w.view->model()->rowCount(), before);
    EXPECT_TRUE(w.errors.empty());
}

TEST(ContactsView, refusedChangesEmitTheErrorAndChangeNothing)
{
    ContactsWorkspace w;
    const auto account = w.portfolio->customers().findByCode("C0000002");
    QSignalSpy errors(w.view.get(), &app::ContactsView::errorOccurred);
    const int before = w.view->model()->rowCount();

    auto bad = newContact(account->id, "Bad", "Mail");
    bad.email = "not an address";
    EXPECT_FALSE(w.view->addContact(bad));
    ASSERT_EQ(errors.count(), 1);
    EXPECT_EQ(errors.at(0).at(0).value<domain::Error>().where, "email");
    EXPECT_FALSE(w.view->addContact(newContact(999999, "No", "Account")));
    EXPECT_FALSE(w.view->updateContact(newContact(account->id, "Ghost", "Contact")));  // id 0: no such contact
    EXPECT_FALSE(w.view->deleteContact(987654));
    EXPECT_EQ(errors.count(), 4);
    EXPECT_EQ(w.undo.count(), 0);
    EXPECT_EQ(w.view->model()->rowCount(), before);
}

TEST(ContactsView, doubleClickEditsTheContactInTheEditor)
{
    ContactsWorkspace w;
    const auto some = w.portfolio->contacts().list({}, {}, 5, 1).at(0);
    w.view->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w.view.get()));
    w.view->search(QString::fromStdString(some.email));
    ASSERT_GE(w.view->model()->rowCount(), 1);
    const int row = w.view->model()->rowOfContact(some.id);
    ASSERT_GE(row, 0);
    QCoreApplication::processEvents();

    const QRect cell = w.table()->visualRect(w.view->model()->index(row, app::ContactTableModel::Name));
    // A double click is a press (which picks the row), then the double-click event.
    QTest::mouseClick(w.table()->viewport(), Qt::LeftButton, {}, cell.center());
    ASSERT_TRUE(withDialog([&] { QTest::mouseDClick(w.table()->viewport(), Qt::LeftButton, {}, cell.center()); },
                           [](QWidget* dialog) {
                               auto* editor = qobject_cast<app::ContactEditor*>(dialog);
                               ASSERT_NE(editor, nullptr);
                               editor->field("jobTitle")->setText(QStringLiteral("Chief Buyer"));
                               editor->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
                           }));
    EXPECT_EQ(w.portfolio->contacts().find(some.id)->jobTitle, "Chief Buyer");
    EXPECT_EQ(w.undo.count(), 1);
    w.undo.undo();
    EXPECT_EQ(w.portfolio->contacts().find(some.id)->jobTitle, some.jobTitle);
}

TEST(ContactsView, newContactButtonAddsToTheAccountTypedAndDeleteAsksFirst)
{
    ContactsWorkspace w;
    w.view->show();
    const auto account = w.portfolio->customers().findByCode("C0000007");
    ASSERT_TRUE(account);

    ASSERT_TRUE(withDialog([&] { w.button("newContact")->click(); }, [](QWidget* dialog) {
        auto* editor = qobject_cast<app::ContactEditor*>(dialog);
        ASSERT_NE(editor, nullptr);
        EXPECT_FALSE(editor->isAcceptable());  // no account, no name yet
        editor->field("account")->setText(QStringLiteral("C0000007"));
        editor->field("firstName")->setText(QStringLiteral("Oskar"));
        editor->field("lastName")->setText(QStringLiteral("Quellenberg"));
        editor->primaryBox()->setChecked(true);
        ASSERT_TRUE(editor->isAcceptable());
        editor->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    }));
    w.view->search(QStringLiteral("quellenberg"));
    ASSERT_EQ(w.view->model()->rowCount(), 1);
    const auto added = *w.view->model()->rowAt(0);
    EXPECT_EQ(added.customerId, account->id);
    EXPECT_TRUE(added.primary);

    w.table()->setCurrentIndex(w.view->model()->index(0, 0));
    EXPECT_TRUE(w.button("deleteContact")->isEnabled());
    // Cancel keeps it; Delete removes it.
    ASSERT_TRUE(withDialog([&] { w.button("deleteContact")->click(); }, [](QWidget* dialog) {
        auto* box = qobject_cast<QMessageBox*>(dialog);
        ASSERT_NE(box, nullptr);
        EXPECT_TRUE(box->text().contains(QStringLiteral("Oskar Quellenberg")));
        box->button(QMessageBox::Cancel)->click();
    }));
    EXPECT_TRUE(w.portfolio->contacts().find(added.id));
    ASSERT_TRUE(withDialog([&] { w.button("deleteContact")->click(); }, [](QWidget* dialog) {
        auto* box = qobject_cast<QMessageBox*>(dialog);
        ASSERT_NE(box, nullptr);
        for (auto* b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole) {
                b->click();
            }
        }
    }));
    EXPECT_FALSE(w.portfolio->contacts().find(added.id));
    EXPECT_EQ(w.undo.count(), 2);
}

TEST(ContactsView, openAccountAsksToShowTheContactsCustomer)
{
    ContactsWorkspace w;
    QSignalSpy opened(w.view.get(), &app::ContactsView::customerActivated);
    w.table()->setCurrentIndex(w.view->model()->index(3, 0));
    const auto customer = w.view->model()->rowAt(3)->customerId;
    w.button("openAccount")->click();
    ASSERT_EQ(opened.count(), 1);
    EXPECT_EQ(opened.at(0).at(0).value<domain::CustomerId>(), customer);
}

TEST(ContactEditor, showsEachProblemNextToItsFieldUntilTheContactIsAcceptable)
{
    ContactsWorkspace w(20);
    const auto account = w.portfolio->customers().findByCode("C0000003");
    domain::Contact blank;
    app::ContactEditor editor(*w.portfolio, blank);
    EXPECT_FALSE(editor.isAcceptable());
    EXPECT_FALSE(editor.problemFor("account").isEmpty());
    EXPECT_FALSE(editor.problemFor("name").isEmpty());

    editor.field("account")->setText(QStringLiteral("NOPE-1"));
    EXPECT_TRUE(editor.problemFor("account").contains(QStringLiteral("NOPE-1")));
    editor.field("account")->setText(QStringLiteral(" C0000003 "));
    EXPECT_TRUE(editor.problemFor("account").isEmpty());
    EXPECT_EQ(editor.findChild<QLabel*>(QStringLiteral("accountName"))->text(), QString::fromStdString(account->name));

    editor.field("firstName")->setText(QStringLiteral("Cher"));  // a first name alone will do
    EXPECT_TRUE(editor.problemFor("name").isEmpty());
    editor.field("email")->setText(QStringLiteral("cher@"));
    EXPECT_FALSE(editor.problemFor("email").isEmpty());
    editor.field("phone")->setText(QStringLiteral("call me"));
    EXPECT_FALSE(editor.problemFor("phone").isEmpty());
    EXPECT_FALSE(editor.isAcceptable());
    editor.field("email")->setText(QStringLiteral("cher@example.com"));
    editor.field("phone")->setText(QStringLiteral("+33 (0)1 23 45 67 89"));
    EXPECT_TRUE(editor.problemFor("email").isEmpty());
    EXPECT_TRUE(editor.problemFor("phone").isEmpty());
    ASSERT_TRUE(editor.isAcceptable());

    const auto contact = editor.contact();
    EXPECT_EQ(contact.customerId, account->id);
    EXPECT_EQ(contact.lastName, "Cher");  // stored as the last name, as the service does
    EXPECT_EQ(contact.firstName, "");
    EXPECT_EQ(contact.email, "cher@example.com");

    // Editing shows the contact's own account.
    auto existing = w.portfolio->contacts().forCustomer(account->id).at(0);
    app::ContactEditor edit(*w.portfolio, existing);
    EXPECT_EQ(edit.field("account")->text(), QString::fromStdString(account->code));
    EXPECT_TRUE(edit.isAcceptable());
    const auto same = edit.contact();
    EXPECT_EQ(same.firstName, existing.firstName);
    EXPECT_EQ(same.lastName, existing.lastName);
    EXPECT_EQ(same.jobTitle, existing.jobTitle);
    EXPECT_EQ(same.email, existing.email);
    EXPECT_EQ(same.phone, existing.phone);
    EXPECT_EQ(same.primary, existing.primary);
    EXPECT_EQ(same.customerId, existing.customerId);
    EXPECT_EQ(same, existing);
}

TEST(ContactsView, screenshotsAtDemoSize)
{
    ContactsWorkspace w(300);
    w.view->setCurrentUser(w.busiestRep());
    w.view->show();
    w.table()->setCurrentIndex(w.view->model()->index(2, 0));
    w.shot(*w.view, QStringLiteral("contacts-1-my-accounts.png"));
    w.scope()->setCurrentIndex(1);
    w.view->search(QStringLiteral("mar"));
    w.shot(*w.view, QStringLiteral("contacts-2-search.png"));
    w.view->search(QStringLiteral("qqqzzz"));
    w.shot(*w.view, QStringLiteral("contacts-3-no-match.png"));

    auto contact = w.portfolio->contacts().list({}, {}, 0, 1).at(0);
    app::ContactEditor editor(*w.portfolio, *w.portfolio->contacts().find(contact.id));
    editor.field("email")->setText(QStringLiteral("not-an-address"));
    editor.show();
    w.shot(editor, QStringLiteral("contacts-4-editor.png"));
    SUCCEED();
}

// Renders the view over a large portfolio when CARTERA_CONTACTS_SCREENSHOT_DB names one (the
// 1,000,000-customer demo); skipped otherwise.
TEST(ContactsView, screenshotsOfALargePortfolio)
{
    const char* path = std::getenv("CARTERA_CONTACTS_SCREENSHOT_DB");
    if (!path) {
        GTEST_SKIP() << "set CARTERA_CONTACTS_SCREENSHOT_DB to a portfolio file";
    }
    auto opened = services::Portfolio::open(path, storage::OpenMode::ReadWrite);
    ASSERT_TRUE(opened.ok());
    auto& portfolio = *opened.value();
    services::CustomerService service(portfolio);
    app::ContactsView view(portfolio, service);
    view.resize(1200, 700);
    view.show();
    const auto save = [&](const char* name) {
        view.grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/") + QLatin1String(name));
    };
    save("contacts-large-1-all.png");
    domain::RepId rep = 0;
    std::int64_t most = -1;
    for (const auto& r : portfolio.reps().all()) {
        domain::CustomerFilter f;
        f.ownerRepId = r.id;
        if (const auto n = portfolio.customers().count(f); n > most) {
            most = n;
            rep = r.id;
        }
    }
    view.setCurrentUser(rep);
    save("contacts-large-2-my-accounts.png");
    view.findChild<QComboBox*>(QStringLiteral("contactScope"))->setCurrentIndex(1);
    view.search(QStringLiteral("mar"));
    save("contacts-large-3-broad-search.png");
    view.search(QStringLiteral("marie dubois"));
    save("contacts-large-4-search.png");
}
