#include "app/at_risk_model.h"

#include "app/money_format.h"

#include <QLocale>

namespace cartera::app {

using namespace cartera::domain;

AtRiskModel::AtRiskModel(QObject* parent) : QAbstractTableModel(parent) {}

void AtRiskModel::setEntries(std::shared_ptr<const RetentionFacts> facts, std::vector<AtRiskEntry> entries,
                             CurrencyCode currency, LabelReader labels)
{
    beginResetModel();
    m_facts = std::move(facts);
    m_entries = std::move(entries);
    m_currency = currency;
    m_readLabels = std::move(labels);
    m_pages.clear();
    endResetModel();
}

const AtRiskEntry* AtRiskModel::entry(int row) const
{
    return row >= 0 && row < rowCount() ? &m_entries[static_cast<std::size_t>(row)] : nullptr;
}

CustomerId AtRiskModel::customerId(int row) const
{
    const auto* e = entry(row);
    return e != nullptr && m_facts ? m_facts->customers[e->customer].id : 0;
}

QString AtRiskModel::reasonsText(const AtRiskEntry& entry)
{
    QStringList parts;
    const QLocale locale;
    if (entry.has(RiskSignal::RevenueDown) && entry.revenuePrior12 > 0) {
        const double change = 100.0 * static_cast<double>(entry.revenueLast12 - entry.revenuePrior12) /
                              static_cast<double>(entry.revenuePrior12);
        parts << tr("revenue %1 %").arg(locale.toString(change, 'f', 0));
    }
    if (entry.has(RiskSignal::DroppedClass)) {
        parts << tr("dropped an ABC class");
    }
    if (entry.has(RiskSignal::OrderOverdue)) {
        parts << tr("no order for %1 months (usually every %2)").arg(entry.monthsSinceOrder).arg(entry.usualIntervalMonths);
    }
    if (entry.has(RiskSignal::OverdueClaims)) {
        parts << tr("%n overdue claim(s)", nullptr, entry.overdueClaims);
    }
    if (entry.has(RiskSignal::LowSatisfaction)) {
        QStringList scores;
        if (entry.latestCsat >= 0) {
            scores << tr("CSAT %1").arg(entry.latestCsat);
        }
        if (entry.latestNps >= 0) {
            scores << tr("NPS %1").arg(entry.latestNps);
        }
        parts << tr("low satisfaction (%1)").arg(scores.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("; "));
}

int AtRiskModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int AtRiskModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : Count;
}

const storage::CustomerLabel& AtRiskModel::labelOf(int row) const
{
    static const storage::CustomerLabel kNone;
    const int page = row / kPage;
    auto found = m_pages.find(page);
    if (found == m_pages.end()) {
        std::vector<std::uint32_t> positions;
        for (int r = page * kPage; r < std::min(rowCount(), (page + 1) * kPage); ++r) {
            positions.push_back(m_entries[static_cast<std::size_t>(r)].customer);
        }
        found = m_pages.emplace(page, m_readLabels ? m_readLabels(positions) : std::vector<storage::CustomerLabel>{}).first;
    }
    const auto at = static_cast<std::size_t>(row - page * kPage);
    return at < found->second.size() ? found->second[at] : kNone;
}

QVariant AtRiskModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const AtRiskEntry& e = m_entries[static_cast<std::size_t>(index.row())];
    if (role == kCustomerIdRole) {
        return QVariant::fromValue(static_cast<qlonglong>(customerId(index.row())));
    }
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() >= Score && index.column() != Reasons;
        return QVariant::fromValue(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    const QLocale locale;
    switch (index.column()) {
    case Code:
        return QString::fromStdString(labelOf(index.row()).code);
    case Name:
        return QString::fromStdString(labelOf(index.row()).name);
    case Score:
        return e.score;
    case Reasons:
        return reasonsText(e);
    case RevenueLast12:
        return formatMoneyWhole(Money{e.revenueLast12, m_currency});
    case RevenuePrior12:
        return formatMoneyWhole(Money{e.revenuePrior12, m_currency});
    case MonthsSinceOrder:
        return e.monthsSinceOrder;
    default:
        return {};
    }
}

QVariant AtRiskModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Code:
        return tr("Code");
    case Name:
        return tr("Name");
    case Score:
        return tr("Score");
    case Reasons:
        return tr("Reasons");
    case RevenueLast12:
        return tr("Revenue 12 m");
    case RevenuePrior12:
        return tr("12 m before");
    case MonthsSinceOrder:
        return tr("Months idle");
    default:
        return {};
    }
}

} // namespace cartera::app
