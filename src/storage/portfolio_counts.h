#pragma once

#include <cstdint>
#include <string>

namespace cartera::storage {

class Database;

/// How many of each record a portfolio holds, and the span of its orders.
struct PortfolioCounts final {
    std::int64_t customers = 0;  ///< kind customer
    std::int64_t prospects = 0;
    std::int64_t contacts = 0;
    std::int64_t reps = 0;
    std::int64_t products = 0;
    std::int64_t orders = 0;
    std::int64_t orderLines = 0;
    std::string firstOrderDate;  ///< ISO date, empty without orders
    std::string lastOrderDate;
};

/// Counts every table; a full scan of order lines, so for `info`, not for a status bar.
PortfolioCounts countPortfolio(const Database& db);

} // namespace cartera::storage
