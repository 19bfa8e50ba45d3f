#include "app/tiers_view.h"

#include "app/money_format.h"
#include "app/tier_models.h"
#include "services/portfolio.h"
#include "services/tier_export.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QShowEvent>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cartera::app {

using namespace cartera::domain;

namespace {

enum PeriodKind { LastTwelveMonths, CalendarYear, MonthRangeChoice };
enum IndicatorColumn { IndicatorName, IndicatorWeight, IndicatorShare, IndicatorColumns };
enum TierColumn { TierName, TierShare, TierColumns };
enum SummaryColumn { SummaryTier, SummaryCustomers, SummaryCustomerShare, SummaryRevenue, SummaryRevenueShare,
                     SummaryScores, SummaryColumns };

int monthKey(const QDate& date)
{
    return date.year() * 100 + date.month();
}

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

/// Column widths that fit their contents, and a table no wider than that.
void fitColumns(QTableWidget* table)
{
    table->resizeColumnsToContents();
    int width = table->frameWidth() * 2 + (table->verticalHeader()->isVisible() ? table->verticalHeader()->width() : 0);
    for (int column = 0; column < table->columnCount(); ++column) {
        width += table->columnWidth(column);
    }
    table->setMinimumWidth(std::min(width + 2, 520));
}

void styleTable(QTableView* view)
{
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
}

} // namespace

TiersView::TiersView(services::Portfolio& portfolio, QWidget* parent)
    : QWidget(parent), m_portfolio(portfolio), m_service(portfolio), m_currency(portfolio.settings().currency().str())
{
    buildControls();
    auto current = m_service.currentModel();
    showModel(current ? current.value() : TierModel());
    if (!current) {
        showProblem(fromStd(current.error().describe()));
    }
}

TiersView::~TiersView()
{
    stopWorker();
}

QCheckBox* TiersView::indicatorSwitch(TierIndicator indicator) const
{
    return m_switches[static_cast<std::size_t>(tierIndicatorIndex(indicator))];
}

QSpinBox* TiersView::weightBox(TierIndicator indicator) const
{
    return m_weights[static_cast<std::size_t>(tierIndicatorIndex(indicator))];
}

void TiersView::buildControls()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);

    auto* choices = new QHBoxLayout;
    m_period = new QComboBox;
    m_period->addItem(tr("Last 12 months"), LastTwelveMonths);
    m_period->addItem(tr("Calendar year"), CalendarYear);
    m_period->addItem(tr("Months from… to…"), MonthRangeChoice);
    m_year = new QSpinBox;
    m_year->setRange(1900, 2999);
    m_year->setValue(QDate::currentDate().year() - 1);
    m_from = new QDateEdit(QDate::currentDate().addYears(-1));
    m_to = new QDateEdit(QDate::currentDate());
    for (auto* edit : {m_from, m_to}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM"));
        edit->setCalendarPopup(true);
    }
    m_modelChoice = new QComboBox;
    m_modelChoice->setMinimumContentsLength(14);
    m_modelChoice->setToolTip(tr("Saved tier models: choosing one puts its weights and tiers below."));
    auto* runButton = new QPushButton(tr("Run"));
    m_runButton = runButton;
    runButton->setDefault(true);
    runButton->setToolTip(tr("Read the portfolio for the period and rank it. Weights and tiers apply as you edit them."));
    auto* saveModelButton = new QPushButton(tr("Save model…"));
    auto* saveRunButton = new QPushButton(tr("Save run…"));
    auto* exportButton = new QPushButton(tr("Export list…"));
    choices->addWidget(new QLabel(tr("Period")));
    choices->addWidget(m_period);
    choices->addWidget(m_year);
    choices->addWidget(m_from);
    choices->addWidget(m_to);
    choices->addSpacing(8);
    choices->addWidget(new QLabel(tr("Model")));
    choices->addWidget(m_modelChoice);
    choices->addWidget(runButton);
    m_busy = new QProgressBar;
    m_busy->setRange(0, 0);  // busy: a read has no steps to count
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->hide();
    choices->addWidget(m_busy);
    choices->addWidget(m_cancelButton);
    choices->addSpacing(8);
    choices->addWidget(saveModelButton);
    choices->addWidget(saveRunButton);
    choices->addWidget(exportButton);
    choices->addStretch();
    layout->addLayout(choices);

    m_problem = new QLabel;
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);
    m_notice = new QLabel;
    m_notice->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    layout->addWidget(m_notice);
    m_caption = new QLabel;
    m_caption->setText(tr("Press Run to rank the customers."));
    layout->addWidget(m_caption);

    // The model on the left (indicators above tiers); the results on the right: the summary above,
    // the ranked list and the selected customer's breakdown below it.
    auto* editor = new QWidget;
    auto* editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(buildIndicatorPanel());
    editorLayout->addWidget(buildTierPanel());
    editorLayout->addStretch(1);
    editor->setMaximumWidth(m_indicators->width() + 24);
    auto* summaryBox = new QGroupBox(tr("Summary per tier"));
    auto* summaryLayout = new QVBoxLayout(summaryBox);
    summaryLayout->setContentsMargins(4, 4, 4, 4);
    m_summary = new QTableWidget(0, SummaryColumns);
    m_summary->setHorizontalHeaderLabels(
        {tr("Tier"), tr("Customers"), tr("% cust."), tr("Revenue"), tr("% revenue"), tr("Scores")});
    m_summary->horizontalHeaderItem(SummaryScores)->setToolTip(tr("Highest and lowest score in the tier"));
    m_summary->verticalHeader()->hide();
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->setSelectionMode(QAbstractItemView::NoSelection);
    m_summary->horizontalHeader()->setStretchLastSection(false);
    m_summary->verticalHeader()->setDefaultSectionSize(m_summary->fontMetrics().height() + 8);
    m_summary->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_summary->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_summary->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    summaryLayout->addWidget(m_summary);
    summaryBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto* listPanel = new QWidget;
    auto* listLayout = new QVBoxLayout(listPanel);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto* listBar = new QHBoxLayout;
    m_tierFilter = new QComboBox;
    m_tierFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    listBar->addWidget(new QLabel(tr("Show")));
    listBar->addWidget(m_tierFilter);
    listBar->addStretch();
    listLayout->addLayout(listBar);
    m_listModel = new TierEntryModel(this);
    m_list = new QTableView;
    m_list->setModel(m_listModel);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    styleTable(m_list);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    m_list->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {55, 80, 210, 90, 50, 125};
    for (int column = 0; column < TierEntryModel::Count; ++column) {
        m_list->setColumnWidth(column, widths[column]);
    }
    listLayout->addWidget(m_list);

    auto* breakdownPanel = new QWidget;
    auto* breakdownLayout = new QVBoxLayout(breakdownPanel);
    breakdownLayout->setContentsMargins(0, 0, 0, 0);
    m_breakdownTitle = new QLabel(tr("Select a customer to see what each indicator adds to its score."));
    m_breakdownTitle->setWordWrap(true);
    breakdownLayout->addWidget(m_breakdownTitle);
    m_chart = new QChartView;
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(200);
    breakdownLayout->addWidget(m_chart, 3);
    m_breakdownModel = new TierBreakdownModel(this);
    m_breakdown = new QTableView;
    m_breakdown->setModel(m_breakdownModel);
    styleTable(m_breakdown);
    m_breakdown->verticalHeader()->hide();
    m_breakdown->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_breakdown->verticalHeader()->setDefaultSectionSize(m_breakdown->fontMetrics().height() + 6);
    m_breakdown->setSelectionMode(QAbstractItemView::NoSelection);
    m_breakdown->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_breakdown->horizontalHeader()->setSectionResizeMode(TierBreakdownModel::Indicator, QHeaderView::Stretch);
    m_breakdown->horizontalHeader()->setStretchLastSection(false);
    breakdownLayout->addWidget(m_breakdown, 2);

    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(listPanel);
    bottom->addWidget(breakdownPanel);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setSizes({600, 400});  // the list wide enough for its columns, as proportions

    auto* results = new QWidget;
    auto* resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(summaryBox);
    resultsLayout->addWidget(bottom, 1);

    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(editor);
    split->addWidget(results);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, &TiersView::updatePeriodControls);
    connect(runButton, &QPushButton::clicked, this, &TiersView::startRun);
    connect(m_cancelButton, &QPushButton::clicked, this, &TiersView::cancelRun);
    connect(saveModelButton, &QPushButton::clicked, this, &TiersView::askModelName);
    connect(saveRunButton, &QPushButton::clicked, this, &TiersView::askRunName);
    connect(exportButton, &QPushButton::clicked, this, &TiersView::chooseListExport);
    connect(m_modelChoice, &QComboBox::activated, this, [this](int index) {
        const auto name = m_modelChoice->itemData(index).toString();
        if (name.isEmpty()) {
            showModel(TierModel());
            return;
        }
        auto saved = m_service.loadModel(name.toStdString());
        if (!saved) {
            showProblem(fromStd(saved.error().describe()));
            return;
        }
        showModel(saved.value().model);
    });
    connect(m_tierFilter, &QComboBox::currentIndexChanged, this, [this] {
        const auto data = m_tierFilter->currentData();
        m_listModel->setTierFilter(data.toInt() >= 0 ? std::optional<int>(data.toInt()) : std::nullopt);
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& index) {
        if (!index.isValid() || !m_run) {
            return;
        }
        const CustomerId id = index.data(TierEntryModel::kCustomerIdRole).toLongLong();
        showBreakdown(m_run->facts->indexOf(id));
        if (!m_restoringSelection) {
            emit customerSelected(id);
        }
    });
    connect(m_list, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        emit customerActivated(index.data(TierEntryModel::kCustomerIdRole).toLongLong());
    });
    updatePeriodControls();
    fillModelChoice();
}

QWidget* TiersView::buildIndicatorPanel()
{
    auto* box = new QGroupBox(tr("Indicators and weights"));
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(4, 4, 4, 4);
    m_indicators = new QTableWidget(kTierIndicatorCount, IndicatorColumns);
    m_indicators->setHorizontalHeaderLabels({tr("Indicator"), tr("Weight"), tr("Share of score")});
    m_indicators->verticalHeader()->hide();
    m_indicators->verticalHeader()->setDefaultSectionSize(m_indicators->fontMetrics().height() + 12);
    m_indicators->setSelectionMode(QAbstractItemView::NoSelection);
    m_indicators->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_indicators->horizontalHeader()->setStretchLastSection(false);
    for (const auto indicator : allTierIndicators()) {
        const int row = tierIndicatorIndex(indicator);
        auto* on = new QCheckBox(tierIndicatorLabel(indicator));
        on->setToolTip(tierIndicatorDescription(indicator));
        auto* weight = new QSpinBox;
        weight->setRange(0, TierModel::kMaxWeight);
        weight->setToolTip(tr("0 to %1; the score divides by the sum of the weights that count.").arg(TierModel::kMaxWeight));
        m_indicators->setCellWidget(row, IndicatorName, on);
        m_indicators->setCellWidget(row, IndicatorWeight, weight);
        m_indicators->setItem(row, IndicatorShare, new QTableWidgetItem);
        m_switches[static_cast<std::size_t>(row)] = on;
        m_weights[static_cast<std::size_t>(row)] = weight;
        connect(on, &QCheckBox::toggled, this, [this, weight](bool checked) {
            weight->setEnabled(checked);
            modelEdited();
        });
        connect(weight, &QSpinBox::valueChanged, this, &TiersView::modelEdited);
    }
    m_indicators->resizeColumnsToContents();
    m_indicators->setColumnWidth(IndicatorName, m_indicators->columnWidth(IndicatorName) + 12);
    m_indicators->setColumnWidth(IndicatorWeight, std::max(m_indicators->columnWidth(IndicatorWeight), 64));
    m_indicators->setColumnWidth(IndicatorShare, m_indicators->fontMetrics().horizontalAdvance(tr("no data: ignored")) + 16);
    m_indicators->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_indicators->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Every indicator in sight: eight rows, never scrolled.
    int height = m_indicators->horizontalHeader()->sizeHint().height() + m_indicators->frameWidth() * 2;
    int width = m_indicators->frameWidth() * 2;
    for (int row = 0; row < kTierIndicatorCount; ++row) {
        height += m_indicators->rowHeight(row);
    }
    for (int column = 0; column < IndicatorColumns; ++column) {
        width += m_indicators->columnWidth(column);
    }
    m_indicators->setFixedHeight(height + 2);
    m_indicators->setFixedWidth(width + 2);
    boxLayout->addWidget(m_indicators);
    return box;
}

QWidget* TiersView::buildTierPanel()
{
    auto* box = new QGroupBox(tr("Tiers, best first"));
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(4, 4, 4, 4);
    m_tiers = new QTableWidget(0, TierColumns);
    m_tiers->setHorizontalHeaderLabels({tr("Name"), tr("% of customers")});
    m_tiers->verticalHeader()->hide();
    m_tiers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tiers->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tiers->horizontalHeader()->setStretchLastSection(true);
    m_tiers->verticalHeader()->setDefaultSectionSize(m_tiers->fontMetrics().height() + 10);
    m_tiers->setMinimumHeight(m_tiers->verticalHeader()->defaultSectionSize() * 5 + 30);
    m_tiers->setMaximumHeight(m_tiers->verticalHeader()->defaultSectionSize() * TierModel::kMaxTiers + 30);
    m_tiers->setToolTip(tr("Each tier takes a share of the ranked customers, best first; the shares sum to 100 %."));
    boxLayout->addWidget(m_tiers);
    auto* buttons = new QHBoxLayout;
    m_addTier = new QPushButton(tr("Add tier"));
    m_removeTier = new QPushButton(tr("Remove tier"));
    buttons->addWidget(m_addTier);
    buttons->addWidget(m_removeTier);
    buttons->addStretch();
    boxLayout->addLayout(buttons);
    auto* hint = new QLabel(tr("Each tier takes a share of the customers ranked by score, best first; the shares "
                               "sum to 100 %. Customers with equal scores share a tier."));
    hint->setWordWrap(true);
    boxLayout->addWidget(hint);
    connect(m_tiers, &QTableWidget::itemChanged, this, &TiersView::modelEdited);
    connect(m_addTier, &QPushButton::clicked, this, &TiersView::addTier);
    connect(m_removeTier, &QPushButton::clicked, this, &TiersView::removeTier);
    return box;
}

void TiersView::fillModelChoice(const QString& select)
{
    const QSignalBlocker blocker(m_modelChoice);
    m_modelChoice->clear();
    auto models = m_service.models();
    if (models && !models.value().empty()) {
        for (const auto& saved : models.value()) {
            m_modelChoice->addItem(fromStd(saved.name), fromStd(saved.name));
        }
    } else {
        m_modelChoice->addItem(tr("Default (built in)"), QString());
    }
    const int found = select.isEmpty() ? 0 : m_modelChoice->findData(select);
    m_modelChoice->setCurrentIndex(std::max(found, 0));
}

void TiersView::updatePeriodControls()
{
    const auto kind = m_period->currentData().toInt();
    m_year->setVisible(kind == CalendarYear);
    m_from->setVisible(kind == MonthRangeChoice);
    m_to->setVisible(kind == MonthRangeChoice);
}

std::optional<std::pair<MonthRange, Date>> TiersView::periodFromControls()
{
    const Date today = Date::today();
    switch (m_period->currentData().toInt()) {
    case CalendarYear: {
        auto year = MonthRange::calendarYear(m_year->value());
        if (!year) {
            showProblem(fromStd(year.error().describe()));
            return std::nullopt;
        }
        return std::make_pair(year.value(), std::min(periodEnd(year.value()), today));
    }
    case MonthRangeChoice: {
        auto range = MonthRange::between(monthKey(m_from->date()), monthKey(m_to->date()));
        if (!range) {
            showProblem(tr("The first month must not be after the last: %1").arg(fromStd(range.error().describe())));
            return std::nullopt;
        }
        return std::make_pair(range.value(), std::min(periodEnd(range.value()), today));
    }
    default:
        return std::make_pair(MonthRange::twelveMonthsEndingWith(today), today);
    }
}

Result<TierModel> TiersView::modelFromControls() const
{
    IndicatorSettings settings{};
    for (int i = 0; i < kTierIndicatorCount; ++i) {
        settings[static_cast<std::size_t>(i)] = {m_weights[static_cast<std::size_t>(i)]->value(),
                                                 m_switches[static_cast<std::size_t>(i)]->isChecked()};
    }
    std::vector<TierBand> tiers;
    for (int row = 0; row < m_tiers->rowCount(); ++row) {
        const auto* name = m_tiers->item(row, TierName);
        const auto* share = m_tiers->item(row, TierShare);
        TierBand band;
        band.name = name ? name->text().trimmed().toStdString() : std::string();
        const QString shareText = share ? share->text().trimmed() : QString();
        bool ok = false;
        const double percent = QLocale().toDouble(shareText, &ok);
        const double fallback = ok ? percent : shareText.toDouble(&ok);
        const double basisPoints = std::round(fallback * 100.0);
        if (!ok || std::fabs(fallback * 100.0 - basisPoints) > 1e-6 || basisPoints < 0 || basisPoints > 1e6) {
            return invalidInput(tr("“%1” is not a share of customers in %, with at most two decimals")
                                    .arg(shareText)
                                    .toStdString(),
                                tr("tier %1").arg(row + 1).toStdString());
        }
        band.shareBasisPoints = static_cast<int>(basisPoints);
        tiers.push_back(std::move(band));
    }
    return TierModel::create(settings, std::move(tiers));
}

void TiersView::showModel(const TierModel& model)
{
    m_filling = true;
    for (const auto indicator : allTierIndicators()) {
        const auto& setting = model.indicator(indicator);
        weightBox(indicator)->setValue(setting.weight);
        weightBox(indicator)->setEnabled(setting.enabled);
        indicatorSwitch(indicator)->setChecked(setting.enabled);
    }
    {
        const QSignalBlocker blocker(m_tiers);
        m_tiers->setRowCount(model.tierCount());
        for (int row = 0; row < model.tierCount(); ++row) {
            const auto& tier = model.tiers()[static_cast<std::size_t>(row)];
            m_tiers->setItem(row, TierName, new QTableWidgetItem(fromStd(tier.name)));
            auto* share = new QTableWidgetItem(fromStd(formatBasisPoints(tier.shareBasisPoints)));
            share->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_tiers->setItem(row, TierShare, share);
        }
        m_tiers->resizeColumnToContents(TierName);
        m_tiers->setColumnWidth(TierName, std::max(m_tiers->columnWidth(TierName), 110));
    }
    m_filling = false;
    modelEdited();
}

void TiersView::modelEdited()
{
    if (m_filling) {
        return;
    }
    showWeightShares();
    auto model = modelFromControls();
    if (!model) {
        showProblem(fromStd(model.error().describe()));
        return;
    }
    m_problem->hide();
    if (m_run && !(model.value() == m_run->request.model)) {
        rescore();
    }
}

void TiersView::rescore()
{
    auto model = modelFromControls();
    if (!model || !m_run) {
        return;
    }
    // A new run sharing the facts: the list model keeps reading the old one until it is reset.
    auto next = std::make_shared<services::TierRun>();
    next->request = m_run->request;
    next->facts = m_run->facts;
    if (auto scored = services::TierService::rescore(*next, model.value()); !scored) {
        showProblem(fromStd(scored.error().describe()));
        return;
    }
    m_run = std::move(next);
    showRun();
}

bool TiersView::runTiers()
{
    m_ranOnce = true;
    cancelRun();
    const auto period = periodFromControls();
    if (!period) {
        return false;
    }
    auto model = modelFromControls();
    if (!model) {
        showProblem(fromStd(model.error().describe()));
        return false;
    }
    services::TierRequest request;
    request.period = period->first;
    request.asOf = period->second;
    request.model = model.value();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto run = m_service.run(request);
    QApplication::restoreOverrideCursor();
    if (!run) {
        showProblem(fromStd(run.error().describe()));
        return false;
    }
    m_problem->hide();
    m_run = std::make_shared<services::TierRun>(std::move(run.value()));
    showRun();
    return true;
}

void TiersView::startRun()
{
    m_ranOnce = true;
    const auto period = periodFromControls();
    if (!period) {
        emit runFinished(false);
        return;
    }
    auto model = modelFromControls();
    if (!model) {
        showProblem(fromStd(model.error().describe()));
        emit runFinished(false);
        return;
    }
    stopWorker();
    services::TierRequest request;
    request.period = period->first;
    request.asOf = period->second;
    request.model = model.value();
    const int generation = ++m_generation;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    setRunning(true);
    m_caption->setText(tr("Reading the portfolio for %1…").arg(fromStd(request.period.toString())));
    // The worker reads on a connection of its own; the portfolio's stays with this thread. The
    // result comes back as a queued call, dropped by Qt if the view is gone by then.
    m_worker = std::thread([this, file = m_portfolio.database().path(), request, generation, cancel = m_cancel] {
        auto facts = services::TierService::readFactsFrom(file, request.period, request.asOf, true, cancel.get());
        QMetaObject::invokeMethod(
            this, [this, generation, facts = std::move(facts), request]() mutable {
                finishRun(generation, std::move(facts), std::move(request));
            },
            Qt::QueuedConnection);
    });
}

void TiersView::finishRun(int generation, Result<std::shared_ptr<const TierFacts>> facts, services::TierRequest request)
{
    if (generation != m_generation) {
        return;  // cancelled, or replaced by a later run
    }
    stopWorker();
    setRunning(false);
    if (!facts) {
        showProblem(fromStd(facts.error().describe()));
        emit runFinished(false);
        return;
    }
    // The model as the controls say now: it may have been edited during the read.
    auto model = modelFromControls();
    if (!model) {
        showProblem(fromStd(model.error().describe()));
        emit runFinished(false);
        return;
    }
    request.model = model.value();
    auto result = scoreTiers(*facts.value(), request.model);
    if (!result) {
        showProblem(fromStd(result.error().describe()));
        emit runFinished(false);
        return;
    }
    m_problem->hide();
    m_run = std::make_shared<services::TierRun>(
        services::TierRun{std::move(request), std::move(facts.value()), std::move(result.value())});
    showRun();
    emit runFinished(true);
}

void TiersView::cancelRun()
{
    if (!m_running) {
        return;
    }
    ++m_generation;
    if (m_cancel) {
        m_cancel->store(true);
    }
    setRunning(false);
    if (m_run) {
        showRun();  // the caption of the ranking still shown
    } else {
        m_caption->setText(tr("Cancelled. Press Run to rank the customers."));
    }
    emit runFinished(false);
}

void TiersView::stopWorker()
{
    if (m_worker.joinable()) {
        if (m_cancel) {
            m_cancel->store(true);
        }
        m_worker.join();
    }
}

void TiersView::setRunning(bool running)
{
    m_running = running;
    m_runButton->setEnabled(!running);
    m_busy->setVisible(running);
    m_cancelButton->setVisible(running);
}

void TiersView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_ranOnce && !event->spontaneous()) {
        startRun();
    }
}

void TiersView::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->show();
}

void TiersView::showWeightShares()
{
    int total = 0;
    for (const auto indicator : allTierIndicators()) {
        const bool ignored = m_run && !m_run->facts->available(indicator);
        if (indicatorSwitch(indicator)->isChecked() && !ignored) {
            total += weightBox(indicator)->value();
        }
    }
    for (const auto indicator : allTierIndicators()) {
        const int row = tierIndicatorIndex(indicator);
        auto* item = m_indicators->item(row, IndicatorShare);
        const bool on = indicatorSwitch(indicator)->isChecked();
        const bool unavailable = m_run && on && weightBox(indicator)->value() > 0 &&
                                 !m_run->facts->available(indicator);
        if (unavailable) {
            item->setText(tr("no data: ignored"));
            item->setForeground(QColor(0x8a, 0x5a, 0x00));
            item->setToolTip(tr("No customer answered a survey in this period."));
        } else {
            item->setText(on && total > 0 ? formatPercent(static_cast<double>(weightBox(indicator)->value()) / total)
                                          : tr("off"));
            item->setForeground(on ? palette().text().color() : QColor(Qt::gray));
            item->setToolTip(QString());
        }
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
}

void TiersView::showRun()
{
    const auto& run = *m_run;
    const auto& result = run.result;
    const QLocale locale;
    int counted = 0;
    QStringList ignored;
    for (const auto indicator : allTierIndicators()) {
        counted += result.weight(indicator) > 0 ? 1 : 0;
        if (result.ignored[static_cast<std::size_t>(tierIndicatorIndex(indicator))]) {
            ignored << tierIndicatorLabel(indicator);
        }
    }
    if (result.entries.empty()) {
        m_caption->setText(tr("No customers to rank in %1. Import customers or create the first one.")
                               .arg(fromStd(run.request.period.toString())));
    } else {
        const QString period = fromStd(run.request.period.toString());
        const QString asOf =
            QLocale().toString(QDate::fromString(fromStd(run.request.asOf.toIso()), Qt::ISODate), QLocale::ShortFormat);
        const QString customers = locale.toString(static_cast<qlonglong>(result.entries.size()));
        m_caption->setText(counted == 1
                               ? tr("%1, as of %2: %3 customers ranked by one indicator.").arg(period, asOf, customers)
                               : tr("%1, as of %2: %3 customers ranked by %4 indicators.")
                                     .arg(period, asOf, customers, locale.toString(counted)));
    }
    if (ignored.isEmpty()) {
        m_notice->hide();
    } else {
        m_notice->setText(tr("%1: no data in this period (no survey answered), so its weight is ignored.")
                              .arg(ignored.join(QStringLiteral(", "))));
        m_notice->show();
    }
    showWeightShares();
    showSummary();

    // The selected customer stays selected when it is still ranked.
    std::optional<CustomerId> selected;
    if (const auto current = m_list->currentIndex(); current.isValid()) {
        selected = current.data(TierEntryModel::kCustomerIdRole).toLongLong();
    }
    fillTierFilter();
    m_listModel->setRun(m_run, m_currency);
    if (selected) {
        // The same customer as before: nothing new to tell the window.
        m_restoringSelection = true;
        const bool kept = selectCustomer(*selected);
        m_restoringSelection = false;
        if (kept) {
            return;
        }
    }
    if (m_listModel->rowCount() > 0) {
        m_list->setCurrentIndex(m_listModel->index(0, TierEntryModel::Code));
    } else {
        showBreakdown(std::nullopt);
    }
}

void TiersView::showSummary()
{
    const auto& result = m_run->result;
    const QLocale locale;
    const auto ranked = static_cast<std::int64_t>(result.entries.size());
    const auto currency = CurrencyCode::parse(m_currency).value_or(CurrencyCode{});
    m_summary->setRowCount(static_cast<int>(result.summary.size()) + 1);
    int row = 0;
    const auto put = [&](int column, const QString& text) {
        auto* item = new QTableWidgetItem(text);
        item->setTextAlignment(column == SummaryTier ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
        m_summary->setItem(row, column, item);
        return item;
    };
    const auto score = [&](std::int64_t points) {
        return QLocale().toString(static_cast<double>(points) / static_cast<double>(result.weightTotal) / 1e4, 'f', 1);
    };
    for (const auto& summary : result.summary) {
        auto* name = put(SummaryTier, tr("%1 (%2 %)").arg(fromStd(summary.name),
                                                         fromStd(formatBasisPoints(summary.shareBasisPoints))));
        const QColor colour = tierColor(row);
        QPixmap swatch(10, 10);
        swatch.fill(colour);
        name->setIcon(QIcon(swatch));
        put(SummaryCustomers, locale.toString(static_cast<qlonglong>(summary.customers)));
        put(SummaryCustomerShare, formatPercent(shareOf(summary.customers, ranked)));
        put(SummaryRevenue, formatMoneyWhole(Money{summary.revenue, currency}));
        put(SummaryRevenueShare, formatPercent(shareOf(summary.revenue, result.revenue)));
        put(SummaryScores, summary.customers == 0
                               ? QString()
                               : QStringLiteral("%1 – %2").arg(score(summary.highestPoints), score(summary.lowestPoints)));
        ++row;
    }
    auto* total = put(SummaryTier, tr("All ranked"));
    QFont bold = total->font();
    bold.setBold(true);
    total->setFont(bold);
    put(SummaryCustomers, locale.toString(static_cast<qlonglong>(ranked)));
    put(SummaryCustomerShare, formatPercent(ranked > 0 ? 1.0 : 0.0));
    put(SummaryRevenue, formatMoneyWhole(Money{result.revenue, currency}));
    put(SummaryRevenueShare, formatPercent(result.revenue > 0 ? 1.0 : 0.0));
    put(SummaryScores, QString());
    fitColumns(m_summary);
}

void TiersView::fillTierFilter()
{
    const QSignalBlocker blocker(m_tierFilter);
    const auto previous = m_tierFilter->currentData();
    m_tierFilter->clear();
    m_tierFilter->addItem(tr("All tiers"), -1);
    const auto& tiers = m_run->result.model.tiers();
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        m_tierFilter->addItem(tr("Tier %1").arg(fromStd(tiers[i].name)), static_cast<int>(i));
    }
    const int keep = m_tierFilter->findData(previous);
    m_tierFilter->setCurrentIndex(keep >= 0 ? keep : 0);
    const auto data = m_tierFilter->currentData().toInt();
    m_listModel->setTierFilter(data >= 0 ? std::optional<int>(data) : std::nullopt);
}

bool TiersView::selectCustomer(CustomerId id)
{
    if (!m_run) {
        return false;
    }
    int row = m_listModel->rowOf(id);
    if (row < 0 && m_run->facts->indexOf(id)) {
        m_tierFilter->setCurrentIndex(0);  // every tier
        row = m_listModel->rowOf(id);
    }
    if (row < 0) {
        return false;
    }
    const auto index = m_listModel->index(row, TierEntryModel::Code);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
    showBreakdown(m_run->facts->indexOf(id));
    return true;
}

void TiersView::showBreakdown(std::optional<std::size_t> customer)
{
    m_breakdownModel->setCustomer(m_run, customer, m_currency);
    auto* old = m_chart->chart();
    auto* chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 2, 2));
    if (!customer || !m_run) {
        m_breakdownTitle->setText(tr("Select a customer to see what each indicator adds to its score."));
        m_chart->setChart(chart);
        delete old;
        return;
    }
    const auto& facts = *m_run->facts;
    const auto& result = m_run->result;
    const auto& input = facts.customers[*customer];
    const auto& entry = result.entries[result.positionOf[*customer]];
    m_breakdownTitle->setText(tr("<b>%1 %2</b>: rank %3, %4, score %5 of 100")
                                  .arg(fromStd(input.code).toHtmlEscaped(), fromStd(input.name).toHtmlEscaped(),
                                       QLocale().toString(static_cast<qlonglong>(result.positionOf[*customer]) + 1),
                                       fromStd(result.model.tiers()[entry.tier].name).toHtmlEscaped(),
                                       QLocale().toString(result.score(entry), 'f', 1)));

    // One bar per indicator that counts, the first at the top; the axis ends at the most an
    // indicator can add (its weight's share of 100 points), so bars compare with their maximum.
    auto* set = new QBarSet(tr("Points"));
    set->setColor(tierColor(entry.tier));
    set->setBorderColor(tierColor(entry.tier).darker(130));
    set->setLabelColor(palette().text().color());
    QStringList categories;
    double most = 0;
    const auto indicators = allTierIndicators();
    for (auto it = indicators.rbegin(); it != indicators.rend(); ++it) {
        const int weight = result.weight(*it);
        if (weight == 0) {
            continue;
        }
        categories << tierIndicatorLabel(*it);
        *set << result.contribution(facts, entry, *it);
        most = std::max(most, 100.0 * weight / static_cast<double>(result.weightTotal));
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(3);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto* axisY = new QBarCategoryAxis;
    axisY->append(categories);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto* axisX = new QValueAxis;
    axisX->setRange(0, std::max(1.0, most));
    axisX->applyNiceNumbers();
    axisX->setLabelFormat(QStringLiteral("%.0f"));
    axisX->setTitleText(tr("Points of the score (0-100)"));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    m_chart->setChart(chart);
    delete old;
}

void TiersView::addTier()
{
    const int row = m_tiers->rowCount();
    if (row >= TierModel::kMaxTiers) {
        showProblem(tr("At most %1 tiers.").arg(TierModel::kMaxTiers));
        return;
    }
    // The new tier takes half of the last one's share, so the shares still sum to 100 %.
    {
        const QSignalBlocker blocker(m_tiers);
        QString share = QStringLiteral("0");
        if (row > 0) {
            if (auto* last = m_tiers->item(row - 1, TierShare)) {
                const auto basisPoints = static_cast<int>(std::round(last->text().toDouble() * 100));
                const int half = basisPoints / 2;
                last->setText(fromStd(formatBasisPoints(basisPoints - half)));
                share = fromStd(formatBasisPoints(half));
            }
        }
        m_tiers->insertRow(row);
        m_tiers->setItem(row, TierName, new QTableWidgetItem(tr("Tier %1").arg(row + 1)));
        auto* item = new QTableWidgetItem(share);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_tiers->setItem(row, TierShare, item);
    }
    modelEdited();
}

void TiersView::removeTier()
{
    const int rows = m_tiers->rowCount();
    if (rows <= TierModel::kMinTiers) {
        showProblem(tr("Keep at least %1 tiers.").arg(TierModel::kMinTiers));
        return;
    }
    int row = m_tiers->currentRow();
    if (row < 0 || row >= rows) {
        row = rows - 1;
    }
    // Its share goes to the tier above it (below it for the first), so the shares still sum to 100 %.
    {
        const QSignalBlocker blocker(m_tiers);
        const int neighbour = row == 0 ? 1 : row - 1;
        auto* removed = m_tiers->item(row, TierShare);
        auto* kept = m_tiers->item(neighbour, TierShare);
        if (removed && kept) {
            const auto sum = static_cast<int>(std::round((removed->text().toDouble() + kept->text().toDouble()) * 100));
            kept->setText(fromStd(formatBasisPoints(sum)));
        }
        m_tiers->removeRow(row);
    }
    modelEdited();
}

Result<SavedTierModel> TiersView::saveModel(const QString& name)
{
    auto model = modelFromControls();
    if (!model) {
        return model.error();
    }
    auto saved = m_service.saveModel(name.toStdString(), model.value(), Date::today());
    if (saved) {
        fillModelChoice(fromStd(saved.value().name));
    }
    return saved;
}

Result<TierRunInfo> TiersView::saveRun(const QString& name)
{
    if (!m_run) {
        return Error{ErrorCode::InvalidInput, tr("Run first: there is nothing to save.").toStdString(), {}};
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto saved = m_service.saveRun(*m_run, name.trimmed().toStdString(), Date::today());
    QApplication::restoreOverrideCursor();
    return saved;
}

Status TiersView::exportList(const QString& path)
{
    if (!m_run) {
        return Error{ErrorCode::InvalidInput, tr("Run first: there is no list to export.").toStdString(), {}};
    }
    const auto format = services::listFileFormatFor(path.toStdString());
    if (!format) {
        return Error{ErrorCode::InvalidInput, tr("Choose a file name ending in .csv or .xlsx.").toStdString(), {}};
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto written = services::exportTierList(*m_run, m_listModel->tierFilter(),
                                            CurrencyCode::parse(m_currency).value_or(CurrencyCode{}),
                                            path.toStdString(), *format);
    QApplication::restoreOverrideCursor();
    return written;
}

void TiersView::chooseListExport()
{
    const auto path = QFileDialog::getSaveFileName(this, tr("Export list"), QStringLiteral("tiers.xlsx"),
                                                   tr("Excel workbook (*.xlsx);;CSV (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto written = exportList(path); !written) {
        showProblem(fromStd(written.error().describe()));
    }
}

void TiersView::askModelName()
{
    bool ok = false;
    const auto current = m_modelChoice->currentData().toString();
    const auto name = QInputDialog::getText(this, tr("Save model"), tr("Name (an existing name is replaced):"),
                                            QLineEdit::Normal, current.isEmpty() ? tr("Default") : current, &ok);
    if (!ok) {
        return;
    }
    if (auto saved = saveModel(name); !saved) {
        showProblem(fromStd(saved.error().describe()));
    } else {
        m_problem->hide();
        m_caption->setText(tr("Saved model “%1”.").arg(fromStd(saved.value().name)));
    }
}

void TiersView::askRunName()
{
    if (!m_run) {
        showProblem(tr("Run first: there is nothing to save."));
        return;
    }
    bool ok = false;
    const auto name = QInputDialog::getText(this, tr("Save run"), tr("Name (empty: the period and the date):"),
                                            QLineEdit::Normal, QString(), &ok);
    if (!ok) {
        return;
    }
    if (auto saved = saveRun(name); !saved) {
        showProblem(fromStd(saved.error().describe()));
    } else {
        m_problem->hide();
        m_caption->setText(tr("Saved run “%1”: %2 customers.")
                               .arg(fromStd(saved.value().name),
                                    QLocale().toString(static_cast<qlonglong>(saved.value().customers))));
    }
}

} // namespace cartera::app
