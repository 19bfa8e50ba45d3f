#include "app/abc_view.h"

#include "app/abc_compare_dialog.h"
#include "app/abc_entry_model.h"
#include "app/customer_table_model.h"
#include "app/money_format.h"
#include "app/pareto_chart.h"
#include "services/abc_export.h"
#include "services/portfolio.h"
#include "services/segment_service.h"
#include "services/territory_service.h"
#include "storage/customer_facets.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPdfWriter>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

namespace {

enum PeriodKind { LastTwelveMonths, CalendarYear, MonthRangeChoice };
enum ScopeKind { WholePortfolio, ByCountry, ByChannel, ByRep, BySegment, ByTerritory };

QString classCode(AbcClass c)
{
    return QString::fromLatin1(kAbcClassCodes.code(c).data());
}

int monthKey(const QDate& date)
{
    return date.year() * 100 + date.month();
}

} // namespace

AbcView::AbcView(services::Portfolio& portfolio, QWidget* parent)
    : QWidget(parent), m_portfolio(portfolio), m_service(portfolio), m_currency(portfolio.settings().currency().str())
{
    buildControls();
}

AbcView::~AbcView() = default;

void AbcView::buildControls()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);

    auto* choices = new QHBoxLayout;
    m_criterion = new QComboBox;
    for (const auto criterion : {AbcCriterion::Revenue, AbcCriterion::Margin, AbcCriterion::Orders}) {
        m_criterion->addItem(abcCriterionLabel(criterion), static_cast<int>(criterion));
    }
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
    m_scopeKind = new QComboBox;
    m_scopeKind->addItem(tr("Whole portfolio"), WholePortfolio);
    m_scopeKind->addItem(tr("Country"), ByCountry);
    m_scopeKind->addItem(tr("Channel"), ByChannel);
    m_scopeKind->addItem(tr("Owner rep"), ByRep);
    m_scopeKind->addItem(tr("Segment"), BySegment);
    m_scopeKind->addItem(tr("Territory"), ByTerritory);
    m_scopeValue = new QComboBox;
    m_scopeValue->setMinimumContentsLength(12);
    m_thresholds = new QLineEdit(QString::fromStdString(AbcThresholds().toString()));
    m_thresholds->setToolTip(tr("Share of the criterion each class takes, in %, A first: two to four shares summing "
                                "to 100 (\"80,15,5\", or \"70,20,7.5,2.5\" for a class D)."));
    m_thresholds->setMaximumWidth(140);
    auto* classifyButton = new QPushButton(tr("Classify"));
    classifyButton->setDefault(true);

    choices->addWidget(new QLabel(tr("Criterion")));
    choices->addWidget(m_criterion);
    choices->addSpacing(8);
    choices->addWidget(new QLabel(tr("Period")));
    choices->addWidget(m_period);
    choices->addWidget(m_year);
    choices->addWidget(m_from);
    choices->addWidget(m_to);
    choices->addSpacing(8);
    choices->addWidget(new QLabel(tr("Scope")));
    choices->addWidget(m_scopeKind);
    choices->addWidget(m_scopeValue);
    choices->addSpacing(8);
    choices->addWidget(new QLabel(tr("Classes %")));
    choices->addWidget(m_thresholds);
    choices->addWidget(classifyButton);
    choices->addStretch();
    layout->addLayout(choices);

    m_problem = new QLabel;
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->hide();
    layout->addWidget(m_problem);
    m_caption = new QLabel;
    layout->addWidget(m_caption);

    auto* top = new QSplitter(Qt::Horizontal);
    m_chart = new QChartView;
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(240);
    top->addWidget(m_chart);
    m_summary = new QTableWidget;
    m_summary->setColumnCount(5);
    m_summary->setHorizontalHeaderLabels({tr("Class"), tr("Customers"), tr("% cust."), tr("Value"), tr("% value")});
    m_summary->verticalHeader()->hide();
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->setSelectionMode(QAbstractItemView::NoSelection);
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    top->addWidget(m_summary);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);

    auto* bottom = new QWidget;
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto* listBar = new QHBoxLayout;
    m_classFilter = new QComboBox;
    listBar->addWidget(new QLabel(tr("Show")));
    listBar->addWidget(m_classFilter);
    listBar->addStretch();
    auto* exportList = new QPushButton(tr("Export list…"));
    auto* exportReport = new QPushButton(tr("Report to PDF…"));
    auto* saveSnapshot = new QPushButton(tr("Save snapshot…"));
    auto* compare = new QPushButton(tr("Compare snapshots…"));
    for (auto* button : {exportList, exportReport, saveSnapshot, compare}) {
        listBar->addWidget(button);
    }
    bottomLayout->addLayout(listBar);
    m_listModel = new AbcEntryModel(this);
    m_list = new QTableView;
    m_list->setModel(m_listModel);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    m_list->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {70, 90, 280, 130, 70, 90, 50};
    for (int column = 0; column < AbcEntryModel::Count; ++column) {
        m_list->setColumnWidth(column, widths[column]);
    }
    bottomLayout->addWidget(m_list);

    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, &AbcView::updatePeriodControls);
    connect(m_scopeKind, &QComboBox::currentIndexChanged, this, &AbcView::fillScopeValues);
    connect(classifyButton, &QPushButton::clicked, this, &AbcView::classify);
    connect(m_thresholds, &QLineEdit::returnPressed, this, &AbcView::applyThresholdsText);
    connect(m_classFilter, &QComboBox::currentIndexChanged, this, [this] {
        AbcEntryModel::Selection selection;
        const auto data = m_classFilter->currentData().toInt();
        if (data == -2) {
            selection.apart = true;
        } else if (data >= 0) {
            selection.abcClass = abcClassAt(data);
        }
        m_listModel->setSelection(selection);
    });
    connect(m_list, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        emit customerActivated(index.data(AbcEntryModel::kCustomerIdRole).toLongLong());
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& index) {
        if (index.isValid()) {
            emit customerSelected(index.data(AbcEntryModel::kCustomerIdRole).toLongLong());
        }
    });
    connect(exportList, &QPushButton::clicked, this, &AbcView::chooseListExport);
    connect(exportReport, &QPushButton::clicked, this, &AbcView::chooseReportExport);
    connect(saveSnapshot, &QPushButton::clicked, this, &AbcView::askSnapshotName);
    connect(compare, &QPushButton::clicked, this, &AbcView::openComparison);
    updatePeriodControls();
    fillScopeValues();
}

void AbcView::updatePeriodControls()
{
    const auto kind = m_period->currentData().toInt();
    m_year->setVisible(kind == CalendarYear);
    m_from->setVisible(kind == MonthRangeChoice);
    m_to->setVisible(kind == MonthRangeChoice);
}

void AbcView::fillScopeValues()
{
    m_scopeValue->clear();
    switch (m_scopeKind->currentData().toInt()) {
    case ByCountry:
        for (const auto& country : storage::CustomerFacets(m_portfolio.database()).countries()) {
            m_scopeValue->addItem(QString::fromStdString(country), QString::fromStdString(country));
        }
        break;
    case ByChannel:
        for (const auto& [channel, code] : kSalesChannelCodes.entries) {
            m_scopeValue->addItem(channelLabel(channel), static_cast<int>(channel));
        }
        break;
    case ByRep:
        for (const auto& rep : m_portfolio.reps().all()) {
            m_scopeValue->addItem(QString::fromStdString(rep.name), QVariant::fromValue<qlonglong>(rep.id));
        }
        break;
    case BySegment:
        if (auto segments = services::SegmentService(m_portfolio).list()) {
            for (const auto& segment : segments.value()) {
                m_scopeValue->addItem(QString::fromStdString(segment.name), QVariant::fromValue<qlonglong>(segment.id));
            }
        }
        break;
    case ByTerritory:
        // Each territory by its path ("EMEA > France"), parents before their children; a
        // territory's accounts include those of its sub-territories.
        if (auto set = services::TerritoryService(m_portfolio).territories()) {
            for (const auto& territory : set.value().territories) {
                m_scopeValue->addItem(QString::fromStdString(territoryPath(territory.id, set.value().territories)),
                                      QVariant::fromValue<qlonglong>(territory.id));
            }
        }
        break;
    default:
        break;
    }
    m_scopeValue->setVisible(m_scopeValue->count() > 0);
}

std::optional<services::AbcRequest> AbcView::requestFromControls()
{
    services::AbcRequest request;
    request.criterion = static_cast<AbcCriterion>(m_criterion->currentData().toInt());
    switch (m_period->currentData().toInt()) {
    case CalendarYear: {
        auto year = MonthRange::calendarYear(m_year->value());
        if (!year) {
            m_problem->setText(QString::fromStdString(year.error().describe()));
            return std::nullopt;
        }
        request.period = year.value();
        break;
    }
    case MonthRangeChoice: {
        auto range = MonthRange::between(monthKey(m_from->date()), monthKey(m_to->date()));
        if (!range) {
            m_problem->setText(tr("The first month must not be after the last: %1")
                                   .arg(QString::fromStdString(range.error().describe())));
            return std::nullopt;
        }
        request.period = range.value();
        break;
    }
    default:
        request.period = MonthRange::twelveMonthsEndingWith(Date::today());
        break;
    }
    switch (m_scopeKind->currentData().toInt()) {
    case ByCountry:
        request.scope.country = m_scopeValue->currentData().toString().toStdString();
        break;
    case ByChannel:
        request.scope.channel = static_cast<SalesChannel>(m_scopeValue->currentData().toInt());
        break;
    case ByRep:
        request.scope.ownerRepId = m_scopeValue->currentData().toLongLong();
        break;
    case BySegment:
        if (m_scopeValue->currentIndex() >= 0) {
            request.scope.segmentId = m_scopeValue->currentData().toLongLong();
        }
        break;
    case ByTerritory:
        if (m_scopeValue->currentIndex() >= 0) {
            request.scope.territoryId = m_scopeValue->currentData().toLongLong();
        }
        break;
    default:
        break;
    }
    auto thresholds = AbcThresholds::parse(m_thresholds->text().toStdString());
    if (!thresholds) {
        m_problem->setText(tr("Classes: %1").arg(QString::fromStdString(thresholds.error().describe())));
        return std::nullopt;
    }
    request.thresholds = thresholds.value();
    return request;
}

bool AbcView::classify()
{
    const auto request = requestFromControls();
    if (!request) {
        m_problem->show();
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto run = m_service.run(*request);
    QApplication::restoreOverrideCursor();
    if (!run) {
        m_problem->setText(QString::fromStdString(run.error().describe()));
        m_problem->show();
        return false;
    }
    m_problem->hide();
    m_run = std::make_shared<services::AbcRun>(std::move(run.value()));
    showRun();
    return true;
}

void AbcView::applyThresholdsText()
{
    if (!m_run) {
        classify();
        return;
    }
    auto thresholds = AbcThresholds::parse(m_thresholds->text().toStdString());
    if (!thresholds) {
        m_problem->setText(tr("Classes: %1").arg(QString::fromStdString(thresholds.error().describe())));
        m_problem->show();
        return;
    }
    m_problem->hide();
    // New shares only move the class borders: no need to read the portfolio again.
    services::AbcService::reclassify(*m_run, thresholds.value());
    m_run->request.thresholds = thresholds.value();
    showRun();
}

void AbcView::showRun()
{
    const auto& run = *m_run;
    const auto& result = run.result;
    const QLocale locale;
    const auto money = isMoney(run.request.criterion);
    const auto currency = CurrencyCode::parse(m_currency).value_or(CurrencyCode{});
    const auto valueText = [&](std::int64_t value) {
        return money ? formatMoneyWhole(Money{value, currency}) : locale.toString(static_cast<qlonglong>(value));
    };
    const auto criterion = abcCriterionLabel(run.request.criterion);
    m_caption->setText(tr("%1, %2: %3 customers classified, %4 listed apart with no %5 in the period.")
                           .arg(criterion, QString::fromStdString(run.request.period.toString()),
                                locale.toString(static_cast<qlonglong>(result.entries.size())),
                                locale.toString(static_cast<qlonglong>(result.apart.size())), criterion.toLower()));

    auto* old = m_chart->chart();
    double unit = 1;
    for (int digit = 0; money && digit < currency.minorDigits(); ++digit) {
        unit *= 10;
    }
    m_chart->setChart(
        buildParetoChart(run, criterion, money ? QString::fromStdString(currency.str()) : QString(), unit));
    delete old;

    const auto classified = static_cast<std::int64_t>(result.entries.size());
    m_summary->setRowCount(static_cast<int>(result.summary.size()) + 2);
    int row = 0;
    const auto put = [&](int column, const QString& text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter) {
        auto* item = new QTableWidgetItem(text);
        item->setTextAlignment(align);
        m_summary->setItem(row, column, item);
    };
    for (const auto& summary : result.summary) {
        auto* label = new QTableWidgetItem(tr("%1 (%2 %)").arg(classCode(summary.abcClass),
                                                             QString::fromStdString(formatBasisPoints(summary.thresholdBasisPoints))));
        label->setForeground(abcClassColor(summary.abcClass).darker(130));
        m_summary->setItem(row, 0, label);
        put(1, locale.toString(static_cast<qlonglong>(summary.customers)));
        put(2, formatPercent(shareOf(summary.customers, classified)));
        put(3, valueText(summary.value));
        put(4, formatPercent(shareOf(summary.value, result.total)));
        ++row;
    }
    put(0, tr("Classified"), Qt::AlignLeft | Qt::AlignVCenter);
    put(1, locale.toString(static_cast<qlonglong>(classified)));
    put(2, formatPercent(classified > 0 ? 1.0 : 0.0));
    put(3, valueText(result.total));
    put(4, formatPercent(result.total > 0 ? 1.0 : 0.0));
    ++row;
    put(0, tr("Apart (0 or less)"), Qt::AlignLeft | Qt::AlignVCenter);
    put(1, locale.toString(static_cast<qlonglong>(result.apart.size())));
    put(2, QString());
    put(3, valueText(result.apartValue()));
    put(4, QString());
    m_summary->resizeColumnsToContents();
    int width = m_summary->frameWidth() * 2;
    for (int column = 0; column < m_summary->columnCount(); ++column) {
        width += m_summary->columnWidth(column);
    }
    m_summary->setMinimumWidth(width);
    m_summary->setMaximumWidth(width + 24);

    {
        const QSignalBlocker blocker(m_classFilter);
        const auto previous = m_classFilter->currentData();
        m_classFilter->clear();
        m_classFilter->addItem(tr("All classified customers"), -1);
        for (const auto& summary : result.summary) {
            m_classFilter->addItem(tr("Class %1").arg(classCode(summary.abcClass)), abcClassIndex(summary.abcClass));
        }
        m_classFilter->addItem(tr("Listed apart"), -2);
        const int keep = m_classFilter->findData(previous);
        m_classFilter->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    m_listModel->setRun(m_run, m_currency);
    emit m_classFilter->currentIndexChanged(m_classFilter->currentIndex());
}

domain::Status AbcView::exportList(const QString& path)
{
    if (!m_run) {
        return Error{ErrorCode::InvalidInput, tr("Classify first: there is no list to export.").toStdString(), {}};
    }
    const auto format = services::listFileFormatFor(path.toStdString());
    if (!format) {
        return Error{ErrorCode::InvalidInput, tr("Choose a file name ending in .csv or .xlsx.").toStdString(), {}};
    }
    const auto selection = m_listModel->selection();
    services::AbcListPart part{selection.abcClass, selection.apart};
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto written = services::exportAbcList(*m_run, part, CurrencyCode::parse(m_currency).value_or(CurrencyCode{}),
                                           path.toStdString(), *format);
    QApplication::restoreOverrideCursor();
    return written;
}

domain::Status AbcView::exportReport(const QString& path)
{
    if (!m_run) {
        return Error{ErrorCode::InvalidInput, tr("Classify first: there is no report to print.").toStdString(), {}};
    }
    QPdfWriter pdf(path);
    pdf.setTitle(tr("ABC classification"));
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(QPageLayout::Landscape);
    pdf.setResolution(150);

    QTextDocument document;
    const QImage chart = m_chart->grab().toImage();
    document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart.png")), chart);
    QString html = QStringLiteral("<h2>%1</h2><p>%2</p>").arg(tr("ABC classification"), m_caption->text().toHtmlEscaped());
    html += QStringLiteral("<p><img src='chart.png' width='900'></p>");
    html += QStringLiteral("<table border='1' cellspacing='0' cellpadding='4'><tr>");
    for (int column = 0; column < m_summary->columnCount(); ++column) {
        html += QStringLiteral("<th>%1</th>").arg(m_summary->horizontalHeaderItem(column)->text().toHtmlEscaped());
    }
    html += QStringLiteral("</tr>");
    for (int row = 0; row < m_summary->rowCount(); ++row) {
        html += QStringLiteral("<tr>");
        for (int column = 0; column < m_summary->columnCount(); ++column) {
            const auto* item = m_summary->item(row, column);
            html += QStringLiteral("<td align='%1'>%2</td>")
                        .arg(column == 0 ? QStringLiteral("left") : QStringLiteral("right"),
                             item ? item->text().toHtmlEscaped() : QString());
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    // The first customers of the list as shown (a report, not an export: at most 100).
    html += QStringLiteral("<h3>%1</h3><table border='1' cellspacing='0' cellpadding='3'><tr>")
                .arg(tr("%1: first customers").arg(m_classFilter->currentText().toHtmlEscaped()));
    for (int column = 0; column < AbcEntryModel::Count; ++column) {
        html += QStringLiteral("<th>%1</th>").arg(m_listModel->headerData(column, Qt::Horizontal).toString().toHtmlEscaped());
    }
    html += QStringLiteral("</tr>");
    for (int row = 0; row < std::min(m_listModel->rowCount(), 100); ++row) {
        html += QStringLiteral("<tr>");
        for (int column = 0; column < AbcEntryModel::Count; ++column) {
            html += QStringLiteral("<td>%1</td>").arg(m_listModel->index(row, column).data().toString().toHtmlEscaped());
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    document.setHtml(html);
    document.print(&pdf);
    if (!QFileInfo::exists(path) || QFileInfo(path).size() == 0) {
        return Error{ErrorCode::InvalidInput, tr("Could not write %1.").arg(path).toStdString(), {}};
    }
    return Done{};
}

domain::Result<AbcSnapshotInfo> AbcView::saveSnapshot(const QString& name)
{
    if (!m_run) {
        return Error{ErrorCode::InvalidInput, tr("Classify first: there is nothing to save.").toStdString(), {}};
    }
    return m_service.saveSnapshot(*m_run, name.trimmed().toStdString(), Date::today());
}

void AbcView::chooseListExport()
{
    const auto path = QFileDialog::getSaveFileName(this, tr("Export list"), QStringLiteral("abc.xlsx"),
                                                   tr("Excel workbook (*.xlsx);;CSV (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto written = exportList(path); !written) {
        m_problem->setText(QString::fromStdString(written.error().describe()));
        m_problem->show();
    }
}

void AbcView::chooseReportExport()
{
    const auto path = QFileDialog::getSaveFileName(this, tr("Report to PDF"), QStringLiteral("abc.pdf"), tr("PDF (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto written = exportReport(path); !written) {
        m_problem->setText(QString::fromStdString(written.error().describe()));
        m_problem->show();
    }
}

void AbcView::askSnapshotName()
{
    if (!m_run) {
        classify();
    }
    bool ok = false;
    const auto name = QInputDialog::getText(this, tr("Save snapshot"),
                                            tr("Name (empty: criterion, period and date):"), QLineEdit::Normal,
                                            QString(), &ok);
    if (!ok) {
        return;
    }
    if (auto saved = saveSnapshot(name); !saved) {
        m_problem->setText(QString::fromStdString(saved.error().describe()));
        m_problem->show();
    } else {
        m_problem->hide();
        m_caption->setText(tr("Saved snapshot “%1”.").arg(QString::fromStdString(saved.value().name)));
    }
}

void AbcView::openComparison()
{
    AbcCompareDialog dialog(m_service, this);
    connect(&dialog, &AbcCompareDialog::customerActivated, this, &AbcView::customerActivated);
    dialog.exec();
}

} // namespace cartera::app
