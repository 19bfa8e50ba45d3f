#pragma once

#include "domain/date.h"
#include "domain/error.h"
#include "domain/forecast.h"
#include "domain/month_range.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cartera::domain {

using ForecastSnapshotId = std::int64_t;

/// A forecast kept as it stood on a day: its rows, and the statistical projection of the period's
/// invoiced revenue (minor units), to set against the actual figures once the period closes.
struct ForecastSnapshot final {
    ForecastSnapshotId id = 0;
    std::string name;
    Date createdOn;
    MonthRange period;
    ForecastGrouping grouping = ForecastGrouping::Rep;
    std::optional<std::int64_t> projection;
    std::vector<ForecastRow> rows;  ///< the total row last

    /// The rows as JSON (an array of objects with the ForecastRow fields).
    [[nodiscard]] std::string rowsToJson() const;
    /// Parses rowsToJson's text; the message says what is wrong.
    static Result<std::vector<ForecastRow>> rowsFromJson(const std::string& text);
};

} // namespace cartera::domain
