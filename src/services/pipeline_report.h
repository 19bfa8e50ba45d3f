#pragma once

#include "domain/money.h"
#include "domain/opportunity.h"
#include "exchange/report_table.h"
#include "services/forecast_service.h"
#include "storage/opportunity_repository.h"

#include <map>
#include <string>
#include <vector>

namespace cartera::services {

/// One row per stage: count, total, weighted total (`cartera-cli pipeline`).
exchange::ReportTable pipelineTable(const std::vector<domain::Stage>& stages,
                                    const std::vector<storage::StageSummary>& sums, domain::CurrencyCode currency);
/// One row per opportunity (`cartera-cli opportunity list`).
exchange::ReportTable opportunityTable(const std::vector<storage::OpportunityRow>& rows,
                                       const std::vector<domain::Stage>& stages);
/// One row per rep or team and a total: weighted pipeline, categories, won, target, attainment;
/// then the projection when there is one (`cartera-cli forecast`).
exchange::ReportTable forecastTable(const Forecast& forecast, domain::CurrencyCode currency);

/// Win rate, average won deal and sales cycle per rep or source, a total last
/// (`cartera-cli pipeline --win-loss rep|source`).
exchange::ReportTable winLossTable(const std::vector<domain::WinLossRow>& rows, const std::string& keyName,
                                   domain::CurrencyCode currency);
/// Of the deals that reached each open stage, how many went further (`--conversion`).
exchange::ReportTable conversionTable(const std::vector<domain::StageConversion>& rows);
/// Lost deals per reason (`--lost-reasons`).
exchange::ReportTable lostReasonTable(const std::map<std::string, std::int64_t>& reasons);
/// A saved forecast against the same period now, per row (`cartera-cli forecast --compare ID`).
exchange::ReportTable comparisonTable(const ForecastComparison& comparison, domain::CurrencyCode currency);

} // namespace cartera::services
