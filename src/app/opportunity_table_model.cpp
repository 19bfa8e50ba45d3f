#include "app/opportunity_table_model.h"

#include "app/money_format.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString categoryLabel(ForecastCategory category)
{
    switch (category) {
    case ForecastCategory::Commit: return QObject::tr("Commit");
    case ForecastCategory::BestCase: return QObject::tr("Best case");
    case ForecastCategory::Pipeline: return QObject::tr("Pipeline");
    case ForecastCategory::Omitted: return QObject::tr("Omitted");
    }
    return {};
}

QDate toQDate(Date date)
{
    return QDate(date.year(), static_cast<int>(date.month()), static_cast<int>(date.day()));
}

} // namespace

DealAlert dealAlert(const Opportunity& o, const std::vector<Stage>& stages, Date today, int staleDays)
{
    const Stage* stage = findStage(stages, o.stage);
    if (stage == nullptr || stage->outcome != StageOutcome::Open) {
        return DealAlert::None;
    }
    if (o.expectedClose < today) {
        return DealAlert::Overdue;
    }
    if (o.stageChangedOn.daysUntil(today) > staleDays) {
        return DealAlert::Stale;
    }
    return DealAlert::None;
}

OpportunityTableModel::OpportunityTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void OpportunityTableModel::setRows(std::vector<storage::OpportunityRow> rows, std::vector<domain::Stage> stages, Date today,
                                    int staleDays)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_stages = std::move(stages);
    m_today = today;
    m_staleDays = staleDays;
    endResetModel();
}

int OpportunityTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int OpportunityTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OpportunityTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) {
        return {};
    }
    const auto& row = m_rows[static_cast<std::size_t>(index.row())];
    const auto& o = row.opportunity;
    const domain::Stage* stage = findStage(m_stages, o.stage);
    const int probability = stage ? effectiveProbability(o, *stage) : 0;
    if (role == IdRole) {
        return QVariant::fromValue<qlonglong>(o.id);
    }
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Probability:
        case Amount:
        case Weighted: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    }
    const auto alert = dealAlert(o, m_stages, m_today, m_staleDays);
    if (role == Qt::BackgroundRole) {
        if (alert == DealAlert::Overdue) {
            return QBrush(QColor(0xfd, 0xe7, 0xe9));
        }
        if (alert == DealAlert::Stale) {
            return QBrush(QColor(0xff, 0xf4, 0xce));
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (alert == DealAlert::Overdue) {
            return QObject::tr("Past its expected close date (%1)").arg(QLocale().toString(toQDate(o.expectedClose), QLocale::ShortFormat));
        }
        if (alert == DealAlert::Stale) {
            return QObject::tr("No stage change for %1 days").arg(o.stageChangedOn.daysUntil(m_today));
        }
        return {};
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case Account: return qs(row.customerName) + (row.prospect ? QObject::tr(" (prospect)") : QString());
    case Title: return qs(o.title);
    case StageName: return stage ? qs(stage->name) : qs(o.stage);
    case Probability: return QStringLiteral("%1 %").arg(probability);
    case Amount: return formatMoneyWhole(o.amount);
    case Weighted: return formatMoneyWhole(Money{weightedAmount(o.amount.minor, probability), o.amount.currency});
    case ExpectedClose:
        return QLocale().toString(toQDate(o.closedOn.value_or(o.expectedClose)), QLocale::ShortFormat) +
               (alert == DealAlert::Overdue ? QObject::tr(" (overdue)") : QString());
    case Owner: return qs(row.ownerName);
    case Category: return categoryLabel(o.category);
    case NextStep: return qs(o.nextStep);
    default: return {};
    }
}

QVariant OpportunityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Account: return tr("Account");
    case Title: return tr("Title");
    case StageName: return tr("Stage");
    case Probability: return tr("Prob.");
    case Amount: return tr("Amount");
    case Weighted: return tr("Weighted");
    case ExpectedClose: return tr("Close");
    case Owner: return tr("Owner");
    case Category: return tr("Category");
    case NextStep: return tr("Next step");
    default: return {};
    }
}

} // namespace cartera::app
