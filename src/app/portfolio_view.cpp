#include "app/portfolio_view.h"

#include "app/portfolio_chart.h"
#include "app/portfolio_customer_model.h"
#include "app/portfolio_pivot_model.h"
#include "services/portfolio.h"
#include "services/portfolio_report.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

namespace {

enum PeriodKind { LastTwelveMonths, CalendarYear, MonthRangeChoice };
constexpr int kNoColumns = -1;

int monthKey(const QDate& date)
{
    return date.year() * 100 + date.month();
}

/// Draws a frame round the most (green) and least (red) profitable cells, so they stand out
/// from the heat shading; the ▲ and ▼ in their text say the same without colour.
class HighlightDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const int highlight = index.data(PortfolioPivotModel::kHighlightRole).toInt();
        if (highlight == 0) {
            return;
        }
        // One frame round a run of marked cells (a whole row without columns): no inner edges.
        const auto marked = [&](int column) {
            const auto sibling = index.sibling(index.row(), column);
            return sibling.isValid() && sibling.data(PortfolioPivotModel::kHighlightRole).toInt() == highlight;
        };
        const QRect r = option.rect.adjusted(1, 1, -1, -1);
        painter->save();
        QPen pen(highlight > 0 ? QColor(46, 125, 50) : QColor(211, 47, 47));
        pen.setWidth(2);
        painter->setPen(pen);
        painter->drawLine(r.topLeft(), r.topRight());
        painter->drawLine(r.bottomLeft(), r.bottomRight());
        if (!marked(index.column() - 1)) {
            painter->drawLine(r.topLeft(), r.bottomLeft());
        }
        if (!marked(index.column() + 1)) {
            painter->drawLine(r.topRight(), r.bottomRight());
        }
        painter->restore();
    }
};

QTableView* newTable()
{
    auto* table = new QTableView;
    table->setSelectionBehavior(QAbstractItemView::SelectItems);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setWordWrap(false);
    table->setSortingEnabled(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    return table;
}

} // namespace

PortfolioView::PortfolioView(services::Portfolio& portfolio, QWidget* parent)
    : QWidget(parent), m_portfolio(portfolio), m_service(portfolio), m_currency(portfolio.facts().currency)
{
    buildControls();
}

PortfolioView::~PortfolioView()
{
    // The reader holds no pointer into the view but the result it posts, which Qt drops with the
    // view; wait for it so its connection closes before the portfolio does.
    if (m_reader.joinable()) {
        m_reader.join();
    }
}

void PortfolioView::buildControls()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);

    auto* choices = new QHBoxLayout;
    m_rows = new QComboBox;
    m_columns = new QComboBox;
    m_columns->addItem(tr("(none)"), kNoColumns);
    for (int d = 0; d < kPortfolioDimensionCount; ++d) {
        const auto label = portfolioDimensionLabel(static_cast<PortfolioDimension>(d));
        m_rows->addItem(label, d);
        m_columns->addItem(label, d);
    }
    m_rows->setCurrentIndex(m_rows->findData(dimensionIndex(PortfolioDimension::Country)));
    m_measure = new QComboBox;
    for (int m = 0; m < static_cast<int>(PortfolioMeasure::Count); ++m) {
        m_measure->addItem(portfolioMeasureLabel(static_cast<PortfolioMeasure>(m)), m);
    }
    m_measure->setItemData(static_cast<int>(PortfolioMeasure::Clv),
                           tr("Customer lifetime value: average yearly margin x expected lifetime (1 / churn rate)"),
                           Qt::ToolTipRole);
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
    m_includeArchived = new QCheckBox(tr("Archived too"));
    m_includeArchived->setToolTip(tr("Count archived accounts in the breakdown (retention always counts them)"));
    auto* analyseButton = new QPushButton(tr("Analyse"));
    analyseButton->setDefault(true);
    m_analyseButton = analyseButton;
    auto* exportButton = new QPushButton(tr("Export table…"));

    choices->addWidget(new QLabel(tr("Rows")));
    choices->addWidget(m_rows);
    choices->addWidget(new QLabel(tr("Columns")));
    choices->addWidget(m_columns);
    choices->addSpacing(8);
    choices->addWidget(new QLabel(tr("Measure")));
    choices->addWidget(m_measure);
    choices->addSpacing(8);
    choices->addWidget(new QLabel(tr("Period")));
    choices->addWidget(m_period);
    choices->addWidget(m_year);
    choices->addWidget(m_from);
    choices->addWidget(m_to);
    choices->addWidget(m_includeArchived);
    choices->addWidget(analyseButton);
    choices->addStretch();
    choices->addWidget(exportButton);
    layout->addLayout(choices);

    m_problem = new QLabel;
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);
    m_caption = new QLabel(tr("Choose the rows (and columns) to break the portfolio down by, a period, then Analyse."));
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);

    auto* top = new QSplitter(Qt::Horizontal);
    m_top = top;
    m_pivotModel = new PortfolioPivotModel(this);
    m_pivot = newTable();
    m_pivot->setModel(m_pivotModel);
    m_pivot->setItemDelegate(new HighlightDelegate(m_pivot));
    m_pivot->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);  // the dimension's own order
    top->addWidget(m_pivot);
    m_chart = new QChartView;
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumWidth(320);
    top->addWidget(m_chart);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);

    auto* bottom = new QWidget;
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    m_customersCaption = new QLabel(tr("Select a cell to list the customers behind it."));
    bottomLayout->addWidget(m_customersCaption);
    m_customerModel = new PortfolioCustomerModel(m_service, this);
    m_customers = newTable();
    m_customers->setModel(m_customerModel);
    m_customers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_customers->setAlternatingRowColors(true);
    const int widths[] = {90, 300, 120, 120, 80, 120, 80, 120};
    for (int column = 0; column < PortfolioCustomerModel::Count; ++column) {
        m_customers->setColumnWidth(column, widths[column]);
    }
    m_customers->horizontalHeader()->setSectionResizeMode(PortfolioCustomerModel::Name, QHeaderView::Stretch);
    // The order customersInCell gives: highest revenue first.
    m_customers->horizontalHeader()->setSortIndicator(PortfolioCustomerModel::Revenue, Qt::DescendingOrder);
    bottomLayout->addWidget(m_customers);

    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, &PortfolioView::updatePeriodControls);
    connect(analyseButton, &QPushButton::clicked, this, &PortfolioView::analyseInBackground);
    connect(exportButton, &QPushButton::clicked, this, &PortfolioView::chooseExport);
    connect(m_rows, &QComboBox::currentIndexChanged, this, &PortfolioView::rearrange);
    connect(m_columns, &QComboBox::currentIndexChanged, this, &PortfolioView::rearrange);
    connect(m_measure, &QComboBox::currentIndexChanged, this, &PortfolioView::measureChanged);
    connect(m_pivot->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& index) {
        if (const auto cell = m_pivotModel->cellAt(index)) {
            showCustomersOf(*cell);
        }
    });
    // Double-click or Enter, as the platform has it.
    connect(m_customers, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit customerActivated(index.data(PortfolioCustomerModel::kCustomerIdRole).toLongLong());
    });
    connect(m_customers->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) {
                if (index.isValid()) {
                    emit customerSelected(index.data(PortfolioCustomerModel::kCustomerIdRole).toLongLong());
                }
            });
    updatePeriodControls();
}

void PortfolioView::updatePeriodControls()
{
    const auto kind = m_period->currentData().toInt();
    m_year->setVisible(kind == CalendarYear);
    m_from->setVisible(kind == MonthRangeChoice);
    m_to->setVisible(kind == MonthRangeChoice);
}

PortfolioMeasure PortfolioView::chosenMeasure() const
{
    return static_cast<PortfolioMeasure>(m_measure->currentData().toInt());
}

std::optional<PortfolioLayout> PortfolioView::layoutFromControls()
{
    PortfolioLayout layout;
    layout.rows = static_cast<PortfolioDimension>(m_rows->currentData().toInt());
    const int columns = m_columns->currentData().toInt();
    if (columns != kNoColumns) {
        layout.columns = static_cast<PortfolioDimension>(columns);
        if (*layout.columns == layout.rows) {
            showProblem(tr("Choose different dimensions for the rows and the columns."));
            return std::nullopt;
        }
    }
    return layout;
}

std::optional<MonthRange> PortfolioView::periodFromControls()
{
    switch (m_period->currentData().toInt()) {
    case CalendarYear: {
        auto year = MonthRange::calendarYear(m_year->value());
        if (!year) {
            showProblem(QString::fromStdString(year.error().describe()));
            return std::nullopt;
        }
        return year.value();
    }
    case MonthRangeChoice: {
        auto range = MonthRange::between(monthKey(m_from->date()), monthKey(m_to->date()));
        if (!range) {
            showProblem(tr("The first month must not be after the last: %1")
                            .arg(QString::fromStdString(range.error().describe())));
            return std::nullopt;
        }
        return range.value();
    }
    default:
        return MonthRange::twelveMonthsEndingWith(Date::today());
    }
}

void PortfolioView::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->show();
}

std::optional<services::PortfolioRequest> PortfolioView::requestFromControls()
{
    const auto layout = layoutFromControls();
    const auto period = periodFromControls();
    if (!layout || !period) {
        return std::nullopt;
    }
    services::PortfolioRequest request;
    request.period = *period;
    request.layout = *layout;
    request.includeArchived = m_includeArchived->isChecked();
    return request;
}

bool PortfolioView::analyse()
{
    if (reading()) {
        return false;
    }
    const auto request = requestFromControls();
    if (!request) {
        emit analysisFinished(false);
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto analysis = m_service.analyse(*request);
    QApplication::restoreOverrideCursor();
    const bool ok = analysis.ok();
    finishReading(std::move(analysis));
    return ok;
}

bool PortfolioView::analyseInBackground()
{
    if (reading()) {
        return false;
    }
    const auto request = requestFromControls();
    if (!request) {
        emit analysisFinished(false);
        return false;
    }
    startReading(*request);
    return true;
}

void PortfolioView::startReading(const services::PortfolioRequest& request)
{
    const auto path = m_portfolio.database().path();
    if (path.empty()) {
        finishReading(m_service.analyse(request));  // a file without a path: read here
        return;
    }
    setControlsEnabled(false);
    m_caption->setText(tr("Reading the figures of %1 and the %2 months before…")
                           .arg(QString::fromStdString(request.period.toString()))
                           .arg(request.period.monthCount()));
    m_reader = std::thread([this, path, request] {
        auto analysis = std::make_shared<domain::Result<services::PortfolioAnalysis>>(
            services::PortfolioAnalysisService::analyseFile(path, request));
        // Back on the GUI thread; dropped by Qt if the view is gone by then.
        QMetaObject::invokeMethod(
            this, [this, analysis] { finishReading(std::move(*analysis)); }, Qt::QueuedConnection);
    });
}

void PortfolioView::finishReading(domain::Result<services::PortfolioAnalysis> analysis)
{
    if (m_reader.joinable()) {
        m_reader.join();  // it has posted this result: done
    }
    setControlsEnabled(true);
    if (!analysis) {
        if (m_analysis) {
            display(m_analysis);  // what is still shown, with its caption
        }
        showProblem(QString::fromStdString(analysis.error().describe()));
        emit analysisFinished(false);
        return;
    }
    display(std::make_shared<const services::PortfolioAnalysis>(std::move(analysis.value())));
    emit analysisFinished(true);
}

void PortfolioView::setControlsEnabled(bool enabled)
{
    for (QWidget* control : std::initializer_list<QWidget*>{m_rows, m_columns, m_measure, m_period, m_year, m_from,
                                                            m_to, m_includeArchived, m_analyseButton}) {
        control->setEnabled(enabled);
    }
}

void PortfolioView::rearrange()
{
    if (!m_analysis) {
        return;
    }
    const auto layout = layoutFromControls();
    if (!layout) {
        return;
    }
    // Only a breakdown by category not read yet goes back to the file, in the background.
    if (needsCategories(*layout) && !m_analysis->data->byCategory) {
        auto request = m_analysis->request;
        request.layout = *layout;
        startReading(request);
        return;
    }
    auto analysis = m_service.rearrange(*m_analysis, *layout);
    if (!analysis) {
        showProblem(QString::fromStdString(analysis.error().describe()));
        return;
    }
    display(std::make_shared<const services::PortfolioAnalysis>(std::move(analysis.value())));
}

void PortfolioView::measureChanged()
{
    if (!m_analysis) {
        return;
    }
    m_pivotModel->setMeasure(chosenMeasure());
    showChart();
}

void PortfolioView::display(std::shared_ptr<const services::PortfolioAnalysis> analysis)
{
    m_problem->hide();
    m_analysis = std::move(analysis);
    const auto& breakdown = m_analysis->breakdown;
    const QLocale locale;
    PortfolioLabels labels(m_portfolio.reps().all());
    m_pivotModel->setAnalysis(m_analysis, chosenMeasure(), m_currency, labels);

    QString caption = tr("%1 against the prior %2 months (%3): %4 customers bought in the period, %5 in the prior one.")
                          .arg(QString::fromStdString(m_analysis->data->period.toString()))
                          .arg(m_analysis->data->period.monthCount())
                          .arg(QString::fromStdString(m_analysis->data->prior.toString()))
                          .arg(locale.toString(static_cast<qlonglong>(breakdown.total.customers)))
                          .arg(locale.toString(static_cast<qlonglong>(breakdown.total.priorCustomers)));
    if (const auto churn = breakdown.retention.churnBasisPoints(); churn && breakdown.lifetimeBasisPoints) {
        caption += QStringLiteral(" ") +
                   tr("CLV: %1 % of the customers of the year before bought nothing in the last 12 months, so a customer "
                      "stays %2 years (at most 10).")
                       .arg(locale.toString(static_cast<double>(*churn) / 100.0, 'f', 1))
                       .arg(locale.toString(static_cast<double>(*breakdown.lifetimeBasisPoints) / 10000.0, 'f', 1));
    } else {
        caption += QStringLiteral(" ") + tr("CLV: no customer bought in the year before the last 12 months, so there is "
                                            "no retention to estimate a lifetime from.");
    }
    caption += QStringLiteral(" ") + tr("▲ most and ▼ least profitable: the highest and lowest margin % among cells with at "
                                        "least 1 % of the revenue.");
    if (breakdown.rowCount() == 0) {
        caption = tr("No sales in %1 or the %2 months before it. Choose another period, or import orders.")
                      .arg(QString::fromStdString(m_analysis->data->period.toString()))
                      .arg(m_analysis->data->period.monthCount());
    }
    m_caption->setText(caption);

    m_pivot->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_pivot->resizeColumnsToContents();
    int tableWidth = 2 * m_pivot->frameWidth() + m_pivot->verticalScrollBar()->sizeHint().width();
    for (int column = 0; column < m_pivotModel->columnCount(); ++column) {
        m_pivot->setColumnWidth(column, std::min(std::max(m_pivot->columnWidth(column) + 4, 64), 260));
        tableWidth += m_pivot->columnWidth(column);
    }
    // The table as wide as it needs, up to three quarters; the chart takes the rest.
    const int available = std::max(m_top->width(), width() - 12);
    const int tableShare = std::min(tableWidth, available * 3 / 4);
    m_top->setSizes({tableShare, std::max(available - tableShare, 320)});
    showChart();

    // Keep the drill-down on the same cell when it still exists, else the whole portfolio.
    m_drilled.reset();
    m_customerModel->clear();
    m_customersCaption->setText(tr("Select a cell to list the customers behind it."));
    if (breakdown.rowCount() > 0) {
        showCustomersOf(breakdown.mostProfitable.value_or(PortfolioCellRef{}));
    }
}

void PortfolioView::showChart()
{
    auto* old = m_chart->chart();
    m_chart->setChart(buildPortfolioChart(*m_analysis, chosenMeasure(), m_pivotModel->labels(),
                                          CurrencyCode::parse(m_currency).value_or(CurrencyCode{})));
    delete old;
}

bool PortfolioView::showCustomersOf(const PortfolioCellRef& cell)
{
    if (!m_analysis) {
        return false;
    }
    const auto& breakdown = m_analysis->breakdown;
    if (cell.row >= breakdown.rowCount() || cell.column >= breakdown.columnCount() || cell.row < -1 ||
        cell.column < -1) {
        return false;
    }
    if (m_drilled == cell) {
        return true;
    }
    m_drilled = cell;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_customerModel->setCustomers(services::PortfolioAnalysisService::customerFigures(*m_analysis, cell), m_currency);
    QApplication::restoreOverrideCursor();
    QString name = cell.row >= 0 ? m_pivotModel->rowLabel(cell.row) : tr("All rows");
    if (breakdown.layout.columns) {
        name += QStringLiteral(" × ") + (cell.column >= 0 ? m_pivotModel->columnLabel(cell.column) : tr("all columns"));
    }
    const QLocale locale;
    const auto& figures = breakdown.at(cell);
    m_customersCaption->setText(
        tr("Customers behind %1: %2 bought in the period, %3 listed with those that bought only in the prior period. "
           "Double-click to open one.")
            .arg(name, locale.toString(static_cast<qlonglong>(figures.customers)),
                 locale.toString(static_cast<qlonglong>(m_customerModel->rowCount()))));
    // Show the cell as selected without asking for the drill-down again.
    const auto index = m_pivotModel->indexOf(cell);
    if (index.isValid() && m_pivot->currentIndex() != index) {
        const QSignalBlocker blocker(m_pivot->selectionModel());
        m_pivot->setCurrentIndex(index);
    }
    return true;
}

domain::Status PortfolioView::exportTable(const QString& path)
{
    if (!m_analysis) {
        return Error{ErrorCode::InvalidInput, tr("Analyse first: there is no table to export.").toStdString(), {}};
    }
    const auto format = services::listFileFormatFor(path.toStdString());
    if (!format) {
        return Error{ErrorCode::InvalidInput, tr("Choose a file name ending in .csv or .xlsx.").toStdString(), {}};
    }
    const auto table = services::portfolioTable(*m_analysis, chosenMeasure(),
                                                CurrencyCode::parse(m_currency).value_or(CurrencyCode{}));
    return services::exportReportTable(table, path.toStdString(), *format, tr("Portfolio").toStdString());
}

void PortfolioView::chooseExport()
{
    const auto path = QFileDialog::getSaveFileName(this, tr("Export table"), QStringLiteral("portfolio.xlsx"),
                                                   tr("Excel workbook (*.xlsx);;CSV (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto written = exportTable(path); !written) {
        showProblem(QString::fromStdString(written.error().describe()));
    }
}

} // namespace cartera::app
