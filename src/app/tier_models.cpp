#include "app/tier_models.h"

#include "app/money_format.h"

#include <QFont>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <climits>

namespace cartera::app {

using namespace cartera::domain;

namespace {

/// A small round badge in the tier's colour, drawn once per colour.
QPixmap badge(const QColor& colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(colour.darker(140));
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return pixmap;
}

QString decimal(double value, int digits)
{
    return QLocale().toString(value, 'f', digits);
}

} // namespace

QColor tierColor(int index)
{
    static const QColor kColours[] = {QColor(0x5c, 0x6b, 0xc0), QColor(0xd4, 0xa0, 0x17), QColor(0x9e, 0x9e, 0x9e),
                                      QColor(0xb8, 0x73, 0x33), QColor(0x7e, 0x57, 0xc2), QColor(0x26, 0xa6, 0x9a),
                                      QColor(0x8d, 0x6e, 0x63), QColor(0xbd, 0xbd, 0xbd)};
    return kColours[std::clamp(index, 0, static_cast<int>(std::size(kColours)) - 1)];
}

QString tierIndicatorLabel(TierIndicator indicator)
{
    switch (indicator) {
    case TierIndicator::Revenue:
        return TierEntryModel::tr("Revenue");
    case TierIndicator::Margin:
        return TierEntryModel::tr("Gross margin");
    case TierIndicator::Growth:
        return TierEntryModel::tr("Growth");
    case TierIndicator::OrderFrequency:
        return TierEntryModel::tr("Order frequency");
    case TierIndicator::Recency:
        return TierEntryModel::tr("Recency");
    case TierIndicator::OpenClaims:
        return TierEntryModel::tr("Open claims");
    case TierIndicator::Satisfaction:
        return TierEntryModel::tr("Satisfaction");
    case TierIndicator::Strategic:
        return TierEntryModel::tr("Strategic account");
    }
    return {};
}

QString tierIndicatorDescription(TierIndicator indicator)
{
    switch (indicator) {
    case TierIndicator::Revenue:
        return TierEntryModel::tr("Sales over the period, cancelled orders excluded.");
    case TierIndicator::Margin:
        return TierEntryModel::tr("Revenue less the cost of the goods sold over the period.");
    case TierIndicator::Growth:
        return TierEntryModel::tr("Revenue of the period against the same number of months just before it.");
    case TierIndicator::OrderFrequency:
        return TierEntryModel::tr("Orders per month over the period.");
    case TierIndicator::Recency:
        return TierEntryModel::tr("Days since the last order, up to the end of the period. Fewer is better.");
    case TierIndicator::OpenClaims:
        return TierEntryModel::tr("Claims still open or in progress today. Fewer is better.");
    case TierIndicator::Satisfaction:
        return TierEntryModel::tr("Mean answer to satisfaction surveys (CSAT, NPS) in the period. Customers "
                                  "without an answer count as average.");
    case TierIndicator::Strategic:
        return TierEntryModel::tr("The account is flagged strategic.");
    }
    return {};
}

// --- TierEntryModel ---------------------------------------------------------------------------

TierEntryModel::TierEntryModel(QObject* parent) : QAbstractTableModel(parent)
{
}

void TierEntryModel::setRun(std::shared_ptr<const services::TierRun> run, const std::string& currency)
{
    beginResetModel();
    m_run = std::move(run);
    m_currency = CurrencyCode::parse(currency).value_or(CurrencyCode{});
    if (m_run && m_tier && *m_tier >= m_run->result.model.tierCount()) {
        m_tier.reset();
    }
    locateRows();
    endResetModel();
}

void TierEntryModel::setTierFilter(std::optional<int> tier)
{
    if (tier == m_tier) {
        return;
    }
    beginResetModel();
    m_tier = tier;
    locateRows();
    endResetModel();
}

void TierEntryModel::locateRows()
{
    m_first = 0;
    m_rows = 0;
    if (!m_run) {
        return;
    }
    const auto& entries = m_run->result.entries;
    std::size_t count = entries.size();
    if (m_tier) {
        const int tier = *m_tier;
        const auto begin = std::partition_point(entries.begin(), entries.end(),
                                                [tier](const TierEntry& e) { return e.tier < tier; });
        const auto end =
            std::partition_point(begin, entries.end(), [tier](const TierEntry& e) { return e.tier <= tier; });
        m_first = static_cast<std::size_t>(begin - entries.begin());
        count = static_cast<std::size_t>(end - begin);
    }
    m_rows = static_cast<int>(std::min<std::size_t>(count, INT_MAX));
}

int TierEntryModel::rowOf(CustomerId id) const
{
    if (!m_run) {
        return -1;
    }
    const auto index = m_run->facts->indexOf(id);
    if (!index) {
        return -1;
    }
    const auto position = static_cast<std::size_t>(m_run->result.positionOf[*index]);
    if (position < m_first || position >= m_first + static_cast<std::size_t>(m_rows)) {
        return -1;
    }
    return static_cast<int>(position - m_first);
}

int TierEntryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int TierEntryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant TierEntryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_run || index.row() >= m_rows) {
        return {};
    }
    const auto position = m_first + static_cast<std::size_t>(index.row());
    const auto& result = m_run->result;
    const auto& entry = result.entries[position];
    const auto& input = m_run->facts->customers[entry.customer];
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case kCustomerIdRole:
        return QVariant::fromValue<qlonglong>(input.customerId);
    case kTierRole:
        return static_cast<int>(entry.tier);
    case kSortRole:
        switch (column) {
        case Rank:
            return QVariant::fromValue<qlonglong>(static_cast<qlonglong>(position) + 1);
        case Score:
            return QVariant::fromValue<qlonglong>(entry.points);
        case Revenue:
            return QVariant::fromValue<qlonglong>(input.revenue);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole: {
        const bool number = column == Rank || column == Score || column == Revenue;
        return number ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    case Qt::DecorationRole:
        if (column == Tier) {
            return badge(tierColor(entry.tier));
        }
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case Rank:
            return QLocale().toString(static_cast<qlonglong>(position) + 1);
        case Code:
            return QString::fromStdString(input.code);
        case Name:
            return QString::fromStdString(input.name);
        case Tier:
            return QString::fromStdString(result.model.tiers()[entry.tier].name);
        case Score:
            return decimal(result.score(entry), 1);
        case Revenue:
            return formatMoneyWhole(Money{input.revenue, m_currency});
        case Count:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant TierEntryModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case Tier:
        return tr("Tier");
    case Score:
        return tr("Score");
    case Revenue:
        return tr("Revenue");
    case Count:
        break;
    }
    return {};
}

// --- TierBreakdownModel -----------------------------------------------------------------------

TierBreakdownModel::TierBreakdownModel(QObject* parent) : QAbstractTableModel(parent)
{
}

void TierBreakdownModel::setCustomer(std::shared_ptr<const services::TierRun> run, std::optional<std::size_t> customer,
                                     const std::string& currency)
{
    beginResetModel();
    m_run = std::move(run);
    m_customer = m_run && customer && *customer < m_run->facts->customers.size() ? customer : std::nullopt;
    m_currency = CurrencyCode::parse(currency).value_or(CurrencyCode{});
    endResetModel();
}

int TierBreakdownModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_customer ? 0 : kTierIndicatorCount + 1;
}

int TierBreakdownModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : Count;
}

QString TierBreakdownModel::valueText(TierIndicator indicator) const
{
    const auto& facts = *m_run->facts;
    const auto& input = facts.customers[*m_customer];
    const QLocale locale;
    switch (indicator) {
    case TierIndicator::Revenue:
        return formatMoneyWhole(Money{input.revenue, m_currency});
    case TierIndicator::Margin:
        return formatMoneyWhole(Money{input.margin, m_currency});
    case TierIndicator::Growth:
        if (input.priorRevenue > 0) {
            const double change = static_cast<double>(input.revenue - input.priorRevenue) /
                                  static_cast<double>(input.priorRevenue);
            return (change > 0 ? QStringLiteral("+") : QString()) + formatPercent(change);
        }
        return input.revenue > 0 ? tr("new buyer") : tr("no sales");
    case TierIndicator::OrderFrequency:
        return tr("%1 / month").arg(decimal(static_cast<double>(input.orders) / std::max(1, facts.period.monthCount()), 2));
    case TierIndicator::Recency:
        if (input.daysSinceLastOrder == TierInput::kNever) {
            return tr("never ordered");
        }
        return input.daysSinceLastOrder == 1 ? tr("1 day") : tr("%1 days").arg(input.daysSinceLastOrder);
    case TierIndicator::OpenClaims:
        return locale.toString(input.openClaims);
    case TierIndicator::Satisfaction:
        if (input.satisfaction == TierInput::kNoSurvey) {
            return tr("no survey");
        }
        return tr("%1 / 100").arg(decimal(input.satisfaction / 10.0, 1));
    case TierIndicator::Strategic:
        return input.strategic ? tr("yes") : tr("no");
    }
    return {};
}

QVariant TierBreakdownModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_customer || index.row() > kScoreRow) {
        return {};
    }
    const auto& facts = *m_run->facts;
    const auto& result = m_run->result;
    const auto& entry = result.entries[result.positionOf[*m_customer]];
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::TextAlignmentRole) {
        return column == Indicator ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (index.row() == kScoreRow) {
        if (role == kPointsRole) {
            return result.score(entry);
        }
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (role != Qt::DisplayRole) {
            return {};
        }
        switch (column) {
        case Indicator:
            return tr("Score");
        case Weight:
            return QLocale().toString(static_cast<qlonglong>(result.weightTotal));
        case Points:
            return decimal(result.score(entry), 2);
        default:
            return {};
        }
    }
    const auto indicator = tierIndicatorAt(index.row());
    const int weight = result.weight(indicator);
    const bool ignored = result.ignored[static_cast<std::size_t>(index.row())];
    switch (role) {
    case kPointsRole:
        return result.contribution(facts, entry, indicator);
    case Qt::ForegroundRole:
        if (weight == 0) {
            return QColor(Qt::gray);
        }
        return {};
    case Qt::ToolTipRole:
        if (ignored) {
            return tr("No customer answered a survey in this period: the weight is ignored.");
        }
        return tierIndicatorDescription(indicator);
    case Qt::DisplayRole:
        switch (column) {
        case Indicator:
            return tierIndicatorLabel(indicator);
        case Value:
            return valueText(indicator);
        case Normalised:
            return decimal(static_cast<double>(facts.normalisedValue(*m_customer, indicator)) /
                               static_cast<double>(kNormalUnit),
                           3);
        case Weight:
            if (ignored) {
                return tr("ignored");
            }
            return weight == 0 ? tr("off") : QLocale().toString(weight);
        case Points:
            return weight == 0 ? QString() : decimal(result.contribution(facts, entry, indicator), 2);
        case Count:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant TierBreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Indicator:
        return tr("Indicator");
    case Value:
        return tr("Value");
    case Normalised:
        return tr("Normalised");
    case Weight:
        return tr("Weight");
    case Points:
        return tr("Points");
    case Count:
        break;
    }
    return {};
}

} // namespace cartera::app
