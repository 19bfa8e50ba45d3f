#include "app/forecast_view.h"

#include "app/money_format.h"
#include "domain/forecast.h"
#include "services/opportunity_service.h"
#include "services/portfolio.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

/// Money in thousands of the currency, for chart values.
double thousands(std::int64_t minor)
{
    return static_cast<double>(minor) / 100000.0;
}

QString quarterName(const MonthRange& range)
{
    return QStringLiteral("%1 Q%2").arg(range.fromMonth() / 100).arg((range.fromMonth() % 100 - 1) / 3 + 1);
}

QChart* barChart(const QString& title, const QStringList& categories, const QList<QBarSet*>& sets, const QString& unit)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    auto* series = new QBarSeries;
    for (auto* set : sets) {
        series->append(set);
    }
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QValueAxis;
    y->setTitleText(unit);
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

} // namespace

ForecastView::ForecastView(services::Portfolio& portfolio, QWidget* parent)
    : QWidget(parent), m_portfolio(portfolio), m_today(Date::today()), m_period(new QComboBox),
      m_grouping(new QComboBox), m_save(new QPushButton(tr("Save Snapshot…"))), m_projection(new QLabel),
      m_table(new QTableWidget), m_stageChart(new QChartView), m_targetChart(new QChartView)
{
    fillPeriods();
    m_grouping->addItem(tr("Per rep"), static_cast<int>(ForecastGrouping::Rep));
    m_grouping->addItem(tr("Per team"), static_cast<int>(ForecastGrouping::Team));
    auto* settings = new QHBoxLayout;
    settings->addWidget(new QLabel(tr("Quarter:")));
    settings->addWidget(m_period);
    settings->addWidget(m_grouping);
    settings->addStretch(1);
    settings->addWidget(m_save);

    m_projection->setWordWrap(true);
    m_projection->setTextFormat(Qt::RichText);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_stageChart->setRenderHint(QPainter::Antialiasing);
    m_targetChart->setRenderHint(QPainter::Antialiasing);
    m_stageChart->setMinimumHeight(240);
    m_targetChart->setMinimumHeight(240);

    auto* charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(m_stageChart);
    charts->addWidget(m_targetChart);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(charts);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(settings);
    layout->addWidget(m_projection);
    layout->addWidget(split, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        if (m_read) {
            refresh();
        }
    });
    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] {
        if (m_read) {
            refresh();
        }
    });
    connect(m_save, &QPushButton::clicked, this, &ForecastView::saveSnapshot);
}

ForecastView::~ForecastView()
{
    if (m_projector.joinable()) {
        m_projector.join();
    }
}

void ForecastView::fillPeriods()
{
    const QSignalBlocker blocker(m_period);
    m_period->clear();
    // The quarter before (its actual figures), this one and the next two.
    for (int offset = -3; offset <= 6; offset += 3) {
        const auto quarter = quarterOf(m_today.addMonths(offset));
        QString label = quarterName(quarter);
        if (offset == 0) {
            label += tr(" (this quarter)");
        }
        m_period->addItem(label, quarter.fromMonth());
    }
    m_period->setCurrentIndex(1);
}

void ForecastView::setToday(Date today)
{
    m_today = today;
    fillPeriods();
    if (m_read) {
        refresh();
    }
}

void ForecastView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_read) {
        m_read = true;
        refresh();
    }
}

void ForecastView::refresh()
{
    m_read = true;
    const int first = m_period->currentData().toInt();
    services::ForecastRequest request;
    request.period = MonthRange::between(first, first + 2).value();
    request.grouping = static_cast<ForecastGrouping>(m_grouping->currentData().toInt());
    request.asOf = m_today;
    // The pipeline here (a fraction of a second at 1,000,000 customers); the projection, which reads
    // three or four years of monthly revenue, on a thread of its own (startProjection).
    request.withProjection = m_portfolio.database().path().empty();
    if (m_projector.joinable()) {
        m_projector.join();  // a previous projection: its posted result is dropped (m_generation)
    }
    ++m_generation;
    auto result = services::ForecastService(m_portfolio).forecast(request);
    if (!result) {
        emit errorOccurred(result.error());
        return;
    }
    m_forecast = std::move(result.value());
    const auto& f = *m_forecast;
    const auto currency = m_portfolio.settings().currency();
    const auto money = [&](std::int64_t minor) { return formatMoneyWhole(Money{minor, currency}); };

    const QStringList headers{tr("Rep / team"), tr("Open"), tr("Weighted"), tr("Commit"), tr("Best case"), tr("Pipeline"),
                              tr("Omitted"), tr("Won"), tr("Commit forecast"), tr("Target"), tr("Attainment")};
    m_table->clear();
    m_table->setColumnCount(static_cast<int>(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(static_cast<int>(f.table.rows.size()) + 1);
    const auto put = [&](int row, const ForecastRow& r, const QString& name) {
        const QStringList cells{name,
                                QString::number(r.openCount),
                                money(r.weighted),
                                money(r.commit),
                                money(r.bestCase),
                                money(r.pipeline),
                                money(r.omitted),
                                money(r.won),
                                money(r.commitForecast()),
                                r.target > 0 ? money(r.target) : QString(),
                                r.attainmentPercent() ? formatPercent(*r.attainmentPercent() / 100.0) : QString()};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c > 0) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            m_table->setItem(row, c, item);
        }
    };
    int row = 0;
    for (const auto& r : f.table.rows) {
        put(row++, r, r.key.empty() ? tr("(no owner)") : qs(r.label.empty() ? r.key : r.label));
    }
    put(row, f.table.total, tr("Total"));
    for (int c = 0; c < m_table->columnCount(); ++c) {
        if (auto* item = m_table->item(row, c)) {
            auto font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    }
    m_table->resizeColumnsToContents();

    if (request.withProjection) {
        showProjection();
    } else {
        m_projection->setText(tr("Projecting %1 from the invoiced history…").arg(quarterName(request.period)));
        startProjection();
    }

    // Pipeline by stage: total and weighted of the deals expected to close in the quarter.
    services::OpportunityService opportunities(m_portfolio);
    OpportunityFilter filter;
    filter.closeMonths = request.period;
    auto stages = opportunities.stages();
    auto sums = opportunities.stageSummaries(filter);
    if (stages && sums) {
        auto* total = new QBarSet(tr("Total"));
        auto* weighted = new QBarSet(tr("Weighted"));
        QStringList names;
        for (const auto& sum : sums.value()) {
            const Stage* stage = findStage(stages.value(), sum.stage);
            names << (stage ? qs(stage->name) : qs(sum.stage));
            *total << thousands(sum.total);
            *weighted << thousands(sum.weighted);
        }
        m_stageChart->setChart(barChart(tr("Pipeline by stage, %1").arg(quarterName(request.period)), names,
                                        {total, weighted}, tr("k %1").arg(qs(currency.str()))));
    }

    // Forecast against target and won, per row.
    auto* forecastSet = new QBarSet(tr("Commit forecast"));
    auto* weightedSet = new QBarSet(tr("Weighted + won"));
    auto* targetSet = new QBarSet(tr("Target"));
    auto* wonSet = new QBarSet(tr("Won (actual)"));
    QStringList keys;
    for (const auto& r : f.table.rows) {
        keys << (r.key.empty() ? tr("(none)") : qs(r.key));
        *forecastSet << thousands(r.commitForecast());
        *weightedSet << thousands(r.weighted + r.won);
        *targetSet << thousands(r.target);
        *wonSet << thousands(r.won);
    }
    m_targetChart->setChart(barChart(tr("Forecast vs target vs actual, %1").arg(quarterName(request.period)), keys,
                                     {forecastSet, weightedSet, targetSet, wonSet},
                                     tr("k %1").arg(qs(currency.str()))));
}

void ForecastView::startProjection()
{
    const auto path = m_portfolio.database().path();
    const auto period = m_forecast->request.period;
    const auto asOf = m_forecast->request.asOf;
    const int generation = ++m_generation;
    m_projector = std::thread([this, path, period, asOf, generation] {
        auto projection = std::make_shared<Result<services::RevenueProjection>>(
            services::ForecastService::projectFile(path, period, asOf));
        // Back on the GUI thread; dropped by Qt if the view is gone by then.
        QMetaObject::invokeMethod(
            this, [this, projection, generation] {
                if (generation != m_generation) {
                    return;  // a later refresh joined this thread and started another
                }
                if (m_projector.joinable()) {
                    m_projector.join();  // it has posted this result: done
                }
                finishProjection(std::move(*projection));
            },
            Qt::QueuedConnection);
    });
}

void ForecastView::finishProjection(Result<services::RevenueProjection> projection)
{
    if (projection) {
        m_forecast->projection = std::move(projection.value());
        m_forecast->projectionNote.clear();
    } else {
        m_forecast->projection.reset();
        m_forecast->projectionNote = projection.error().describe();
    }
    showProjection();
}

void ForecastView::showProjection()
{
    const auto& f = *m_forecast;
    const auto currency = m_portfolio.settings().currency();
    const auto money = [&](std::int64_t minor) { return formatMoneyWhole(Money{minor, currency}); };
    QString text;
    if (f.projection) {
        const auto& p = *f.projection;
        text = tr("<b>Projection from invoiced history</b> (Holt-Winters, %1 seasonality, %2 months): %3 for the "
                  "quarter. Backtest over the last 12 months: MAPE %4.")
                   .arg(p.params.seasonality == Seasonality::Additive ? tr("additive") : tr("multiplicative"))
                   .arg(p.historyMonths)
                   .arg(money(p.total), formatPercent(p.backtestMape / 100.0));
    } else {
        text = tr("No projection: %1").arg(qs(f.projectionNote).toHtmlEscaped());
    }
    if (f.periodClosed && f.actualRevenue) {
        text += tr("<br><b>The quarter is over:</b> invoiced %1, won in the pipeline %2.")
                    .arg(money(*f.actualRevenue), money(f.table.total.won));
    }
    m_projection->setText(text);
}

void ForecastView::saveSnapshot()
{
    if (!m_forecast) {
        return;
    }
    bool ok = false;
    const auto name = QInputDialog::getText(this, tr("Save Forecast Snapshot"), tr("Name (empty: the quarter and today):"),
                                            QLineEdit::Normal, QString(), &ok);
    if (!ok) {
        return;
    }
    auto saved = services::ForecastService(m_portfolio).saveSnapshot(*m_forecast, name.trimmed().toStdString(), m_today);
    if (!saved) {
        emit errorOccurred(saved.error());
    }
}

} // namespace cartera::app
