#include "app/contact_table_model.h"

#include "domain/sales_rep.h"
#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "storage/database.h"
#include "support/temp_dir.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <set>

namespace services = cartera::services;
namespace storage = cartera::storage;
namespace domain = cartera::domain;
namespace app = cartera::app;
using cartera::testing::TempDir;

namespace {

std::unique_ptr<services::Portfolio> demoPortfolio(const TempDir& dir, std::int64_t customers)
{
    services::DemoOptions options;
    options.customers = customers;
    options.asOf = domain::Date(2026, 6, 30);
    const auto path = dir.file("demo.cartera");
    EXPECT_TRUE(services::createDemoPortfolioFile(path, options, false).ok());
    auto opened = services::Portfolio::open(path, storage::OpenMode::ReadWrite);
    EXPECT_TRUE(opened.ok());
    return std::move(opened.value());
}

/// Case-insensitive for ASCII letters only, as the list sorts (SQLite's NOCASE).
int compareNoCase(const std::string& a, const std::string& b)
{
    const auto n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto x = static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(a[i])));
        const auto y = static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(b[i])));
        if (x != y) {
            return x < y ? -1 : 1;
        }
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

/// Adds count contacts named "Maria Nnnnnnn", 50 to an account ("<prefix>-1", ...), at
/// accounts of rep (or no owner). (The search index's trigger rereads all of an account's
/// contacts at each insert: a few thousand at one account would take minutes.)
void addAccountsWithContacts(services::Portfolio& portfolio, const std::string& prefix, int count,
                             std::optional<domain::RepId> rep = std::nullopt)
{
    storage::WriteTransaction transaction(portfolio.database());
    domain::Customer customer;
    for (int i = 0; i < count; ++i) {
        if (i % 50 == 0) {
            customer = {};
            customer.code = prefix + "-" + std::to_string(i / 50 + 1);
            customer.name = "Account " + customer.code;
            customer.ownerRepId = rep;
            customer.created = domain::Date(2026, 1, 1);
            customer.updated = customer.created;
            portfolio.customers().insert(customer);
        }
        domain::Contact contact;
        contact.customerId = customer.id;
        contact.firstName = "Maria";
        contact.lastName = "N" + std::to_string(100000 + i);
        portfolio.contacts().insert(contact);
    }
    transaction.commit();
}

} // namespace

TEST(ContactTableModel, pagesThroughEveryContactOnceInNameOrder)
{
    TempDir dir;
    auto portfolio = demoPortfolio(dir, 400);  // about 700 contacts: several pages
    app::ContactTableModel model(*portfolio);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    const auto expected = portfolio->contacts().count({});
    ASSERT_GT(expected, 512);
    ASSERT_EQ(model.rowCount(), expected);
    EXPECT_FALSE(model.moreThanShown());
    EXPECT_FALSE(model.isSearch());
    std::set<qlonglong> ids;
    const storage::ContactListRow* previous = nullptr;
    storage::ContactListRow previousRow;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.insert(model.index(row, 0).data(app::ContactTableModel::kContactIdRole).toLongLong());
        const auto* current = model.rowAt(row);
        ASSERT_NE(current, nullptr) << "row " << row;
        if (previous) {
            const int byLast = compareNoCase(previousRow.lastName, current->lastName);
            EXPECT_TRUE(byLast < 0 || (byLast == 0 && compareNoCase(previousRow.firstName, current->firstName) <= 0))
                << "row " << row << ": " << previousRow.lastName << " before " << current->lastName;
        }
        previousRow = *current;
        previous = &previousRow;
    }
    EXPECT_EQ(static_cast<std::int64_t>(ids.size()), expected);
    // The display shows the name as sorted, with the account.
    const auto* first = model.rowAt(0);
    EXPECT_EQ(model.index(0, app::ContactTableModel::Name).data().toString(),
              QString::fromStdString(first->lastName + ", " + first->firstName));
    EXPECT_EQ(model.index(0, app::ContactTableModel::Account).data().toString(),
              QString::fromStdString(first->customerName));
    EXPECT_EQ(model.index(0, app::ContactTableModel::AccountCode).data().toString(),
              QString::fromStdString(first->customerCode));
    EXPECT_EQ(model.index(0, 0).data(app::ContactTableModel::kCustomerIdRole).toLongLong(), first->customerId);
}

TEST(ContactTableModel, sortsByAccountAndEmailBothWaysAndKeepsTheOrderForOtherColumns)
{
    TempDir dir;
    auto portfolio = demoPortfolio(dir, 120);
    app::ContactTableModel model(*portfolio);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int rows = model.rowCount();
    ASSERT_GT(rows, 100);

    model.sort(app::ContactTableModel::Email, Qt::DescendingOrder);
    EXPECT_EQ(model.sortOrder(), (domain::ContactSort{domain::ContactSortKey::Email, true}));
    EXPECT_EQ(model.rowCount(), rows);
    for (int row = 1; row < rows; ++row) {
        EXPECT_GE(compareNoCase(model.rowAt(row - 1)->email, model.rowAt(row)->email), 0) << "row " << row;
    }
    model.sort(app::ContactTableModel::Account, Qt::AscendingOrder);
    for (int row = 1; row < rows; ++row) {
        EXPECT_LE(compareNoCase(model.rowAt(row - 1)->customerName, model.rowAt(row)->customerName), 0)
            << "row " << row;
    }
    // Job title cannot be sorted by: the order stays by account.
    model.sort(app::ContactTableModel::JobTitle, Qt::DescendingOrder);
    EXPECT_EQ(model.sortOrder(), (domain::ContactSort{domain::ContactSortKey::Customer, false}));
    EXPECT_TRUE(app::ContactTableModel::isSortable(app::ContactTableModel::Name));
    EXPECT_FALSE(app::ContactTableModel::isSortable(app::ContactTableModel::Phone));
}

TEST(ContactTableModel, searchListsItsMatchesInTheChosenOrder)
{
    TempDir dir;
    auto portfolio = demoPortfolio(dir, 300);
    app::ContactTableModel model(*portfolio);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    // A surname of the demo, typed in lower case without its accent.
    const auto some = portfolio->contacts().list({}, {}, 40, 1).at(0);
    domain::ContactFilter filter;
    filter.search = some.lastName.substr(0, 3);
    model.setFilter(filter);
    EXPECT_TRUE(model.isSearch());
    ASSERT_GT(model.rowCount(), 0);
    EXPECT_EQ(model.rowCount(), portfolio->contacts().count(filter));
    EXPECT_FALSE(model.moreThanShown());
    bool found = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        found = found || model.rowAt(row)->id == some.id;
    }
    EXPECT_TRUE(found);

    model.sort(app::ContactTableModel::Account, Qt::DescendingOrder);
    EXPECT_EQ(model.rowCount(), portfolio->contacts().count(filter));
    for (int row = 1; row < model.rowCount(); ++row) {
        EXPECT_GE(compareNoCase(model.rowAt(row - 1)->customerName, model.rowAt(row)->customerName), 0);
    }
    EXPECT_GE(model.rowOfContact(some.id), 0);

    filter.search = "zzzqqq";
    model.setFilter(filter);
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ContactTableModel, aBroadSearchListsItsFirstMatchesAndSaysThereAreMore)
{
    TempDir dir;
    auto portfolio = demoPortfolio(dir, 20);
    const auto limit = storage::ContactRepository::kSearchListLimit;
    addAccountsWithContacts(*portfolio, "BULK", static_cast<int>(limit) + 40);
    app::ContactTableModel model(*portfolio);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    domain::ContactFilter filter;
    filter.search = "maria n";
    model.setFilter(filter);
    EXPECT_EQ(model.rowCount(), limit);
    EXPECT_TRUE(model.moreThanShown());
    EXPECT_FALSE(model.canFetchMore({}));  // a search lists no more than its limit
    filter.search = "maria n100001";
    model.setFilter(filter);
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_FALSE(model.moreThanShown());
}

TEST(ContactTableModel, aRepsLargeBookIsCountedFurtherAsTheViewReachesItsEnd)
{
    TempDir dir;
    auto portfolio = demoPortfolio(dir, 20);
    domain::SalesRep rep;
    rep.code = "BIG";
    rep.name = "Big Book";
    portfolio->reps().insert(rep);
    addAccountsWithContacts(*portfolio, "BULK", 10050, rep.id);

    app::ContactTableModel model(*portfolio);
    domain::ContactFilter mine;
    mine.ownerRepId = rep.id;
    model.setFilter(mine);
    EXPECT_EQ(model.rowCount(), 10000);
    EXPECT_TRUE(model.moreThanShown());
    ASSERT_TRUE(model.canFetchMore({}));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore({});
    EXPECT_EQ(inserted.count(), 1);
    // Attached after the reset: Qt 6.4's tester calls fetchMore from its modelReset handler
    // before it marks the reset finished, so it would take rows inserted then for a nested change.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.rowCount(), 10050);
    EXPECT_FALSE(model.moreThanShown());
    EXPECT_FALSE(model.canFetchMore({}));
    // Every row is the rep's, the last one too.
    EXPECT_EQ(model.rowAt(10049)->lastName, "N110049");
    EXPECT_EQ(model.rowAt(10049)->customerCode, "BULK-201");
    EXPECT_EQ(model.rowAt(0)->lastName, "N100000");
}

TEST(ContactTableModel, myAccountsListsOnlyTheRepsContacts)
{
    TempDir dir;
    auto portfolio = demoPortfolio(dir, 300);
    const auto reps = portfolio->reps().all();
    ASSERT_FALSE(reps.empty());
    // The rep with the most accounts.
    domain::RepId rep = 0;
    std::int64_t most = -1;
    for (const auto& r : reps) {
        domain::CustomerFilter f;
        f.ownerRepId = r.id;
        if (const auto n = portfolio->customers().count(f); n > most) {
            most = n;
            rep = r.id;
        }
    }
    app::ContactTableModel model(*portfolio);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int all = model.rowCount();
    domain::ContactFilter mine;
    mine.ownerRepId = rep;
    model.setFilter(mine);
    ASSERT_GT(model.rowCount(), 0);
    EXPECT_LT(model.rowCount(), all);
    EXPECT_EQ(model.rowCount(), portfolio->contacts().count(mine));
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto customer = portfolio->customers().find(model.rowAt(row)->customerId);
        ASSERT_TRUE(customer);
        EXPECT_EQ(customer->ownerRepId, rep);
    }
}
