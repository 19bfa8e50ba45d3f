#pragma once

#include "domain/date.h"
#include "domain/segment.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace cartera::storage {

class Database;
class Statement;

/// A value bound to an SQL parameter: whole numbers stay numbers (compared with sums), text stays text.
using SqlValue = std::variant<std::int64_t, std::string>;

/// An SQL condition over the customer table aliased `c`, with placeholders ?1, ?2, ... and the
/// values to bind to them. Only fixed fragments are ever written into the text: field
/// names come from the SegmentField enumeration, every value is a parameter.
struct SegmentSql final {
    std::string condition;
    std::vector<SqlValue> parameters;
};

/// Compiles a definition into one condition. Behaviour is read from the monthly figures
/// (customer_month, customer_category_month) through correlated lookups on their primary keys,
/// the latest ABC snapshot and tier run, and the survey answers; asOf is the evaluation date
/// (the end of "last N months", the day "days since last order" counts to).
SegmentSql compileSegment(const domain::SegmentDefinition& definition, domain::Date asOf);

/// The condition selecting a saved segment's customers: its compiled rule, or its static
/// members. A NotFound StorageError when no segment has the id; a Corrupt one when a stored
/// definition cannot be read (the message names the segment).
SegmentSql savedSegmentCondition(const Database& db, domain::SegmentId id, domain::Date asOf);

/// Shifts the placeholders ?1, ?2, ... of a compiled condition to ?firstIndex, ?firstIndex+1, ...
/// (to follow other parameters); the compiled SQL holds no `?` inside literals.
std::string numberPlaceholders(const std::string& sql, int firstIndex);

/// Binds values to ?firstIndex, ?firstIndex+1, ...
void bindSqlValues(Statement& statement, int firstIndex, const std::vector<SqlValue>& values);

} // namespace cartera::storage
