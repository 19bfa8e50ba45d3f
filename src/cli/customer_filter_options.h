#pragma once

#include "domain/customer_filter.h"
#include "services/portfolio.h"

#include <CLI/CLI.hpp>

#include <string>

namespace cartera::cli {

/// The options that choose and order customers, shared by `customers` (the list) and
/// `customers export`, so both read the same rows: --search, --country, --region, --industry,
/// --channel, --kind, --status, --size, --owner, --segment, --sort, --desc.
struct CustomerFilterOptions final {
    std::string search, country, region, industry, channel, kind, status, size, owner, segment;
    std::string sort = "name";
    bool descending = false;

    void addOptions(CLI::App& command);
    /// The filter; throws CommandError for a value that is not one of the codes or an unknown rep.
    [[nodiscard]] domain::CustomerFilter filter(services::Portfolio& portfolio) const;
    [[nodiscard]] domain::CustomerSort customerSort() const;
};

} // namespace cartera::cli
