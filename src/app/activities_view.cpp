#include "app/activities_view.h"

#include "app/activity_editor.h"
#include "app/activity_table_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

namespace {

constexpr ActivityType kTypes[] = {ActivityType::Call,  ActivityType::Email, ActivityType::Meeting,
                                   ActivityType::Note,  ActivityType::Order, ActivityType::Claim,
                                   ActivityType::InformationRequest, ActivityType::AfterSalesVisit};

} // namespace

ActivitiesView::ActivitiesView(services::Portfolio& portfolio, int responseTargetDays, QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);

    auto* filters = new QHBoxLayout;
    m_scope = new QComboBox;
    m_scope->addItem(tr("My activities"));
    m_scope->addItem(tr("All activities"));
    m_scope->setCurrentIndex(1);
    m_type = new QComboBox;
    m_type->addItem(tr("All types"));
    for (const auto type : kTypes) {
        m_type->addItem(activityTypeLabel(type), static_cast<int>(type));
    }
    m_progress = new QComboBox;
    m_progress->addItem(tr("Any stage"), static_cast<int>(ActivityProgress::Any));
    m_progress->addItem(tr("Open or in progress"), static_cast<int>(ActivityProgress::Pending));
    m_progress->addItem(tr("Resolved or closed"), static_cast<int>(ActivityProgress::Done));
    m_period = new QComboBox;
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("Last 90 days"), 90);
    m_period->addItem(tr("Last 12 months"), 365);
    m_period->addItem(tr("All time"), 0);
    m_period->setCurrentIndex(1);
    m_shown = new QLabel;
    for (auto* combo : {m_scope, m_type, m_progress, m_period}) {
        filters->addWidget(combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &ActivitiesView::applyFilter);
    }
    filters->addStretch();
    filters->addWidget(m_shown);
    layout->addLayout(filters);

    m_model = new ActivityTableModel(portfolio, responseTargetDays, this);
    m_table = new QTableView;
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never asks a million rows for their size.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {85, 220, 110, 210, 140, 110, 95, 80};
    for (int column = 0; column < ActivityTableModel::Count; ++column) {
        m_table->setColumnWidth(column, widths[column]);
    }
    layout->addWidget(m_table);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) {
                    emit customerSelected(current.data(ActivityTableModel::kCustomerIdRole).toLongLong());
                }
            });
    applyFilter();
}

void ActivitiesView::setCurrentUser(std::optional<RepId> rep)
{
    m_currentUser = rep;
    m_scope->setEnabled(rep.has_value());
    // A rep starts on their own activities; without a current user only "All" makes sense.
    m_scope->setCurrentIndex(rep ? 0 : 1);
    applyFilter();
}

void ActivitiesView::setResponseTargetDays(int days)
{
    m_model->setResponseTargetDays(days);
}

void ActivitiesView::reload()
{
    m_model->reload();
    applyFilter();
}

void ActivitiesView::applyFilter()
{
    ActivityFilter filter;
    if (m_type->currentIndex() > 0) {
        filter.type = static_cast<ActivityType>(m_type->currentData().toInt());
    }
    filter.progress = static_cast<ActivityProgress>(m_progress->currentData().toInt());
    if (const int days = m_period->currentData().toInt(); days > 0) {
        filter.since = Date::today().addDays(-days);
    }
    if (m_scope->currentIndex() == 0 && m_currentUser) {
        filter.ownerRepId = m_currentUser;
    }
    m_model->setFilter(filter);
    m_shown->setText(tr("%1 activities").arg(QLocale().toString(m_model->rowCount())));
}

} // namespace cartera::app
