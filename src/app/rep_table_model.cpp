#include "app/rep_table_model.h"

#include "app/money_format.h"

#include <QLocale>

namespace cartera::app {

using namespace cartera::domain;

RepTableModel::RepTableModel(CurrencyCode currency, Save save, QObject* parent)
    : QAbstractTableModel(parent), m_currency(currency), m_save(std::move(save))
{
}

void RepTableModel::setReps(std::vector<SalesRep> reps)
{
    beginResetModel();
    m_reps = std::move(reps);
    endResetModel();
}

int RepTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_reps.size());
}

int RepTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RepTableModel::codeOf(std::optional<RepId> id) const
{
    if (!id) {
        return {};
    }
    for (const auto& rep : m_reps) {
        if (rep.id == *id) {
            return QString::fromStdString(rep.code);
        }
    }
    return QString::number(*id);
}

QVariant RepTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const auto& rep = m_reps[static_cast<std::size_t>(index.row())];
    if (role == Qt::CheckStateRole && index.column() == Active) {
        return rep.active ? Qt::Checked : Qt::Unchecked;
    }
    if (role == Qt::TextAlignmentRole && (index.column() == CapacityAccounts || index.column() == CapacityRevenue)) {
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole) {
        return {};
    }
    const bool edit = role == Qt::EditRole;
    switch (index.column()) {
    case Code:
        return QString::fromStdString(rep.code);
    case Name:
        return QString::fromStdString(rep.name);
    case Team:
        return QString::fromStdString(rep.team);
    case Manager:
        return codeOf(rep.managerId);
    case Active:
        return {};
    case CapacityAccounts:
        if (!rep.capacityAccounts) {
            return edit ? QVariant(QString()) : QVariant();
        }
        return edit ? QVariant(QString::number(*rep.capacityAccounts)) : QVariant(QLocale().toString(static_cast<qlonglong>(*rep.capacityAccounts)));
    case CapacityRevenue:
        if (!rep.capacityRevenue) {
            return edit ? QVariant(QString()) : QVariant();
        }
        return edit ? QVariant(QString::fromStdString(Money{*rep.capacityRevenue, m_currency}.toDecimalString()))
                    : QVariant(formatMoneyWhole(Money{*rep.capacityRevenue, m_currency}));
    default:
        return {};
    }
}

QVariant RepTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Code:
        return tr("Code");
    case Name:
        return tr("Name");
    case Team:
        return tr("Team");
    case Manager:
        return tr("Manager");
    case Active:
        return tr("Active");
    case CapacityAccounts:
        return tr("Capacity (accounts)");
    case CapacityRevenue:
        return tr("Capacity (revenue / 12 months)");
    default:
        return {};
    }
}

Qt::ItemFlags RepTableModel::flags(const QModelIndex& index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return Qt::NoItemFlags;
    }
    auto f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == Team || index.column() == CapacityAccounts || index.column() == CapacityRevenue) {
        f |= Qt::ItemIsEditable;
    }
    if (index.column() == Active) {
        f |= Qt::ItemIsUserCheckable;
    }
    return f;
}

bool RepTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return false;
    }
    const auto row = static_cast<std::size_t>(index.row());
    const SalesRep before = m_reps[row];
    SalesRep after = before;
    const QString text = value.toString().trimmed();
    if (index.column() == Active && role == Qt::CheckStateRole) {
        after.active = value.toInt() == Qt::Checked;
    } else if (role != Qt::EditRole) {
        return false;
    } else if (index.column() == Team) {
        after.team = text.toStdString();
    } else if (index.column() == CapacityAccounts) {
        if (text.isEmpty()) {
            after.capacityAccounts.reset();
        } else {
            bool ok = false;
            const auto n = QLocale().toLongLong(text, &ok);
            if (!ok || n < 0) {
                return false;
            }
            after.capacityAccounts = n;
        }
    } else if (index.column() == CapacityRevenue) {
        if (text.isEmpty()) {
            after.capacityRevenue.reset();
        } else {
            auto money = Money::parseDecimal(QString(text).remove(QLocale().groupSeparator()).replace(QLocale().decimalPoint(), QStringLiteral(".")).toStdString(), m_currency);
            if (!money || money->minor < 0) {
                return false;
            }
            after.capacityRevenue = money->minor;
        }
    } else {
        return false;
    }
    if (after == before || !m_save || !m_save(before, after)) {
        return false;
    }
    m_reps[row] = after;
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

} // namespace cartera::app
