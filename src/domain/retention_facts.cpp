#include "domain/retention_facts.h"

#include <algorithm>

namespace cartera::domain {

std::optional<std::uint32_t> RetentionFacts::indexOf(CustomerId id) const
{
    const auto found = std::lower_bound(customers.begin(), customers.end(), id,
                                        [](const RetentionCustomer& c, CustomerId wanted) { return c.id < wanted; });
    if (found == customers.end() || found->id != id) {
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(found - customers.begin());
}

} // namespace cartera::domain
