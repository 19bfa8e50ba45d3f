#pragma once

#include "domain/customer.h"
#include "domain/territory.h"
#include "domain/territory_assignment.h"

#include <memory>
#include <vector>

namespace cartera::services::demo {

/// The demo portfolio's territories: EMEA > country (owned by the team's manager, who keeps its
/// enterprise accounts) > region (owned by one of the country's reps, round the reps), with Paris
/// carved out of Ile-de-France by a postal range, and a few overlay reps. Ids start at 1.
/// countryReps: for each country of the demo, its manager's and reps' ids as the generator made them.
struct CountryTeam final {
    std::string_view country;
    domain::RepId manager;
    std::vector<domain::RepId> reps;
};
domain::TerritorySet demoTerritorySet(const std::vector<CountryTeam>& teams);

/// The demo territories compiled for placing accounts as they are drawn (from any thread).
class DemoTerritories final {
public:
    explicit DemoTerritories(domain::TerritorySet set);

    struct Placement final {
        domain::TerritoryId territory = 0;
        domain::RepId rep = 0;
    };
    /// The territory and rep the rules give the account (0s when none matches).
    [[nodiscard]] Placement place(const domain::Customer& customer) const;
    /// A manual override for the account: its country's territory (the manager), locked.
    [[nodiscard]] Placement overrideFor(const domain::Customer& customer) const;
    [[nodiscard]] const domain::TerritorySet& set() const { return m_set; }

private:
    domain::TerritorySet m_set;
    domain::AccountDictionaries m_values;
    std::unique_ptr<domain::TerritoryTree> m_tree;
    std::unique_ptr<domain::TerritoryMatcher> m_matcher;
};

} // namespace cartera::services::demo
