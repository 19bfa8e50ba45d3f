#pragma once

#include "domain/at_risk.h"
#include "domain/churn.h"
#include "domain/money.h"
#include "domain/retention_facts.h"
#include "domain/sales_rep.h"
#include "exchange/report_table.h"
#include "storage/customer_repository.h"
#include "storage/exit_repository.h"

#include <string>
#include <vector>

namespace cartera::services {

/// The name a churn group is shown under: a rep's name, a channel code, a class letter, a
/// reason's label; "(none)" for accounts without one, "all" for the whole portfolio.
std::string churnGroupLabel(domain::ChurnDimension dimension, std::int64_t group,
                            const std::vector<domain::SalesRep>& reps, const std::vector<domain::ExitReason>& reasons);

/// Tables the CLI writes (and the app exports): one row per line of the analysis, rates as
/// percentages with two decimals, money in the portfolio currency.
exchange::ReportTable churnReport(const std::vector<domain::ChurnRow>& rows, domain::ChurnDimension dimension,
                                  const std::vector<domain::SalesRep>& reps,
                                  const std::vector<domain::ExitReason>& reasons, domain::CurrencyCode currency);
exchange::ReportTable cohortReport(const std::vector<domain::CohortRow>& rows);
exchange::ReportTable satisfactionReport(const std::vector<domain::SatisfactionRow>& rows,
                                         const std::vector<domain::SalesRep>& reps);
exchange::ReportTable atRiskReport(const std::vector<domain::AtRiskEntry>& entries,
                                   const std::vector<storage::CustomerLabel>& labels, domain::CurrencyCode currency);
exchange::ReportTable exitReport(const std::vector<storage::ExitListRow>& exits, domain::CurrencyCode currency);

} // namespace cartera::services
