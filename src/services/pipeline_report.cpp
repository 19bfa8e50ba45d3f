#include "services/pipeline_report.h"

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

} // namespace cartera::services
