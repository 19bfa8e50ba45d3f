#include "app/segment_list_model.h"

#include <QDate>
#include <QLocale>

namespace cartera::app {

using namespace cartera::domain;

SegmentListModel::SegmentListModel(QObject* parent) : QAbstractTableModel(parent) {}

void SegmentListModel::setSegments(std::vector<storage::SegmentRecord> segments)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(segments.size());
    for (auto& record : segments) {
        m_rows.push_back(Row{std::move(record), std::nullopt});
    }
    endResetModel();
}

void SegmentListModel::setCount(SegmentId id, std::int64_t count)
{
    const int row = rowOf(id);
    if (row < 0) {
        return;
    }
    m_rows[static_cast<std::size_t>(row)].count = count;
    const auto cell = index(row, Members);
    emit dataChanged(cell, cell, {Qt::DisplayRole, Qt::EditRole});
}

const storage::SegmentRecord* SegmentListModel::segmentAt(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return nullptr;
    }
    return &m_rows[static_cast<std::size_t>(row)].record;
}

int SegmentListModel::rowOf(SegmentId id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].record.id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

std::optional<std::int64_t> SegmentListModel::countOf(SegmentId id) const
{
    const int row = rowOf(id);
    return row < 0 ? std::nullopt : m_rows[static_cast<std::size_t>(row)].count;
}

int SegmentListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SegmentListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant SegmentListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == kSegmentIdRole) {
        return QVariant::fromValue<qlonglong>(row.record.id);
    }
    if (role == Qt::TextAlignmentRole && index.column() == Members) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && index.column() == Kind) {
        return row.record.kind == SegmentKind::Rule ? tr("Customers matching rules, counted when shown")
                                                    : tr("Hand-picked customers");
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole) {
        return {};
    }
    switch (index.column()) {
    case Name:
        return QString::fromStdString(row.record.name);
    case Kind:
        return row.record.kind == SegmentKind::Rule ? tr("Rules") : tr("Static list");
    case Members:
        if (!row.count) {
            return role == Qt::EditRole ? QVariant() : QVariant(tr("counting…"));
        }
        return role == Qt::EditRole ? QVariant::fromValue<qlonglong>(*row.count)
                                    : QVariant(QLocale().toString(static_cast<qlonglong>(*row.count)));
    case Updated:
        return QLocale().toString(QDate(row.record.updated.year(), static_cast<int>(row.record.updated.month()),
                                        static_cast<int>(row.record.updated.day())),
                                  QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant SegmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Name:
        return tr("Segment");
    case Kind:
        return tr("Kind");
    case Members:
        return tr("Customers");
    case Updated:
        return tr("Changed");
    default:
        return {};
    }
}

} // namespace cartera::app
