#include "storage/database.h"

#include "storage/setting_repository.h"
#include "storage/storage_error.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

#include <stdexcept>

using cartera::testing::SampleDatabase;
using cartera::testing::sampleCustomer;
using namespace cartera::storage;

namespace {

std::optional<std::string> setting(const Database& db, const std::string& key)
{
    return SettingRepository(db).get(key);
}

} // namespace

TEST(WriteTransaction, commitKeepsTheChanges)
{
    SampleDatabase sample;
    {
        WriteTransaction transaction(sample.db);
        SettingRepository(sample.db).set("a", "1");
        transaction.commit();
    }
    EXPECT_EQ(setting(sample.db, "a"), "1");
    // Visible to another connection: really committed, not just inside this connection.
    Database other = Database::open(sample.path, OpenMode::ReadWrite);
    EXPECT_EQ(setting(other, "a"), "1");
}

TEST(WriteTransaction, rollsBackWhenNotCommitted)
{
    SampleDatabase sample;
    SettingRepository(sample.db).set("kept", "yes");
    {
        WriteTransaction transaction(sample.db);
        SettingRepository(sample.db).set("a", "1");
        SettingRepository(sample.db).set("kept", "changed");
        EXPECT_EQ(setting(sample.db, "a"), "1");  // visible inside the transaction
    }
    EXPECT_FALSE(setting(sample.db, "a").has_value());
    EXPECT_EQ(setting(sample.db, "kept"), "yes");
    // The connection is back in autocommit mode: a new transaction can start.
    WriteTransaction next(sample.db);
    next.commit();
}

TEST(WriteTransaction, rollsBackWhenAnExceptionLeavesTheScope)
{
    SampleDatabase sample;
    try {
        WriteTransaction transaction(sample.db);
        SettingRepository(sample.db).set("a", "1");
        throw std::runtime_error("failure halfway");
    } catch (const std::runtime_error&) {
    }
    EXPECT_FALSE(setting(sample.db, "a").has_value());
}

TEST(WriteTransaction, otherConnectionsSeeNothingBeforeCommit)
{
    SampleDatabase sample;
    Database reader = Database::open(sample.path, OpenMode::ReadWrite);
    WriteTransaction transaction(sample.db);
    SettingRepository(sample.db).set("a", "1");
    EXPECT_FALSE(setting(reader, "a").has_value());
    transaction.commit();
    EXPECT_EQ(setting(reader, "a"), "1");
}

TEST(WriteTransaction, nestedTransactionNotCommittedRollsBackOnlyItsOwnChanges)
{
    SampleDatabase sample;
    {
        WriteTransaction outer(sample.db);
        SettingRepository(sample.db).set("outer", "1");
        {
            WriteTransaction inner(sample.db);
            SettingRepository(sample.db).set("inner", "1");
            SettingRepository(sample.db).set("outer", "overwritten");
        }
        EXPECT_FALSE(setting(sample.db, "inner").has_value());
        EXPECT_EQ(setting(sample.db, "outer"), "1");
        SettingRepository(sample.db).set("after", "1");
        outer.commit();
    }
    EXPECT_EQ(setting(sample.db, "outer"), "1");
    EXPECT_EQ(setting(sample.db, "after"), "1");
    EXPECT_FALSE(setting(sample.db, "inner").has_value());
}

TEST(WriteTransaction, nestedCommitIsUndoneWhenTheOuterRollsBack)
{
    SampleDatabase sample;
    {
        WriteTransaction outer(sample.db);
        {
            WriteTransaction inner(sample.db);
            SettingRepository(sample.db).set("inner", "1");
            inner.commit();
        }
        EXPECT_EQ(setting(sample.db, "inner"), "1");
    }
    EXPECT_FALSE(setting(sample.db, "inner").has_value());
}

TEST(WriteTransaction, nestedCommitsComposeIntoTheOuterCommit)
{
    SampleDatabase sample;
    {
        WriteTransaction outer(sample.db);
        for (int i = 0; i < 3; ++i) {
            WriteTransaction inner(sample.db);
            SettingRepository(sample.db).set("k" + std::to_string(i), "v");
            if (i != 1) {
                inner.commit();
            }
        }
        outer.commit();
    }
    EXPECT_EQ(setting(sample.db, "k0"), "v");
    EXPECT_FALSE(setting(sample.db, "k1").has_value());
    EXPECT_EQ(setting(sample.db, "k2"), "v");
}

TEST(WriteTransaction, savepointsNestSeveralLevelsDeep)
{
    SampleDatabase sample;
    {
        WriteTransaction level1(sample.db);
        SettingRepository(sample.db).set("l1", "1");
        {
            WriteTransaction level2(sample.db);
            SettingRepository(sample.db).set("l2", "1");
            {
                WriteTransaction level3(sample.db);
                SettingRepository(sample.db).set("l3", "1");
                // not committed
            }
            EXPECT_FALSE(setting(sample.db, "l3").has_value());
            EXPECT_EQ(setting(sample.db, "l2"), "1");
            level2.commit();
        }
        level1.commit();
    }
    EXPECT_EQ(setting(sample.db, "l1"), "1");
    EXPECT_EQ(setting(sample.db, "l2"), "1");
    EXPECT_FALSE(setting(sample.db, "l3").has_value());
}
