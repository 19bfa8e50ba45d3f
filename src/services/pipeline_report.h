#pragma once

#include "domain/money.h"
#include "domain/opportunity.h"
#include "exchange/report_table.h"
#include "services/forecast_service.h"
#include "storage/opportunity_repository.h"

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

} // namespace cartera::services
