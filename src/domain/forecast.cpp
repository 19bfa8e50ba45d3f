#include "domain/forecast.h"

#include <algorithm>
#include <charconv>

namespace cartera::domain {

namespace {

std::optional<int> digits(std::string_view text)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

} // namespace

Result<MonthRange> parseForecastPeriod(std::string_view text)
{
    // "2026Q4", "2026-Q4", "2026-q4"
    if (text.size() >= 6 && (text[text.size() - 2] == 'Q' || text[text.size() - 2] == 'q')) {
        auto yearText = text.substr(0, 4);
        const auto middle = text.substr(4, text.size() - 6);
        const auto year = digits(yearText);
        const int quarter = text.back() - '0';
        if (year && (middle.empty() || middle == "-") && quarter >= 1 && quarter <= 4) {
            const int first = *year * 100 + (quarter - 1) * 3 + 1;
            return MonthRange::between(first, first + 2);
        }
    } else if (const auto month = MonthRange::parseMonth(text)) {
        return MonthRange::between(*month, *month);
    }
    return invalidInput("\"" + std::string(text) + "\" is not a period: give a quarter (2026Q4 or 2026-Q4) or a month (2026-03)",
                        "period");
}

MonthRange quarterOf(Date date)
{
    const int first = date.year() * 100 + static_cast<int>((date.month() - 1) / 3 * 3 + 1);
    return MonthRange::between(first, first + 2).value();
}

ForecastTable summariseForecast(const std::vector<ForecastFact>& facts, const std::vector<ForecastRep>& reps,
                                const std::map<RepId, std::int64_t>& targets, ForecastGrouping grouping)
{
    std::map<RepId, const ForecastRep*> byId;
    for (const auto& rep : reps) {
        byId[rep.id] = &rep;
    }
    std::map<std::string, ForecastRow> rows;
    auto rowFor = [&](RepId repId) -> ForecastRow& {
        const auto it = byId.find(repId);
        std::string key;
        std::string label;
        if (it != byId.end()) {
            key = grouping == ForecastGrouping::Rep ? it->second->code : it->second->team;
            label = grouping == ForecastGrouping::Rep ? it->second->name : it->second->team;
        }
        auto& row = rows[key];
        row.key = key;
        row.label = label;
        return row;
    };
    for (const auto& f : facts) {
        auto& row = rowFor(f.repId);
        switch (f.outcome) {
        case StageOutcome::Won:
            row.won += f.amountMinor;
            ++row.wonCount;
            break;
        case StageOutcome::Lost:
            ++row.lostCount;
            break;
        case StageOutcome::Open:
            ++row.openCount;
            row.pipelineTotal += f.amountMinor;
            row.weighted += weightedAmount(f.amountMinor, f.probabilityPercent);
            switch (f.category) {
            case ForecastCategory::Commit: row.commit += f.amountMinor; break;
            case ForecastCategory::BestCase: row.bestCase += f.amountMinor; break;
            case ForecastCategory::Pipeline: row.pipeline += f.amountMinor; break;
            case ForecastCategory::Omitted: row.omitted += f.amountMinor; break;
            }
            break;
        }
    }
    for (const auto& [repId, target] : targets) {
        rowFor(repId).target += target;
    }
    ForecastTable table;
    table.total.key = "total";
    table.total.label = "Total";
    for (auto& [key, row] : rows) {
        auto& t = table.total;
        t.openCount += row.openCount;
        t.pipelineTotal += row.pipelineTotal;
        t.weighted += row.weighted;
        t.commit += row.commit;
        t.bestCase += row.bestCase;
        t.pipeline += row.pipeline;
        t.omitted += row.omitted;
        t.won += row.won;
        t.wonCount += row.wonCount;
        t.lostCount += row.lostCount;
        t.target += row.target;
        table.rows.push_back(std::move(row));
    }
    return table;
}

std::vector<WinLossRow> winLossBy(const std::vector<ClosedDeal>& deals,
                                  const std::function<std::string(const ClosedDeal&)>& key)
{
    std::map<std::string, WinLossRow> rows;
    WinLossRow total;
    total.key = "total";
    for (const auto& d : deals) {
        for (WinLossRow* row : {&rows[key(d)], &total}) {
            if (d.won) {
                ++row->won;
                row->wonAmount += d.amountMinor;
            } else {
                ++row->lost;
            }
            row->cycleDaysTotal += d.cycleDays;
        }
    }
    std::vector<WinLossRow> out;
    for (auto& [k, row] : rows) {
        row.key = k;
        out.push_back(row);
    }
    out.push_back(total);
    return out;
}

std::vector<StageConversion> stageConversion(const std::vector<Stage>& stages,
                                             const std::vector<std::pair<int, bool>>& furthestPositionAndWon)
{
    std::vector<StageConversion> out;
    for (const auto& stage : stages) {
        if (stage.outcome != StageOutcome::Open) {
            continue;
        }
        StageConversion c;
        c.stage = stage.code;
        for (const auto& [furthest, won] : furthestPositionAndWon) {
            if (won || furthest >= stage.position) {
                ++c.reached;
                if (won || furthest > stage.position) {
                    ++c.advanced;
                }
            }
        }
        out.push_back(c);
    }
    return out;
}

} // namespace cartera::domain
