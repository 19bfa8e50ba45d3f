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
    /// Shows the current customer again (after a change).
    void refresh() { showCustomer(m_customerId); }
    [[nodiscard]] domain::CustomerId customerId() const { return m_customerId; }
    /// The text shown, for tests.
    [[nodiscard]] QString plainText() const;

signals:
    void logActivityRequested();
    /// action: edit, progress, resolve, close, reopen, delete.
    void activityActionRequested(qlonglong activityId, const QString& action);

private:
    void onLink(const QUrl& url);

    domain::CustomerId m_customerId = 0;
    services::Portfolio& m_portfolio;
    QTextBrowser* m_view;
};

} // namespace cartera::app
