#include "app/main_window.h"

#include "app/customer_detail_panel.h"
#include "app/customer_table_model.h"
#include "services/portfolio.h"

#include <QAction>
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
#include <QToolBar>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

MainWindow::MainWindow(std::unique_ptr<services::Portfolio> portfolio, QWidget* parent)
    : QMainWindow(parent), m_portfolio(std::move(portfolio))
{
    setWindowTitle(tr("Cartera — %1").arg(QString::fromStdString(m_portfolio->database().path().filename().string())));

    m_navigation = new QListWidget;
    m_navigation->addItem(tr("Customers"));
    m_navigation->setMaximumWidth(200);
    m_navigation->setCurrentRow(0);

    m_views = new QStackedWidget;
    m_views->addWidget(createCustomerView());

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
    layout->addWidget(m_splitter);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, m_views, &QStackedWidget::setCurrentIndex);

    m_shownLabel = new QLabel;
    m_fileLabel = new QLabel(QString::fromStdString(m_portfolio->database().path().string()));
    statusBar()->addWidget(m_shownLabel, 1);
    statusBar()->addPermanentWidget(m_fileLabel);

    createActions();
    restoreLayout();
    updateStatus();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::createCustomerView()
{
    auto* view = new QWidget;
    auto* layout = new QVBoxLayout(view);
    layout->setContentsMargins(6, 6, 6, 0);

    auto* filters = new QHBoxLayout;
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search customers by name, code, city or e-mail (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(m_search, 2);
    m_kindFilter = new QComboBox;
    m_channelFilter = new QComboBox;
    m_countryFilter = new QComboBox;
    m_ownerFilter = new QComboBox;
    for (auto* combo : {m_kindFilter, m_channelFilter, m_countryFilter, m_ownerFilter}) {
        filters->addWidget(combo, 1);
    }
    layout->addLayout(filters);

    m_customerModel = new CustomerTableModel(*m_portfolio, this);
    m_customerTable = new QTableView;
    m_customerTable->setModel(m_customerModel);
    m_customerTable->setSortingEnabled(true);
    m_customerTable->sortByColumn(CustomerTableModel::Name, Qt::AscendingOrder);
    m_customerTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_customerTable->setSelectionMode(QAbstractItemView::SingleSelection);
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
    for (auto* combo : {m_kindFilter, m_channelFilter, m_countryFilter, m_ownerFilter}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
    }
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

    m_channelFilter->addItem(tr("All channels"));
    for (const auto& [channel, code] : kSalesChannelCodes.entries) {
        m_channelFilter->addItem(channelLabel(channel), QString::fromLatin1(code.data(), static_cast<int>(code.size())));
    }

    m_countryFilter->addItem(tr("All countries"));
    for (const char* country : {"BE", "DE", "ES", "FR", "IT", "NL", "PT"}) {
        m_countryFilter->addItem(QString::fromLatin1(country), QString::fromLatin1(country));
    }

    m_ownerFilter->addItem(tr("All owners"));
    for (const auto& rep : m_portfolio->reps().all()) {
        m_ownerFilter->addItem(QString::fromStdString(rep.name), QVariant::fromValue<qlonglong>(rep.id));
    }
}

void MainWindow::applyFilter()
{
    CustomerFilter filter;
    filter.search = m_search->text().trimmed().toStdString();
    if (m_kindFilter->currentIndex() > 0) {
        filter.kind = kCustomerKindCodes.parse(m_kindFilter->currentData().toString().toStdString());
    }
    if (m_channelFilter->currentIndex() > 0) {
        filter.channel = kSalesChannelCodes.parse(m_channelFilter->currentData().toString().toStdString());
    }
    if (m_countryFilter->currentIndex() > 0) {
        filter.country = m_countryFilter->currentData().toString().toStdString();
    }
    if (m_ownerFilter->currentIndex() > 0) {
        filter.ownerRepId = m_ownerFilter->currentData().toLongLong();
    }
    m_customerModel->setFilter(filter);
    m_detail->showCustomer(0);
}

void MainWindow::updateStatus()
{
    const QLocale locale;
    m_shownLabel->setText(tr("%1 shown").arg(locale.toString(m_customerModel->rowCount())));
}

void MainWindow::createActions()
{
    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* open = fileMenu->addAction(tr("&Open Database…"), this, &MainWindow::openDatabase);
    open->setShortcut(QKeySequence::Open);
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* editMenu = menuBar()->addMenu(tr("&Edit"));
    auto* find = editMenu->addAction(tr("&Find Customer"), this, [this] {
        m_navigation->setCurrentRow(0);
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);

    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    auto* customers = viewMenu->addAction(tr("&Customers"), this, [this] { m_navigation->setCurrentRow(0); });
    customers->setShortcut(QKeySequence(tr("Ctrl+1")));

    auto* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Cartera"), this, &MainWindow::showAbout);

    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(open);
    toolbar->addAction(find);
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

bool MainWindow::showView(const QString& name)
{
    if (name == QLatin1String("customers")) {
        m_navigation->setCurrentRow(0);
        return true;
    }
    return false;
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
