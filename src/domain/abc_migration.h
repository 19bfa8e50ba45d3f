#pragma once

#include "domain/abc.h"
#include "domain/abc_snapshot.h"

#include <array>
#include <string_view>
#include <vector>

namespace cartera::domain {

/// Where a customer stands in one snapshot: a class, listed apart (in scope but with a value of
/// 0 or below), or absent (not in the snapshot: out of scope, archived, new or deleted).
enum class AbcStanding { A, B, C, D, Apart, Absent, Count };

inline constexpr EnumCodes<AbcStanding, 6> kAbcStandingCodes{{{
    {AbcStanding::A, "A"},
    {AbcStanding::B, "B"},
    {AbcStanding::C, "C"},
    {AbcStanding::D, "D"},
    {AbcStanding::Apart, "apart"},
    {AbcStanding::Absent, "absent"},
}}};

constexpr AbcStanding standingOf(AbcClass c)
{
    return static_cast<AbcStanding>(static_cast<int>(c));
}

/// True for A to D.
constexpr bool isClassified(AbcStanding s)
{
    return s < AbcStanding::Apart;
}

/// What a move from one standing to another means for the customer.
enum class AbcMovement {
    Stayed,        ///< same standing
    Rose,          ///< to a higher class
    Dropped,       ///< to a lower class
    New,           ///< classified now, not before (was apart or absent)
    Lost,          ///< classified before, not now (apart or absent)
    Unclassified,  ///< between apart and absent: never classified
};

inline constexpr EnumCodes<AbcMovement, 6> kAbcMovementCodes{{{
    {AbcMovement::Stayed, "stayed"},
    {AbcMovement::Rose, "rose"},
    {AbcMovement::Dropped, "dropped"},
    {AbcMovement::New, "new"},
    {AbcMovement::Lost, "lost"},
    {AbcMovement::Unclassified, "unclassified"},
}}};

constexpr AbcMovement movementOf(AbcStanding from, AbcStanding to)
{
    if (from == to) {
        return AbcMovement::Stayed;
    }
    if (isClassified(from) && isClassified(to)) {
        return to < from ? AbcMovement::Rose : AbcMovement::Dropped;
    }
    if (isClassified(to)) {
        return AbcMovement::New;
    }
    return isClassified(from) ? AbcMovement::Lost : AbcMovement::Unclassified;
}

/// How customers moved between two snapshots: for every pair (standing in the earlier, standing
/// in the later) the customers that made that move. A->A is "stayed", A->B "dropped", B->A "rose",
/// apart/absent->A "new", A->apart/absent "lost".
class AbcMigration final {
public:
    static constexpr int kStandings = static_cast<int>(AbcStanding::Count);

    /// The customers that moved from `from` to `to`, in ascending id order.
    [[nodiscard]] const std::vector<CustomerId>& customers(AbcStanding from, AbcStanding to) const
    {
        return m_cells[index(from)][index(to)];
    }
    [[nodiscard]] std::int64_t count(AbcStanding from, AbcStanding to) const
    {
        return static_cast<std::int64_t>(customers(from, to).size());
    }
    void add(AbcStanding from, AbcStanding to, CustomerId id) { m_cells[index(from)][index(to)].push_back(id); }

    /// Classes either snapshot uses (3 for A-C, 4 when one has a class D).
    int classCount = 3;

private:
    static std::size_t index(AbcStanding s) { return static_cast<std::size_t>(s); }

    std::array<std::array<std::vector<CustomerId>, kStandings>, kStandings> m_cells;
};

/// A customer whose class fell between two snapshots.
struct AbcDrop final {
    CustomerId customerId = 0;
    AbcClass from = AbcClass::A;
    AbcStanding to = AbcStanding::B;  ///< a lower class, or Apart when its value fell to 0 or below

    friend bool operator==(const AbcDrop&, const AbcDrop&) = default;
};

/// The migration matrix between an earlier and a later snapshot's entries.
AbcMigration compareAbc(const std::vector<AbcSnapshotEntry>& earlier, const std::vector<AbcSnapshotEntry>& later);

/// Customers that dropped a class between earlier and later: to a lower class (Dropped), or
/// listed apart in the later one (Lost, though still in scope: their value fell to 0 or below). Customers absent from
/// the later snapshot are not included: they left the scope or the portfolio, which the exits list covers on its own.
/// In earlier's rank order (the most valuable first).
std::vector<AbcDrop> droppedClass(const std::vector<AbcSnapshotEntry>& earlier,
                                  const std::vector<AbcSnapshotEntry>& later);

} // namespace cartera::domain
