#include "app/pipeline_view.h"

#include "app/opportunity_editor.h"
#include "app/opportunity_table_model.h"
#include "app/pipeline_board.h"
#include "domain/forecast.h"
#include "services/portfolio.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

namespace {

enum class Period {
    Any,
    ThisMonth,
    ThisQuarter,
    NextQuarter,
};

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

PipelineView::PipelineView(services::Portfolio& portfolio, std::optional<RepId> me, int staleDays, QWidget* parent)
    : QWidget(parent), m_portfolio(portfolio), m_service(portfolio), m_me(me), m_staleDays(staleDays),
      m_today(Date::today()), m_owner(new QComboBox), m_period(new QComboBox), m_stageFilter(new QComboBox),
      m_message(new QLabel), m_listCount(new QLabel), m_tabs(new QTabWidget), m_table(new QTableView),
      m_model(new OpportunityTableModel(this))
{
    auto stages = m_service.stages();
    if (stages) {
        m_stages = stages.value();
    }
    fillOwners();
    m_period->addItem(tr("Any close date"), static_cast<int>(Period::Any));
    m_period->addItem(tr("Closing this month"), static_cast<int>(Period::ThisMonth));
    m_period->addItem(tr("Closing this quarter"), static_cast<int>(Period::ThisQuarter));
    m_period->addItem(tr("Closing next quarter"), static_cast<int>(Period::NextQuarter));
    m_stageFilter->addItem(tr("Every stage"), QString());
    for (const auto& stage : m_stages) {
        m_stageFilter->addItem(qs(stage.name), qs(stage.code));
    }
    auto* newButton = new QPushButton(tr("New Opportunity…"));
    newButton->setToolTip(tr("Select a customer in the Customers view and choose Customers > New Opportunity, "
                             "or pick the account here"));

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Owner:")));
    filters->addWidget(m_owner);
    filters->addWidget(new QLabel(tr("Period:")));
    filters->addWidget(m_period);
    filters->addWidget(new QLabel(tr("List stage:")));
    filters->addWidget(m_stageFilter);
    filters->addStretch(1);
    filters->addWidget(newButton);

    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("background: #fde7e9; color: #8c1d18; padding: 6px 10px;"));
    m_message->hide();

    auto* board = new QWidget;
    auto* columns = new QHBoxLayout(board);
    columns->setContentsMargins(0, 0, 0, 0);
    for (const auto& stage : m_stages) {
        auto* column = new StageColumn(stage);
        m_columns[stage.code] = column;
        columns->addWidget(column, 1);
        connect(column->list(), &StageList::moveRequested, this, &PipelineView::onDrop);
        connect(column->list(), &QListWidget::itemDoubleClicked, this,
                [this](QListWidgetItem* item) { editOpportunity(item->data(StageList::IdRole).toLongLong()); });
    }
    auto* scroll = new QScrollArea;
    scroll->setWidget(board);
    scroll->setWidgetResizable(true);
    m_tabs->addTab(scroll, tr("&Board"));

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto* listPage = new QWidget;
    auto* listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_table, 1);
    listLayout->addWidget(m_listCount);
    m_tabs->addTab(listPage, tr("&List"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);

    const auto reloadNow = [this] {
        if (m_loaded) {
            reload();
        }
    };
    connect(m_owner, &QComboBox::currentIndexChanged, this, reloadNow);
    connect(m_period, &QComboBox::currentIndexChanged, this, reloadNow);
    connect(m_stageFilter, &QComboBox::currentIndexChanged, this, reloadNow);
    connect(m_table, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { editOpportunity(index.data(OpportunityTableModel::IdRole).toLongLong()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& index) {
        if (index.isValid()) {
            emit customerSelected(m_model->row(index.row()).opportunity.customerId);
        }
    });
    connect(newButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const auto code = QInputDialog::getText(this, tr("New Opportunity"), tr("Account code (customer or prospect):"),
                                                QLineEdit::Normal, QString(), &ok);
        if (!ok || code.trimmed().isEmpty()) {
            return;
        }
        const auto account = m_portfolio.customers().findByCode(code.trimmed().toStdString());
        if (!account) {
            report(invalidInput("no account has the code " + code.trimmed().toStdString(), "account"));
            return;
        }
        newOpportunityFor(account->id);
    });
}

void PipelineView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded) {
        reload();
    }
}

void PipelineView::fillOwners()
{
    const QSignalBlocker blocker(m_owner);
    const auto previous = m_owner->currentData();
    m_owner->clear();
    m_owner->addItem(tr("All reps"), QVariant());
    if (m_me) {
        m_owner->addItem(tr("My opportunities"), QVariant::fromValue<qlonglong>(*m_me));
    }
    for (const auto& rep : m_portfolio.reps().all()) {
        m_owner->addItem(qs(rep.name), QVariant::fromValue<qlonglong>(rep.id));
    }
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(previous)));
}

void PipelineView::setCurrentRep(std::optional<RepId> me)
{
    m_me = me;
    fillOwners();
    if (m_loaded) {
        reload();
    }
}

void PipelineView::setStaleDays(int days)
{
    m_staleDays = days;
    if (m_loaded) {
        reload();
    }
}

void PipelineView::setToday(Date today)
{
    m_today = today;
    if (m_loaded) {
        reload();
    }
}

OpportunityFilter PipelineView::filter() const
{
    OpportunityFilter f;
    if (m_owner->currentData().isValid()) {
        f.ownerRepId = m_owner->currentData().toLongLong();
    }
    const MonthRange quarter = quarterOf(m_today);
    switch (static_cast<Period>(m_period->currentData().toInt())) {
    case Period::Any: break;
    case Period::ThisMonth: f.closeMonths = MonthRange::between(m_today.monthKey(), m_today.monthKey()).value(); break;
    case Period::ThisQuarter: f.closeMonths = quarter; break;
    case Period::NextQuarter: f.closeMonths = quarterOf(m_today.addMonths(3)); break;
    }
    return f;
}

void PipelineView::reload()
{
    m_loaded = true;
    const auto currency = m_portfolio.settings().currency();
    const auto f = filter();
    auto sums = m_service.stageSummaries(f);
    if (!sums) {
        report(sums.error());
        return;
    }
    for (const auto& summary : sums.value()) {
        auto it = m_columns.find(summary.stage);
        if (it == m_columns.end()) {
            continue;
        }
        it->second->setSummary(summary, currency);
        auto stageFilter = f;
        stageFilter.stage = summary.stage;
        auto cards = m_service.list(stageFilter, 0, kBoardCap);
        if (!cards) {
            report(cards.error());
            return;
        }
        it->second->setCards(cards.value(), summary.count, m_stages, m_today, m_staleDays);
    }
    auto listFilter = f;
    if (const auto stage = m_stageFilter->currentData().toString(); !stage.isEmpty()) {
        listFilter.stage = stage.toStdString();
    }
    auto rows = m_service.list(listFilter, 0, kListCap);
    auto total = m_service.count(listFilter);
    if (!rows || !total) {
        report(rows ? total.error() : rows.error());
        return;
    }
    const auto shown = static_cast<qlonglong>(rows.value().size());
    m_model->setRows(std::move(rows.value()), m_stages, m_today, m_staleDays);
    m_listCount->setText(total.value() > shown
                             ? tr("Showing the first %1 of %2 opportunities by close date")
                                   .arg(QLocale().toString(shown), QLocale().toString(static_cast<qlonglong>(total.value())))
                             : tr("%n opportunities", nullptr, static_cast<int>(total.value())));
}

StageColumn* PipelineView::column(const std::string& stage) const
{
    const auto it = m_columns.find(stage);
    return it == m_columns.end() ? nullptr : it->second;
}

void PipelineView::report(const Error& error)
{
    m_message->setText(qs(error.describe()));
    m_message->show();
    emit errorOccurred(error);
}

PipelineView::Step PipelineView::refreshing(Step step)
{
    return [this, step = std::move(step)] {
        auto status = step();
        reload();
        return status;
    };
}

void PipelineView::onDrop(OpportunityId id, const std::string& stage)
{
    const Stage* target = findStage(m_stages, stage);
    std::string reason;
    if (target != nullptr && target->outcome == StageOutcome::Lost) {
        const auto reasons = m_service.lostReasons();
        if (!reasons) {
            report(reasons.error());
            return;
        }
        QStringList labels;
        for (const auto& r : reasons.value()) {
            labels << qs(r.label);
        }
        bool ok = false;
        const auto chosen = QInputDialog::getItem(this, tr("Lost Opportunity"), tr("Why was it lost?"), labels, 0, false, &ok);
        if (!ok) {
            return;
        }
        reason = reasons.value()[static_cast<std::size_t>(labels.indexOf(chosen))].code;
    }
    moveOpportunity(id, stage, reason);
}

bool PipelineView::moveOpportunity(OpportunityId id, const std::string& stage, const std::string& lostReason)
{
    auto moved = m_service.move(id, stage, m_today, lostReason);
    if (!moved) {
        report(moved.error());
        return false;
    }
    m_message->hide();
    reload();
    const auto move = moved.value();
    const Stage* target = findStage(m_stages, stage);
    auto* service = &m_service;
    emit changeRequested(tr("Move %1 to %2").arg(qs(move.after.title), target ? qs(target->name) : qs(stage)),
                         refreshing([service, move] { return service->redoMove(move); }),
                         refreshing([service, move] { return service->undoMove(move); }));
    return true;
}

bool PipelineView::createOpportunity(const Opportunity& opportunity)
{
    auto created = m_service.create(opportunity, m_today);
    if (!created) {
        report(created.error());
        return false;
    }
    m_message->hide();
    reload();
    const auto saved = created.value();
    auto* service = &m_service;
    // Undo deletes it; Redo puts it back with its id and history.
    auto deletion = std::make_shared<services::OpportunityDeletion>();
    emit changeRequested(
        tr("New opportunity %1").arg(qs(saved.title)),
        refreshing([service, deletion] { return service->restore(*deletion); }),
        refreshing([service, deletion, id = saved.id]() -> Status {
            auto removed = service->remove(id);
            if (!removed) {
                return removed.error();
            }
            *deletion = removed.value();
            return Done{};
        }));
    return true;
}

bool PipelineView::updateOpportunity(const Opportunity& opportunity)
{
    auto before = m_service.find(opportunity.id);
    if (!before) {
        report(before.error());
        return false;
    }
    const auto previousHistory = m_service.history(opportunity.id);
    auto updated = m_service.update(opportunity, m_today);
    if (!updated) {
        report(updated.error());
        return false;
    }
    m_message->hide();
    reload();
    auto* service = &m_service;
    const auto after = updated.value();
    const auto previous = before.value();
    // An edit may record a stage change; Undo restores the deal with the history it had.
    const auto history = previousHistory ? previousHistory.value() : std::vector<StageChange>{};
    const Date today = m_today;
    emit changeRequested(
        tr("Edit opportunity %1").arg(qs(after.title)),
        refreshing([service, after, today]() -> Status {
            auto r = service->update(after, today);
            return r ? Status(Done{}) : Status(r.error());
        }),
        refreshing([service, previous, history]() -> Status {
            auto removed = service->remove(previous.id);
            if (!removed) {
                return removed.error();
            }
            return service->restore(services::OpportunityDeletion{previous, history});
        }));
    return true;
}

void PipelineView::newOpportunityFor(CustomerId customerId)
{
    Opportunity blank;
    blank.customerId = customerId;
    if (const auto account = m_portfolio.customers().find(customerId)) {
        blank.ownerRepId = account->ownerRepId ? account->ownerRepId : m_me;
    }
    blank.expectedClose = m_today.addDays(30);
    blank.amount.currency = m_portfolio.settings().currency();
    auto reasons = m_service.lostReasons();
    OpportunityEditor editor(m_portfolio, blank, m_stages, reasons ? reasons.value() : std::vector<LostReason>{}, this);
    while (editor.exec() == QDialog::Accepted) {
        if (createOpportunity(editor.opportunity())) {
            return;
        }
        editor.showError(m_message->text());
    }
}

void PipelineView::editOpportunity(OpportunityId id)
{
    auto opportunity = m_service.find(id);
    if (!opportunity) {
        report(opportunity.error());
        return;
    }
    auto reasons = m_service.lostReasons();
    OpportunityEditor editor(m_portfolio, opportunity.value(), m_stages,
                             reasons ? reasons.value() : std::vector<LostReason>{}, this);
    while (editor.exec() == QDialog::Accepted) {
        if (updateOpportunity(editor.opportunity())) {
            return;
        }
        editor.showError(m_message->text());
    }
}

} // namespace cartera::app
