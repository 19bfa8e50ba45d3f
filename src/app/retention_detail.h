#pragma once

#include "domain/customer.h"

#include <QString>

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

/// The detail pane's retention sections for a customer (HTML): its exits, and the categories
/// customers of its industry buy and it does not, with the evidence (docs/retention.md).
QString retentionDetailHtml(services::Portfolio& portfolio, domain::CustomerId id);

} // namespace cartera::app
