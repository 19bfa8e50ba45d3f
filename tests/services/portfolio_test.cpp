#include "services/portfolio.h"

#include "services/demo_portfolio.h"
#include "storage/storage_error.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace cartera::domain;
using namespace cartera::services;
using namespace cartera::storage;
using cartera::testing::readFile;
using cartera::testing::TempDir;
using cartera::testing::writeFile;

namespace {

/// A Cartera file turned into "another program's database": its tables stay, its
/// application_id is cleared, as when another tool creates a file with tables of its own.
void writeForeignDatabase(const std::filesystem::path& path)
{
    const Database db = Database::open(path, OpenMode::CreateOrUpgrade);
    db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); PRAGMA application_id = 0;");
}

void writeNewerDatabase(const std::filesystem::path& path)
{
    const Database db = Database::open(path, OpenMode::CreateOrUpgrade);
    db.execute("PRAGMA user_version = " + std::to_string(Database::currentSchemaVersion() + 1));
}

ErrorCode openError(const std::filesystem::path& path, OpenMode mode = OpenMode::ReadWrite)
{
    auto result = Portfolio::open(path, mode);
    EXPECT_FALSE(result.ok()) << path << " opened";
    return result.ok() ? ErrorCode::Internal : result.error().code;
}

} // namespace

TEST(Portfolio, openCreatesANewPortfolioWithItsFacts)
{
    TempDir dir;
    auto result = Portfolio::open(dir.file("new.db"), OpenMode::CreateOrUpgrade);
    ASSERT_TRUE(result.ok()) << result.error().describe();
    const auto facts = result.value()->facts();
    EXPECT_EQ(facts.schemaVersion, Database::currentSchemaVersion());
    EXPECT_EQ(facts.currency, "EUR");
    EXPECT_FALSE(facts.demo);
    EXPECT_EQ(facts.counts.customers, 0);
    EXPECT_EQ(facts.counts.orders, 0);
    EXPECT_EQ(facts.counts.firstOrderDate, "");
}

TEST(Portfolio, openOfAMissingFileIsNotFoundAndCreatesNothing)
{
    TempDir dir;
    const auto path = dir.file("missing.db");
    auto result = Portfolio::open(path, OpenMode::ReadWrite);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::NotFound);
    EXPECT_NE(result.error().describe().find(path.string()), std::string::npos) << result.error().describe();
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(Portfolio, openOfAForeignDatabaseIsInvalidInputAndLeavesItUnchanged)
{
    TempDir dir;
    const auto path = dir.file("foreign.db");
    writeForeignDatabase(path);
    const auto before = readFile(path);
    EXPECT_EQ(openError(path), ErrorCode::InvalidInput);
    EXPECT_EQ(openError(path, OpenMode::CreateOrUpgrade), ErrorCode::InvalidInput);
    EXPECT_EQ(readFile(path), before);
}

TEST(Portfolio, openOfATextFileIsInvalidInputAndLeavesItUnchanged)
{
    TempDir dir;
    const auto path = dir.file("notes.txt");
    writeFile(path, "Not a database at all.\nJust some notes, long enough to look like a file.\n");
    EXPECT_EQ(openError(path), ErrorCode::InvalidInput);
    EXPECT_EQ(openError(path, OpenMode::CreateOrUpgrade), ErrorCode::InvalidInput);
    EXPECT_EQ(readFile(path), "Not a database at all.\nJust some notes, long enough to look like a file.\n");
}

TEST(Portfolio, openOfANewerSchemaIsUnsupportedAndLeavesItUnchanged)
{
    TempDir dir;
    const auto path = dir.file("newer.db");
    writeNewerDatabase(path);
    const auto before = readFile(path);
    auto result = Portfolio::open(path, OpenMode::ReadWrite);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::Unsupported);
    EXPECT_NE(result.error().message.find("newer"), std::string::npos) << result.error().message;
    EXPECT_EQ(openError(path, OpenMode::CreateOrUpgrade), ErrorCode::Unsupported);
    EXPECT_EQ(readFile(path), before);
}

TEST(Portfolio, factsOfADemoPortfolioCountItsRecords)
{
    TempDir dir;
    DemoOptions options;
    options.customers = 60;
    options.seed = 5;
    options.asOf = Date(2026, 6, 30);
    const auto summary = createDemoPortfolioFile(dir.file("demo.db"), options, false);
    ASSERT_TRUE(summary.ok());
    auto result = Portfolio::open(dir.file("demo.db"), OpenMode::ReadWrite);
    ASSERT_TRUE(result.ok());
    const auto facts = result.value()->facts();
    EXPECT_TRUE(facts.demo);
    EXPECT_EQ(facts.currency, "EUR");
    EXPECT_EQ(facts.counts.customers, summary.value().customers);
    EXPECT_EQ(facts.counts.prospects, summary.value().prospects);
    EXPECT_EQ(facts.counts.orders, summary.value().orders);
    EXPECT_EQ(facts.counts.orderLines, summary.value().orderLines);
    EXPECT_EQ(facts.counts.reps, 15);
    EXPECT_LE(facts.counts.lastOrderDate, "2026-06-30");
}

TEST(Portfolio, repositoriesWorkOnTheOneOpenFile)
{
    TempDir dir;
    const auto path = dir.file("p.db");
    {
        auto portfolio = Portfolio::open(path, OpenMode::CreateOrUpgrade);
        ASSERT_TRUE(portfolio.ok());
        Customer c;
        c.code = "C1";
        c.name = "One";
        portfolio.value()->customers().insert(c);
        portfolio.value()->settings().set("currency", "EUR");
        EXPECT_EQ(portfolio.value()->facts().counts.customers, 1);
        EXPECT_EQ(portfolio.value()->database().path(), path);
    }
    auto reopened = Portfolio::open(path, OpenMode::ReadWrite);
    ASSERT_TRUE(reopened.ok());
    EXPECT_TRUE(reopened.value()->customers().findByCode("C1").has_value());
}

TEST(Portfolio, toErrorMapsEveryStorageFailure)
{
    const std::pair<StorageFailure, ErrorCode> cases[] = {
        {StorageFailure::CannotOpen, ErrorCode::NotFound},     {StorageFailure::NotFound, ErrorCode::NotFound},
        {StorageFailure::NotADatabase, ErrorCode::InvalidInput}, {StorageFailure::NotCartera, ErrorCode::InvalidInput},
        {StorageFailure::NewerSchema, ErrorCode::Unsupported},   {StorageFailure::Constraint, ErrorCode::Conflict},
        {StorageFailure::Corrupt, ErrorCode::Storage},           {StorageFailure::Busy, ErrorCode::Storage},
        {StorageFailure::ReadOnly, ErrorCode::Storage},          {StorageFailure::Other, ErrorCode::Storage},
    };
    for (const auto& [failure, code] : cases) {
        const auto error = toError(StorageError(failure, "what happened"), "file.db");
        EXPECT_EQ(error.code, code) << static_cast<int>(failure);
        EXPECT_EQ(error.message, "what happened");
        EXPECT_EQ(error.where, "file.db");
        EXPECT_EQ(error.describe(), "file.db: what happened");
    }
}

TEST(Portfolio, toErrorTreatsOtherExceptionsAsInternal)
{
    const auto error = toError(std::runtime_error("unexpected"));
    EXPECT_EQ(error.code, ErrorCode::Internal);
    EXPECT_EQ(error.describe(), "unexpected");
}
