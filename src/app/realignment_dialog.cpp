#include "app/realignment_dialog.h"

#include "app/money_format.h"
#include "app/report_table_model.h"
#include "services/territory_report.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QTableView* tableOf(QAbstractItemModel* model, QWidget* parent)
{
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(ReportTableModel::kSortRole);
    auto* view = new QTableView;
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

template <typename T>
std::vector<T> firstOf(const std::vector<T>& all, std::size_t n)
{
    return {all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(n, all.size()))};
}

} // namespace

RealignmentDialog::RealignmentDialog(const services::Realignment& realignment, services::TerritoryService& service,
                                     const std::vector<SalesRep>& reps, CurrencyCode currency, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Realignment preview"));
    resize(980, 560);
    const auto& plan = realignment.plan;
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(
        tr("<b>%1 of %2 accounts move</b>, %3 of them to another rep, carrying %4 of revenue (12 months) and %5 "
           "class-A accounts. %6 locked accounts stay where they are; %7 accounts match no rule; %8 fall in "
           "overlapping territories.")
            .arg(QLocale().toString(static_cast<qlonglong>(plan.moves.size())),
                 QLocale().toString(static_cast<qlonglong>(plan.accounts)),
                 QLocale().toString(static_cast<qlonglong>(plan.repChanges)),
                 formatMoneyWhole(Money{plan.movedRevenue, currency}),
                 QLocale().toString(static_cast<qlonglong>(plan.movedAClass)),
                 QLocale().toString(static_cast<qlonglong>(plan.locked)),
                 QLocale().toString(static_cast<qlonglong>(plan.unassigned.size())),
                 QLocale().toString(static_cast<qlonglong>(plan.conflicts.size()))));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto* tabs = new QTabWidget;
    // The accounts that move, as apply will write them.
    services::Realignment listed = realignment;
    listed.plan.moves = firstOf(plan.moves, kListedRows);
    std::vector<CustomerId> ids;
    std::vector<std::int64_t> keys;
    for (const auto& move : listed.plan.moves) {
        ids.push_back(move.customer);
        keys.push_back(move.customer);
    }
    auto labels = service.labels(ids);
    m_moves = new ReportTableModel(this);
    m_moves->setTable(services::realignmentTable(listed, reps, labels ? labels.value() : std::vector<storage::CustomerLabel>{}, currency),
                      {tr("Code"), tr("Name"), tr("From territory"), tr("To territory"), tr("From rep"), tr("To rep"),
                       tr("Revenue"), tr("Class"), tr("Locked")},
                      keys);
    auto* movesView = tableOf(m_moves, this);
    movesView->setObjectName(QStringLiteral("realignmentMoves"));
    tabs->addTab(movesView, plan.moves.size() > kListedRows
                                ? tr("Accounts that move (first %1 listed)").arg(QLocale().toString(static_cast<qlonglong>(kListedRows)))
                                : tr("Accounts that move"));

    // Unassigned and overlapping accounts.
    const auto listIds = [&](const std::vector<CustomerId>& customers, const std::vector<std::pair<TerritoryId, TerritoryId>>& pairs) {
        exchange::ReportTable table(pairs.empty() ? std::vector<std::string>{"code", "name"}
                                                  : std::vector<std::string>{"code", "name", "territory", "also_matches"});
        const auto shown = firstOf(customers, kListedRows);
        const auto names = service.labels(shown);
        for (std::size_t i = 0; i < shown.size(); ++i) {
            std::vector<exchange::Cell> row{names && i < names.value().size() ? names.value()[i].code : std::to_string(shown[i]),
                                            names && i < names.value().size() ? names.value()[i].name : std::string()};
            if (!pairs.empty()) {
                row.emplace_back(services::territoryLabel(realignment.after, pairs[i].first));
                row.emplace_back(services::territoryLabel(realignment.after, pairs[i].second));
            }
            table.addRow(std::move(row));
        }
        auto* model = new ReportTableModel(this);
        model->setTable(std::move(table), {tr("Code"), tr("Name"), tr("Territory"), tr("Also matches")},
                        std::vector<std::int64_t>(shown.begin(), shown.end()));
        return tableOf(model, this);
    };
    tabs->addTab(listIds(plan.unassigned, {}), tr("Unassigned (%1)").arg(plan.unassigned.size()));
    std::vector<CustomerId> conflicted;
    std::vector<std::pair<TerritoryId, TerritoryId>> pairs;
    for (const auto& c : firstOf(plan.conflicts, kListedRows)) {
        conflicted.push_back(c.customer);
        pairs.emplace_back(c.chosen, c.other);
    }
    tabs->addTab(listIds(conflicted, pairs), tr("Overlapping (%1)").arg(plan.conflicts.size()));
    layout->addWidget(tabs, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto* apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    apply->setObjectName(QStringLiteral("applyRealignment"));
    apply->setEnabled(!plan.moves.empty() || realignment.after != realignment.before);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString RealignmentDialog::summary() const
{
    return m_summary->text();
}

} // namespace cartera::app
