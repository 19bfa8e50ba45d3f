#include "domain/abc_migration.h"

#include <algorithm>

namespace cartera::domain {

namespace {

struct Standing final {
    CustomerId id = 0;
    AbcStanding standing = AbcStanding::Absent;
    std::int64_t rank = 0;
};

AbcStanding standingIn(const AbcSnapshotEntry& entry)
{
    return entry.abcClass ? standingOf(*entry.abcClass) : AbcStanding::Apart;
}

/// The entries' standings in ascending id order, for a merge of two snapshots.
std::vector<Standing> byId(const std::vector<AbcSnapshotEntry>& entries)
{
    std::vector<Standing> standings;
    standings.reserve(entries.size());
    for (const auto& entry : entries) {
        standings.push_back({entry.customerId, standingIn(entry), entry.rank});
    }
    std::sort(standings.begin(), standings.end(), [](const Standing& a, const Standing& b) { return a.id < b.id; });
    return standings;
}

/// Calls visit(id, earlier standing, later standing, earlier rank) for every customer of
/// either list, in ascending id order; a customer missing from one list is Absent there.
template <typename Visit>
void mergeById(const std::vector<Standing>& earlier, const std::vector<Standing>& later, Visit&& visit)
{
    auto e = earlier.begin();
    auto l = later.begin();
    while (e != earlier.end() || l != later.end()) {
        if (l == later.end() || (e != earlier.end() && e->id < l->id)) {
            visit(e->id, e->standing, AbcStanding::Absent, e->rank);
            ++e;
        } else if (e == earlier.end() || l->id < e->id) {
            visit(l->id, AbcStanding::Absent, l->standing, std::int64_t{0});
            ++l;
        } else {
            visit(e->id, e->standing, l->standing, e->rank);
            ++e;
            ++l;
        }
    }
}

bool hasClassD(const std::vector<AbcSnapshotEntry>& entries)
{
    return std::any_of(entries.begin(), entries.end(),
                       [](const AbcSnapshotEntry& entry) { return entry.abcClass == AbcClass::D; });
}

} // namespace

std::vector<AbcSnapshotEntry> snapshotEntries(const AbcResult& result)
{
    std::vector<AbcSnapshotEntry> entries;
    entries.reserve(result.entries.size() + result.apart.size());
    for (const auto& entry : result.entries) {
        entries.push_back({entry.customerId, entry.abcClass, entry.value, entry.rank});
    }
    for (const auto& input : result.apart) {
        entries.push_back({input.customerId, std::nullopt, input.value, 0});
    }
    return entries;
}

AbcMigration compareAbc(const std::vector<AbcSnapshotEntry>& earlier, const std::vector<AbcSnapshotEntry>& later)
{
    AbcMigration migration;
    migration.classCount = hasClassD(earlier) || hasClassD(later) ? 4 : 3;
    mergeById(byId(earlier), byId(later),
              [&](CustomerId id, AbcStanding from, AbcStanding to, std::int64_t) { migration.add(from, to, id); });
    return migration;
}

std::vector<AbcDrop> droppedClass(const std::vector<AbcSnapshotEntry>& earlier,
                                  const std::vector<AbcSnapshotEntry>& later)
{
    std::vector<std::pair<std::int64_t, AbcDrop>> ranked;
    mergeById(byId(earlier), byId(later), [&](CustomerId id, AbcStanding from, AbcStanding to, std::int64_t rank) {
        // Standings are ordered A, B, C, D, Apart, Absent: a later one below is a drop.
        if (isClassified(from) && to != AbcStanding::Absent && to > from) {
            ranked.push_back({rank, AbcDrop{id, static_cast<AbcClass>(from), to}});
        }
    });
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<AbcDrop> drops;
    drops.reserve(ranked.size());
    for (const auto& [rank, drop] : ranked) {
        drops.push_back(drop);
    }
    return drops;
}

} // namespace cartera::domain
