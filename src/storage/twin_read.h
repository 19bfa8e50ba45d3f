#pragma once

#include "storage/database.h"

#include <optional>

namespace cartera::storage {

/// Two read transactions, on a connection and on a second connection to the same file, that see
/// the same committed state, so that a report can split its reads across two threads (two cores)
/// and still add up. SQLite gives each WAL reader the latest commit at its first read; to make
/// sure no commit falls between the two first reads, they are taken while a third, short-lived
/// connection holds the write lock (for well under a millisecond: no data is written).
///
/// Not available (begin() returns nothing, and the caller reads on one connection) when the
/// connection is already inside a transaction, is read-only (a second instance of the app), has
/// no file, or another writer holds the lock at that moment.
class TwinRead final {
public:
    [[nodiscard]] static std::optional<TwinRead> begin(const Database& db);

    ~TwinRead();
    TwinRead(TwinRead&&) noexcept;
    TwinRead& operator=(TwinRead&&) = delete;
    TwinRead(const TwinRead&) = delete;
    TwinRead& operator=(const TwinRead&) = delete;

    /// The second connection, for one other thread; its read transaction is open.
    [[nodiscard]] const Database& twin() const { return *m_twin; }

private:
    TwinRead(const Database& db, Database twin);

    const Database* m_db;
    std::optional<Database> m_twin;
};

} // namespace cartera::storage
