#include "app/portfolio_pivot_model.h"

#include "app/customer_table_model.h"
#include "app/money_format.h"

#include <QFont>
#include <QLocale>
#include <QPoint>

#include <algorithm>
#include <array>
#include <numeric>

namespace cartera::app {

using namespace cartera::domain;

namespace {

/// The columns of a rows-only table after the label: a measure each, and the prior revenue.
constexpr int kPriorRevenueColumn = 5;
constexpr std::array<std::optional<PortfolioMeasure>, 8> kRowColumns{
    std::nullopt,
    PortfolioMeasure::Revenue,
    PortfolioMeasure::Margin,
    PortfolioMeasure::MarginPercent,
    PortfolioMeasure::Customers,
    std::nullopt,  // prior revenue
    PortfolioMeasure::Growth,
    PortfolioMeasure::Clv,
};

QString percentText(std::int64_t hundredths)
{
    return QLocale().toString(static_cast<double>(hundredths) / 100.0, 'f', 1) + QStringLiteral(" %");
}

} // namespace

PortfolioLabels::PortfolioLabels(const std::vector<SalesRep>& reps)
{
    for (const auto& rep : reps) {
        m_repNames[rep.code] = rep.name;
    }
}

QString PortfolioLabels::value(PortfolioDimension dimension, const std::string& key) const
{
    if (key == kNoValueKey) {
        return PortfolioPivotModel::tr("(none)");
    }
    switch (dimension) {
    case PortfolioDimension::Channel:
        if (const auto channel = kSalesChannelCodes.parse(key)) {
            return channelLabel(*channel);
        }
        break;
    case PortfolioDimension::SizeBand:
        if (const auto band = kSizeBandCodes.parse(key)) {
            return sizeBandLabel(*band);
        }
        break;
    case PortfolioDimension::Kind:
        if (const auto kind = kCustomerKindCodes.parse(key)) {
            return kindLabel(*kind);
        }
        break;
    case PortfolioDimension::Owner:
        if (const auto found = m_repNames.find(key); found != m_repNames.end()) {
            return PortfolioPivotModel::tr("%1 (%2)").arg(QString::fromStdString(found->second),
                                                         QString::fromStdString(key));
        }
        break;
    default:
        break;
    }
    return QString::fromStdString(key);
}

QString portfolioDimensionLabel(PortfolioDimension dimension)
{
    switch (dimension) {
    case PortfolioDimension::Category:
        return PortfolioPivotModel::tr("Product category");
    case PortfolioDimension::Country:
        return PortfolioPivotModel::tr("Country");
    case PortfolioDimension::Region:
        return PortfolioPivotModel::tr("Region");
    case PortfolioDimension::Channel:
        return PortfolioPivotModel::tr("Channel");
    case PortfolioDimension::Industry:
        return PortfolioPivotModel::tr("Industry");
    case PortfolioDimension::SizeBand:
        return PortfolioPivotModel::tr("Size band");
    case PortfolioDimension::Kind:
        return PortfolioPivotModel::tr("Customer kind");
    case PortfolioDimension::Owner:
        return PortfolioPivotModel::tr("Owner rep");
    case PortfolioDimension::Count:
        break;
    }
    return {};
}

QString portfolioMeasureLabel(PortfolioMeasure measure)
{
    switch (measure) {
    case PortfolioMeasure::Revenue:
        return PortfolioPivotModel::tr("Revenue");
    case PortfolioMeasure::Margin:
        return PortfolioPivotModel::tr("Gross margin");
    case PortfolioMeasure::MarginPercent:
        return PortfolioPivotModel::tr("Margin %");
    case PortfolioMeasure::Customers:
        return PortfolioPivotModel::tr("Customers");
    case PortfolioMeasure::Growth:
        return PortfolioPivotModel::tr("Growth");
    case PortfolioMeasure::Clv:
        return PortfolioPivotModel::tr("CLV");
    case PortfolioMeasure::Count:
        break;
    }
    return {};
}

QString formatMeasure(PortfolioMeasure measure, std::optional<std::int64_t> value, const CurrencyCode& currency)
{
    if (!value) {
        return QStringLiteral("–");
    }
    switch (unitOf(measure)) {
    case MeasureUnit::Money:
        return formatMoneyWhole(Money{*value, currency});
    case MeasureUnit::Percent:
        return (measure == PortfolioMeasure::Growth && *value > 0 ? QStringLiteral("+") : QString()) +
               percentText(*value);
    case MeasureUnit::Count:
        break;
    }
    return QLocale().toString(static_cast<qlonglong>(*value));
}

PortfolioPivotModel::PortfolioPivotModel(QObject* parent) : QAbstractTableModel(parent) {}

void PortfolioPivotModel::setAnalysis(std::shared_ptr<const services::PortfolioAnalysis> analysis,
                                      PortfolioMeasure measure, const std::string& currency, PortfolioLabels labels)
{
    beginResetModel();
    m_analysis = std::move(analysis);
    m_measure = measure;
    m_currency = CurrencyCode::parse(currency).value_or(CurrencyCode{});
    m_labels = std::move(labels);
    m_order.resize(m_analysis ? static_cast<std::size_t>(m_analysis->breakdown.rowCount()) : 0);
    std::iota(m_order.begin(), m_order.end(), 0);
    m_sortColumn = -1;
    measureRange();
    endResetModel();
}

void PortfolioPivotModel::setMeasure(PortfolioMeasure measure)
{
    if (measure == m_measure) {
        return;
    }
    m_measure = measure;
    measureRange();
    if (rowCount() > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }
    emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void PortfolioPivotModel::clear()
{
    setAnalysis(nullptr, m_measure, m_currency.str(), m_labels);
}

bool PortfolioPivotModel::crossTable() const
{
    return m_analysis && m_analysis->breakdown.layout.columns.has_value();
}

int PortfolioPivotModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_analysis || m_order.empty()) {
        return 0;
    }
    return static_cast<int>(m_order.size()) + 1;  // and the total row
}

int PortfolioPivotModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_analysis) {
        return 0;
    }
    if (crossTable()) {
        return m_analysis->breakdown.columnCount() + 2;  // label, values, total
    }
    return static_cast<int>(kRowColumns.size());
}

std::optional<PortfolioMeasure> PortfolioPivotModel::measureOfColumn(int column) const
{
    if (crossTable() || column < 0 || column >= static_cast<int>(kRowColumns.size())) {
        return std::nullopt;
    }
    return kRowColumns[static_cast<std::size_t>(column)];
}

std::optional<PortfolioCellRef> PortfolioPivotModel::cellOf(int modelRow, int modelColumn) const
{
    if (!m_analysis || modelRow < 0 || modelRow >= rowCount() || modelColumn < 0 || modelColumn >= columnCount()) {
        return std::nullopt;
    }
    const int row = modelRow < static_cast<int>(m_order.size()) ? m_order[static_cast<std::size_t>(modelRow)] : -1;
    if (!crossTable()) {
        return PortfolioCellRef{row, -1};
    }
    const int columns = m_analysis->breakdown.columnCount();
    const int column = modelColumn >= 1 && modelColumn <= columns ? modelColumn - 1 : -1;
    return PortfolioCellRef{row, column};
}

std::optional<PortfolioCellRef> PortfolioPivotModel::cellAt(const QModelIndex& index) const
{
    return index.isValid() ? cellOf(index.row(), index.column()) : std::nullopt;
}

QModelIndex PortfolioPivotModel::indexOf(const PortfolioCellRef& cell) const
{
    if (!m_analysis) {
        return {};
    }
    int modelRow = static_cast<int>(m_order.size());
    if (cell.row >= 0) {
        const auto found = std::find(m_order.begin(), m_order.end(), cell.row);
        if (found == m_order.end()) {
            return {};
        }
        modelRow = static_cast<int>(found - m_order.begin());
    }
    int modelColumn = 0;
    if (crossTable()) {
        modelColumn = cell.column >= 0 ? cell.column + 1 : m_analysis->breakdown.columnCount() + 1;
    } else {
        for (std::size_t c = 0; c < kRowColumns.size(); ++c) {
            if (kRowColumns[c] == m_measure) {
                modelColumn = static_cast<int>(c);
            }
        }
    }
    return index(modelRow, modelColumn);
}

QString PortfolioPivotModel::rowLabel(int breakdownRow) const
{
    if (!m_analysis || breakdownRow < 0) {
        return tr("Total");
    }
    return m_labels.value(m_analysis->breakdown.layout.rows, m_analysis->rowKey(breakdownRow));
}

QString PortfolioPivotModel::columnLabel(int breakdownColumn) const
{
    if (!crossTable() || breakdownColumn < 0) {
        return tr("Total");
    }
    return m_labels.value(*m_analysis->breakdown.layout.columns, m_analysis->columnKey(breakdownColumn));
}

std::optional<std::int64_t> PortfolioPivotModel::valueAt(const QModelIndex& index) const
{
    const auto cell = cellAt(index);
    if (!cell || index.column() == 0) {
        return std::nullopt;
    }
    const auto& figures = m_analysis->breakdown.at(*cell);
    if (crossTable()) {
        return figures.value(m_measure);
    }
    if (index.column() == kPriorRevenueColumn) {
        return figures.priorRevenue;
    }
    return figures.value(*kRowColumns[static_cast<std::size_t>(index.column())]);
}

bool PortfolioPivotModel::isHeated(int modelRow, int modelColumn) const
{
    if (!m_analysis || modelRow >= static_cast<int>(m_order.size()) || modelColumn == 0) {
        return false;  // totals and labels keep the plain background
    }
    if (crossTable()) {
        return modelColumn <= m_analysis->breakdown.columnCount();
    }
    return kRowColumns[static_cast<std::size_t>(modelColumn)] == m_measure;
}

void PortfolioPivotModel::measureRange()
{
    m_low = 0;
    m_high = 0;
    bool first = true;
    for (int r = 0; r < static_cast<int>(m_order.size()); ++r) {
        for (int c = 1; c < columnCount(); ++c) {
            if (!isHeated(r, c)) {
                continue;
            }
            if (const auto value = valueAt(index(r, c))) {
                m_low = first ? *value : std::min(m_low, *value);
                m_high = first ? *value : std::max(m_high, *value);
                first = false;
            }
        }
    }
}

QColor PortfolioPivotModel::heat(std::int64_t value) const
{
    // Translucent, so the shades read on a light and a dark palette alike.
    if (m_measure == PortfolioMeasure::Growth) {
        if (value < 0 && m_low < 0) {
            const double t = static_cast<double>(value) / static_cast<double>(m_low);
            return QColor(211, 47, 47, static_cast<int>(25 + 150 * t));
        }
        if (value > 0 && m_high > 0) {
            const double t = static_cast<double>(value) / static_cast<double>(m_high);
            return QColor(46, 125, 50, static_cast<int>(25 + 150 * t));
        }
        return {};
    }
    const double span = static_cast<double>(m_high - m_low);
    const double t = span > 0 ? static_cast<double>(value - m_low) / span : 1.0;
    return QColor(30, 110, 190, static_cast<int>(20 + 160 * t));
}

QVariant PortfolioPivotModel::data(const QModelIndex& index, int role) const
{
    const auto cell = cellAt(index);
    if (!cell) {
        return {};
    }
    const auto& breakdown = m_analysis->breakdown;
    const bool totalRow = cell->row < 0;
    const bool totalColumn = crossTable() && cell->column < 0 && index.column() > 0;
    int highlight = 0;
    const bool marks = crossTable() ? (index.column() > 0) : true;
    if (marks && !totalRow && !totalColumn) {
        highlight = breakdown.mostProfitable == *cell ? 1 : (breakdown.leastProfitable == *cell ? -1 : 0);
    }
    switch (role) {
    case Qt::DisplayRole: {
        if (index.column() == 0) {
            const QString label = rowLabel(cell->row);
            if (!crossTable() && highlight != 0) {
                return (highlight > 0 ? QStringLiteral("▲ ") : QStringLiteral("▼ ")) + label;
            }
            return label;
        }
        const auto value = valueAt(index);
        const auto measure = crossTable() ? m_measure
                                          : kRowColumns[static_cast<std::size_t>(index.column())].value_or(
                                                PortfolioMeasure::Revenue);
        QString text = formatMeasure(measure, value, m_currency);
        if (crossTable() && highlight != 0) {
            text = (highlight > 0 ? QStringLiteral("▲ ") : QStringLiteral("▼ ")) + text;
        }
        return text;
    }
    case kSortRole: {
        if (index.column() == 0) {
            return rowLabel(cell->row);
        }
        const auto value = valueAt(index);
        return value ? QVariant(static_cast<qlonglong>(*value)) : QVariant();
    }
    case kCellRole:
        return QPoint(cell->row, cell->column);
    case kHighlightRole:
        return highlight;
    case Qt::TextAlignmentRole:
        return index.column() == 0 ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (isHeated(index.row(), index.column())) {
            if (const auto value = valueAt(index)) {
                return heat(*value);
            }
        }
        return {};
    case Qt::FontRole:
        if (totalRow || totalColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole: {
        const auto& f = breakdown.at(*cell);
        QString name = rowLabel(cell->row);
        if (crossTable() && index.column() > 0) {
            name += QStringLiteral(" × ") + columnLabel(cell->column);
        }
        QString tip = QStringLiteral("<b>%1</b><br>").arg(name.toHtmlEscaped());
        const auto line = [&](PortfolioMeasure m) {
            tip += QStringLiteral("%1: %2<br>").arg(portfolioMeasureLabel(m), formatMeasure(m, f.value(m), m_currency));
        };
        line(PortfolioMeasure::Revenue);
        line(PortfolioMeasure::Margin);
        line(PortfolioMeasure::MarginPercent);
        line(PortfolioMeasure::Customers);
        tip += tr("Prior period: %1, %2 customers<br>")
                   .arg(formatMoneyWhole(Money{f.priorRevenue, m_currency}),
                        QLocale().toString(static_cast<qlonglong>(f.priorCustomers)));
        line(PortfolioMeasure::Growth);
        line(PortfolioMeasure::Clv);
        if (highlight > 0) {
            tip += tr("▲ The most profitable: the highest margin % among cells with 1 % of the revenue or more.");
        } else if (highlight < 0) {
            tip += tr("▼ The least profitable: the lowest margin % among cells with 1 % of the revenue or more.");
        }
        return tip;
    }
    default:
        return {};
    }
}

QVariant PortfolioPivotModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || !m_analysis || section < 0 ||
        section >= columnCount()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    const auto& layout = m_analysis->breakdown.layout;
    if (section == 0) {
        if (layout.columns) {
            return tr("%1 \\ %2").arg(portfolioDimensionLabel(layout.rows), portfolioDimensionLabel(*layout.columns));
        }
        return portfolioDimensionLabel(layout.rows);
    }
    if (crossTable()) {
        return section <= m_analysis->breakdown.columnCount() ? columnLabel(section - 1) : tr("Total");
    }
    if (section == kPriorRevenueColumn) {
        return tr("Prior revenue");
    }
    return portfolioMeasureLabel(*kRowColumns[static_cast<std::size_t>(section)]);
}

void PortfolioPivotModel::sort(int column, Qt::SortOrder order)
{
    if (!m_analysis || column < 0 || column >= columnCount()) {
        return;
    }
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const auto before = persistentIndexList();
    std::vector<int> previousOrder = m_order;
    std::vector<QVariant> keys(m_order.size());
    for (std::size_t r = 0; r < m_order.size(); ++r) {
        keys[static_cast<std::size_t>(m_order[r])] = data(index(static_cast<int>(r), column), kSortRole);
    }
    std::stable_sort(m_order.begin(), m_order.end(), [&](int a, int b) {
        const auto& ka = keys[static_cast<std::size_t>(a)];
        const auto& kb = keys[static_cast<std::size_t>(b)];
        if (!ka.isValid() || !kb.isValid()) {
            // Undefined values last in either direction.
            return ka.isValid() && !kb.isValid();
        }
        bool less = false;
        if (column == 0) {
            less = QString::localeAwareCompare(ka.toString(), kb.toString()) < 0;
            const bool greater = QString::localeAwareCompare(kb.toString(), ka.toString()) < 0;
            return order == Qt::AscendingOrder ? less : greater;
        }
        const auto va = ka.toLongLong();
        const auto vb = kb.toLongLong();
        return order == Qt::AscendingOrder ? va < vb : va > vb;
    });
    // Move persistent indexes with their rows.
    std::vector<int> newRowOf(m_order.size());
    for (std::size_t r = 0; r < m_order.size(); ++r) {
        newRowOf[static_cast<std::size_t>(m_order[r])] = static_cast<int>(r);
    }
    QModelIndexList after;
    for (const auto& old : before) {
        if (old.row() < static_cast<int>(previousOrder.size())) {
            const int breakdownRow = previousOrder[static_cast<std::size_t>(old.row())];
            after.append(index(newRowOf[static_cast<std::size_t>(breakdownRow)], old.column()));
        } else {
            after.append(old);
        }
    }
    changePersistentIndexList(before, after);
    m_sortColumn = column;
    m_sortOrder = order;
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace cartera::app
