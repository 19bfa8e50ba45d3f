#include "services/demo_territories.h"

#include "services/demo_data.h"

#include <string>

namespace cartera::services::demo {

using namespace cartera::domain;

namespace {

std::string_view countryName(std::string_view code)
{
    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
        {"FR", "France"}, {"DE", "Germany"}, {"NL", "Netherlands"}, {"BE", "Belgium"},
        {"ES", "Spain"},  {"IT", "Italy"},   {"PT", "Portugal"}};
    for (const auto& [c, name] : kNames) {
        if (c == code) {
            return name;
        }
    }
    return code;
}

} // namespace

TerritorySet demoTerritorySet(const std::vector<CountryTeam>& teams)
{
    TerritorySet set;
    TerritoryId nextId = 1;
    TerritoryRuleId nextRule = 1;
    const TerritoryId emea = nextId++;
    set.territories.push_back(Territory{emea, std::nullopt, "EMEA", std::nullopt, {}});
    int countryIndex = 0;
    for (const auto& team : teams) {
        const TerritoryId countryId = nextId++;
        set.territories.push_back(Territory{countryId, emea, std::string(countryName(team.country)), team.manager, {}});
        // Key accounts first: the manager keeps the country's enterprise accounts.
        TerritoryRule keyAccounts;
        keyAccounts.id = nextRule++;
        keyAccounts.territoryId = countryId;
        keyAccounts.priority = 10 + countryIndex;
        keyAccounts.country = std::string(team.country);
        keyAccounts.sizeBand = SizeBand::Enterprise;
        set.rules.push_back(keyAccounts);

        const Country* country = nullptr;
        for (const auto& c : countries()) {
            if (c.code == team.country) {
                country = &c;
            }
        }
        if (country == nullptr || team.reps.empty()) {
            ++countryIndex;
            continue;
        }
        int regionIndex = 0;
        for (const auto& region : country->regions) {
            const RepId owner = team.reps[static_cast<std::size_t>(regionIndex) % team.reps.size()];
            Territory territory{nextId++, countryId, std::string(region.name), owner, {}};
            // The country's other rep covers its first region too: an overlay.
            if (regionIndex == 0 && team.reps.size() > 1) {
                territory.overlayRepIds.push_back(team.reps[1]);
            }
            set.territories.push_back(territory);
            TerritoryRule rule;
            rule.id = nextRule++;
            rule.territoryId = territory.id;
            rule.priority = 100 + countryIndex * 20 + regionIndex;
            rule.country = std::string(team.country);
            rule.region = std::string(region.name);
            set.rules.push_back(rule);
            // Paris (postal codes 75...) is a territory of its own inside Ile-de-France, tried first.
            if (team.country == "FR" && regionIndex == 0) {
                Territory paris{nextId++, territory.id, "Paris", team.reps[(static_cast<std::size_t>(regionIndex) + 1) % team.reps.size()], {}};
                set.territories.push_back(paris);
                TerritoryRule postal;
                postal.id = nextRule++;
                postal.territoryId = paris.id;
                postal.priority = 50;
                postal.country = "FR";
                postal.postalFrom = "75";
                postal.postalTo = "75";
                set.rules.push_back(postal);
            }
            ++regionIndex;
        }
        ++countryIndex;
    }
    set.normalise();
    return set;
}

DemoTerritories::DemoTerritories(TerritorySet set) : m_set(std::move(set))
{
    for (const auto& c : countries()) {
        m_values.countries.intern(c.code);
        for (const auto& r : c.regions) {
            m_values.regions.intern(r.name);
        }
    }
    for (const auto& industry : industries()) {
        m_values.industries.intern(industry);
    }
    m_tree = std::make_unique<TerritoryTree>(m_set.territories);
    m_matcher = std::make_unique<TerritoryMatcher>(m_set.rules, *m_tree, m_values);
}

DemoTerritories::Placement DemoTerritories::place(const Customer& customer) const
{
    AccountProfile a;
    a.country = m_values.countries.find(customer.country);
    a.region = m_values.regions.find(customer.region);
    a.industry = m_values.industries.find(customer.industry);
    a.sizeBand = customer.sizeBand ? static_cast<std::int8_t>(*customer.sizeBand) : std::int8_t{-1};
    a.channel = static_cast<std::int8_t>(customer.channel);
    a.setPostalCode(customer.postalCode);
    const auto match = m_matcher->match(a);
    return {match.territory, match.territory == 0 ? 0 : m_tree->ownerOf(match.territory)};
}

DemoTerritories::Placement DemoTerritories::overrideFor(const Customer& customer) const
{
    const auto name = countryName(customer.country);
    for (const auto& t : m_set.territories) {
        if (t.name == name && t.ownerRepId) {
            return {t.id, *t.ownerRepId};
        }
    }
    return place(customer);
}

} // namespace cartera::services::demo
