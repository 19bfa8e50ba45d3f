#include "app/report_table_model.h"

#include "app/money_format.h"

#include <QLocale>

namespace cartera::app {

ReportTableModel::ReportTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReportTableModel::setTable(exchange::ReportTable table, QStringList headers)
{
    beginResetModel();
    m_table = std::move(table);
    m_headers = std::move(headers);
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
    const auto& row = m_table.rows()[static_cast<std::size_t>(index.row())];
    if (static_cast<std::size_t>(index.column()) >= row.size()) {
        return {};
    }
    const exchange::Cell& cell = row[static_cast<std::size_t>(index.column())];
    const bool percent = m_table.columns()[static_cast<std::size_t>(index.column())].ends_with("_pct");
    if (role == Qt::TextAlignmentRole) {
        const bool number = !std::holds_alternative<std::string>(cell) && !std::holds_alternative<std::monostate>(cell);
        return QVariant::fromValue(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == kValueRole) {
        if (const auto* number = std::get_if<std::int64_t>(&cell)) {
            return QVariant::fromValue(static_cast<qlonglong>(*number));
        }
        if (const auto* money = std::get_if<domain::Money>(&cell)) {
            return QVariant::fromValue(static_cast<qlonglong>(money->minor));
        }
        if (const auto* decimal = std::get_if<exchange::Decimal>(&cell)) {
            return QString::fromStdString(decimal->str()).toDouble();
        }
        if (const auto* text = std::get_if<std::string>(&cell)) {
            return QString::fromStdString(*text);
        }
        return {};
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    const QLocale locale;
    if (const auto* text = std::get_if<std::string>(&cell)) {
        return QString::fromStdString(*text);
    }
    if (const auto* number = std::get_if<std::int64_t>(&cell)) {
        return locale.toString(static_cast<qlonglong>(*number));
    }
    if (const auto* money = std::get_if<domain::Money>(&cell)) {
        return formatMoneyWhole(*money);
    }
    if (const auto* date = std::get_if<domain::Date>(&cell)) {
        return QString::fromStdString(date->toIso());
    }
    if (const auto* decimal = std::get_if<exchange::Decimal>(&cell)) {
        const double value = QString::fromStdString(decimal->str()).toDouble();
        return percent ? tr("%1 %").arg(locale.toString(value, 'f', 1)) : locale.toString(value, 'f', decimal->digits);
    }
    return {};
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (section < m_headers.size()) {
        return m_headers[section];
    }
    return QString::fromStdString(m_table.columns()[static_cast<std::size_t>(section)]);
}

} // namespace cartera::app
