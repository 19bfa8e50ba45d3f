#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace cartera::storage {

/// A prepared SQLite statement (RAII). Parameters are 1-based, columns 0-based, as in SQLite.
/// Text bound as string_view must outlive the next step() (bulk loads bind without copying).
class Statement final {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    /// Binds a copy of the text.
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    /// Binds without copying: text must stay alive until step() returns.
    Statement& bindStatic(int index, std::string_view text);
    Statement& bindNull(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }
    /// A row id the caller already has (a record put back by Undo), or NULL so SQLite picks one.
    Statement& bindIdOrNull(int index, std::int64_t id) { return id > 0 ? bind(index, id) : bindNull(index); }
    /// Empty text is stored as NULL (optional attributes such as region or phone).
    Statement& bindTextOrNull(int index, std::string_view text)
    {
        return text.empty() ? bindNull(index) : bind(index, text);
    }
    /// As bindTextOrNull, without copying: text must stay alive until step() returns.
    Statement& bindStaticOrNull(int index, std::string_view text)
    {
        return text.empty() ? bindNull(index) : bindStatic(index, text);
    }

    /// Runs one step; true while a row is available.
    bool step();
    /// Runs a statement that returns no rows, then resets it for reuse.
    void run();
    /// Makes the statement ready to run again; bindings are kept until rebound.
    void reset();
    void clearBindings();

    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] int int32(int column) const { return static_cast<int>(int64(column)); }
    [[nodiscard]] double real(int column) const;
    /// The column's text, "" when NULL.
    [[nodiscard]] std::string text(int column) const;
    /// The column's text without a copy, "" when NULL; valid until the next step, reset or column
    /// read of another type.
    [[nodiscard]] std::string_view textView(int column) const;
    [[nodiscard]] std::optional<std::int64_t> optionalInt64(int column) const;
    [[nodiscard]] std::optional<std::string> optionalText(int column) const;

private:
    [[noreturn]] void fail(int code) const;

    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

/// Turns an SQLite result code and the connection's message into a StorageError.
[[noreturn]] void throwSqliteError(sqlite3* db, int code, std::string_view context);

} // namespace cartera::storage
