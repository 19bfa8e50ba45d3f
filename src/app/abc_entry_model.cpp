#include "app/abc_entry_model.h"

#include "app/money_format.h"

#include <QLocale>

#include <algorithm>
#include <climits>

namespace cartera::app {

using namespace cartera::domain;

QString abcCriterionLabel(AbcCriterion criterion)
{
    switch (criterion) {
    case AbcCriterion::Revenue:
        return AbcEntryModel::tr("Revenue");
    case AbcCriterion::Margin:
        return AbcEntryModel::tr("Gross margin");
    case AbcCriterion::Orders:
        return AbcEntryModel::tr("Orders");
    }
    return {};
}

AbcEntryModel::AbcEntryModel(QObject* parent) : QAbstractTableModel(parent) {}

void AbcEntryModel::setRun(std::shared_ptr<const services::AbcRun> run, const std::string& currency)
{
    beginResetModel();
    m_run = std::move(run);
    m_currency = CurrencyCode::parse(currency).value_or(CurrencyCode{});
    locateRows();
    endResetModel();
}

void AbcEntryModel::setSelection(Selection selection)
{
    if (selection == m_selection) {
        return;
    }
    beginResetModel();
    m_selection = selection;
    locateRows();
    endResetModel();
}

void AbcEntryModel::locateRows()
{
    m_first = 0;
    m_rows = 0;
    if (!m_run) {
        return;
    }
    const auto& result = m_run->result;
    std::size_t count = 0;
    if (m_selection.apart) {
        count = result.apart.size();
    } else if (!m_selection.abcClass) {
        count = result.entries.size();
    } else {
        const auto cls = *m_selection.abcClass;
        const auto begin = std::partition_point(result.entries.begin(), result.entries.end(),
                                                [cls](const AbcEntry& e) { return e.abcClass < cls; });
        const auto end = std::partition_point(begin, result.entries.end(),
                                              [cls](const AbcEntry& e) { return e.abcClass <= cls; });
        m_first = static_cast<std::size_t>(begin - result.entries.begin());
        count = static_cast<std::size_t>(end - begin);
    }
    m_rows = static_cast<int>(std::min<std::size_t>(count, INT_MAX));
}

int AbcEntryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int AbcEntryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : Count;
}

QString AbcEntryModel::valueText(std::int64_t value) const
{
    if (m_run && isMoney(m_run->request.criterion)) {
        return formatMoneyWhole(Money{value, m_currency});
    }
    return QLocale().toString(static_cast<qlonglong>(value));
}

QVariant AbcEntryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_run || index.row() >= m_rows) {
        return {};
    }
    const auto row = static_cast<std::size_t>(index.row());
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::TextAlignmentRole) {
        const bool number = column == Rank || column == Value || column == Share || column == Cumulative;
        return number ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    const auto& result = m_run->result;
    if (m_selection.apart) {
        const auto& input = result.apart[row];
        if (role == kCustomerIdRole) {
            return QVariant::fromValue<qlonglong>(input.customerId);
        }
        if (role != Qt::DisplayRole) {
            return {};
        }
        switch (column) {
        case Code:
            return QString::fromStdString(input.code);
        case Name:
            return QString::fromStdString(input.name);
        case Value:
            return valueText(input.value);
        case Class:
            return tr("apart");
        default:
            return {};
        }
    }
    const auto& entry = result.entries[m_first + row];
    if (role == kCustomerIdRole) {
        return QVariant::fromValue<qlonglong>(entry.customerId);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (column) {
    case Rank:
        return QLocale().toString(static_cast<qlonglong>(entry.rank));
    case Code:
        return QString::fromStdString(entry.code);
    case Name:
        return QString::fromStdString(entry.name);
    case Value:
        return valueText(entry.value);
    case Share:
        return formatPercent(shareOf(entry.value, result.total));
    case Cumulative:
        return formatPercent(shareOf(entry.cumulativeValue, result.total));
    case Class:
        return QString::fromLatin1(kAbcClassCodes.code(entry.abcClass).data());
    case Count:
        break;
    }
    return {};
}

QVariant AbcEntryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Rank:
        return tr("Rank");
    case Code:
        return tr("Code");
    case Name:
        return tr("Name");
    case Value:
        return m_run ? abcCriterionLabel(m_run->request.criterion) : tr("Value");
    case Share:
        return tr("Share");
    case Cumulative:
        return tr("Cumulative");
    case Class:
        return tr("Class");
    case Count:
        break;
    }
    return {};
}

} // namespace cartera::app
