#include "storage/database.h"

#include "storage/contact_search.h"
#include "storage/customer_search.h"
#include "storage/migrations.h"
#include "storage/storage_error.h"

#include <sqlite3.h>

#include <system_error>
#include <unordered_map>

namespace cartera::storage {

namespace fs = std::filesystem;

namespace {

/// SQLite's default upper limit for a memory map (SQLITE_MAX_MMAP_SIZE); larger values are cut to it.
constexpr std::int64_t kMmapBytes = 0x7fff0000;

int queryInt(sqlite3* db, const char* sql)
{
    Statement statement(db, sql);
    return statement.step() ? statement.int32(0) : 0;
}

bool hasAnyTable(sqlite3* db)
{
    Statement statement(db, "SELECT count(*) FROM sqlite_schema");
    return statement.step() && statement.int64(0) > 0;
}

void configureSqliteOnce()
{
    // Memory statistics take a global mutex on every allocation; Cartera never reads them.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
}

sqlite3* openHandle(const fs::path& path, int flags)
{
    configureSqliteOnce();
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close_v2(db);
        throw StorageError(StorageFailure::CannotOpen, "cannot open " + path.string() + ": " + message, rc);
    }
    sqlite3_extended_result_codes(db, 1);
    registerSearchFunctions(db);
    return db;
}

/// Reads the header to tell a Cartera database from anything else, before any write.
void checkIdentity(sqlite3* db, const fs::path& path, bool allowEmpty)
{
    int applicationId = 0;
    int userVersion = 0;
    try {
        applicationId = queryInt(db, "PRAGMA application_id");
        userVersion = queryInt(db, "PRAGMA user_version");
        if (applicationId == 0 && userVersion == 0) {
            if (!hasAnyTable(db)) {
                if (allowEmpty) {
                    return;
                }
                throw StorageError(StorageFailure::NotCartera,
                                   path.string() + " is an empty database, not a Cartera portfolio");
            }
        }
    } catch (const StorageError& e) {
        if (e.failure() == StorageFailure::NotADatabase) {
            throw StorageError(StorageFailure::NotADatabase,
                               path.string() + " is not a Cartera database (not an SQLite file, or its header is damaged)",
                               e.sqliteCode());
        }
        if (e.failure() == StorageFailure::Corrupt) {
            throw StorageError(StorageFailure::Corrupt, path.string() + " is damaged: " + e.what(), e.sqliteCode());
        }
        throw;
    }
    if (applicationId != Database::kApplicationId) {
        throw StorageError(StorageFailure::NotCartera,
                           path.string() + " is an SQLite database of another program, not a Cartera portfolio");
    }
    if (userVersion > Database::currentSchemaVersion()) {
        throw StorageError(StorageFailure::NewerSchema,
                           path.string() + " was written by a newer Cartera (schema version " +
                               std::to_string(userVersion) + "; this version reads up to " +
                               std::to_string(Database::currentSchemaVersion()) + "). Update Cartera to open it.");
    }
}

} // namespace

int Database::currentSchemaVersion()
{
    return latestSchemaVersion();
}

struct Database::StatementCache final {
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    // Transparent lookup: finding a statement by its SQL text allocates nothing.
    std::unordered_map<std::string, std::unique_ptr<Statement>, Hash, std::equal_to<>> statements;
};

Database::Database(sqlite3* db, fs::path path, bool readOnly)
    : m_db(db), m_cache(std::make_unique<StatementCache>()), m_path(std::move(path)), m_readOnly(readOnly)
{
}

Database::~Database()
{
    m_cache.reset();
    // close_v2 defers the close until the last statement is finalized; never throws.
    sqlite3_close_v2(m_db);
}

Database::Database(Database&& other) noexcept
    : m_db(other.m_db), m_cache(std::move(other.m_cache)), m_path(std::move(other.m_path)),
      m_readOnly(other.m_readOnly), m_deferredIndexes(std::move(other.m_deferredIndexes)),
      m_deferredTriggers(std::move(other.m_deferredTriggers)),
      m_bulkLoad(other.m_bulkLoad)
{
    other.m_db = nullptr;
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        m_cache.reset();
        sqlite3_close_v2(m_db);
        m_db = other.m_db;
        m_cache = std::move(other.m_cache);
        m_path = std::move(other.m_path);
        m_readOnly = other.m_readOnly;
        m_deferredIndexes = std::move(other.m_deferredIndexes);
        m_deferredTriggers = std::move(other.m_deferredTriggers);
        m_bulkLoad = other.m_bulkLoad;
        other.m_db = nullptr;
    }
    return *this;
}

StatementLease Database::cached(std::string_view sql) const
{
    auto found = m_cache->statements.find(sql);
    if (found == m_cache->statements.end()) {
        found = m_cache->statements.emplace(std::string(sql), std::make_unique<Statement>(m_db, sql)).first;
    }
    return StatementLease(*found->second);
}

Database Database::open(const fs::path& path, OpenMode mode)
{
    std::error_code ec;
    const bool exists = fs::exists(path, ec);
    if (!exists && mode != OpenMode::CreateOrUpgrade) {
        throw StorageError(StorageFailure::CannotOpen, "cannot open " + path.string() + ": no such file");
    }
    if (exists && fs::is_directory(path, ec)) {
        throw StorageError(StorageFailure::CannotOpen, "cannot open " + path.string() + ": it is a folder");
    }
    try {
        return openChecked(path, mode);
    } catch (const StorageError& e) {
        if (e.failure() != StorageFailure::Busy) {
            throw;
        }
        throw StorageError(StorageFailure::Busy,
                           "cannot open " + path.string() + ": another program holds it locked (waited " +
                               std::to_string(kBusyTimeoutMs / 1000) +
                               " s). Close that program, or try again in a moment; nothing was changed.",
                           e.sqliteCode());
    }
}

Database Database::openChecked(const fs::path& path, OpenMode mode)
{
    const bool readOnly = mode == OpenMode::ReadOnly;
    int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (mode == OpenMode::CreateOrUpgrade) {
        flags |= SQLITE_OPEN_CREATE;
    }
    Database db(openHandle(path, flags), path, readOnly);
    sqlite3_busy_timeout(db.m_db, kBusyTimeoutMs);
    checkIdentity(db.m_db, path, mode == OpenMode::CreateOrUpgrade);
    if (readOnly) {
        if (db.schemaVersion() != currentSchemaVersion()) {
            throw StorageError(StorageFailure::ReadOnly,
                               path.string() + " uses an older schema and must be upgraded, which needs write access");
        }
        db.execute("PRAGMA foreign_keys=ON; PRAGMA query_only=ON; PRAGMA mmap_size=" + std::to_string(kMmapBytes) +
                   ";");
        return db;
    }
    db.applyConnectionSettings();
    migrate(db);
    return db;
}

void Database::applyConnectionSettings() const
{
    // WAL lets the GUI read while the CLI writes. synchronous=FULL syncs the WAL at every
    // commit: a rep's laptop is often the only copy, so a committed change must survive a power
    // cut, and interactive commits are few enough that the fsync is not felt.
    // Reads go through a memory map of the file (up to SQLite's 2 GiB limit): a search that
    // reads thousands of scattered contact rows spent 40 % of its time copying pages out of the
    // OS cache with the default 2 MiB page cache (Contacts view keystroke p95 67 -> 39 ms at
    // 1,000,000 customers). Writes still go through the WAL, so durability is unchanged.
    execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA mmap_size=" +
            std::to_string(kMmapBytes) + ";");
}

Database Database::createForBulkLoad(const fs::path& path, BulkLoadSettings settings)
{
    std::error_code ec;
    fs::remove(path, ec);
    Database db(openHandle(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE), path, false);
    // First: the page size is fixed once the file has content.
    db.execute("PRAGMA page_size=" + std::to_string(settings.pageSize));
    db.execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY;");
    // CHECK constraints are not evaluated while loading. For each IN (...) list of three or more
    // codes SQLite builds a temporary b-tree on every run of a statement, which made a third of
    // a load's time with single-row INSERTs. Bulk loaders write values from the typed domain
    // (enumeration codes, validated orders), and PRAGMA integrity_check still verifies them.
    db.execute("PRAGMA ignore_check_constraints=ON;");
    db.execute("PRAGMA cache_size=-" + std::to_string(settings.cacheMebibytes * 1024));
    db.m_bulkLoad = settings;
    migrate(db);
    // Secondary indexes are dropped now and built once at the end: sorting a finished column is
    // several times faster than inserting into the index row by row. Triggers (they keep the
    // search index current) go too; the search index is filled in one pass at the end. The
    // definitions come from the schema itself, so the migrations stay the one place that
    // declares them.
    std::vector<std::pair<std::string, std::string>> dropped;  // (type, name)
    {
        auto objects = db.prepare(
            "SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL");
        while (objects.step()) {
            dropped.emplace_back(objects.text(0), objects.text(1));
            auto& target = objects.text(0) == "index" ? db.m_deferredIndexes : db.m_deferredTriggers;
            target.push_back(objects.text(2));
        }
    }
    for (const auto& [type, name] : dropped) {
        db.execute("DROP " + std::string(type == "index" ? "INDEX" : "TRIGGER") + " \"" + name + "\"");
    }
    return db;
}

void Database::finishBulkLoad()
{
    // The sorter writes its runs to temporary files: with temp_store=MEMORY it neither uses its
    // helper threads nor reads the runs back quickly.
    execute("PRAGMA temp_store=FILE; PRAGMA threads=" + std::to_string(m_bulkLoad.sorterThreads) +
            "; PRAGMA cache_size=-" + std::to_string(m_bulkLoad.indexBuildCacheMebibytes * 1024));
    for (const auto& definition : m_deferredIndexes) {
        execute(definition);
    }
    m_deferredIndexes.clear();
    // FTS5 turns its pending terms into a new segment whenever they fill 'hashsize' bytes (1 MiB
    // by default) and merges segments as they pile up. A larger buffer for the one-pass rebuild
    // makes fewer segments to merge: a sixth less time at 1,000,000 customers, for 16 MiB more
    // memory. The setting is stored in the file, so it goes back to the default afterwards.
    execute("INSERT INTO customer_search (customer_search, rank) VALUES ('hashsize', " +
            std::to_string(m_bulkLoad.searchBufferMebibytes * 1024 * 1024) + ")");
    rebuildCustomerSearch(*this);
    execute("INSERT INTO customer_search (customer_search, rank) VALUES ('hashsize', 1048576)");
    for (const auto& definition : m_deferredTriggers) {
        execute(definition);
    }
    m_deferredTriggers.clear();
    execute("PRAGMA threads=0; PRAGMA ignore_check_constraints=OFF; PRAGMA cache_size=-2000;");
    execute("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;");
    execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
    execute("PRAGMA wal_checkpoint(TRUNCATE);");
}

Statement Database::prepare(std::string_view sql) const
{
    return Statement(m_db, sql);
}

void Database::execute(std::string_view sql) const
{
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        throwSqliteError(m_db, rc, {});
    }
}

std::int64_t Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

int Database::schemaVersion() const
{
    return queryInt(m_db, "PRAGMA user_version");
}

std::string Database::integrityReport() const
{
    std::string report;
    auto integrity = prepare("PRAGMA integrity_check");
    while (integrity.step()) {
        const std::string line = integrity.text(0);
        if (line != "ok") {
            report += line + "\n";
        }
    }
    auto foreignKeys = prepare("PRAGMA foreign_key_check");
    while (foreignKeys.step()) {
        report += "foreign key: row " + foreignKeys.text(1) + " of table " + foreignKeys.text(0) +
                  " points to a missing row of " + foreignKeys.text(2) + "\n";
    }
    return report.empty() ? "ok" : report;
}

WriteTransaction::WriteTransaction(const Database& db)
    : m_db(db), m_nested(sqlite3_get_autocommit(db.handle()) == 0)
{
    // Cached statements: a bulk load opens a savepoint per customer, and parsing each time shows.
    m_db.cached(m_nested ? "SAVEPOINT nested_write" : "BEGIN IMMEDIATE")->run();
}

WriteTransaction::~WriteTransaction()
{
    if (m_done) {
        return;
    }
    // Errors are ignored here: a destructor must not throw, and SQLite rolls back on close anyway.
    if (m_nested) {
        sqlite3_exec(m_db.handle(), "ROLLBACK TO nested_write; RELEASE nested_write", nullptr, nullptr, nullptr);
    } else {
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void WriteTransaction::commit()
{
    m_db.cached(m_nested ? "RELEASE nested_write" : "COMMIT")->run();
    m_done = true;
}

std::int64_t Database::dataVersion() const
{
    auto version = prepare("PRAGMA data_version");
    return version.step() ? version.int64(0) : 0;
}

ReadTransaction::ReadTransaction(const Database& db) : m_db(db), m_owned(sqlite3_get_autocommit(db.handle()) != 0)
{
    if (m_owned) {
        m_db.cached("BEGIN")->run();
    }
}

ReadTransaction::~ReadTransaction()
{
    // A read-only transaction has nothing to lose; errors are ignored, a destructor must not throw.
    if (m_owned) {
        sqlite3_exec(m_db.handle(), "COMMIT", nullptr, nullptr, nullptr);
    }
}

} // namespace cartera::storage
