#include "services/retention_report.h"

#include "services/retention_service.h"

namespace cartera::services {

using namespace cartera::domain;
using exchange::Decimal;
using exchange::ReportTable;

std::string churnGroupLabel(ChurnDimension dimension, std::int64_t group, const std::vector<SalesRep>& reps,
                            const std::vector<ExitReason>& reasons)
{
    switch (dimension) {
    case ChurnDimension::None:
        return "all";
    case ChurnDimension::Rep:
        for (const auto& rep : reps) {
            if (rep.id == group) {
                return rep.name;
            }
        }
        return "(none)";
    case ChurnDimension::Channel:
        return std::string(kSalesChannelCodes.code(static_cast<SalesChannel>(group)));
    case ChurnDimension::AbcClass:
        return group == 0 ? "(none)" : std::string(1, static_cast<char>(group));
    case ChurnDimension::Reason:
        for (const auto& reason : reasons) {
            if (reason.id == group) {
                return reason.label;
            }
        }
        return "(none)";
    }
    return {};
}

ReportTable churnReport(const std::vector<ChurnRow>& rows, ChurnDimension dimension, const std::vector<SalesRep>& reps,
                        const std::vector<ExitReason>& reasons, CurrencyCode currency)
{
    ReportTable table({"period", std::string(kChurnDimensionCodes.code(dimension)), "customers_at_start", "churned",
                       "customer_churn_pct", "revenue_base", "lost_revenue", "revenue_churn_pct"});
    for (const auto& row : rows) {
        table.addRow({row.period, churnGroupLabel(dimension, row.group, reps, reasons), row.customersAtStart, row.churned,
                      Decimal{row.customerChurnBp(), 2}, Money{row.revenueBase, currency},
                      Money{row.lostRevenue, currency}, Decimal{row.revenueChurnBp(), 2}});
    }
    return table;
}

ReportTable cohortReport(const std::vector<CohortRow>& rows)
{
    std::size_t years = 0;
    for (const auto& row : rows) {
        years = std::max(years, row.ordering.size());
    }
    std::vector<std::string> columns{"cohort", "customers"};
    for (std::size_t k = 0; k < years; ++k) {
        columns.push_back("year_" + std::to_string(k) + "_pct");
    }
    ReportTable table(std::move(columns));
    for (const auto& row : rows) {
        std::vector<exchange::Cell> cells{std::to_string(row.year), row.size};  // a label, not a quantity
        for (std::size_t k = 0; k < years; ++k) {
            if (k < row.ordering.size()) {
                cells.emplace_back(Decimal{row.retainedBp(k), 2});
            } else {
                cells.emplace_back(std::monostate{});
            }
        }
        table.addRow(std::move(cells));
    }
    return table;
}

ReportTable satisfactionReport(const std::vector<SatisfactionRow>& rows, const std::vector<SalesRep>& reps)
{
    ReportTable table({"period", "rep", "csat_answers", "csat_average", "nps_answers", "nps"});
    for (const auto& row : rows) {
        std::string rep = row.rep == 0 ? "(none)" : churnGroupLabel(ChurnDimension::Rep, row.rep, reps, {});
        table.addRow({row.period, rep, row.csatAnswers,
                      row.csatAnswers > 0 ? exchange::Cell(Decimal{row.csatAverageX100(), 2}) : exchange::Cell{},
                      row.npsAnswers, row.npsAnswers > 0 ? exchange::Cell(row.nps()) : exchange::Cell{}});
    }
    return table;
}

ReportTable atRiskReport(const std::vector<AtRiskEntry>& entries, const std::vector<storage::CustomerLabel>& labels,
                         CurrencyCode currency)
{
    ReportTable table({"code", "name", "score", "revenue_last_12", "revenue_prior_12", "months_since_order", "reasons"});
    for (std::size_t i = 0; i < entries.size() && i < labels.size(); ++i) {
        const auto& e = entries[i];
        table.addRow({labels[i].code, labels[i].name, static_cast<std::int64_t>(e.score), Money{e.revenueLast12, currency},
                      Money{e.revenuePrior12, currency}, static_cast<std::int64_t>(e.monthsSinceOrder),
                      describeSignals(e)});
    }
    return table;
}

ReportTable exitReport(const std::vector<storage::ExitListRow>& exits, CurrencyCode currency)
{
    ReportTable table({"code", "name", "type", "reason", "competitor", "notice_on", "effective_on",
                       "lost_annual_revenue", "outcome", "won_back_on", "retention_actions"});
    for (const auto& row : exits) {
        const auto& e = row.exit;
        table.addRow({row.customerCode, row.customerName, std::string(kExitTypeCodes.code(e.type)), row.reasonLabel,
                      e.competitor, e.noticeOn ? exchange::Cell(*e.noticeOn) : exchange::Cell{}, e.effectiveOn,
                      Money{e.lostAnnualRevenue, currency}, std::string(kExitOutcomeCodes.code(e.outcome)),
                      e.wonBackOn ? exchange::Cell(*e.wonBackOn) : exchange::Cell{}, e.retentionActions});
    }
    return table;
}

} // namespace cartera::services
