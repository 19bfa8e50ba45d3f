#pragma once

#include "cli/cli_support.h"
#include "domain/abc.h"
#include "domain/abc_scope.h"
#include "services/abc_service.h"

#include <optional>
#include <string>

namespace cartera::cli {

/// The options that say what to classify, shared by `abc` and `abc-snapshot save`:
/// --criterion, the period (--from/--to, --year or --as-of), --thresholds and the scope.
struct AbcRunOptions final {
    std::string db;
    std::string criterion = "revenue";
    std::string from;
    std::string to;
    std::optional<int> year;
    std::string asOf;
    std::string thresholds = "80,15,5";
    std::string country;
    std::string channel;
    std::string rep;
    std::string segment;
    std::string territory;
    bool includeArchived = false;

    void addOptions(CLI::App& command);
    /// The request the options describe; a malformed value is a usage error (exit 2), a rep
    /// code the portfolio does not know is bad input (exit 1).
    [[nodiscard]] services::AbcRequest request(services::Portfolio& portfolio) const;
};

/// "country FR, channel direct, rep R01" or "whole portfolio", plus ", archived included".
std::string describeScope(const domain::AbcScope& scope, services::Portfolio& portfolio);

/// A value of the criterion as a report cell: money in the portfolio currency, or a count.
exchange::Cell valueCell(domain::AbcCriterion criterion, std::int64_t value, const domain::CurrencyCode& currency);

/// part / whole as a percentage with four decimals (81.2345), exact.
exchange::Cell percentCell(std::int64_t part, std::int64_t whole);

} // namespace cartera::cli
