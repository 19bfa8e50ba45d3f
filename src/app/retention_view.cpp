#include "app/retention_view.h"

#include "app/at_risk_model.h"
#include "app/exit_dialog.h"
#include "app/report_table_model.h"
#include "services/portfolio.h"
#include "services/retention_report.h"
#include "services/retention_service.h"
#include "services/exit_service.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

#include <map>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QTableView* makeTable(QAbstractItemModel* model)
{
    auto* table = new QTableView;
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);  // one line a row; the whole text in the tooltip
    table->horizontalHeader()->setDefaultSectionSize(130);
    return table;
}

QString dimensionLabel(ChurnDimension dimension)
{
    switch (dimension) {
    case ChurnDimension::None:
        return RetentionView::tr("Whole portfolio");
    case ChurnDimension::Rep:
        return RetentionView::tr("Rep");
    case ChurnDimension::Channel:
        return RetentionView::tr("Channel");
    case ChurnDimension::AbcClass:
        return RetentionView::tr("ABC class (latest snapshot)");
    case ChurnDimension::Reason:
        return RetentionView::tr("Reason");
    }
    return {};
}

QString granularityLabel(ChurnGranularity granularity)
{
    switch (granularity) {
    case ChurnGranularity::Month:
        return RetentionView::tr("Month");
    case ChurnGranularity::Quarter:
        return RetentionView::tr("Quarter");
    case ChurnGranularity::Year:
        return RetentionView::tr("Year");
    }
    return {};
}

void fillGranularities(QComboBox* combo)
{
    for (const auto& [granularity, code] : kChurnGranularityCodes.entries) {
        combo->addItem(granularityLabel(granularity), static_cast<int>(granularity));
    }
    combo->setCurrentIndex(combo->findData(static_cast<int>(ChurnGranularity::Year)));
}

} // namespace

RetentionView::RetentionView(services::Portfolio& portfolio, QWidget* parent)
    : QWidget(parent), m_portfolio(portfolio), m_service(portfolio), m_asOf(Date::today())
{
    m_tabs = new QTabWidget;
    m_tabs->addTab(createAtRiskTab(), tr("At risk"));
    m_tabs->addTab(createExitsTab(), tr("Exits"));
    m_tabs->addTab(createChurnTab(), tr("Churn"));
    m_tabs->addTab(createCohortTab(), tr("Cohorts"));
    m_tabs->addTab(createSatisfactionTab(), tr("Satisfaction"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

RetentionView::~RetentionView() = default;

QWidget* RetentionView::createAtRiskTab()
{
    auto* tab = new QWidget;
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Revenue down more than")));
    m_dropPercent = new QSpinBox;
    m_dropPercent->setRange(1, 100);
    m_dropPercent->setValue(30);
    m_dropPercent->setSuffix(tr(" %"));
    controls->addWidget(m_dropPercent);
    auto* refreshButton = new QPushButton(tr("&Refresh"));
    controls->addWidget(refreshButton);
    auto* assign = new QPushButton(tr("&Assign retention call"));
    assign->setToolTip(tr("Log an open retention call for the selected customer, owned by its rep, with the reasons"));
    controls->addWidget(assign);
    controls->addStretch();
    m_atRiskSummary = new QLabel;
    m_atRiskModel = new AtRiskModel(this);
    m_atRiskTable = makeTable(m_atRiskModel);
    m_atRiskTable->setColumnWidth(AtRiskModel::Code, 90);
    m_atRiskTable->setColumnWidth(AtRiskModel::Name, 220);
    m_atRiskTable->setColumnWidth(AtRiskModel::Score, 60);
    m_atRiskTable->setColumnWidth(AtRiskModel::Reasons, 520);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(controls);
    layout->addWidget(m_atRiskSummary);
    layout->addWidget(m_atRiskTable);
    connect(m_dropPercent, &QSpinBox::valueChanged, this, &RetentionView::updateAtRisk);
    connect(refreshButton, &QPushButton::clicked, this, &RetentionView::refresh);
    connect(assign, &QPushButton::clicked, this, [this] { assignRetentionCall(m_atRiskTable->currentIndex().row()); });
    connect(m_atRiskTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { emit customerSelected(m_atRiskModel->customerId(current.row())); });
    connect(m_atRiskTable, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { emit customerActivated(m_atRiskModel->customerId(index.row())); });
    return tab;
}

QWidget* RetentionView::createExitsTab()
{
    auto* tab = new QWidget;
    auto* controls = new QHBoxLayout;
    m_exitOutcome = new QComboBox;
    m_exitOutcome->addItem(tr("Every exit"), -1);
    m_exitOutcome->addItem(tr("Lost: the win-back list"), static_cast<int>(ExitOutcome::Lost));
    m_exitOutcome->addItem(tr("Retained"), static_cast<int>(ExitOutcome::Retained));
    m_exitOutcome->addItem(tr("Won back"), static_cast<int>(ExitOutcome::WonBack));
    controls->addWidget(m_exitOutcome);
    auto* winBack = new QPushButton(tr("Create &win-back opportunity"));
    winBack->setToolTip(tr("Logs a win-back note for the selected former customer (opportunities are not in this "
                           "version yet)"));
    controls->addWidget(winBack);
    controls->addStretch();
    m_exitModel = new ReportTableModel(this);
    m_exitTable = makeTable(m_exitModel);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(controls);
    layout->addWidget(m_exitTable);
    connect(m_exitOutcome, &QComboBox::currentIndexChanged, this, &RetentionView::updateExits);
    connect(winBack, &QPushButton::clicked, this, [this] { createWinBack(m_exitTable->currentIndex().row()); });
    const auto idOf = [this](int row) {
        return row >= 0 && row < static_cast<int>(m_exits.size()) ? m_exits[static_cast<std::size_t>(row)].exit.customerId
                                                                   : CustomerId{0};
    };
    connect(m_exitTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, idOf](const QModelIndex& current) { emit customerSelected(idOf(current.row())); });
    connect(m_exitTable, &QTableView::doubleClicked, this,
            [this, idOf](const QModelIndex& index) { emit customerActivated(idOf(index.row())); });
    return tab;
}

QWidget* RetentionView::createChurnTab()
{
    auto* tab = new QWidget;
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Per")));
    m_churnPeriod = new QComboBox;
    fillGranularities(m_churnPeriod);
    controls->addWidget(m_churnPeriod);
    controls->addWidget(new QLabel(tr("by")));
    m_churnBy = new QComboBox;
    for (const auto& [dimension, code] : kChurnDimensionCodes.entries) {
        m_churnBy->addItem(dimensionLabel(dimension), static_cast<int>(dimension));
    }
    controls->addWidget(m_churnBy);
    controls->addStretch();
    m_churnModel = new ReportTableModel(this);
    m_churnTable = makeTable(m_churnModel);
    m_churnChart = new QChartView;
    m_churnChart->setRenderHint(QPainter::Antialiasing);
    m_churnChart->setMinimumHeight(220);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_churnChart);
    splitter->addWidget(m_churnTable);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(controls);
    layout->addWidget(splitter);
    connect(m_churnPeriod, &QComboBox::currentIndexChanged, this, &RetentionView::updateChurn);
    connect(m_churnBy, &QComboBox::currentIndexChanged, this, &RetentionView::updateChurn);
    return tab;
}

QWidget* RetentionView::createCohortTab()
{
    auto* tab = new QWidget;
    m_cohortModel = new ReportTableModel(this);
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(new QLabel(tr("Customers by the year of their first order, and the share of them that ordered in "
                                    "each year since")));
    layout->addWidget(makeTable(m_cohortModel));
    return tab;
}

QWidget* RetentionView::createSatisfactionTab()
{
    auto* tab = new QWidget;
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Per")));
    m_satisfactionPeriod = new QComboBox;
    fillGranularities(m_satisfactionPeriod);
    controls->addWidget(m_satisfactionPeriod);
    m_satisfactionByRep = new QCheckBox(tr("by rep"));
    m_satisfactionByRep->setChecked(true);
    controls->addWidget(m_satisfactionByRep);
    controls->addStretch();
    m_satisfactionModel = new ReportTableModel(this);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(controls);
    layout->addWidget(makeTable(m_satisfactionModel));
    connect(m_satisfactionPeriod, &QComboBox::currentIndexChanged, this, &RetentionView::updateSatisfaction);
    connect(m_satisfactionByRep, &QCheckBox::toggled, this, &RetentionView::updateSatisfaction);
    return tab;
}

bool RetentionView::refresh()
{
    m_asOf = Date::today();
    auto facts = services::RetentionService(m_portfolio).load(m_asOf);
    if (!facts) {
        emit errorOccurred(facts.error());
        return false;
    }
    m_facts = std::make_shared<const RetentionFacts>(std::move(facts.value()));
    updateAtRisk();
    updateExits();
    updateChurn();
    updateCohorts();
    updateSatisfaction();
    return true;
}

bool RetentionView::showTab(const QString& name)
{
    static const QStringList kNames{QStringLiteral("at-risk"), QStringLiteral("exits"), QStringLiteral("churn"),
                                    QStringLiteral("cohorts"), QStringLiteral("satisfaction")};
    const auto index = kNames.indexOf(name);
    if (index < 0) {
        return false;
    }
    m_tabs->setCurrentIndex(static_cast<int>(index));
    return true;
}

void RetentionView::updateAtRisk()
{
    if (!m_facts) {
        return;
    }
    AtRiskRules rules;
    rules.asOf = m_asOf;
    rules.revenueDropPercent = m_dropPercent->value();
    auto entries = findAtRisk(*m_facts, rules);
    std::int64_t active = 0;
    for (const auto& customer : m_facts->customers) {
        active += !customer.prospect && !customer.archived && !customer.exited && customer.figureCount > 0 ? 1 : 0;
    }
    const QLocale locale;
    m_atRiskSummary->setText(tr("%1 customers at risk of %2 with orders, highest score first (as of %3)")
                                 .arg(locale.toString(static_cast<qlonglong>(entries.size())),
                                      locale.toString(static_cast<qlonglong>(active)),
                                      QString::fromStdString(m_asOf.toIso())));
    auto facts = m_facts;
    m_atRiskModel->setEntries(m_facts, std::move(entries), m_portfolio.settings().currency(),
                              [this, facts](const std::vector<std::uint32_t>& positions) {
                                  auto labels = services::RetentionService(m_portfolio).labels(*facts, positions);
                                  return labels ? labels.value() : std::vector<storage::CustomerLabel>{};
                              });
}

void RetentionView::updateExits()
{
    const int outcome = m_exitOutcome->currentData().toInt();
    auto exits = services::ExitService(m_portfolio)
                     .list(outcome < 0 ? std::nullopt : std::optional<ExitOutcome>(static_cast<ExitOutcome>(outcome)));
    if (!exits) {
        emit errorOccurred(exits.error());
        return;
    }
    m_exits = std::move(exits.value());
    // The export's columns, with the type and outcome in words.
    const auto exported = services::exitReport(m_exits, m_portfolio.settings().currency());
    exchange::ReportTable table(exported.columns());
    for (std::size_t i = 0; i < exported.rows().size(); ++i) {
        auto row = exported.rows()[i];
        row[2] = exitTypeLabel(m_exits[i].exit.type).toStdString();
        row[8] = exitOutcomeShortLabel(m_exits[i].exit.outcome).toStdString();
        table.addRow(std::move(row));
    }
    m_exitModel->setTable(std::move(table),
                          {tr("Code"), tr("Name"), tr("Type"), tr("Reason"), tr("Competitor"), tr("Notice"),
                           tr("Effective"), tr("Lost annual revenue"), tr("Outcome"), tr("Won back on"),
                           tr("Retention actions")});
}

ChurnRequest RetentionView::churnRequest() const
{
    ChurnRequest request;
    request.granularity = static_cast<ChurnGranularity>(m_churnPeriod->currentData().toInt());
    request.dimension = static_cast<ChurnDimension>(m_churnBy->currentData().toInt());
    request.toMonth = m_asOf.monthKey();
    request.fromMonth = (m_asOf.year() - 2) * 100 + 1;  // three calendar years, the current one included
    return request;
}

void RetentionView::updateChurn()
{
    if (!m_facts) {
        return;
    }
    const ChurnRequest request = churnRequest();
    const auto rows = computeChurn(*m_facts, request);
    const auto reps = m_portfolio.reps().all();
    m_churnModel->setTable(services::churnReport(rows, request.dimension, reps, m_facts->reasons,
                                                 m_portfolio.settings().currency()),
                           {tr("Period"), dimensionLabel(request.dimension), tr("Customers at start"), tr("Churned"),
                            tr("Customer churn"), tr("Revenue base"), tr("Lost revenue"), tr("Revenue churn")});

    // The chart: customer churn % per period, one bar set per group (the 8 with the most exits).
    auto* chart = new QChart;
    chart->setTitle(tr("Customer churn by %1").arg(granularityLabel(request.granularity).toLower()));
    QStringList periods;
    std::map<std::int64_t, std::int64_t> exitsByGroup;
    for (const auto& row : rows) {
        if (periods.isEmpty() || periods.back() != QString::fromStdString(row.period)) {
            periods << QString::fromStdString(row.period);
        }
        exitsByGroup[row.group] += row.churned;
    }
    std::vector<std::pair<std::int64_t, std::int64_t>> groups(exitsByGroup.begin(), exitsByGroup.end());
    std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (groups.size() > 8) {
        groups.resize(8);
    }
    auto* series = new QBarSeries;
    double highest = 0;
    for (const auto& [group, exits] : groups) {
        auto* set = new QBarSet(QString::fromStdString(
            services::churnGroupLabel(request.dimension, group, reps, m_facts->reasons)));
        for (const QString& period : periods) {
            double value = 0;
            for (const auto& row : rows) {
                if (row.group == group && QString::fromStdString(row.period) == period) {
                    value = static_cast<double>(row.customerChurnBp()) / 100.0;
                }
            }
            highest = std::max(highest, value);
            *set << value;
        }
        series->append(set);
    }
    chart->addSeries(series);
    auto* axisX = new QBarCategoryAxis;
    axisX->append(periods);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto* axisY = new QValueAxis;
    axisY->setRange(0, std::max(1.0, highest * 1.15));
    axisY->setLabelFormat(QStringLiteral("%.1f"));
    axisY->setTitleText(tr("% of customers at start"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    chart->legend()->setVisible(request.dimension != ChurnDimension::None);
    if (rows.empty()) {
        chart->setTitle(tr("No customers or exits in these periods"));
    }
    auto* old = m_churnChart->chart();
    m_churnChart->setChart(chart);
    delete old;
}

void RetentionView::updateCohorts()
{
    if (!m_facts) {
        return;
    }
    const auto rows = cohortTable(*m_facts, m_asOf.year());
    QStringList headers{tr("First order"), tr("Customers")};
    std::size_t years = 0;
    for (const auto& row : rows) {
        years = std::max(years, row.ordering.size());
    }
    for (std::size_t k = 0; k < years; ++k) {
        headers << (k == 0 ? tr("Same year") : tr("Year +%1").arg(k));
    }
    m_cohortModel->setTable(services::cohortReport(rows), headers);
}

void RetentionView::updateSatisfaction()
{
    if (!m_facts) {
        return;
    }
    const auto granularity = static_cast<ChurnGranularity>(m_satisfactionPeriod->currentData().toInt());
    m_satisfactionModel->setTable(
        services::satisfactionReport(satisfactionByRep(*m_facts, granularity, m_satisfactionByRep->isChecked()),
                                     m_portfolio.reps().all()),
        {tr("Period"), tr("Rep"), tr("CSAT answers"), tr("Average CSAT (1-5)"), tr("NPS answers"), tr("NPS")});
}

bool RetentionView::assignRetentionCall(int row)
{
    const auto* entry = m_atRiskModel->entry(row);
    if (entry == nullptr) {
        return false;
    }
    const CustomerId id = m_atRiskModel->customerId(row);
    const auto customer = m_portfolio.customers().find(id);
    if (!customer) {
        return false;
    }
    auto logged = services::RetentionService(m_portfolio)
                      .assignRetentionActivity(id, customer->ownerRepId, Date::today(),
                                               AtRiskModel::reasonsText(*entry).toStdString());
    if (!logged) {
        emit errorOccurred(logged.error());
        return false;
    }
    const Activity saved = logged.value();
    emit changeRequested(tr("Assign retention call to %1").arg(QString::fromStdString(customer->name)),
                         [this, saved] { return m_service.restoreActivity(saved); },
                         [this, id = saved.id]() -> Status {
                             auto removed = m_service.removeActivity(id);
                             return removed ? Status(Done{}) : Status(removed.error());
                         });
    return true;
}

bool RetentionView::createWinBack(int row)
{
    if (row < 0 || row >= static_cast<int>(m_exits.size())) {
        return false;
    }
    const auto& exit = m_exits[static_cast<std::size_t>(row)];
    const auto customer = m_portfolio.customers().find(exit.exit.customerId);
    if (!customer) {
        return false;
    }
    auto logged = services::RetentionService(m_portfolio).logWinBack(customer->id, customer->ownerRepId, Date::today());
    if (!logged) {
        emit errorOccurred(logged.error());
        return false;
    }
    const Activity saved = logged.value();
    emit changeRequested(tr("Win back %1").arg(QString::fromStdString(customer->name)),
                         [this, saved] { return m_service.restoreActivity(saved); },
                         [this, id = saved.id]() -> Status {
                             auto removed = m_service.removeActivity(id);
                             return removed ? Status(Done{}) : Status(removed.error());
                         });
    return true;
}

} // namespace cartera::app
