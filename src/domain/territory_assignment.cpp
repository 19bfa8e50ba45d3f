#include "domain/territory_assignment.h"

#include <algorithm>
#include <cstring>
#include <functional>

namespace cartera::domain {

std::int32_t ValueDictionary::intern(std::string_view text)
{
    if (const auto it = m_index.find(std::string(text)); it != m_index.end()) {
        return it->second;
    }
    const auto index = static_cast<std::int32_t>(m_texts.size());
    m_texts.emplace_back(text);
    m_index.emplace(m_texts.back(), index);
    return index;
}

std::int32_t ValueDictionary::find(std::string_view text) const
{
    const auto it = m_index.find(std::string(text));
    return it == m_index.end() ? -1 : it->second;
}

void AccountProfile::setPostalCode(std::string_view code)
{
    postalLength = 0;
    for (const char c : code) {
        if (c == ' ' || c == '-' || c == '\t') {
            continue;
        }
        if (postalLength == kPostalCapacity) {
            break;
        }
        postal[postalLength++] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
}

TerritoryTree::TerritoryTree(const std::vector<Territory>& territories)
{
    std::unordered_map<TerritoryId, std::vector<const Territory*>> children;
    std::vector<const Territory*> roots;
    std::unordered_map<TerritoryId, const Territory*> byId;
    for (const auto& t : territories) {
        byId.emplace(t.id, &t);
    }
    for (const auto& t : territories) {
        // A parent that is missing counts as none: the territory becomes a root.
        if (t.parentId && byId.count(*t.parentId) != 0 && *t.parentId != t.id) {
            children[*t.parentId].push_back(&t);
        } else {
            roots.push_back(&t);
        }
    }
    int clock = 0;
    // Depth first; validateTerritory keeps the tree free of cycles, and a node is numbered once
    // even if a file holds one.
    std::function<void(const Territory*, RepId)> visit = [&](const Territory* t, RepId inherited) {
        if (m_index.count(t->id) != 0) {
            return;
        }
        const int index = static_cast<int>(m_nodes.size());
        m_index.emplace(t->id, index);
        m_nodes.push_back(Node{t->ownerRepId.value_or(inherited), clock++, 0});
        const RepId owner = m_nodes[static_cast<std::size_t>(index)].owner;
        if (const auto it = children.find(t->id); it != children.end()) {
            for (const auto* child : it->second) {
                visit(child, owner);
            }
        }
        m_nodes[static_cast<std::size_t>(index)].leave = clock;
    };
    for (const auto* root : roots) {
        visit(root, 0);
    }
}

int TerritoryTree::indexOf(TerritoryId id) const
{
    const auto it = m_index.find(id);
    return it == m_index.end() ? -1 : it->second;
}

RepId TerritoryTree::ownerOf(TerritoryId id) const
{
    const int index = indexOf(id);
    return index < 0 ? 0 : m_nodes[static_cast<std::size_t>(index)].owner;
}

bool TerritoryTree::related(TerritoryId a, TerritoryId b) const
{
    return a == b || relatedByIndex(indexOf(a), indexOf(b));
}

bool TerritoryTree::relatedByIndex(int a, int b) const
{
    if (a == b) {
        return true;
    }
    if (a < 0 || b < 0) {
        return false;
    }
    const Node& na = m_nodes[static_cast<std::size_t>(a)];
    const Node& nb = m_nodes[static_cast<std::size_t>(b)];
    const auto inside = [](const Node& outer, const Node& inner) { return outer.enter <= inner.enter && inner.enter < outer.leave; };
    return inside(na, nb) || inside(nb, na);
}

TerritoryMatcher::TerritoryMatcher(std::vector<TerritoryRule> rules, const TerritoryTree& tree, const AccountDictionaries& values)
    : m_rules(std::move(rules)), m_tree(tree)
{
    std::stable_sort(m_rules.begin(), m_rules.end(), [](const TerritoryRule& a, const TerritoryRule& b) {
        return a.priority != b.priority ? a.priority < b.priority : a.id < b.id;
    });
    m_byCountry.resize(values.countries.size());
    for (const auto& rule : m_rules) {
        Compiled c;
        c.territory = rule.territoryId;
        c.node = tree.indexOf(rule.territoryId);
        c.rule = rule.id;
        if (!rule.region.empty()) {
            c.region = values.regions.find(rule.region);
        }
        if (!rule.industry.empty()) {
            c.industry = values.industries.find(rule.industry);
        }
        c.sizeBand = rule.sizeBand ? static_cast<std::int8_t>(*rule.sizeBand) : std::int8_t{-1};
        c.channel = rule.channel ? static_cast<std::int8_t>(*rule.channel) : std::int8_t{-1};
        const auto from = normalisePostalCode(rule.postalFrom);
        const auto to = normalisePostalCode(rule.postalTo);
        if (!from.empty() && from.size() == to.size() && from.size() <= AccountProfile::kPostalCapacity) {
            c.postalLength = static_cast<std::uint8_t>(from.size());
            std::memcpy(c.postalFrom.data(), from.data(), from.size());
            std::memcpy(c.postalTo.data(), to.data(), to.size());
        }
        const auto index = static_cast<std::uint32_t>(m_compiled.size());
        m_compiled.push_back(c);
        if (rule.country.empty()) {
            m_anyCountry.push_back(index);
            for (auto& group : m_byCountry) {
                group.push_back(index);
            }
        } else if (const auto country = values.countries.find(rule.country); country >= 0) {
            m_byCountry[static_cast<std::size_t>(country)].push_back(index);
        }
        // A country no account has: the rule can match nobody and joins no group.
    }
}

bool TerritoryMatcher::matches(const Compiled& rule, const AccountProfile& account)
{
    if (rule.region != -2 && rule.region != account.region) {
        return false;
    }
    if (rule.industry != -2 && rule.industry != account.industry) {
        return false;
    }
    if (rule.sizeBand >= 0 && rule.sizeBand != account.sizeBand) {
        return false;
    }
    if (rule.channel >= 0 && rule.channel != account.channel) {
        return false;
    }
    if (rule.postalLength > 0) {
        if (account.postalLength < rule.postalLength) {
            return false;
        }
        const auto n = rule.postalLength;
        if (std::memcmp(account.postal.data(), rule.postalFrom.data(), n) < 0 ||
            std::memcmp(account.postal.data(), rule.postalTo.data(), n) > 0) {
            return false;
        }
    }
    return true;
}

TerritoryMatcher::Match TerritoryMatcher::match(const AccountProfile& account) const
{
    const auto& group = account.country >= 0 && static_cast<std::size_t>(account.country) < m_byCountry.size()
                            ? m_byCountry[static_cast<std::size_t>(account.country)]
                            : m_anyCountry;
    Match result;
    int chosenNode = -1;
    for (const auto index : group) {
        const Compiled& rule = m_compiled[index];
        if (result.territory != 0 && (rule.territory == result.territory || m_tree.relatedByIndex(chosenNode, rule.node))) {
            continue;  // nested territories overlap by design (France inside EMEA)
        }
        if (!matches(rule, account)) {
            continue;
        }
        if (result.territory == 0) {
            result.territory = rule.territory;
            result.rule = rule.rule;
            chosenNode = rule.node;
        } else {
            result.conflictWith = rule.territory;
            break;
        }
    }
    return result;
}

AssignmentMove AssignmentMove::reversed() const
{
    AssignmentMove back = *this;
    std::swap(back.fromTerritory, back.toTerritory);
    std::swap(back.fromRep, back.toRep);
    std::swap(back.fromLocked, back.toLocked);
    return back;
}

void AssignmentPlan::recount()
{
    movedRevenue = 0;
    movedAClass = 0;
    repChanges = 0;
    for (const auto& move : moves) {
        movedRevenue += move.revenue;
        movedAClass += move.aClass ? 1 : 0;
        repChanges += move.fromRep != move.toRep ? 1 : 0;
    }
}

AssignmentPlan planAssignment(const std::vector<AccountProfile>& accounts, const TerritoryMatcher& matcher,
                              const TerritoryTree& tree)
{
    AssignmentPlan plan;
    plan.accounts = static_cast<std::int64_t>(accounts.size());
    for (const auto& account : accounts) {
        if (account.locked) {
            ++plan.locked;
            continue;
        }
        const auto match = matcher.match(account);
        if (match.conflictWith != 0) {
            plan.conflicts.push_back({account.id, match.territory, match.conflictWith});
        }
        AssignmentMove move;
        move.customer = account.id;
        move.fromTerritory = account.territory;
        move.fromRep = account.rep;
        move.toTerritory = match.territory;
        move.toRep = account.rep;
        move.revenue = account.revenue;
        move.aClass = account.aClass;
        if (match.territory == 0) {
            plan.unassigned.push_back(account.id);
        } else if (const RepId owner = tree.ownerOf(match.territory); owner != 0) {
            move.toRep = owner;
        }
        if (move.toTerritory != move.fromTerritory || move.toRep != move.fromRep) {
            plan.moves.push_back(move);
        }
    }
    const auto byCustomer = [](const auto& a, const auto& b) { return a.customer < b.customer; };
    if (!std::is_sorted(plan.moves.begin(), plan.moves.end(), byCustomer)) {
        std::sort(plan.moves.begin(), plan.moves.end(), byCustomer);
        std::sort(plan.conflicts.begin(), plan.conflicts.end(), byCustomer);
        std::sort(plan.unassigned.begin(), plan.unassigned.end());
    }
    plan.recount();
    return plan;
}

AssignmentPlan planOverrides(const std::vector<AccountProfile>& accounts, std::vector<AssignmentMove> moves)
{
    AssignmentPlan plan;
    plan.accounts = static_cast<std::int64_t>(accounts.size());
    std::sort(moves.begin(), moves.end(), [](const auto& a, const auto& b) { return a.customer < b.customer; });
    for (auto& move : moves) {
        const auto it = std::lower_bound(accounts.begin(), accounts.end(), move.customer,
                                         [](const AccountProfile& a, CustomerId id) { return a.id < id; });
        if (it == accounts.end() || it->id != move.customer) {
            continue;  // not an account any more
        }
        move.fromTerritory = it->territory;
        move.fromRep = it->rep;
        move.fromLocked = it->locked;
        move.toLocked = true;
        move.revenue = it->revenue;
        move.aClass = it->aClass;
        plan.moves.push_back(move);
    }
    plan.recount();
    return plan;
}

} // namespace cartera::domain
