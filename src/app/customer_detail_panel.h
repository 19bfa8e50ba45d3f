#pragma once

#include "domain/customer.h"

#include <QWidget>

class QTextBrowser;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

/// The right-hand pane: the selected account's key figures, contacts and latest orders.
class CustomerDetailPanel final : public QWidget {
    Q_OBJECT

public:
    explicit CustomerDetailPanel(services::Portfolio& portfolio, QWidget* parent = nullptr);

    /// Shows the customer, or the empty state for 0.
    void showCustomer(domain::CustomerId id);

private:
    services::Portfolio& m_portfolio;
    QTextBrowser* m_view;
};

} // namespace cartera::app
