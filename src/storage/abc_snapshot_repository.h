#pragma once

#include "domain/abc_snapshot.h"

#include <optional>
#include <vector>

namespace cartera::storage {

class Database;

/// Saved ABC classifications (tables abc_snapshot and abc_snapshot_entry).
class AbcSnapshotRepository final {
public:
    explicit AbcSnapshotRepository(const Database& db);

    /// Saves a snapshot with its entries in one transaction and sets info.id; info.classified
    /// and info.apart are set from the entries.
    void insert(domain::AbcSnapshotInfo& info, const std::vector<domain::AbcSnapshotEntry>& entries);
    /// Every snapshot without its entries, newest first (by date, then by id).
    [[nodiscard]] std::vector<domain::AbcSnapshotInfo> list() const;
    [[nodiscard]] std::optional<domain::AbcSnapshotInfo> findInfo(domain::AbcSnapshotId id) const;
    /// The snapshot with its entries: classified customers by rank, then those listed apart by
    /// descending value and id.
    [[nodiscard]] std::optional<domain::AbcSnapshot> find(domain::AbcSnapshotId id) const;
    /// Deletes the snapshot and its entries; StorageError (NotFound) when there is none.
    void remove(domain::AbcSnapshotId id);

    /// The customer's standing in the newest snapshot that lists it (by date, then id): its
    /// class, or none when it was listed apart; nullopt when no snapshot lists the customer.
    struct Standing {
        domain::AbcSnapshotInfo snapshot;
        std::optional<domain::AbcClass> abcClass;
    };
    [[nodiscard]] std::optional<Standing> latestStandingOf(domain::CustomerId customerId) const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
