#include "storage/abc_snapshot_repository.h"

#include "storage/storage_error.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::SampleDatabase;

namespace {

AbcSnapshotInfo sampleInfo(const std::string& name, Date created)
{
    AbcSnapshotInfo info;
    info.name = name;
    info.createdOn = created;
    info.criterion = AbcCriterion::Margin;
    info.period = MonthRange::between(202501, 202512).value();
    info.scope.country = "ES";
    info.scope.channel = SalesChannel::Retail;
    info.thresholds = AbcThresholds::parse("70,20,7.5,2.5").value();
    return info;
}

/// Entries given in no particular order; ids need no customer rows (snapshots keep history).
std::vector<AbcSnapshotEntry> sampleEntries()
{
    return {
        {30, AbcClass::B, 400, 3}, {7, AbcClass::A, 900, 1}, {99, std::nullopt, -20, 0},
        {12, AbcClass::A, 500, 2}, {5, AbcClass::D, 10, 4},  {41, std::nullopt, 0, 0},
    };
}

} // namespace

TEST(AbcSnapshotRepository, insertThenFindRoundTripsTheInfoAndEveryEntry)
{
    SampleDatabase sample;
    AbcSnapshotRepository snapshots(sample.db);
    AbcSnapshotInfo info = sampleInfo("Spain retail 2025", Date(2026, 1, 10));
    snapshots.insert(info, sampleEntries());
    EXPECT_GT(info.id, 0);
    EXPECT_EQ(info.classified, 4);
    EXPECT_EQ(info.apart, 2);

    const auto found = snapshots.find(info.id);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->info, info);
    // Classified by rank, then those listed apart by value.
    const std::vector<AbcSnapshotEntry> expected = {
        {7, AbcClass::A, 900, 1}, {12, AbcClass::A, 500, 2}, {30, AbcClass::B, 400, 3},
        {5, AbcClass::D, 10, 4},  {41, std::nullopt, 0, 0},  {99, std::nullopt, -20, 0},
    };
    EXPECT_EQ(found->entries, expected);
    EXPECT_EQ(sample.count("SELECT count(*) FROM abc_snapshot_entry WHERE class IS NULL AND rank IS NULL"), 2);
}

TEST(AbcSnapshotRepository, listGivesNewestFirstWithoutEntries)
{
    SampleDatabase sample;
    AbcSnapshotRepository snapshots(sample.db);
    AbcSnapshotInfo older = sampleInfo("older", Date(2025, 6, 30));
    AbcSnapshotInfo newer = sampleInfo("newer", Date(2026, 6, 30));
    AbcSnapshotInfo sameDay = sampleInfo("same day, saved later", Date(2026, 6, 30));
    snapshots.insert(older, sampleEntries());
    snapshots.insert(newer, {});
    snapshots.insert(sameDay, sampleEntries());
    const auto list = snapshots.list();
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].name, "same day, saved later");
    EXPECT_EQ(list[1], newer);
    EXPECT_EQ(list[2], older);
    EXPECT_EQ(snapshots.findInfo(older.id), older);
    EXPECT_FALSE(snapshots.findInfo(sameDay.id + 1).has_value());
    EXPECT_FALSE(snapshots.find(sameDay.id + 1).has_value());
}

TEST(AbcSnapshotRepository, removeDeletesTheEntriesTooAndOnlyThoseOfTheSnapshot)
{
    SampleDatabase sample;
    AbcSnapshotRepository snapshots(sample.db);
    AbcSnapshotInfo first = sampleInfo("first", Date(2026, 1, 1));
    AbcSnapshotInfo second = sampleInfo("second", Date(2026, 2, 1));
    snapshots.insert(first, sampleEntries());
    snapshots.insert(second, sampleEntries());
    snapshots.remove(first.id);
    EXPECT_FALSE(snapshots.find(first.id).has_value());
    EXPECT_EQ(sample.count("SELECT count(*) FROM abc_snapshot_entry"), 6);
    EXPECT_EQ(snapshots.find(second.id)->entries.size(), 6u);
    try {
        snapshots.remove(first.id);
        FAIL() << "removing a missing snapshot succeeded";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.failure(), StorageFailure::NotFound);
    }
}

TEST(AbcSnapshotRepository, aDamagedStoredValueIsReportedAsCorrupt)
{
    SampleDatabase sample;
    AbcSnapshotRepository snapshots(sample.db);
    AbcSnapshotInfo info = sampleInfo("damaged", Date(2026, 1, 1));
    snapshots.insert(info, {});
    sample.db.execute("UPDATE abc_snapshot SET thresholds = '{\"basis_points\":[9000]}'");
    try {
        (void)snapshots.list();
        FAIL() << "a damaged snapshot was read";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.failure(), StorageFailure::Corrupt);
        EXPECT_NE(std::string(e.what()).find("thresholds"), std::string::npos) << e.what();
    }
}

TEST(AbcSnapshotRepository, theSchemaRefusesAClassWithoutARankAndAnUnknownClass)
{
    SampleDatabase sample;
    AbcSnapshotRepository snapshots(sample.db);
    AbcSnapshotInfo info = sampleInfo("checks", Date(2026, 1, 1));
    snapshots.insert(info, {});
    const std::string id = std::to_string(info.id);
    EXPECT_THROW(sample.db.execute("INSERT INTO abc_snapshot_entry VALUES (" + id + ", 1, 'A', 5, NULL)"),
                 StorageError);
    EXPECT_THROW(sample.db.execute("INSERT INTO abc_snapshot_entry VALUES (" + id + ", 1, 'E', 5, 1)"), StorageError);
    EXPECT_THROW(sample.db.execute("INSERT INTO abc_snapshot_entry VALUES (" + id + " + 1, 1, 'A', 5, 1)"),
                 StorageError);
}
