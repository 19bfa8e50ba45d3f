#include "services/territory_report.h"

#include <map>

namespace cartera::services {

using namespace cartera::domain;
using exchange::Cell;
using exchange::Decimal;

namespace {

Cell growthCell(const CoverageRow& row)
{
    const auto growth = row.growthBasisPoints();
    return growth ? Cell{Decimal{*growth, 2}} : Cell{std::monostate{}};
}

Cell percentCell(std::int64_t part, std::int64_t whole)
{
    if (whole <= 0) {
        return std::monostate{};
    }
    // Percent with one decimal, rounded half up.
    return Decimal{(part * 1000 + whole / 2) / whole, 1};
}

void addFigures(std::vector<Cell>& cells, const CoverageRow& row, const CurrencyCode& currency)
{
    cells.emplace_back(row.accounts);
    cells.emplace_back(row.aAccounts);
    cells.emplace_back(Money{row.revenue, currency});
    cells.emplace_back(Money{row.margin, currency});
    cells.push_back(growthCell(row));
    cells.emplace_back(row.openClaims);
    cells.emplace_back(row.withoutContact);
    cells.emplace_back(row.multiChannel);
}

std::vector<std::string> figureColumns(std::vector<std::string> head)
{
    for (const char* c : {"accounts", "a_accounts", "revenue", "margin", "growth_pct", "open_claims", "without_contact",
                          "multi_channel"}) {
        head.emplace_back(c);
    }
    return head;
}

} // namespace

std::string repCode(const std::vector<SalesRep>& reps, RepId id)
{
    for (const auto& rep : reps) {
        if (rep.id == id) {
            return rep.code;
        }
    }
    return id == 0 ? "-" : std::to_string(id);
}

std::string territoryLabel(const TerritorySet& set, TerritoryId id)
{
    return id == 0 ? std::string("(unassigned)") : territoryPath(id, set.territories);
}

exchange::ReportTable territoryListTable(const TerritorySet& set, const std::vector<SalesRep>& reps,
                                         const std::vector<std::pair<TerritoryId, std::int64_t>>& accounts)
{
    exchange::ReportTable table({"id", "territory", "owner", "overlays", "accounts", "rules"});
    std::map<TerritoryId, std::int64_t> counts(accounts.begin(), accounts.end());
    for (const auto& t : set.territories) {
        std::string overlays;
        for (const auto rep : t.overlayRepIds) {
            overlays += (overlays.empty() ? "" : " ") + repCode(reps, rep);
        }
        std::string rules;
        for (const auto& r : set.rules) {
            if (r.territoryId == t.id) {
                rules += (rules.empty() ? "" : "; ") + std::to_string(r.priority) + ": " + describeRule(r);
            }
        }
        table.addRow({t.id, territoryPath(t.id, set.territories), t.ownerRepId ? repCode(reps, *t.ownerRepId) : std::string(),
                      overlays, counts.count(t.id) != 0 ? counts[t.id] : std::int64_t{0}, rules});
    }
    return table;
}

exchange::ReportTable realignmentTable(const Realignment& realignment, const std::vector<SalesRep>& reps,
                                       const std::vector<storage::CustomerLabel>& labels, const CurrencyCode& currency)
{
    exchange::ReportTable table({"code", "name", "from_territory", "to_territory", "from_rep", "to_rep", "revenue",
                                 "a_class", "locked"});
    const auto& moves = realignment.plan.moves;
    for (std::size_t i = 0; i < moves.size(); ++i) {
        const auto& m = moves[i];
        const std::string code = i < labels.size() ? labels[i].code : std::to_string(m.customer);
        const std::string name = i < labels.size() ? labels[i].name : std::string();
        table.addRow({code, name, territoryLabel(realignment.before, m.fromTerritory),
                      territoryLabel(realignment.after, m.toTerritory), repCode(reps, m.fromRep), repCode(reps, m.toRep),
                      Money{m.revenue, currency}, std::string(m.aClass ? "A" : ""), std::string(m.toLocked ? "locked" : "")});
    }
    return table;
}

exchange::ReportTable multiChannelTable(const CoverageResult& result, const std::vector<storage::CustomerLabel>& labels)
{
    exchange::ReportTable table({"code", "name", "channel", "also_through", "territory"});
    const auto channelName = [](int channel) { return std::string(kSalesChannelCodes.code(static_cast<SalesChannel>(channel))); };
    const auto& flagged = result.channels.multiChannel;
    for (std::size_t i = 0; i < flagged.size() && i < labels.size(); ++i) {
        std::string others;
        for (int c = 0; c < 4; ++c) {
            if ((flagged[i].otherChannels & (1U << static_cast<unsigned>(c))) != 0) {
                others += (others.empty() ? "" : " ") + channelName(c);
            }
        }
        table.addRow({labels[i].code, labels[i].name, channelName(flagged[i].channel), others,
                      territoryLabel(result.territories, flagged[i].territory)});
    }
    return table;
}

exchange::ReportTable coverageTable(const CoverageResult& result, CoverageLevel level, const CurrencyCode& currency)
{
    switch (level) {
    case CoverageLevel::Rep: {
        auto columns = figureColumns({"rep", "name", "team"});
        for (const char* c : {"capacity_accounts", "account_load_pct", "capacity_revenue", "revenue_load_pct"}) {
            columns.emplace_back(c);
        }
        exchange::ReportTable table(columns);
        for (const auto& row : result.coverage.byRep) {
            const SalesRep* rep = nullptr;
            for (const auto& r : result.reps) {
                if (r.id == row.key) {
                    rep = &r;
                }
            }
            std::vector<Cell> cells{repCode(result.reps, row.key), rep ? rep->name : std::string("(no owner)"),
                                    rep ? rep->team : std::string()};
            addFigures(cells, row, currency);
            if (rep && rep->capacityAccounts) {
                cells.emplace_back(*rep->capacityAccounts);
                cells.push_back(percentCell(row.accounts, *rep->capacityAccounts));
            } else {
                cells.emplace_back(std::monostate{});
                cells.emplace_back(std::monostate{});
            }
            if (rep && rep->capacityRevenue) {
                cells.emplace_back(Money{*rep->capacityRevenue, currency});
                cells.push_back(percentCell(row.revenue, *rep->capacityRevenue));
            } else {
                cells.emplace_back(std::monostate{});
                cells.emplace_back(std::monostate{});
            }
            table.addRow(std::move(cells));
        }
        return table;
    }
    case CoverageLevel::Territory: {
        exchange::ReportTable table(figureColumns({"territory", "owner"}));
        for (const auto& row : result.coverage.byTerritory) {
            const auto* t = result.territories.find(row.key);
            std::vector<Cell> cells{territoryLabel(result.territories, row.key),
                                    t && t->ownerRepId ? repCode(result.reps, *t->ownerRepId) : std::string()};
            addFigures(cells, row, currency);
            table.addRow(std::move(cells));
        }
        return table;
    }
    case CoverageLevel::Channel: {
        exchange::ReportTable table(figureColumns({"channel"}));
        for (const auto& row : result.channels.byChannel) {
            std::vector<Cell> cells{std::string(kSalesChannelCodes.code(static_cast<SalesChannel>(row.key)))};
            addFigures(cells, row, currency);
            table.addRow(std::move(cells));
        }
        return table;
    }
    case CoverageLevel::ChannelTerritory: {
        exchange::ReportTable table(figureColumns({"channel", "territory"}));
        for (std::size_t c = 0; c < result.channels.byChannelAndTerritory.size(); ++c) {
            for (const auto& row : result.channels.byChannelAndTerritory[c]) {
                std::vector<Cell> cells{std::string(kSalesChannelCodes.code(static_cast<SalesChannel>(c))),
                                        territoryLabel(result.territories, row.key)};
                addFigures(cells, row, currency);
                table.addRow(std::move(cells));
            }
        }
        return table;
    }
    }
    return exchange::ReportTable({});
}

} // namespace cartera::services
