#include "services/pipeline_report.h"

#include <algorithm>
#include <cmath>

namespace cartera::services {

using namespace cartera::domain;
using exchange::Cell;
using exchange::Decimal;
using exchange::ReportTable;

namespace {

Cell percentCell(std::optional<double> value)
{
    if (!value) {
        return std::monostate{};
    }
    return Decimal{std::llround(*value * 10), 1};
}

} // namespace

ReportTable pipelineTable(const std::vector<Stage>& stages, const std::vector<storage::StageSummary>& sums,
                          CurrencyCode currency)
{
    ReportTable table({"stage", "name", "probability_pct", "count", "total", "weighted"});
    for (const auto& sum : sums) {
        const Stage* stage = findStage(stages, sum.stage);
        table.addRow({sum.stage, stage ? stage->name : sum.stage,
                      static_cast<std::int64_t>(stage ? stage->probabilityPercent : 0), sum.count,
                      Money{sum.total, currency}, Money{sum.weighted, currency}});
    }
    return table;
}

ReportTable opportunityTable(const std::vector<storage::OpportunityRow>& rows, const std::vector<Stage>& stages)
{
    ReportTable table({"id", "account", "account_name", "title", "stage", "probability_pct", "amount", "expected_close",
                       "owner", "category", "next_step", "closed_on", "lost_reason"});
    for (const auto& row : rows) {
        const auto& o = row.opportunity;
        const Stage* stage = findStage(stages, o.stage);
        table.addRow({o.id, row.customerCode, row.customerName, o.title, o.stage,
                      static_cast<std::int64_t>(stage ? effectiveProbability(o, *stage) : 0), o.amount,
                      o.expectedClose, row.ownerName, std::string(kForecastCategoryCodes.code(o.category)), o.nextStep,
                      o.closedOn ? Cell(*o.closedOn) : Cell(std::monostate{}), o.lostReason});
    }
    return table;
}

ReportTable forecastTable(const Forecast& forecast, CurrencyCode currency)
{
    ReportTable table({"key", "name", "open", "pipeline_total", "weighted", "commit", "best_case", "pipeline",
                       "omitted", "won", "commit_forecast", "best_case_forecast", "target", "attainment_pct"});
    auto add = [&](const ForecastRow& r) {
        table.addRow({r.key, r.label, r.openCount, Money{r.pipelineTotal, currency}, Money{r.weighted, currency},
                      Money{r.commit, currency}, Money{r.bestCase, currency}, Money{r.pipeline, currency},
                      Money{r.omitted, currency}, Money{r.won, currency}, Money{r.commitForecast(), currency},
                      Money{r.bestCaseForecast(), currency}, Money{r.target, currency},
                      percentCell(r.attainmentPercent())});
    };
    for (const auto& row : forecast.table.rows) {
        add(row);
    }
    add(forecast.table.total);
    return table;
}

ReportTable winLossTable(const std::vector<WinLossRow>& rows, const std::string& keyName, CurrencyCode currency)
{
    ReportTable table({keyName, "won", "lost", "win_rate_pct", "won_amount", "average_deal", "average_cycle_days"});
    for (const auto& r : rows) {
        table.addRow({r.key, r.won, r.lost, percentCell(r.won + r.lost > 0 ? std::optional<double>(r.winRatePercent()) : std::nullopt),
                      Money{r.wonAmount, currency}, Money{r.averageDeal(), currency},
                      Decimal{std::llround(r.averageCycleDays() * 10), 1}});
    }
    return table;
}

ReportTable conversionTable(const std::vector<StageConversion>& rows)
{
    ReportTable table({"stage", "reached", "went_further", "conversion_pct"});
    for (const auto& r : rows) {
        table.addRow({r.stage, r.reached, r.advanced,
                       percentCell(r.reached > 0 ? std::optional<double>(r.percent()) : std::nullopt)});
    }
    return table;
}

ReportTable lostReasonTable(const std::map<std::string, std::int64_t>& reasons)
{
    ReportTable table({"lost_reason", "deals"});
    for (const auto& [reason, count] : reasons) {
        table.addRow({reason, count});
    }
    return table;
}

ReportTable comparisonTable(const ForecastComparison& c, CurrencyCode currency)
{
    ReportTable table({"key", "name", "snapshot_weighted", "snapshot_commit_forecast", "snapshot_won", "won_now",
                       "target", "attainment_pct"});
    std::vector<ForecastRow> now = c.actual.rows;
    now.push_back(c.actual.total);
    for (const auto& saved : c.snapshot.rows) {
        const auto it = std::find_if(now.begin(), now.end(), [&](const ForecastRow& r) { return r.key == saved.key; });
        const ForecastRow current = it == now.end() ? ForecastRow{} : *it;
        table.addRow({saved.key, saved.label, Money{saved.weighted, currency}, Money{saved.commitForecast(), currency},
                      Money{saved.won, currency}, Money{current.won, currency}, Money{current.target, currency},
                      percentCell(current.attainmentPercent())});
    }
    return table;
}

} // namespace cartera::services
