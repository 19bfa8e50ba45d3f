#include "domain/coverage.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace cartera::domain {

std::optional<std::int64_t> CoverageRow::growthBasisPoints() const
{
    if (priorRevenue <= 0) {
        return std::nullopt;
    }
    const double ratio = static_cast<double>(revenue - priorRevenue) / static_cast<double>(priorRevenue);
    return static_cast<std::int64_t>(std::llround(ratio * 10000.0));
}

void CoverageRow::add(const CoverageAccount& account)
{
    ++accounts;
    aAccounts += account.aClass ? 1 : 0;
    buyingAccounts += account.revenue > 0 ? 1 : 0;
    revenue += account.revenue;
    margin += account.revenue - account.cost;
    priorRevenue += account.priorRevenue;
    openClaims += account.openClaims;
    withoutContact += account.contactedRecently ? 0 : 1;
    multiChannel += account.otherChannels != 0 ? 1 : 0;
}

std::optional<double> coefficientOfVariation(const std::vector<std::int64_t>& values)
{
    if (values.size() < 2) {
        return std::nullopt;
    }
    double sum = 0;
    for (const auto v : values) {
        sum += static_cast<double>(v);
    }
    const double mean = sum / static_cast<double>(values.size());
    if (mean <= 0) {
        return std::nullopt;
    }
    double squares = 0;
    for (const auto v : values) {
        const double d = static_cast<double>(v) - mean;
        squares += d * d;
    }
    return std::sqrt(squares / static_cast<double>(values.size())) / mean;
}

std::vector<RepId> balancedReps(const std::vector<SalesRep>& reps, const std::vector<Territory>& territories,
                                const std::vector<CoverageAccount>& accounts)
{
    std::set<RepId> working;
    for (const auto& t : territories) {
        if (t.ownerRepId) {
            working.insert(*t.ownerRepId);
        }
    }
    for (const auto& a : accounts) {
        if (a.rep != 0) {
            working.insert(a.rep);
        }
    }
    std::vector<RepId> out;
    for (const auto& rep : reps) {
        if (rep.active && working.count(rep.id) != 0) {
            out.push_back(rep.id);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

CoverageReport buildCoverage(const std::vector<CoverageAccount>& accounts, const std::vector<SalesRep>& reps,
                             const std::vector<Territory>& territories)
{
    std::map<std::int64_t, CoverageRow> byRep;
    std::map<std::int64_t, CoverageRow> byTerritory;
    for (const auto& rep : reps) {
        if (rep.active) {
            byRep[rep.id].key = rep.id;
        }
    }
    for (const auto& t : territories) {
        byTerritory[t.id].key = t.id;
    }
    CoverageReport report;
    for (const auto& a : accounts) {
        auto& rep = byRep[a.rep];
        rep.key = a.rep;
        rep.add(a);
        auto& territory = byTerritory[a.territory];
        territory.key = a.territory;
        territory.add(a);
        report.total.add(a);
    }
    for (auto& [key, row] : byRep) {
        report.byRep.push_back(row);
    }
    for (auto& [key, row] : byTerritory) {
        report.byTerritory.push_back(row);
    }
    std::vector<std::int64_t> revenues;
    for (const RepId id : balancedReps(reps, territories, accounts)) {
        revenues.push_back(byRep[id].revenue);
    }
    report.balanceIndex = coefficientOfVariation(revenues);
    return report;
}

std::vector<AssignmentMove> suggestBalancingMoves(const std::vector<CoverageAccount>& accounts,
                                                  const std::vector<RepId>& reps,
                                                  const std::vector<Territory>& territories, int maxMoves)
{
    std::vector<AssignmentMove> moves;
    if (reps.size() < 2 || maxMoves <= 0) {
        return moves;
    }
    std::unordered_map<RepId, TerritoryId> home;  // the first territory (by id) each rep owns
    for (const auto& t : territories) {
        if (t.ownerRepId) {
            auto [it, added] = home.emplace(*t.ownerRepId, t.id);
            if (!added && t.id < it->second) {
                it->second = t.id;
            }
        }
    }
    std::unordered_map<RepId, std::int64_t> revenue;
    std::unordered_map<RepId, std::vector<const CoverageAccount*>> book;
    for (const RepId rep : reps) {
        revenue[rep] = 0;
    }
    for (const auto& a : accounts) {
        if (revenue.count(a.rep) == 0) {
            continue;
        }
        revenue[a.rep] += a.revenue;
        if (!a.locked && !a.aClass && a.revenue > 0) {
            book[a.rep].push_back(&a);
        }
    }
    std::set<CustomerId> moved;
    for (int n = 0; n < maxMoves; ++n) {
        // Only a rep who owns a territory can receive: the account needs one.
        RepId low = 0;
        for (const RepId rep : reps) {
            if (home.count(rep) != 0 && (low == 0 || revenue[rep] < revenue[low])) {
                low = rep;
            }
        }
        if (low == 0) {
            break;
        }
        // From the rep with the most revenue; when none of that rep's accounts may move or narrow
        // the gap (a manager's book of class-A accounts), from the next one down.
        std::vector<RepId> givers(reps.begin(), reps.end());
        std::sort(givers.begin(), givers.end(), [&](RepId a, RepId b) {
            return revenue[a] != revenue[b] ? revenue[a] > revenue[b] : a < b;
        });
        const CoverageAccount* best = nullptr;
        RepId high = 0;
        for (const RepId giver : givers) {
            if (revenue[giver] <= revenue[low]) {
                break;
            }
            const std::int64_t gap = revenue[giver] - revenue[low];
            // Moving r narrows the gap to |gap - 2r|: best when r is nearest gap / 2, useless at r >= gap.
            for (const auto* a : book[giver]) {
                if (a->revenue >= gap || moved.count(a->id) != 0) {
                    continue;
                }
                if (best == nullptr || std::llabs(gap - 2 * a->revenue) < std::llabs(gap - 2 * best->revenue) ||
                    (std::llabs(gap - 2 * a->revenue) == std::llabs(gap - 2 * best->revenue) && a->id < best->id)) {
                    best = a;
                }
            }
            if (best != nullptr) {
                high = giver;
                break;
            }
        }
        if (best == nullptr) {
            break;
        }
        AssignmentMove move;
        move.customer = best->id;
        move.toTerritory = home[low];
        move.toRep = low;
        move.toLocked = true;
        moves.push_back(move);
        moved.insert(best->id);
        revenue[high] -= best->revenue;
        revenue[low] += best->revenue;
    }
    return moves;
}

ChannelReport buildChannelReport(const std::vector<CoverageAccount>& accounts)
{
    constexpr int kChannels = 4;
    ChannelReport report;
    report.byChannel.resize(kChannels);
    std::vector<std::map<TerritoryId, CoverageRow>> cells(kChannels);
    for (int c = 0; c < kChannels; ++c) {
        report.byChannel[static_cast<std::size_t>(c)].key = c;
    }
    for (const auto& a : accounts) {
        const auto c = static_cast<std::size_t>(std::clamp<int>(a.channel, 0, kChannels - 1));
        report.byChannel[c].add(a);
        auto& cell = cells[c][a.territory];
        cell.key = a.territory;
        cell.add(a);
        if (a.otherChannels != 0) {
            report.multiChannel.push_back({a.id, a.channel, a.otherChannels, a.territory});
        }
    }
    report.byChannelAndTerritory.resize(kChannels);
    for (std::size_t c = 0; c < kChannels; ++c) {
        for (auto& [key, row] : cells[c]) {
            report.byChannelAndTerritory[c].push_back(row);
        }
    }
    return report;
}

} // namespace cartera::domain
