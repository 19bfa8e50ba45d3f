#include "storage/twin_read.h"

#include "raw_sqlite.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

using namespace cartera::storage;
using cartera::testing::RawSqlite;
using cartera::testing::TempDir;

namespace {

std::int64_t settingCount(const Database& db)
{
    auto count = db.prepare("SELECT count(*) FROM setting WHERE key LIKE 'twin.%'");
    count.step();
    return count.int64(0);
}

class TwinReadTest : public ::testing::Test {
protected:
    TempDir dir;
    std::filesystem::path path = dir.file("portfolio.db");
    Database db = Database::open(path, OpenMode::CreateOrUpgrade);
};

TEST_F(TwinReadTest, bothConnectionsSeeTheSameCommitAndNotLaterOnes)
{
    db.execute("INSERT INTO setting(key, value) VALUES ('twin.1', 'x')");
    auto twinRead = TwinRead::begin(db);
    ASSERT_TRUE(twinRead.has_value());
    // Another program commits after both read transactions began.
    RawSqlite other(path);
    other.exec("INSERT INTO setting(key, value) VALUES ('twin.2', 'y')");
    EXPECT_EQ(settingCount(db), 1);
    EXPECT_EQ(settingCount(twinRead->twin()), 1);
    twinRead.reset();
    EXPECT_EQ(settingCount(db), 2);  // the read transaction has ended
}

TEST_F(TwinReadTest, isRefusedInsideATransactionWhichAlreadyFixesWhatIsRead)
{
    const ReadTransaction transaction(db);
    EXPECT_FALSE(TwinRead::begin(db).has_value());
}

TEST_F(TwinReadTest, isRefusedWhileAnotherWriterHoldsTheLockInsteadOfWaitingForIt)
{
    RawSqlite other(path);
    other.exec("BEGIN IMMEDIATE");
    EXPECT_FALSE(TwinRead::begin(db).has_value());
    other.exec("ROLLBACK");
    EXPECT_TRUE(TwinRead::begin(db).has_value());
}

TEST_F(TwinReadTest, isRefusedOnAReadOnlyConnection)
{
    const Database readOnly = Database::open(path, OpenMode::ReadOnly);
    EXPECT_FALSE(TwinRead::begin(readOnly).has_value());
}

TEST_F(TwinReadTest, leavesTheConnectionFreeToWriteAfterwards)
{
    {
        auto twinRead = TwinRead::begin(db);
        ASSERT_TRUE(twinRead.has_value());
    }
    db.execute("INSERT INTO setting(key, value) VALUES ('twin.3', 'z')");
    EXPECT_EQ(settingCount(db), 1);
}

} // namespace
