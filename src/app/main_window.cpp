#include "app/main_window.h"

#include "app/abc_view.h"
#include "app/activities_view.h"
#include "app/activity_editor.h"
#include "app/contacts_view.h"
#include "app/portfolio_view.h"
#include "app/territories_view.h"
#include "app/segment_filter_combo.h"
#include "app/segments_view.h"
#include "app/pipeline_view.h"
#include "app/forecast_view.h"
#include "app/retention_view.h"
#include "app/tiers_view.h"
#include "app/customer_detail_panel.h"
#include "app/customer_editor.h"
#include "app/customer_list_exporter.h"
#include "app/open_claims_model.h"
#include "app/undo_commands.h"
#include "storage/customer_facets.h"
#include "app/customer_table_model.h"
#include "services/portfolio.h"

#include <QAbstractButton>
#include <QAction>
#include <QPushButton>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QSignalBlocker>
#include <QToolBar>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

void rememberRecentDatabase(const QString& path);

MainWindow::MainWindow(std::unique_ptr<services::Portfolio> portfolio, QWidget* parent)
    : QMainWindow(parent), m_portfolio(std::move(portfolio)), m_service(*m_portfolio),
      m_preferences(Preferences::load()), m_undo(new QUndoStack(this))
{
    setWindowTitle(tr("Cartera — %1").arg(QString::fromStdString(m_portfolio->database().path().filename().string())));

    m_navigation = new QListWidget;
    m_navigation->setMaximumWidth(200);
    m_views = new QStackedWidget;
    addView(QStringLiteral("customers"), tr("Customers"), createCustomerView());
    m_contacts = new ContactsView(*m_portfolio, m_service);
    addView(QStringLiteral("contacts"), tr("Contacts"), m_contacts);
    m_activities = new ActivitiesView(*m_portfolio, m_preferences.claimResponseDays);
    addView(QStringLiteral("activities"), tr("Activities"), m_activities);
    addView(QStringLiteral("claims"), tr("Open claims"), createClaimsView());
    m_abc = new AbcView(*m_portfolio);
    addView(QStringLiteral("abc"), tr("ABC analysis"), m_abc);
    m_tiers = new TiersView(*m_portfolio);
    addView(QStringLiteral("tiers"), tr("Tiers"), m_tiers);
    m_portfolioView = new PortfolioView(*m_portfolio);
    addView(QStringLiteral("portfolio"), tr("Portfolio"), m_portfolioView);
    m_pipeline = new PipelineView(*m_portfolio, std::nullopt, m_preferences.pipelineStaleDays);
    addView(QStringLiteral("pipeline"), tr("Pipeline"), m_pipeline);
    m_forecast = new ForecastView(*m_portfolio);
    addView(QStringLiteral("forecast"), tr("Forecast"), m_forecast);
    m_segments = new SegmentsView(*m_portfolio);
    addView(QStringLiteral("segments"), tr("Segments"), m_segments);
    m_territories = new TerritoriesView(*m_portfolio, m_undo);
    addView(QStringLiteral("territories"), tr("Territories"), m_territories);
    m_retention = new RetentionView(*m_portfolio);
    addView(QStringLiteral("retention"), tr("Retention"), m_retention);
    m_navigation->setCurrentRow(0);

    m_detail = new CustomerDetailPanel(*m_portfolio);

    m_splitter = new QSplitter;
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(m_views);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 1);
    m_splitter->setSizes({140, 930, 330});

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    if (m_portfolio->settings().isDemo()) {
        auto* banner = new QLabel(tr("This is a demo portfolio with invented customers: explore freely. To work with "
                                     "your own portfolio, choose File > Open Database."));
        banner->setObjectName(QStringLiteral("demoBanner"));
        banner->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        banner->setStyleSheet(QStringLiteral("QLabel#demoBanner { background: #fff4ce; color: #5c4400; padding: 6px 10px; "
                                             "border-bottom: 1px solid #e0c97a; }"));
        layout->addWidget(banner);
    }
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("messageBar"));
    m_message->setWordWrap(true);
    m_message->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_message->setStyleSheet(QStringLiteral("QLabel#messageBar { background: #fde7e9; color: #8c1d18; padding: 6px 10px; }"));
    m_message->hide();
    layout->addWidget(m_message);
    m_exporter = new CustomerListExporter(m_customerTable, m_customerModel, m_portfolio->database().path(), m_message, this);
    layout->addWidget(m_splitter);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, m_views, &QStackedWidget::setCurrentIndex);

    m_shownLabel = new QLabel;
    m_userLabel = new QLabel;
    m_fileLabel = new QLabel(QString::fromStdString(m_portfolio->database().path().string()));
    statusBar()->addWidget(m_shownLabel, 1);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_fileLabel);

    connect(m_activities, &ActivitiesView::customerSelected, m_detail, &CustomerDetailPanel::showCustomer);
    connect(m_contacts, &ContactsView::changeRequested, this, &MainWindow::push);
    connect(m_contacts, &ContactsView::errorOccurred, this, &MainWindow::showError);
    connect(m_contacts, &ContactsView::customerActivated, this, [this](CustomerId id) {
        if (const auto customer = m_portfolio->customers().find(id)) {
            selectCustomer(QString::fromStdString(customer->code));
        }
    });
    connect(m_abc, &AbcView::customerSelected, m_detail, &CustomerDetailPanel::showCustomer);
    connect(m_tiers, &TiersView::customerSelected, m_detail, &CustomerDetailPanel::showCustomer);
    connect(m_portfolioView, &PortfolioView::customerSelected, m_detail, &CustomerDetailPanel::showCustomer);
    connect(m_territories, &TerritoriesView::customerSelected, m_detail, &CustomerDetailPanel::showCustomer);
    connect(m_pipeline, &PipelineView::customerSelected, m_detail, &CustomerDetailPanel::showCustomer);
    connect(m_pipeline, &PipelineView::changeRequested, this, &MainWindow::push);
    connect(m_forecast, &ForecastView::errorOccurred, this, &MainWindow::showError);
    const auto openCustomer = [this](CustomerId id) {
        if (const auto customer = m_portfolio->customers().find(id)) {
            selectCustomer(QString::fromStdString(customer->code));
        }
    };
    connect(m_tiers, &TiersView::customerActivated, this, openCustomer);
    connect(m_portfolioView, &PortfolioView::customerActivated, this, openCustomer);
    connect(m_territories, &TerritoriesView::customerActivated, this, openCustomer);
    connect(m_retention, &RetentionView::customerSelected, m_detail, &CustomerDetailPanel::showCustomer);
    connect(m_retention, &RetentionView::customerActivated, this, openCustomer);
    connect(m_retention, &RetentionView::changeRequested, this, &MainWindow::push);
    connect(m_retention, &RetentionView::errorOccurred, this, &MainWindow::showError);
    connect(m_abc, &AbcView::customerActivated, this, [this](CustomerId id) {
        if (const auto customer = m_portfolio->customers().find(id)) {
            selectCustomer(QString::fromStdString(customer->code));
        }
    });
    // The ABC view classifies when first shown: reading the figures takes a moment on a large
    // portfolio, which a user opening the customer list should not wait for.
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_views->widget(row) == m_abc && !m_abc->run()) {
            m_abc->classify();
        }
        // The tiers read synchronously when chosen (the view would start a background read when
        // shown): the window's first look at it, and a --screenshot, then show the ranking.
        if (m_views->widget(row) == m_tiers && !m_tiers->run()) {
            m_tiers->runTiers();
        }
        if (m_views->widget(row) == m_portfolioView && !m_portfolioView->analysis()) {
            m_portfolioView->analyse();
        }
        if (m_views->widget(row) == m_territories && !m_territories->coverage()) {
            m_territories->reload();
        }
        if (m_views->widget(row) == m_retention && !m_retention->loaded()) {
            m_retention->refresh();
        }
    });
    // Segments: "Show customers" lists the members in the customer list, filtered by the segment alone.
    connect(m_segments, &SegmentsView::changeRequested, this, &MainWindow::push);
    connect(m_segments, &SegmentsView::errorOccurred, this, &MainWindow::showError);
    connect(m_segments, &SegmentsView::segmentsChanged, m_segmentFilter, &SegmentFilterCombo::reload);
    connect(m_segments, &SegmentsView::membersRequested, this, [this](SegmentId id) {
        m_search->clear();
        m_scope->setCurrentIndex(1);
        for (auto* combo : {m_kindFilter, m_statusFilter, m_sizeFilter, m_channelFilter, m_countryFilter, m_industryFilter,
                            m_ownerFilter}) {
            combo->setCurrentIndex(0);
        }
        m_segmentFilter->selectSegment(id);
        m_navigation->setCurrentRow(0);
    });
    connect(m_detail, &CustomerDetailPanel::logActivityRequested, this, &MainWindow::logActivityDialog);
    connect(m_detail, &CustomerDetailPanel::activityActionRequested, this, &MainWindow::onActivityAction);

    createActions();
    restoreLayout();
    applyScope();
    updateStatus();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::createCustomerView()
{
    auto* view = new QWidget;
    auto* layout = new QVBoxLayout(view);
    layout->setContentsMargins(6, 6, 6, 0);

    // Scope and search on the first row, the attribute filters on the second.
    auto* searchRow = new QHBoxLayout;
    m_scope = new QComboBox;
    m_scope->addItem(tr("My accounts"));
    m_scope->addItem(tr("All accounts"));
    searchRow->addWidget(m_scope);
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search customers by name, code, city, e-mail or contact (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    searchRow->addWidget(m_search, 1);
    layout->addLayout(searchRow);
    auto* filters = new QHBoxLayout;
    m_kindFilter = new QComboBox;
    m_channelFilter = new QComboBox;
    m_countryFilter = new QComboBox;
    m_ownerFilter = new QComboBox;
    m_statusFilter = new QComboBox;
    m_sizeFilter = new QComboBox;
    m_regionFilter = new QComboBox;
    m_industryFilter = new QComboBox;
    m_segmentFilter = new SegmentFilterCombo(*m_portfolio);
    m_countryFilter->setObjectName(QStringLiteral("countryFilter"));
    m_regionFilter->setObjectName(QStringLiteral("regionFilter"));
    m_industryFilter->setObjectName(QStringLiteral("industryFilter"));
    for (QComboBox* combo : {m_kindFilter, m_statusFilter, m_sizeFilter, m_channelFilter, m_countryFilter, m_regionFilter,
                             m_industryFilter, m_ownerFilter, static_cast<QComboBox*>(m_segmentFilter)}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
        filters->addWidget(combo, 1);
    }
    layout->addLayout(filters);

    m_customerModel = new CustomerTableModel(*m_portfolio, this);
    m_customerTable = new QTableView;
    m_customerTable->setModel(m_customerModel);
    m_customerTable->setSortingEnabled(true);
    m_customerTable->sortByColumn(CustomerTableModel::Name, Qt::AscendingOrder);
    m_customerTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_customerTable->setSelectionMode(QAbstractItemView::ExtendedSelection);  // several for "Add to List"
    m_customerTable->setAlternatingRowColors(true);
    m_customerTable->verticalHeader()->hide();
    // Fixed row heights: the view never measures a million rows.
    m_customerTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_customerTable->verticalHeader()->setDefaultSectionSize(m_customerTable->fontMetrics().height() + 8);
    m_customerTable->horizontalHeader()->setSectionsMovable(true);
    m_customerTable->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {90, 260, 80, 150, 130, 60, 150, 140, 70};
    for (int column = 0; column < CustomerTableModel::Count; ++column) {
        m_customerTable->setColumnWidth(column, widths[column]);
    }
    layout->addWidget(m_customerTable);

    fillFilterChoices();

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);
    connect(m_searchDelay, &QTimer::timeout, this, &MainWindow::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    // Regions follow the country: changing it refills them (which filters once).
    connect(m_countryFilter, &QComboBox::currentIndexChanged, this, &MainWindow::fillRegionChoices);
    for (QComboBox* combo : {m_kindFilter, m_statusFilter, m_sizeFilter, m_channelFilter, m_regionFilter, m_industryFilter,
                             m_ownerFilter, m_scope, static_cast<QComboBox*>(m_segmentFilter)}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
    }
    connect(m_customerTable, &QTableView::doubleClicked, this, &MainWindow::editCurrentCustomer);
    connect(m_customerTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                m_detail->showCustomer(current.data(CustomerTableModel::kCustomerIdRole).toLongLong());
            });
    connect(m_customerModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    return view;
}

void MainWindow::fillFilterChoices()
{
    m_kindFilter->addItem(tr("All kinds"));
    m_kindFilter->addItem(kindLabel(CustomerKind::Customer), QString::fromLatin1(kCustomerKindCodes.code(CustomerKind::Customer).data()));
    m_kindFilter->addItem(kindLabel(CustomerKind::Prospect), QString::fromLatin1(kCustomerKindCodes.code(CustomerKind::Prospect).data()));

    m_statusFilter->addItem(tr("Any status"));
    for (const auto& [status, code] : kCustomerStatusCodes.entries) {
        m_statusFilter->addItem(statusLabel(status), static_cast<int>(status));
    }
    m_sizeFilter->addItem(tr("Any size"));
    for (const auto& [band, code] : kSizeBandCodes.entries) {
        m_sizeFilter->addItem(sizeBandLabel(band), static_cast<int>(band));
    }

    m_channelFilter->addItem(tr("All channels"));
    for (const auto& [channel, code] : kSalesChannelCodes.entries) {
        m_channelFilter->addItem(channelLabel(channel), QString::fromLatin1(code.data(), static_cast<int>(code.size())));
    }

    const storage::CustomerFacets facets(m_portfolio->database());
    m_countryFilter->addItem(tr("All countries"));
    for (const auto& country : facets.countries()) {
        m_countryFilter->addItem(QString::fromStdString(country), QString::fromStdString(country));
    }
    m_regionFilter->addItem(tr("All regions"));
    m_regionFilter->setEnabled(false);
    m_industryFilter->addItem(tr("All industries"));
    for (const auto& industry : facets.industries()) {
        m_industryFilter->addItem(QString::fromStdString(industry), QString::fromStdString(industry));
    }

    m_ownerFilter->addItem(tr("All owners"));
    for (const auto& rep : m_portfolio->reps().all()) {
        m_ownerFilter->addItem(QString::fromStdString(rep.name), QVariant::fromValue<qlonglong>(rep.id));
    }
}

void MainWindow::fillRegionChoices()
{
    {
        const QSignalBlocker blocker(m_regionFilter);
        m_regionFilter->clear();
        m_regionFilter->addItem(tr("All regions"));
        const bool oneCountry = m_countryFilter->currentIndex() > 0;
        if (oneCountry) {
            const auto country = m_countryFilter->currentData().toString().toStdString();
            for (const auto& region : storage::CustomerFacets(m_portfolio->database()).regions(country)) {
                m_regionFilter->addItem(QString::fromStdString(region), QString::fromStdString(region));
            }
        }
        m_regionFilter->setEnabled(oneCountry);
    }
    applyFilter();
}

void MainWindow::applyFilter()
{
    CustomerFilter filter;
    filter.search = m_search->text().trimmed().toStdString();
    if (m_kindFilter->currentIndex() > 0) {
        filter.kind = kCustomerKindCodes.parse(m_kindFilter->currentData().toString().toStdString());
    }
    if (m_statusFilter->currentIndex() > 0) {
        filter.status = static_cast<CustomerStatus>(m_statusFilter->currentData().toInt());
    }
    if (m_sizeFilter->currentIndex() > 0) {
        filter.sizeBand = static_cast<SizeBand>(m_sizeFilter->currentData().toInt());
    }
    if (m_channelFilter->currentIndex() > 0) {
        filter.channel = kSalesChannelCodes.parse(m_channelFilter->currentData().toString().toStdString());
    }
    if (m_countryFilter->currentIndex() > 0) {
        filter.country = m_countryFilter->currentData().toString().toStdString();
    }
    if (m_regionFilter->currentIndex() > 0) {
        filter.region = m_regionFilter->currentData().toString().toStdString();
    }
    if (m_industryFilter->currentIndex() > 0) {
        filter.industry = m_industryFilter->currentData().toString().toStdString();
    }
    if (m_ownerFilter->currentIndex() > 0) {
        filter.ownerRepId = m_ownerFilter->currentData().toLongLong();
    } else if (m_scope->isEnabled() && m_scope->currentIndex() == 0) {
        if (const auto me = m_portfolio->reps().findByCode(m_preferences.currentRepCode.toStdString())) {
            filter.ownerRepId = me->id;
        }
    }
    filter.segmentId = m_segmentFilter->segmentId();
    m_customerModel->setFilter(filter);
    m_detail->showCustomer(0);
}

void MainWindow::updateStatus()
{
    const QLocale locale;
    QString text = tr("%1 customers shown").arg(locale.toString(m_customerModel->rowCount()));
    if (m_claimsModel) {
        text += tr(" · %1 open claims and requests, %2 overdue")
                    .arg(locale.toString(m_claimsModel->rowCount()), locale.toString(m_claimsModel->overdueCount()));
    }
    m_shownLabel->setText(text);
    const auto me = m_portfolio->reps().findByCode(m_preferences.currentRepCode.toStdString());
    m_userLabel->setText(me ? tr("User: %1").arg(QString::fromStdString(me->name)) : tr("User: not set (Preferences)"));
}

void MainWindow::createActions()
{
    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* open = fileMenu->addAction(tr("&Open Database…"), this, &MainWindow::openDatabase);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    fileMenu->addSeparator();
    fileMenu->addAction(m_exporter->action());
    fileMenu->addSeparator();
    auto* preferences = fileMenu->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcuts({QKeySequence(QKeySequence::Preferences), QKeySequence(tr("Ctrl+,"))});
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* editMenu = menuBar()->addMenu(tr("&Edit"));
    auto* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    auto* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    auto* find = editMenu->addAction(tr("&Find Customer"), this, [this] {
        m_navigation->setCurrentRow(0);
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);

    auto* customerMenu = menuBar()->addMenu(tr("&Customers"));
    auto* newCustomer = customerMenu->addAction(tr("&New Customer…"), this, &MainWindow::newCustomerDialog);
    newCustomer->setShortcut(QKeySequence::New);
    auto* edit = customerMenu->addAction(tr("&Edit Customer…"), this, &MainWindow::editCurrentCustomer);
    edit->setShortcut(QKeySequence(tr("Ctrl+E")));
    auto* log = customerMenu->addAction(tr("&Log Activity…"), this, &MainWindow::logActivityDialog);
    log->setShortcut(QKeySequence(tr("Ctrl+L")));
    customerMenu->addAction(tr("New &Opportunity…"), this, [this] {
        if (m_detail->customerId() > 0) {
            m_pipeline->newOpportunityFor(m_detail->customerId());
        }
    })->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    customerMenu->addSeparator();
    customerMenu->addAction(tr("&Archive / Unarchive"), this, &MainWindow::archiveCurrentCustomer);
    customerMenu->addAction(tr("Record E&xit…"), this, &MainWindow::recordExitDialog);
    auto* remove = customerMenu->addAction(tr("&Delete Customer…"), this, &MainWindow::deleteCurrentCustomer);
    remove->setShortcut(QKeySequence::Delete);
    customerMenu->addSeparator();
    customerMenu->addAction(tr("Add to &List…"), this, [this] {
        std::vector<CustomerId> ids;
        for (const auto& row : m_customerTable->selectionModel()->selectedRows()) {
            ids.push_back(row.data(CustomerTableModel::kCustomerIdRole).toLongLong());
        }
        m_segments->addCustomersToList(ids);
    });

    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    for (int row = 0; row < m_navigation->count(); ++row) {
        auto* action = viewMenu->addAction(m_navigation->item(row)->text(), this,
                                           [this, row] { m_navigation->setCurrentRow(row); });
        // Ctrl+1 to Ctrl+9, then Ctrl+0, then Alt+1 onwards: every view a keystroke away.
        if (row < 9) {
            action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + row)));
        } else if (row == 9) {
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
        } else if (row < 19) {
            action->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + row - 10)));
        }
    }

    auto* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Cartera"), this, &MainWindow::showAbout);

    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(newCustomer);
    // The menu's undo actions carry the command's name ("Undo Edit ACME"), too long for a
    // toolbar button: the toolbar gets short ones that follow the stack.
    auto* undoButton = toolbar->addAction(tr("Undo"), m_undo, &QUndoStack::undo);
    auto* redoButton = toolbar->addAction(tr("Redo"), m_undo, &QUndoStack::redo);
    undoButton->setEnabled(false);
    redoButton->setEnabled(false);
    connect(m_undo, &QUndoStack::canUndoChanged, undoButton, &QAction::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redoButton, &QAction::setEnabled);
    connect(m_undo, &QUndoStack::undoTextChanged, undoButton, &QAction::setToolTip);
    connect(m_undo, &QUndoStack::redoTextChanged, redoButton, &QAction::setToolTip);
    toolbar->addSeparator();
    toolbar->addAction(log);
    toolbar->addAction(open);
    toolbar->addAction(m_exporter->action());
}

void MainWindow::openDatabase()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Portfolio"), QString(),
                                                      tr("Cartera portfolios (*.cartera *.db);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    // Check the file before leaving this one: a bad file must not close the current portfolio.
    auto opened = services::Portfolio::open(path.toStdString(), storage::OpenMode::ReadWrite);
    if (!opened) {
        QMessageBox::warning(this, tr("Cannot open portfolio"), QString::fromStdString(opened.error().describe()));
        return;
    }
    opened.value().reset();
    QSettings().setValue(QStringLiteral("database/last"), path);
    rememberRecentDatabase(path);
    saveLayout();
    QProcess::startDetached(QApplication::applicationFilePath(), {QStringLiteral("--db"), path});
    close();
}

void MainWindow::showAbout()
{
    const auto facts = m_portfolio->facts();
    QMessageBox::about(this, tr("About Cartera"),
                       tr("<b>Cartera</b> %1<br>Customer portfolio manager.<br><br>Database: %2<br>Schema version %3, "
                          "currency %4.")
                           .arg(QApplication::applicationVersion(),
                                QString::fromStdString(m_portfolio->database().path().string()).toHtmlEscaped())
                           .arg(facts.schemaVersion)
                           .arg(QString::fromStdString(facts.currency)));
}

void MainWindow::addView(const QString& key, const QString& title, QWidget* view)
{
    m_viewKeys.append(key);
    m_navigation->addItem(title);
    m_views->addWidget(view);
}

QStringList MainWindow::viewNames() const
{
    return m_viewKeys;
}

bool MainWindow::showView(const QString& name)
{
    const auto row = m_viewKeys.indexOf(name);
    if (row < 0) {
        return false;
    }
    m_navigation->setCurrentRow(static_cast<int>(row));
    return true;
}

bool MainWindow::selectCustomer(const QString& code)
{
    const auto customer = m_portfolio->customers().findByCode(code.toStdString());
    if (!customer) {
        return false;
    }
    m_navigation->setCurrentRow(0);
    m_search->setText(code);
    m_searchDelay->stop();  // filter now, not again when the typing delay runs out
    applyFilter();
    m_customerTable->setCurrentIndex(m_customerModel->index(0, CustomerTableModel::Name));
    m_detail->showCustomer(customer->id);
    return true;
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_customerTable->horizontalHeader()->restoreState(settings.value(QStringLiteral("customers/header")).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("customers/header"), m_customerTable->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    event->accept();
}

} // namespace cartera::app

namespace cartera::app {

using namespace cartera::domain;

void rememberRecentDatabase(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("database/recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 8) {
        recent.removeLast();
    }
    settings.setValue(QStringLiteral("database/recent"), recent);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("database/recent")).toStringList();
    for (const QString& path : recent) {
        m_recentMenu->addAction(path, this, [path] {
            QProcess::startDetached(QApplication::applicationFilePath(), {QStringLiteral("--db"), path});
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

QWidget* MainWindow::createClaimsView()
{
    auto* view = new QWidget;
    auto* layout = new QVBoxLayout(view);
    layout->setContentsMargins(6, 6, 6, 0);
    auto* hint = new QLabel(tr("Claims and information requests not yet resolved, oldest first. Red: no first "
                               "response within the target set in Preferences."));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_claimsModel = new OpenClaimsModel(*m_portfolio, m_preferences.claimResponseDays, this);
    m_claimsTable = new QTableView;
    m_claimsTable->setModel(m_claimsModel);
    m_claimsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_claimsTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_claimsTable->verticalHeader()->hide();
    m_claimsTable->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {90, 260, 130, 260, 150, 130, 80};
    for (int column = 0; column < OpenClaimsModel::Count; ++column) {
        m_claimsTable->setColumnWidth(column, widths[column]);
    }
    layout->addWidget(m_claimsTable);
    connect(m_claimsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                m_detail->showCustomer(current.data(OpenClaimsModel::kCustomerIdRole).toLongLong());
            });
    return view;
}

QString MainWindow::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void MainWindow::showError(const Error& error)
{
    m_message->setStyleSheet(QStringLiteral("QLabel#messageBar { background: #fde7e9; color: #8c1d18; padding: 6px 10px; }"));
    m_message->setTextFormat(Qt::PlainText);  // an export's notice may have left rich text on
    m_message->setText(QString::fromStdString(error.describe()));
    m_message->show();
    QTimer::singleShot(8000, m_message, &QWidget::hide);
}

void MainWindow::refreshAfterChange()
{
    // Reload the lists from the database, keeping the detail on the same customer.
    const auto shown = m_detail->customerId();
    m_customerModel->reload();
    m_claimsModel->reload();
    m_activities->reload();
    m_contacts->reload();
    m_detail->showCustomer(shown);
    updateStatus();
}

void MainWindow::push(const QString& text, services::CustomerService::Step redo, services::CustomerService::Step undo)
{
    m_message->hide();
    auto* command = new ServiceCommand(
        text,
        [this, redo] {
            auto status = redo();
            refreshAfterChange();
            return status;
        },
        [this, undo] {
            auto status = undo();
            refreshAfterChange();
            return status;
        },
        [this](const Error& error) { showError(error); });
    m_undo->push(command);
    refreshAfterChange();
}

namespace {

/// Adapts a Result<T> step to the Status an undo command runs.
template <typename Call>
services::CustomerService::Step statusOf(Call call)
{
    return [call]() -> Status {
        auto result = call();
        if (!result) {
            return result.error();
        }
        return Done{};
    };
}

} // namespace

bool MainWindow::createCustomer(const Customer& customer)
{
    auto created = m_service.create(customer, Date::today());
    if (!created) {
        showError(created.error());
        return false;
    }
    const Customer saved = created.value();
    m_detail->showCustomer(saved.id);
    push(tr("New customer %1").arg(QString::fromStdString(saved.name)),
         [this, saved] { return m_service.restore({saved, {}, {}, {}}); },
         statusOf([this, id = saved.id] { return m_service.remove(id); }));
    return true;
}

bool MainWindow::updateCustomer(const Customer& customer)
{
    const auto before = m_portfolio->customers().find(customer.id);
    auto updated = m_service.update(customer, Date::today());
    if (!updated || !before) {
        showError(updated ? Error{ErrorCode::NotFound, "the customer no longer exists", {}} : updated.error());
        return false;
    }
    const Customer after = updated.value();
    const Customer previous = *before;
    push(tr("Edit %1").arg(QString::fromStdString(after.name)),
         statusOf([this, after] { return m_service.update(after, after.updated); }),
         statusOf([this, previous] { return m_service.update(previous, previous.updated); }));
    return true;
}

bool MainWindow::setCustomerArchived(CustomerId id, bool archived)
{
    const std::optional<Date> on = archived ? std::optional<Date>(Date::today()) : std::nullopt;
    auto changed = m_service.setArchived(id, on);
    if (!changed) {
        showError(changed.error());
        return false;
    }
    const auto before = archived ? std::nullopt : std::optional<Date>(Date::today());
    push(archived ? tr("Archive %1").arg(QString::fromStdString(changed.value().name))
                  : tr("Unarchive %1").arg(QString::fromStdString(changed.value().name)),
         statusOf([this, id, on] { return m_service.setArchived(id, on); }),
         statusOf([this, id, before] { return m_service.setArchived(id, before); }));
    return true;
}

bool MainWindow::deleteCustomer(CustomerId id)
{
    auto removed = m_service.remove(id);
    if (!removed) {
        showError(removed.error());
        return false;
    }
    const auto snapshot = std::make_shared<services::CustomerSnapshot>(removed.value());
    if (m_detail->customerId() == id) {
        m_detail->showCustomer(0);
    }
    push(tr("Delete %1").arg(QString::fromStdString(snapshot->customer.name)),
         statusOf([this, id] { return m_service.remove(id); }),
         [this, snapshot] { return m_service.restore(*snapshot); });
    return true;
}

bool MainWindow::logActivity(const Activity& activity)
{
    auto logged = m_service.logActivity(activity);
    if (!logged) {
        showError(logged.error());
        return false;
    }
    const Activity saved = logged.value();
    push(tr("Log %1").arg(activityTypeLabel(saved.type).toLower()),
         [this, saved] { return m_service.restoreActivity(saved); },
         statusOf([this, id = saved.id] { return m_service.removeActivity(id); }));
    return true;
}

bool MainWindow::advanceActivity(ActivityId id, ActivityStatus status)
{
    const auto before = m_portfolio->activities().find(id);
    auto advanced = m_service.advanceActivity(id, status, Date::today());
    if (!advanced || !before) {
        showError(advanced ? Error{ErrorCode::NotFound, "the activity no longer exists", {}} : advanced.error());
        return false;
    }
    const Activity after = advanced.value();
    const Activity previous = *before;
    push(tr("Mark %1 as %2").arg(QString::fromStdString(after.subject), activityStatusLabel(status).toLower()),
         statusOf([this, after] { return m_service.updateActivity(after); }),
         statusOf([this, previous] { return m_service.updateActivity(previous); }));
    return true;
}

bool MainWindow::deleteActivity(ActivityId id)
{
    auto removed = m_service.removeActivity(id);
    if (!removed) {
        showError(removed.error());
        return false;
    }
    const Activity saved = removed.value();
    push(tr("Delete activity %1").arg(QString::fromStdString(saved.subject)),
         statusOf([this, id] { return m_service.removeActivity(id); }),
         [this, saved] { return m_service.restoreActivity(saved); });
    return true;
}

void MainWindow::newCustomerDialog()
{
    Customer blank;
    if (const auto me = m_portfolio->reps().findByCode(m_preferences.currentRepCode.toStdString())) {
        blank.ownerRepId = me->id;
    }
    CustomerEditor editor(*m_portfolio, blank, this);
    if (editor.exec() == QDialog::Accepted) {
        createCustomer(editor.customer());
    }
}

void MainWindow::editCurrentCustomer()
{
    const auto customer = m_portfolio->customers().find(m_detail->customerId());
    if (!customer) {
        return;
    }
    CustomerEditor editor(*m_portfolio, *customer, this);
    if (editor.exec() == QDialog::Accepted) {
        updateCustomer(editor.customer());
    }
}

void MainWindow::archiveCurrentCustomer()
{
    if (const auto customer = m_portfolio->customers().find(m_detail->customerId())) {
        setCustomerArchived(customer->id, !customer->archivedOn.has_value());
    }
}

void MainWindow::deleteCurrentCustomer()
{
    const auto customer = m_portfolio->customers().find(m_detail->customerId());
    if (!customer) {
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("Delete %1?").arg(QString::fromStdString(customer->name)),
                    tr("Deleting removes the customer with its contacts, activities and order history from "
                       "every report. To keep the history but hide the account, archive it instead. "
                       "You can undo a deletion until you close Cartera."),
                    QMessageBox::NoButton, this);
    auto* archive = box.addButton(tr("Archive Instead"), QMessageBox::AcceptRole);
    auto* remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(archive);
    box.exec();
    if (box.clickedButton() == static_cast<QAbstractButton*>(archive)) {
        setCustomerArchived(customer->id, true);
    } else if (box.clickedButton() == static_cast<QAbstractButton*>(remove)) {
        deleteCustomer(customer->id);
    }
}

void MainWindow::logActivityDialog()
{
    if (m_detail->customerId() == 0) {
        showError(Error{ErrorCode::InvalidInput, tr("Select a customer first.").toStdString(), {}});
        return;
    }
    Activity blank;
    blank.customerId = m_detail->customerId();
    blank.occurredOn = Date::today();
    blank.type = ActivityType::Call;
    if (const auto me = m_portfolio->reps().findByCode(m_preferences.currentRepCode.toStdString())) {
        blank.ownerRepId = me->id;
    }
    ActivityEditor editor(blank, this);
    if (editor.exec() == QDialog::Accepted) {
        logActivity(editor.activity());
    }
}

void MainWindow::onActivityAction(qlonglong activityId, const QString& action)
{
    if (action == QLatin1String("progress")) {
        advanceActivity(activityId, ActivityStatus::InProgress);
    } else if (action == QLatin1String("resolve")) {
        advanceActivity(activityId, ActivityStatus::Resolved);
    } else if (action == QLatin1String("close")) {
        advanceActivity(activityId, ActivityStatus::Closed);
    } else if (action == QLatin1String("reopen")) {
        advanceActivity(activityId, ActivityStatus::InProgress);
    } else if (action == QLatin1String("delete")) {
        deleteActivity(activityId);
    } else if (action == QLatin1String("edit")) {
        const auto activity = m_portfolio->activities().find(activityId);
        if (!activity) {
            return;
        }
        ActivityEditor editor(*activity, this);
        if (editor.exec() == QDialog::Accepted) {
            const Activity after = editor.activity();
            const Activity previous = *activity;
            auto updated = m_service.updateActivity(after);
            if (!updated) {
                showError(updated.error());
                return;
            }
            push(tr("Edit activity %1").arg(QString::fromStdString(after.subject)),
                 statusOf([this, after] { return m_service.updateActivity(after); }),
                 statusOf([this, previous] { return m_service.updateActivity(previous); }));
        }
    }
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(*m_portfolio, m_preferences, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    m_preferences = dialog.preferences();
    m_preferences.save();
    m_claimsModel->setResponseTargetDays(m_preferences.claimResponseDays);
    m_activities->setResponseTargetDays(m_preferences.claimResponseDays);
    m_pipeline->setStaleDays(m_preferences.pipelineStaleDays);
    applyScope();
    updateStatus();
}

void MainWindow::applyScope()
{
    // A rep starts on their own accounts; a manager (someone who leads reps) or nobody on all.
    const auto me = m_portfolio->reps().findByCode(m_preferences.currentRepCode.toStdString());
    bool manager = false;
    if (me) {
        for (const auto& rep : m_portfolio->reps().all()) {
            manager = manager || (rep.managerId && *rep.managerId == me->id);
        }
    }
    m_activities->setCurrentUser(me ? std::optional<RepId>(me->id) : std::nullopt);
    m_contacts->setCurrentUser(me ? std::optional<RepId>(me->id) : std::nullopt);
    m_pipeline->setCurrentRep(me ? std::optional<RepId>(me->id) : std::nullopt);
    m_scope->setEnabled(me.has_value());
    const QSignalBlocker blocker(m_scope);
    m_scope->setCurrentIndex(me && !manager ? 0 : 1);
    applyFilter();
}

void MainWindow::search(const QString& text)
{
    m_navigation->setCurrentRow(0);
    m_search->setText(text);
    m_searchDelay->stop();
    applyFilter();
}

} // namespace cartera::app
