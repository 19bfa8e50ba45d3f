#include "storage/multi_row_insert.h"

#include <cassert>

namespace cartera::storage {

MultiRowInsert::MultiRowInsert(std::string_view head, int columns, std::string_view tail) : m_columns(columns)
{
    std::string row = "(?";
    for (int c = 1; c < columns; ++c) {
        row += ", ?";
    }
    row += ")";
    for (std::size_t i = 0; i < kSizes; ++i) {
        std::string& sql = m_sql[i];
        sql = std::string(head) + " " + row;
        for (std::size_t r = 1; r < (std::size_t{1} << i); ++r) {
            sql += ", " + row;
        }
        if (!tail.empty()) {
            sql += " " + std::string(tail);
        }
    }
}

const std::string& MultiRowInsert::sql(std::size_t rows) const
{
    assert(std::has_single_bit(rows) && rows <= kMaxRows);
    return m_sql[static_cast<std::size_t>(std::countr_zero(rows))];
}

} // namespace cartera::storage
