#include "app/report_table_model.h"

#include "app/money_format.h"

#include <QLocale>

#include <variant>

namespace cartera::app {

ReportTableModel::ReportTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReportTableModel::setTable(exchange::ReportTable table, const QStringList& headers, std::vector<std::int64_t> keys)
{
    beginResetModel();
    m_table = std::move(table);
    m_headers = headers;
    m_keys = std::move(keys);
    endResetModel();
}

int ReportTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows().size());
}

int ReportTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.columns().size());
}

QVariant ReportTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const auto row = static_cast<std::size_t>(index.row());
    if (role == kKeyRole) {
        return QVariant::fromValue<qlonglong>(row < m_keys.size() ? m_keys[row] : static_cast<qlonglong>(row));
    }
    const auto& cells = m_table.rows()[row];
    const auto column = static_cast<std::size_t>(index.column());
    if (column >= cells.size()) {
        return {};
    }
    const auto& cell = cells[column];
    if (role == Qt::TextAlignmentRole) {
        const bool text = std::holds_alternative<std::string>(cell) || std::holds_alternative<std::monostate>(cell);
        return QVariant::fromValue(Qt::Alignment(text ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != kSortRole) {
        return {};
    }
    const bool display = role == Qt::DisplayRole;
    return std::visit(
        [&](const auto& value) -> QVariant {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return display ? QVariant(QString()) : QVariant();
            } else if constexpr (std::is_same_v<T, std::string>) {
                return QString::fromStdString(value);
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return display ? QVariant(QLocale().toString(static_cast<qlonglong>(value))) : QVariant(static_cast<qlonglong>(value));
            } else if constexpr (std::is_same_v<T, domain::Money>) {
                return display ? QVariant(formatMoneyWhole(value)) : QVariant(static_cast<qlonglong>(value.minor));
            } else if constexpr (std::is_same_v<T, domain::Date>) {
                return QString::fromStdString(value.toIso());
            } else {
                double number = static_cast<double>(value.scaled);
                for (int i = 0; i < value.digits; ++i) {
                    number /= 10.0;
                }
                if (!display) {
                    return QVariant(number);
                }
                if (m_table.columns()[column].ends_with("_pct")) {
                    return tr("%1 %").arg(QLocale().toString(number, 'f', 1));
                }
                return QVariant(QLocale().toString(number, 'f', value.digits));
            }
        },
        cell);
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= static_cast<int>(m_table.columns().size())) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (section < m_headers.size() && !m_headers[section].isEmpty()) {
        return m_headers[section];
    }
    return QString::fromStdString(m_table.columns()[static_cast<std::size_t>(section)]);
}

} // namespace cartera::app
