#include "domain/abc_migration.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

namespace {

AbcSnapshotEntry entry(CustomerId id, std::optional<AbcClass> c, std::int64_t rank)
{
    return AbcSnapshotEntry{id, c, c ? 100 - rank : 0, c ? rank : 0};
}

constexpr auto A = AbcClass::A;
constexpr auto B = AbcClass::B;
constexpr auto C = AbcClass::C;
constexpr auto D = AbcClass::D;

// Earlier: 1 A, 2 A, 3 B, 4 C, 5 apart, 6 B, 7 A.   Later: 1 A, 2 B, 3 A, 4 apart, 5 C, 8 B, 7 C.
// Customer 6 is gone from the later one, customer 8 is new.
std::vector<AbcSnapshotEntry> earlier()
{
    return {entry(1, A, 1), entry(7, A, 2), entry(2, A, 3),           entry(6, B, 4),
            entry(3, B, 5), entry(4, C, 6), entry(5, std::nullopt, 0)};
}

std::vector<AbcSnapshotEntry> later()
{
    return {entry(3, A, 1), entry(1, A, 2), entry(2, B, 3),           entry(8, B, 4),
            entry(7, C, 5), entry(5, C, 6), entry(4, std::nullopt, 0)};
}

using Ids = std::vector<CustomerId>;

} // namespace

TEST(AbcMigration, everyCustomerOfEitherSnapshotLandsInExactlyOneCell)
{
    const AbcMigration m = compareAbc(earlier(), later());
    EXPECT_EQ(m.customers(AbcStanding::A, AbcStanding::A), Ids{1});
    EXPECT_EQ(m.customers(AbcStanding::A, AbcStanding::B), Ids{2});
    EXPECT_EQ(m.customers(AbcStanding::A, AbcStanding::C), Ids{7});
    EXPECT_EQ(m.customers(AbcStanding::B, AbcStanding::A), Ids{3});
    EXPECT_EQ(m.customers(AbcStanding::C, AbcStanding::Apart), Ids{4});
    EXPECT_EQ(m.customers(AbcStanding::Apart, AbcStanding::C), Ids{5});
    EXPECT_EQ(m.customers(AbcStanding::B, AbcStanding::Absent), Ids{6});  // lost
    EXPECT_EQ(m.customers(AbcStanding::Absent, AbcStanding::B), Ids{8});  // new
    std::int64_t total = 0;
    for (int from = 0; from < AbcMigration::kStandings; ++from) {
        for (int to = 0; to < AbcMigration::kStandings; ++to) {
            total += m.count(static_cast<AbcStanding>(from), static_cast<AbcStanding>(to));
        }
    }
    EXPECT_EQ(total, 8);
    EXPECT_EQ(m.classCount, 3);
}

TEST(AbcMigration, comparingASnapshotWithItselfKeepsEveryoneOnTheDiagonal)
{
    const AbcMigration m = compareAbc(earlier(), earlier());
    EXPECT_EQ(m.customers(AbcStanding::A, AbcStanding::A), (Ids{1, 2, 7}));
    EXPECT_EQ(m.customers(AbcStanding::B, AbcStanding::B), (Ids{3, 6}));
    EXPECT_EQ(m.customers(AbcStanding::Apart, AbcStanding::Apart), Ids{5});
    EXPECT_EQ(m.count(AbcStanding::A, AbcStanding::B), 0);
}

TEST(AbcMigration, aClassDInEitherSnapshotWidensTheMatrix)
{
    const AbcMigration m = compareAbc({entry(1, A, 1)}, {entry(1, D, 1)});
    EXPECT_EQ(m.classCount, 4);
    EXPECT_EQ(m.customers(AbcStanding::A, AbcStanding::D), Ids{1});
}

TEST(AbcMigration, droppedClassListsLowerClassesAndFallsToApartInEarlierRankOrder)
{
    const auto drops = droppedClass(earlier(), later());
    // 7 (rank 2) A->C, 2 (rank 3) A->B, 4 (rank 6) C->apart. Not 6 (gone), not 3 or 5 (rose).
    ASSERT_EQ(drops.size(), 3u);
    EXPECT_EQ(drops[0], (AbcDrop{7, A, AbcStanding::C}));
    EXPECT_EQ(drops[1], (AbcDrop{2, A, AbcStanding::B}));
    EXPECT_EQ(drops[2], (AbcDrop{4, C, AbcStanding::Apart}));
}

TEST(AbcMigration, snapshotEntriesKeepClassifiedCustomersThenThoseListedApart)
{
    AbcResult result;
    AbcEntry first;
    first.customerId = 4;
    first.value = 90;
    first.rank = 1;
    first.abcClass = A;
    AbcEntry second = first;
    second.customerId = 2;
    second.value = 10;
    second.rank = 2;
    second.abcClass = B;
    result.entries = {first, second};
    result.apart = {AbcInput{9, "Z", "", -4}};
    const auto entries = snapshotEntries(result);
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0], (AbcSnapshotEntry{4, A, 90, 1}));
    EXPECT_EQ(entries[1], (AbcSnapshotEntry{2, B, 10, 2}));
    EXPECT_EQ(entries[2], (AbcSnapshotEntry{9, std::nullopt, -4, 0}));
}

TEST(AbcMigration, movementsNameEveryKindOfMove)
{
    EXPECT_EQ(movementOf(AbcStanding::B, AbcStanding::B), AbcMovement::Stayed);
    EXPECT_EQ(movementOf(AbcStanding::Apart, AbcStanding::Apart), AbcMovement::Stayed);
    EXPECT_EQ(movementOf(AbcStanding::C, AbcStanding::A), AbcMovement::Rose);
    EXPECT_EQ(movementOf(AbcStanding::A, AbcStanding::D), AbcMovement::Dropped);
    EXPECT_EQ(movementOf(AbcStanding::Absent, AbcStanding::C), AbcMovement::New);
    EXPECT_EQ(movementOf(AbcStanding::Apart, AbcStanding::A), AbcMovement::New);
    EXPECT_EQ(movementOf(AbcStanding::A, AbcStanding::Apart), AbcMovement::Lost);
    EXPECT_EQ(movementOf(AbcStanding::B, AbcStanding::Absent), AbcMovement::Lost);
    EXPECT_EQ(movementOf(AbcStanding::Apart, AbcStanding::Absent), AbcMovement::Unclassified);
    EXPECT_EQ(kAbcMovementCodes.code(AbcMovement::Rose), "rose");
}
