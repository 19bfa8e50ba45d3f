#pragma once

// A plain SQLite connection, as another program (or the sqlite3 shell) would open the file:
// for building foreign databases and files from a newer Cartera.

#include <sqlite3.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace cartera::testing {

class RawSqlite final {
public:
    explicit RawSqlite(const std::filesystem::path& path)
    {
        if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
            const std::string message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
            sqlite3_close(m_db);
            throw std::runtime_error("cannot open " + path.string() + ": " + message);
        }
    }
    ~RawSqlite() { sqlite3_close(m_db); }
    RawSqlite(const RawSqlite&) = delete;
    RawSqlite& operator=(const RawSqlite&) = delete;

    void exec(const std::string& sql)
    {
        char* error = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = error ? error : "unknown error";
            sqlite3_free(error);
            throw std::runtime_error(sql + ": " + message);
        }
    }

private:
    sqlite3* m_db = nullptr;
};

} // namespace cartera::testing
