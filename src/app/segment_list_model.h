#pragma once

#include "storage/segment_repository.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace cartera::app {

/// The saved segments: name, kind, member count (filled in when counted) and last change.
class SegmentListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Name,
        Kind,
        Members,
        Updated,
        Count
    };
    static constexpr int kSegmentIdRole = Qt::UserRole + 1;

    explicit SegmentListModel(QObject* parent = nullptr);

    /// Replaces the list; counts are unknown until setCount.
    void setSegments(std::vector<storage::SegmentRecord> segments);
    /// Shows a segment's member count (a count for a segment no longer listed is ignored).
    void setCount(domain::SegmentId id, std::int64_t count);

    [[nodiscard]] const storage::SegmentRecord* segmentAt(int row) const;
    [[nodiscard]] int rowOf(domain::SegmentId id) const;
    [[nodiscard]] std::optional<std::int64_t> countOf(domain::SegmentId id) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        storage::SegmentRecord record;
        std::optional<std::int64_t> count;
    };
    std::vector<Row> m_rows;
};

} // namespace cartera::app
