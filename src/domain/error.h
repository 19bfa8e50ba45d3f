#pragma once

#include <string>
#include <utility>
#include <variant>

namespace cartera::domain {

/// What kind of failure an Error reports; the CLI maps it to an exit code.
enum class ErrorCode {
    InvalidInput,   ///< a field, file or argument is wrong; the user can fix it
    NotFound,       ///< a record or file named by the user does not exist
    Conflict,       ///< a uniqueness or reference rule would be broken
    Storage,        ///< the database failed (I/O, corruption, lock)
    Unsupported,    ///< the request is valid but not supported (newer schema, ...)
    Internal,       ///< a bug; should never reach a user
};

/// A failure with a message for people and where it happened (field, file:line, ...).
struct Error final {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    std::string where;

    /// "where: message", or the message alone when where is empty.
    [[nodiscard]] std::string describe() const
    {
        return where.empty() ? message : where + ": " + message;
    }
};

/// A value or an Error. Services return it instead of throwing across layers.
template <typename T>
class Result final {
public:
    Result(T value) : m_state(std::move(value)) {}          // NOLINT(google-explicit-constructor)
    Result(Error error) : m_state(std::move(error)) {}      // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T& value() { return std::get<T>(m_state); }
    [[nodiscard]] const T& value() const { return std::get<T>(m_state); }
    [[nodiscard]] const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

/// Result for operations that only succeed or fail.
struct Done final {};
using Status = Result<Done>;

inline Error invalidInput(std::string message, std::string where = {})
{
    return Error{ErrorCode::InvalidInput, std::move(message), std::move(where)};
}

} // namespace cartera::domain
