#include "storage/twin_read.h"

#include "storage/storage_error.h"

#include <sqlite3.h>

namespace cartera::storage {

namespace {

/// How long to wait for the write lock before reading on one connection instead.
constexpr int kGateWaitMs = 50;

/// A bare connection that holds the write lock while it lives (BEGIN IMMEDIATE, then ROLLBACK:
/// nothing is written). Bare because it only locks: no schema, no settings.
class WriteGate final {
public:
    explicit WriteGate(const Database& db)
    {
        if (sqlite3_open_v2(db.path().c_str(), &m_handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
            SQLITE_OK) {
            return;
        }
        sqlite3_busy_timeout(m_handle, kGateWaitMs);
        m_locked = sqlite3_exec(m_handle, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    ~WriteGate()
    {
        if (m_locked) {
            sqlite3_exec(m_handle, "ROLLBACK", nullptr, nullptr, nullptr);
        }
        sqlite3_close_v2(m_handle);
    }
    WriteGate(const WriteGate&) = delete;
    WriteGate& operator=(const WriteGate&) = delete;

    [[nodiscard]] bool locked() const { return m_locked; }

private:
    sqlite3* m_handle = nullptr;
    bool m_locked = false;
};

/// BEGIN, then a read, which is what fixes the commit a WAL reader sees.
void beginReading(const Database& db)
{
    db.execute("BEGIN");
    auto first = db.prepare("SELECT 1 FROM sqlite_schema LIMIT 1");
    first.step();
}

} // namespace

std::optional<TwinRead> TwinRead::begin(const Database& db)
{
    if (db.readOnly() || db.path().empty() || sqlite3_get_autocommit(db.handle()) == 0) {
        return std::nullopt;
    }
    try {
        auto twin = Database::open(db.path(), OpenMode::ReadOnly);
        const WriteGate gate(db);
        if (!gate.locked()) {
            return std::nullopt;
        }
        // Both first reads happen while no one else can commit, so both see the latest commit.
        beginReading(db);
        try {
            beginReading(twin);
        } catch (...) {
            sqlite3_exec(db.handle(), "COMMIT", nullptr, nullptr, nullptr);
            throw;
        }
        return TwinRead(db, std::move(twin));
    } catch (const StorageError&) {
        return std::nullopt;  // the twin could not be opened: read on one connection
    }
}

TwinRead::TwinRead(const Database& db, Database twin) : m_db(&db), m_twin(std::move(twin))
{
}

TwinRead::TwinRead(TwinRead&& other) noexcept : m_db(other.m_db), m_twin(std::move(other.m_twin))
{
    other.m_db = nullptr;
    other.m_twin.reset();
}

TwinRead::~TwinRead()
{
    // Read transactions have nothing to lose; a destructor must not throw.
    if (m_db != nullptr) {
        sqlite3_exec(m_db->handle(), "COMMIT", nullptr, nullptr, nullptr);
    }
    if (m_twin) {
        sqlite3_exec(m_twin->handle(), "COMMIT", nullptr, nullptr, nullptr);
    }
}

} // namespace cartera::storage
