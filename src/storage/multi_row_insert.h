#pragma once

#include "storage/database.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace cartera::storage {

/// Multi-row INSERT statements for bulk writes: "head (?, ?), (?, ?) ... tail" for 1, 2, 4, ...
/// kMaxRows rows. Each run of a statement has a fixed cost (start, transaction check, halt,
/// reset) that is larger than inserting one small row, so rows go in as few runs as powers of
/// two allow. Parameters are numbered in order, row after row.
class MultiRowInsert final {
public:
    static constexpr std::size_t kMaxRows = 64;

    /// head: "INSERT INTO t (a, b) VALUES"; tail: an optional ON CONFLICT clause.
    MultiRowInsert(std::string_view head, int columns, std::string_view tail = {});

    /// The statement for rows rows (a power of two, at most kMaxRows).
    [[nodiscard]] const std::string& sql(std::size_t rows) const;

    /// Writes rows through db's cached statements; bindRow(statement, firstParameter, row)
    /// binds one row's columns from firstParameter on.
    template <typename Row, typename BindRow>
    void write(const Database& db, std::span<const Row> rows, BindRow&& bindRow) const
    {
        while (!rows.empty()) {
            const std::size_t count = std::bit_floor(std::min(rows.size(), kMaxRows));
            auto statement = db.cached(sql(count));
            int parameter = 1;
            for (const Row& row : rows.first(count)) {
                bindRow(*statement, parameter, row);
                parameter += m_columns;
            }
            statement->run();
            rows = rows.subspan(count);
        }
    }

private:
    static constexpr std::size_t kSizes = std::bit_width(kMaxRows);  // 1, 2, 4, ... kMaxRows
    int m_columns;
    std::array<std::string, kSizes> m_sql;
};

} // namespace cartera::storage
