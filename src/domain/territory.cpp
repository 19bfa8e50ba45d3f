#include "domain/territory.h"

#include "domain/countries.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace cartera::domain {

std::string normalisePostalCode(std::string_view code)
{
    std::string out;
    out.reserve(code.size());
    for (const char c : code) {
        if (c == ' ' || c == '-' || c == '\t') {
            continue;
        }
        out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return out;
}

std::optional<std::pair<std::string, std::string>> parsePostalRange(std::string_view text)
{
    std::string_view from = text;
    std::string_view to = text;
    if (const auto dots = text.find(".."); dots != std::string_view::npos) {
        from = text.substr(0, dots);
        to = text.substr(dots + 2);
    } else if (const auto dash = text.find('-'); dash != std::string_view::npos) {
        from = text.substr(0, dash);
        to = text.substr(dash + 1);
    }
    auto a = normalisePostalCode(from);
    auto b = normalisePostalCode(to);
    if (a.empty() || a.size() != b.size() || a > b) {
        return std::nullopt;
    }
    return std::pair{std::move(a), std::move(b)};
}

Status validateTerritoryRule(const TerritoryRule& rule)
{
    if (rule.territoryId <= 0) {
        return invalidInput("the rule names no territory", "territory");
    }
    if (!rule.country.empty() && !isKnownCountryCode(rule.country)) {
        return invalidInput("\"" + rule.country + "\" is not an ISO 3166 country code such as FR or DE", "country");
    }
    const auto from = normalisePostalCode(rule.postalFrom);
    const auto to = normalisePostalCode(rule.postalTo);
    if (from.empty() != to.empty()) {
        return invalidInput("a postal code range needs both ends (give the same value twice for a prefix)",
                            "postal code range");
    }
    if (from.size() != to.size()) {
        return invalidInput("both ends of a postal code range must have as many characters (\"" + from + "\" and \"" + to +
                                "\")",
                            "postal code range");
    }
    if (from.size() > 12) {
        return invalidInput("a postal code bound has at most 12 characters", "postal code range");
    }
    if (from > to) {
        return invalidInput("the range starts after it ends (\"" + from + "\" > \"" + to + "\")", "postal code range");
    }
    return Done{};
}

Status validateTerritory(const Territory& territory, const std::vector<Territory>& territories)
{
    if (std::all_of(territory.name.begin(), territory.name.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) {
        return invalidInput("a territory needs a name", "name");
    }
    if (territory.ownerRepId && std::find(territory.overlayRepIds.begin(), territory.overlayRepIds.end(),
                                          *territory.ownerRepId) != territory.overlayRepIds.end()) {
        return invalidInput("the owner cannot also be an overlay rep of the same territory", "overlay reps");
    }
    // Walk up from the new parent: meeting the territory itself would make a cycle.
    std::unordered_set<TerritoryId> seen;
    auto parent = territory.parentId;
    while (parent) {
        if (territory.id != 0 && *parent == territory.id) {
            return invalidInput("a territory cannot be placed inside itself or one of its own sub-territories", "parent");
        }
        if (!seen.insert(*parent).second) {
            break;
        }
        const auto it = std::find_if(territories.begin(), territories.end(), [&](const Territory& t) { return t.id == *parent; });
        if (it == territories.end()) {
            return invalidInput("the parent territory " + std::to_string(*parent) + " does not exist", "parent");
        }
        parent = it->parentId;
    }
    return Done{};
}

std::string describeRule(const TerritoryRule& rule)
{
    std::string out;
    const auto add = [&](std::string_view label, std::string_view value) {
        if (value.empty()) {
            return;
        }
        if (!out.empty()) {
            out += ", ";
        }
        out += label;
        out += ' ';
        out += value;
    };
    add("country", rule.country);
    add("region", rule.region);
    if (!rule.postalFrom.empty()) {
        add("postal", rule.postalFrom == rule.postalTo ? rule.postalFrom + "*" : rule.postalFrom + ".." + rule.postalTo);
    }
    add("industry", rule.industry);
    if (rule.sizeBand) {
        add("size", kSizeBandCodes.code(*rule.sizeBand));
    }
    if (rule.channel) {
        add("channel", kSalesChannelCodes.code(*rule.channel));
    }
    return out.empty() ? std::string("every account") : out;
}

std::string territoryPath(TerritoryId id, const std::vector<Territory>& territories)
{
    std::vector<const Territory*> chain;
    std::optional<TerritoryId> current = id;
    while (current && chain.size() < territories.size()) {
        const auto it = std::find_if(territories.begin(), territories.end(), [&](const Territory& t) { return t.id == *current; });
        if (it == territories.end()) {
            break;
        }
        chain.push_back(&*it);
        current = it->parentId;
    }
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (!out.empty()) {
            out += " > ";
        }
        out += (*it)->name;
    }
    return out;
}

} // namespace cartera::domain

namespace cartera::domain {

const Territory* TerritorySet::find(TerritoryId id) const
{
    const auto it = std::find_if(territories.begin(), territories.end(), [&](const Territory& t) { return t.id == id; });
    return it == territories.end() ? nullptr : &*it;
}

TerritoryId TerritorySet::nextTerritoryId() const
{
    TerritoryId next = 1;
    for (const auto& t : territories) {
        next = std::max(next, t.id + 1);
    }
    return next;
}

TerritoryRuleId TerritorySet::nextRuleId() const
{
    TerritoryRuleId next = 1;
    for (const auto& r : rules) {
        next = std::max(next, r.id + 1);
    }
    return next;
}

void TerritorySet::normalise()
{
    std::stable_sort(rules.begin(), rules.end(), [](const TerritoryRule& a, const TerritoryRule& b) {
        return a.priority != b.priority ? a.priority < b.priority : a.id < b.id;
    });
    // Parents first: repeatedly take the territories whose parent is already placed (or absent).
    std::vector<Territory> ordered;
    std::unordered_set<TerritoryId> placed;
    std::unordered_set<TerritoryId> present;
    for (const auto& t : territories) {
        present.insert(t.id);
    }
    std::vector<Territory> rest = territories;
    std::sort(rest.begin(), rest.end(), [](const Territory& a, const Territory& b) { return a.id < b.id; });
    while (!rest.empty()) {
        std::vector<Territory> later;
        for (auto& t : rest) {
            if (!t.parentId || present.count(*t.parentId) == 0 || placed.count(*t.parentId) != 0) {
                placed.insert(t.id);
                ordered.push_back(std::move(t));
            } else {
                later.push_back(std::move(t));
            }
        }
        if (later.size() == rest.size()) {  // a cycle: keep the rest as they are
            for (auto& t : later) {
                ordered.push_back(std::move(t));
            }
            break;
        }
        rest = std::move(later);
    }
    territories = std::move(ordered);
}

Status validateTerritorySet(const TerritorySet& set)
{
    std::unordered_set<TerritoryId> ids;
    for (const auto& t : set.territories) {
        if (!ids.insert(t.id).second) {
            return invalidInput("two territories have the id " + std::to_string(t.id), "territories");
        }
        if (auto status = validateTerritory(t, set.territories); !status) {
            Error e = status.error();
            e.where = "territory \"" + t.name + "\": " + e.where;
            return e;
        }
    }
    for (const auto& r : set.rules) {
        if (auto status = validateTerritoryRule(r); !status) {
            Error e = status.error();
            e.where = "rule " + std::to_string(r.priority) + ": " + e.where;
            return e;
        }
        if (ids.count(r.territoryId) == 0) {
            return invalidInput("the rule names territory " + std::to_string(r.territoryId) + ", which does not exist",
                                "rule " + std::to_string(r.priority));
        }
    }
    return Done{};
}

} // namespace cartera::domain
