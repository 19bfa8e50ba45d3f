#include "app/segment_filter_combo.h"

#include "services/segment_service.h"

#include <QSignalBlocker>

namespace cartera::app {

SegmentFilterCombo::SegmentFilterCombo(services::Portfolio& portfolio, QWidget* parent)
    : QComboBox(parent), m_portfolio(portfolio)
{
    setObjectName(QStringLiteral("segmentFilter"));
    setToolTip(tr("Only the customers of a saved segment (Segments view)"));
    reload();
}

void SegmentFilterCombo::reload()
{
    const auto chosen = segmentId();
    {
        const QSignalBlocker blocker(this);
        clear();
        addItem(tr("All segments"));
        if (auto segments = services::SegmentService(m_portfolio).list()) {
            for (const auto& record : segments.value()) {
                addItem(QString::fromStdString(record.name), QVariant::fromValue<qlonglong>(record.id));
            }
        }
        const int index = chosen ? findData(QVariant::fromValue<qlonglong>(*chosen)) : 0;
        setCurrentIndex(index < 0 ? 0 : index);
    }
    if (chosen && !segmentId()) {
        emit currentIndexChanged(0);  // the chosen segment was deleted: the list widens again
    }
}

std::optional<domain::SegmentId> SegmentFilterCombo::segmentId() const
{
    if (currentIndex() <= 0) {
        return std::nullopt;
    }
    return currentData().toLongLong();
}

bool SegmentFilterCombo::selectSegment(domain::SegmentId id)
{
    const int index = findData(QVariant::fromValue<qlonglong>(id));
    if (index < 0) {
        return false;
    }
    setCurrentIndex(index);
    return true;
}

} // namespace cartera::app
