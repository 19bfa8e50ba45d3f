#pragma once

#include "domain/date.h"
#include "domain/error.h"
#include "domain/month_range.h"
#include "domain/rfm.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace cartera::services {

class Portfolio;

/// An RFM analysis: every scored customer (those who ordered in the period, then the lost ones)
/// and how many fell in each cell.
struct RfmResult final {
    domain::MonthRange period;
    domain::Date asOf;
    std::vector<domain::RfmScore> scores;
    std::array<std::int64_t, static_cast<std::size_t>(domain::RfmCell::Count)> cellCounts{};
};

/// RFM in one click (docs/segments.md): recency, frequency and monetary quintiles over a period,
/// the named cells, saved as static lists "RFM: <cell>".
class RfmService final {
public:
    explicit RfmService(Portfolio& portfolio) : m_portfolio(portfolio) {}

    /// Scores the customers who ordered in the period; those who ordered before it only are Lost.
    domain::Result<RfmResult> run(const domain::MonthRange& period, domain::Date asOf);
    /// Saves each cell as the static list "RFM: <cell name>" (created, or its members replaced),
    /// all in one transaction. A rule segment already holding such a name is an error (Conflict).
    domain::Status saveAsSegments(const RfmResult& result, domain::Date today);

    /// The name of a cell's segment: "RFM: Champions".
    static std::string segmentName(domain::RfmCell cell);

private:
    Portfolio& m_portfolio;
};

} // namespace cartera::services
