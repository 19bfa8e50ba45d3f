#pragma once

#include "domain/activity.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace cartera::app {

/// Logs or edits an activity: type, date, subject, details.
class ActivityEditor final : public QDialog {
    Q_OBJECT

public:
    ActivityEditor(domain::Activity activity, QWidget* parent = nullptr);
    [[nodiscard]] domain::Activity activity() const;

    QComboBox* typeBox() const { return m_type; }
    QLineEdit* subjectEdit() const { return m_subject; }

private:
    domain::Activity m_original;
    QComboBox* m_type;
    QDateEdit* m_date;
    QLineEdit* m_subject;
    QPlainTextEdit* m_details;
};

/// Label for people of an activity type or status (translated).
QString activityTypeLabel(domain::ActivityType type);
QString activityStatusLabel(domain::ActivityStatus status);

} // namespace cartera::app
