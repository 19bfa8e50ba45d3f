#pragma once

#include "storage/statement.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace cartera::storage {

/// A cached prepared statement, borrowed for one use: reset when the lease ends so no read
/// transaction stays open behind a half-stepped query.
class StatementLease final {
public:
    explicit StatementLease(Statement& statement) : m_statement(&statement) {}
    ~StatementLease() { m_statement->reset(); }
    StatementLease(const StatementLease&) = delete;
    StatementLease& operator=(const StatementLease&) = delete;

    Statement* operator->() const { return m_statement; }
    Statement& operator*() const { return *m_statement; }

private:
    Statement* m_statement;
};

enum class OpenMode {
    ReadWrite,        ///< the file must exist and be a Cartera database; older schemas are upgraded
    CreateOrUpgrade,  ///< as ReadWrite, and a missing or empty file becomes a new database
    ReadOnly,         ///< never writes, never upgrades; the schema must be current
};

/// Tuning for one-off bulk writers (demo generation into a fresh file). Never for a user's
/// database: it trades crash safety for speed.
struct BulkLoadSettings final {
    /// Page cache while loading: holds the growing tables' last pages and spares writes.
    int cacheMebibytes = 64;
    int pageSize = 8192;
    /// Page cache, and so the sorter's run size, while building the deferred indexes: runs that fit
    /// in the CPU caches sort several times faster than one huge in-memory run, and the sorter's
    /// helper threads work on separate runs.
    int indexBuildCacheMebibytes = 4;
    /// Helper threads SQLite's sorter may use while building the deferred indexes.
    int sorterThreads = 2;
    /// Terms the customer search index buffers before writing a segment, while it is rebuilt.
    int searchBufferMebibytes = 16;
};

/// One connection to a Cartera database file: every connection has foreign keys on, WAL
/// journaling, synchronous=FULL and a busy timeout, and the schema brought to the current version.
/// A file that is not a Cartera database, is damaged, or comes from a newer Cartera is refused
/// with a StorageError and left untouched.
/// A connection belongs to one thread at a time (opened without SQLite's own mutex); open one
/// connection per thread.
class Database final {
public:
    /// The schema version this build reads and writes (PRAGMA user_version).
    static int currentSchemaVersion();
    /// 'CART' in PRAGMA application_id marks a Cartera file.
    static constexpr int kApplicationId = 0x43415254;
    static constexpr int kBusyTimeoutMs = 5000;

    static Database open(const std::filesystem::path& path, OpenMode mode);
    /// A fresh file for bulk loading: journal off, no syncs, foreign keys and CHECK constraints
    /// not enforced (the loader must write valid data; PRAGMA integrity_check and
    /// foreign_key_check verify it afterwards); the caller renames it into place once complete,
    /// so a crash leaves only a stray temporary file.
    static Database createForBulkLoad(const std::filesystem::path& path, BulkLoadSettings settings);

    ~Database();
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    [[nodiscard]] Statement prepare(std::string_view sql) const;
    /// The statement for sql, prepared once per connection and reused (hot paths, bulk loads).
    [[nodiscard]] StatementLease cached(std::string_view sql) const;
    /// Runs one or more statements without parameters (schema changes, pragmas).
    void execute(std::string_view sql) const;
    [[nodiscard]] std::int64_t lastInsertId() const;
    /// Rows changed by the last INSERT, UPDATE or DELETE.
    [[nodiscard]] int changes() const;

    [[nodiscard]] int schemaVersion() const;
    /// Changes whenever another connection commits (PRAGMA data_version). Read outside a
    /// transaction, before and after reads made on other connections, it tells whether they all
    /// saw the same commit: the same value means nothing was committed in between.
    [[nodiscard]] std::int64_t dataVersion() const;
    [[nodiscard]] bool readOnly() const { return m_readOnly; }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

    /// PRAGMA integrity_check and foreign_key_check; "ok" or the problems found, one per line.
    [[nodiscard]] std::string integrityReport() const;
    /// Back to normal durability after a bulk load: WAL, synchronous=FULL, statistics refreshed.
    /// Also builds the indexes a bulk load deferred.
    void finishBulkLoad();

    [[nodiscard]] sqlite3* handle() const { return m_db; }

private:
    Database(sqlite3* db, std::filesystem::path path, bool readOnly);
    /// open() after the checks that need no file access.
    static Database openChecked(const std::filesystem::path& path, OpenMode mode);
    void applyConnectionSettings() const;

    struct StatementCache;

    sqlite3* m_db = nullptr;
    std::unique_ptr<StatementCache> m_cache;
    std::filesystem::path m_path;
    bool m_readOnly = false;
    std::vector<std::string> m_deferredIndexes;   ///< CREATE INDEX statements a bulk load runs at the end
    std::vector<std::string> m_deferredTriggers;  ///< CREATE TRIGGER statements a bulk load runs at the end
    BulkLoadSettings m_bulkLoad;                 ///< for building the deferred indexes
};

/// BEGIN IMMEDIATE ... COMMIT, rolled back by the destructor unless committed. IMMEDIATE takes
/// the write lock at the start, so the busy timeout applies there and not halfway through.
/// Inside another transaction it becomes a SAVEPOINT, so a repository write that needs several
/// statements is atomic on its own and also composes into a larger use case (an import).
class WriteTransaction final {
public:
    explicit WriteTransaction(const Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit();

private:
    const Database& m_db;
    bool m_nested;
    bool m_done = false;
};

/// BEGIN ... COMMIT around several reads that must see the same data (a report reading two
/// tables side by side); nothing when a transaction is already open, as it gives that already.
/// A plain BEGIN: reads never need the write lock.
class ReadTransaction final {
public:
    explicit ReadTransaction(const Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    const Database& m_db;
    bool m_owned;
};

} // namespace cartera::storage
