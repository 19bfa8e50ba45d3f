#include "app/portfolio_customer_model.h"

#include "app/portfolio_pivot_model.h"

#include <algorithm>
#include <climits>

namespace cartera::app {

using namespace cartera::domain;

PortfolioCustomerModel::PortfolioCustomerModel(services::PortfolioAnalysisService& service, QObject* parent)
    : QAbstractTableModel(parent), m_service(service)
{
}

void PortfolioCustomerModel::setCustomers(std::vector<PortfolioCustomerFigures> customers, const std::string& currency)
{
    beginResetModel();
    m_customers = std::move(customers);
    m_currency = CurrencyCode::parse(currency).value_or(CurrencyCode{});
    m_pages.clear();
    m_pageAge.clear();
    endResetModel();
}

void PortfolioCustomerModel::clear()
{
    setCustomers({}, m_currency.str());
}

int PortfolioCustomerModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(std::min<std::size_t>(m_customers.size(), INT_MAX));
}

int PortfolioCustomerModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : Count;
}

const storage::CustomerLabel* PortfolioCustomerModel::labelAt(int row) const
{
    const int page = row / kPageSize;
    auto found = m_pages.find(page);
    if (found == m_pages.end()) {
        std::vector<CustomerId> ids;
        const auto first = static_cast<std::size_t>(page) * kPageSize;
        const auto last = std::min(m_customers.size(), first + kPageSize);
        for (auto i = first; i < last; ++i) {
            ids.push_back(m_customers[i].id);
        }
        auto labels = m_service.labels(ids);
        if (!labels) {
            return nullptr;
        }
        if (m_pages.size() >= kMaxPages) {
            m_pages.erase(m_pageAge.front());
            m_pageAge.erase(m_pageAge.begin());
        }
        found = m_pages.emplace(page, std::move(labels.value())).first;
        m_pageAge.push_back(page);
    }
    const auto offset = static_cast<std::size_t>(row % kPageSize);
    return offset < found->second.size() ? &found->second[offset] : nullptr;
}

std::optional<std::int64_t> PortfolioCustomerModel::figure(const PortfolioFigures& figures, int column) const
{
    switch (column) {
    case Revenue:
        return figures.revenue;
    case Margin:
        return figures.margin();
    case MarginPercent:
        return figures.marginPercent();
    case PriorRevenue:
        return figures.priorRevenue;
    case Growth:
        return figures.growthPercent();
    case Clv:
        return figures.clv;
    default:
        return std::nullopt;
    }
}

QVariant PortfolioCustomerModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= Count) {
        return {};
    }
    const auto& customer = m_customers[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == Code || column == Name) {
            const auto* label = labelAt(index.row());
            if (!label) {
                return {};
            }
            return QString::fromStdString(column == Code ? label->code : label->name);
        } else {
            const auto value = figure(customer.figures, column);
            switch (column) {
            case MarginPercent:
                return formatMeasure(PortfolioMeasure::MarginPercent, value, m_currency);
            case Growth:
                return formatMeasure(PortfolioMeasure::Growth, value, m_currency);
            default:
                return formatMeasure(PortfolioMeasure::Revenue, value, m_currency);
            }
        }
    case kSortRole: {
        const auto value = figure(customer.figures, column);
        return value ? QVariant(static_cast<qlonglong>(*value)) : QVariant();
    }
    case kCustomerIdRole:
        return QVariant::fromValue<qlonglong>(customer.id);
    case Qt::TextAlignmentRole:
        return column == Code || column == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (customer.figures.customers == 0) {
            return tr("Bought here in the prior period only: lost, or moved elsewhere.");
        }
        return {};
    default:
        return {};
    }
}

QVariant PortfolioCustomerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Code:
        return tr("Code");
    case Name:
        return tr("Name");
    case Revenue:
        return tr("Revenue");
    case Margin:
        return tr("Gross margin");
    case MarginPercent:
        return tr("Margin %");
    case PriorRevenue:
        return tr("Prior revenue");
    case Growth:
        return tr("Growth");
    case Clv:
        return tr("CLV");
    default:
        return {};
    }
}

void PortfolioCustomerModel::sort(int column, Qt::SortOrder order)
{
    if (column == Code || column == Name || column < 0 || column >= Count) {
        return;
    }
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Rows move: remember which customer each persistent index showed.
    const auto before = persistentIndexList();
    std::vector<CustomerId> ids;
    for (const auto& index : before) {
        ids.push_back(m_customers[static_cast<std::size_t>(index.row())].id);
    }
    std::stable_sort(m_customers.begin(), m_customers.end(),
                     [&](const PortfolioCustomerFigures& a, const PortfolioCustomerFigures& b) {
                         const auto va = figure(a.figures, column);
                         const auto vb = figure(b.figures, column);
                         if (!va || !vb) {
                             return va.has_value() && !vb.has_value();  // undefined last
                         }
                         return order == Qt::AscendingOrder ? *va < *vb : *va > *vb;
                     });
    m_pages.clear();
    m_pageAge.clear();
    QModelIndexList after;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto found = std::find_if(m_customers.begin(), m_customers.end(),
                                        [&](const PortfolioCustomerFigures& c) { return c.id == ids[i]; });
        after.append(index(static_cast<int>(found - m_customers.begin()), before[static_cast<int>(i)].column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace cartera::app
