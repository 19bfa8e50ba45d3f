#pragma once

#include "domain/customer.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace cartera::domain {

/// The named cells of an RFM analysis, from the recency and frequency scores
/// (docs/segments.md has the map). Lost: bought before the period, not within it.
enum class RfmCell {
    Champions,
    LoyalCustomers,
    PotentialLoyalists,
    NewCustomers,
    Promising,
    NeedAttention,
    AboutToSleep,
    AtRisk,
    CantLoseThem,
    Hibernating,
    Lost,
    Count
};

/// What RFM reads of a customer who ordered in the period.
struct RfmFacts final {
    CustomerId customerId = 0;
    std::int64_t daysSinceLastOrder = 0;  ///< to the as-of date
    std::int64_t orders = 0;              ///< in the period
    std::int64_t revenue = 0;             ///< in the period, minor units
};

/// A customer's scores, 1 (worst) to 5 (best), and its cell. Lost customers score 0.
struct RfmScore final {
    CustomerId customerId = 0;
    int recency = 0;
    int frequency = 0;
    int monetary = 0;
    RfmCell cell = RfmCell::Lost;

    friend bool operator==(const RfmScore&, const RfmScore&) = default;
};

/// The cell of recency and frequency scores (1-5 each); monetary does not move a customer
/// between cells, as in the usual RFM map.
RfmCell rfmCell(int recency, int frequency);
/// "Champions", "Loyal customers", ... (English; the app translates its own labels).
std::string_view rfmCellName(RfmCell cell);
/// "champions", "loyal_customers", ... for files and the CLI.
std::string_view rfmCellCode(RfmCell cell);

/// Quintile scores of each measure over the customers given: sorted by the measure, the first
/// fifth scores 1 and the last 5 (recency: fewest days scores 5). Equal values are ordered by
/// another measure (recency by frequency, frequency by revenue, revenue by frequency), then by
/// their order in facts (customer id), so the fifths are of equal size. Result in input order.
std::vector<RfmScore> scoreRfm(const std::vector<RfmFacts>& facts);

} // namespace cartera::domain
