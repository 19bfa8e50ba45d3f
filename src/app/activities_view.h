#pragma once

#include "domain/activity_filter.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QTableView;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

class ActivityTableModel;

/// The Activities view: every account's calls, meetings, orders, claims and requests in one log,
/// newest first, narrowed by type, lifecycle stage, period and owner ("My activities" by default
/// when the app has a current user).
class ActivitiesView final : public QWidget {
    Q_OBJECT

public:
    ActivitiesView(services::Portfolio& portfolio, int responseTargetDays, QWidget* parent = nullptr);

    /// The rep using the app, for the "My activities" scope; none shows everyone's.
    void setCurrentUser(std::optional<domain::RepId> rep);
    void setResponseTargetDays(int days);
    /// Reads the log again (after a change elsewhere).
    void reload();

    [[nodiscard]] ActivityTableModel* model() const { return m_model; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] QComboBox* typeFilter() const { return m_type; }
    [[nodiscard]] QComboBox* progressFilter() const { return m_progress; }
    [[nodiscard]] QComboBox* periodFilter() const { return m_period; }
    [[nodiscard]] QComboBox* scopeFilter() const { return m_scope; }

signals:
    /// The selected activity's account, to show its detail.
    void customerSelected(domain::CustomerId id);

private:
    void applyFilter();

    ActivityTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QComboBox* m_type = nullptr;
    QComboBox* m_progress = nullptr;
    QComboBox* m_period = nullptr;
    QComboBox* m_scope = nullptr;
    QLabel* m_shown = nullptr;
    std::optional<domain::RepId> m_currentUser;
};

} // namespace cartera::app
