// MainWindow's "Record exit…": kept out of main_window.cpp so that branches touching the window
// merge easily.

#include "app/customer_detail_panel.h"
#include "app/exit_dialog.h"
#include "app/main_window.h"
#include "app/retention_view.h"
#include "services/exit_service.h"
#include "services/portfolio.h"

#include <memory>

namespace cartera::app {

using namespace cartera::domain;

bool MainWindow::recordExit(const CustomerExit& exit)
{
    services::ExitService service(*m_portfolio);
    auto recorded = service.record(exit, Date::today());
    if (!recorded) {
        showError(recorded.error());
        return false;
    }
    const auto saved = std::make_shared<const services::RecordedExit>(recorded.value());
    const auto customer = m_portfolio->customers().find(exit.customerId);
    const QString name = customer ? QString::fromStdString(customer->name) : QString();
    push(saved->exit.outcome == ExitOutcome::Lost ? tr("Record exit of %1").arg(name)
                                                  : tr("Record exit attempt of %1").arg(name),
         [this, saved] { return services::ExitService(*m_portfolio).redoRecord(*saved, Date::today()); },
         [this, saved] { return services::ExitService(*m_portfolio).undoRecord(*saved, Date::today()); });
    if (m_retention->loaded()) {
        m_retention->refresh();
    }
    return true;
}

void MainWindow::recordExitDialog()
{
    const auto customer = m_portfolio->customers().find(m_detail->customerId());
    if (!customer) {
        showError(Error{ErrorCode::InvalidInput, tr("Select the customer who leaves first").toStdString(), {}});
        return;
    }
    services::ExitService service(*m_portfolio);
    CustomerExit proposed;
    proposed.customerId = customer->id;
    proposed.effectiveOn = Date::today();
    proposed.outcome = ExitOutcome::Lost;
    if (auto revenue = service.proposedLostRevenue(customer->id, Date::today())) {
        proposed.lostAnnualRevenue = revenue.value();
    }
    auto reasons = service.reasons(true);
    if (!reasons) {
        showError(reasons.error());
        return;
    }
    ExitDialog dialog(QString::fromStdString(customer->name), proposed, reasons.value(),
                      m_portfolio->settings().currency(), this);
    if (dialog.exec() == QDialog::Accepted) {
        recordExit(dialog.exit());
    }
}

} // namespace cartera::app
