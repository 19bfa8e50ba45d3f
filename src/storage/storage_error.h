#pragma once

#include <stdexcept>
#include <string>

namespace cartera::storage {

/// Why the database failed, in the terms a user can act on.
enum class StorageFailure {
    CannotOpen,     ///< missing file or folder, no permission
    NotADatabase,   ///< not an SQLite file, or its header is damaged
    NotCartera,     ///< an SQLite database of another program
    Corrupt,        ///< SQLite reports the file as malformed
    NewerSchema,    ///< written by a newer Cartera
    Busy,           ///< another process held the lock past the busy timeout
    ReadOnly,       ///< the file or its folder cannot be written
    Constraint,     ///< a uniqueness, foreign key or check rule was broken
    NotFound,       ///< the record asked for does not exist
    Other,
};

/// The one error type storage throws: SQLite's result code and message plus what it means.
class StorageError final : public std::runtime_error {
public:
    StorageError(StorageFailure failure, std::string message, int sqliteCode = 0)
        : std::runtime_error(std::move(message)), m_failure(failure), m_sqliteCode(sqliteCode)
    {
    }

    [[nodiscard]] StorageFailure failure() const { return m_failure; }
    /// SQLite's extended result code, 0 when the failure did not come from SQLite.
    [[nodiscard]] int sqliteCode() const { return m_sqliteCode; }

private:
    StorageFailure m_failure;
    int m_sqliteCode;
};

} // namespace cartera::storage
