#include "app/territories_view.h"

#include "app/money_format.h"
#include "app/realignment_dialog.h"
#include "app/rep_table_model.h"
#include "app/report_table_model.h"
#include "app/territory_dialogs.h"
#include "app/undo_commands.h"
#include "services/portfolio.h"
#include "services/territory_report.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <map>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QTableView* sortedTable(QAbstractItemModel* model, QObject* owner)
{
    auto* proxy = new QSortFilterProxyModel(owner);
    proxy->setSourceModel(model);
    proxy->setSortRole(ReportTableModel::kSortRole);
    auto* view = new QTableView;
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

/// The digit string one above or below (same length); nullopt past 99..9 or below 00..0.
std::optional<std::string> stepDigits(std::string s, int step)
{
    for (auto i = s.size(); i-- > 0;) {
        if (step > 0 ? s[i] < '9' : s[i] > '0') {
            s[i] = static_cast<char>(s[i] + step);
            return s;
        }
        s[i] = step > 0 ? '0' : '9';
    }
    return std::nullopt;
}

bool allDigits(const std::string& s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

QString balanceText(const std::optional<double>& index)
{
    return index ? QLocale().toString(*index, 'f', 3) : QObject::tr("n/a");
}

} // namespace

TerritoriesView::TerritoriesView(services::Portfolio& portfolio, QUndoStack* undo, QWidget* parent)
    : QWidget(parent), m_portfolio(portfolio), m_service(portfolio), m_undo(undo)
{
    auto* layout = new QVBoxLayout(this);
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("territoriesProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);
    m_tabs = new QTabWidget;
    m_tabs->addTab(createTerritoriesTab(), tr("Territories"));
    m_tabs->addTab(createRepsTab(), tr("Reps"));
    m_tabs->addTab(createCoverageTab(), tr("Coverage and balance"));
    m_tabs->addTab(createChannelsTab(), tr("Channels"));
    layout->addWidget(m_tabs, 1);
}

QWidget* TerritoriesView::createTerritoriesTab()
{
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    auto* splitter = new QSplitter(Qt::Horizontal);
    m_tree = new QTreeWidget;
    m_tree->setObjectName(QStringLiteral("territoryTree"));
    m_tree->setHeaderLabels({tr("Territory"), tr("Owner"), tr("Overlay reps"), tr("Accounts")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->setMinimumWidth(540);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] { showRules(); });
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this] { editTerritory(); });
    splitter->addWidget(m_tree);

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("Rules, tried by priority (lowest first) over every territory; the first match "
                                         "gives an account its territory:")));
    m_rulesModel = new ReportTableModel(this);
    m_rulesView = sortedTable(m_rulesModel, this);
    m_rulesView->setObjectName(QStringLiteral("territoryRules"));
    connect(m_rulesView, &QTableView::doubleClicked, this, [this] { editRule(); });
    rightLayout->addWidget(m_rulesView, 1);
    auto* ruleButtons = new QHBoxLayout;
    for (const auto& [text, slot] : std::initializer_list<std::pair<QString, void (TerritoriesView::*)()>>{
             {tr("Add rule…"), &TerritoriesView::addRule},
             {tr("Edit rule…"), &TerritoriesView::editRule},
             {tr("Delete rule"), &TerritoriesView::deleteRule}}) {
        auto* button = new QPushButton(text);
        connect(button, &QPushButton::clicked, this, slot);
        ruleButtons->addWidget(button);
    }
    ruleButtons->addStretch();
    rightLayout->addLayout(ruleButtons);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({640, 660});
    layout->addWidget(splitter, 1);

    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add territory…"));
    connect(add, &QPushButton::clicked, this, [this] { addTerritory(false); });
    auto* addInside = new QPushButton(tr("Add sub-territory…"));
    connect(addInside, &QPushButton::clicked, this, [this] { addTerritory(true); });
    auto* edit = new QPushButton(tr("Edit…"));
    connect(edit, &QPushButton::clicked, this, &TerritoriesView::editTerritory);
    auto* split = new QPushButton(tr("Split…"));
    split->setToolTip(tr("Carve part of the selected territory out by postal code into a new territory beside it"));
    connect(split, &QPushButton::clicked, this, &TerritoriesView::splitCurrent);
    auto* remove = new QPushButton(tr("Delete"));
    connect(remove, &QPushButton::clicked, this, &TerritoriesView::deleteTerritory);
    for (auto* b : {add, addInside, edit, split, remove}) {
        buttons->addWidget(b);
    }
    buttons->addStretch();
    m_draftState = new QLabel;
    buttons->addWidget(m_draftState);
    m_discard = new QPushButton(tr("Discard changes"));
    connect(m_discard, &QPushButton::clicked, this, [this] { setDraft(m_saved); });
    buttons->addWidget(m_discard);
    m_preview = new QPushButton(tr("Preview realignment…"));
    m_preview->setObjectName(QStringLiteral("previewRealignment"));
    m_preview->setToolTip(tr("Run the rules over every account and list what would move before anything is saved"));
    connect(m_preview, &QPushButton::clicked, this, &TerritoriesView::previewAndAsk);
    buttons->addWidget(m_preview);
    layout->addLayout(buttons);
    return tab;
}

QWidget* TerritoriesView::createRepsTab()
{
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(new QLabel(tr("Team, active flag and capacity are edited in place; a territory's owner is chosen "
                                    "on the Territories tab. The current user is the rep chosen in Preferences.")));
    m_repModel = new RepTableModel(
        m_portfolio.settings().currency(),
        [this](const SalesRep& before, const SalesRep& after) {
            if (auto saved = m_service.saveRep(after); !saved) {
                showProblem(qs(saved.error().describe()));
                return false;
            }
            if (m_undo != nullptr) {
                auto reload = [this] {
                    if (auto reps = m_service.reps()) {
                        m_reps = reps.value();
                        m_repModel->setReps(m_reps);
                    }
                };
                m_undo->push(new ServiceCommand(
                    tr("Edit rep %1").arg(qs(after.code)),
                    [this, after, reload] { auto s = m_service.saveRep(after); reload(); return s; },
                    [this, before, reload] { auto s = m_service.saveRep(before); reload(); return s; },
                    [this](const Error& e) { showProblem(qs(e.describe())); }));
            }
            return true;
        },
        this);
    auto* view = new QTableView;
    view->setObjectName(QStringLiteral("repTable"));
    view->setModel(m_repModel);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(view, 1);
    return tab;
}

QWidget* TerritoriesView::createCoverageTab()
{
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    auto* controls = new QHBoxLayout;
    m_coverageLevel = new QComboBox;
    m_coverageLevel->addItem(tr("Per rep"), static_cast<int>(services::CoverageLevel::Rep));
    m_coverageLevel->addItem(tr("Per territory"), static_cast<int>(services::CoverageLevel::Territory));
    connect(m_coverageLevel, &QComboBox::currentIndexChanged, this, [this] { showCoverage(); });
    controls->addWidget(m_coverageLevel);
    controls->addWidget(new QLabel(tr("Without contact in")));
    m_days = new QSpinBox;
    m_days->setRange(1, 3650);
    m_days->setValue(90);
    m_days->setSuffix(tr(" days"));
    controls->addWidget(m_days);
    auto* refresh = new QPushButton(tr("Refresh"));
    connect(refresh, &QPushButton::clicked, this, [this] { refreshCoverage(); });
    controls->addWidget(refresh);
    controls->addStretch();
    m_balance = new QLabel;
    m_balance->setObjectName(QStringLiteral("balanceIndex"));
    controls->addWidget(m_balance);
    auto* suggest = new QPushButton(tr("Suggest moves…"));
    suggest->setToolTip(tr("Moves of single accounts from the rep with the most revenue to the one with the least, "
                           "previewed before anything changes"));
    connect(suggest, &QPushButton::clicked, this, &TerritoriesView::suggestMoves);
    controls->addWidget(suggest);
    layout->addLayout(controls);
    m_coverageModel = new ReportTableModel(this);
    auto* view = sortedTable(m_coverageModel, this);
    view->setObjectName(QStringLiteral("coverageTable"));
    layout->addWidget(view, 1);
    auto* note = new QLabel(tr("Revenue and margin: last 12 months; growth against the 12 before. Open pipeline is not "
                               "shown: no opportunities are recorded yet."));
    note->setWordWrap(true);
    layout->addWidget(note);
    return tab;
}

QWidget* TerritoriesView::createChannelsTab()
{
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    auto* controls = new QHBoxLayout;
    m_channelLevel = new QComboBox;
    m_channelLevel->addItem(tr("Per channel"), static_cast<int>(services::CoverageLevel::Channel));
    m_channelLevel->addItem(tr("Per channel and territory"), static_cast<int>(services::CoverageLevel::ChannelTerritory));
    connect(m_channelLevel, &QComboBox::currentIndexChanged, this, [this] { showCoverage(); });
    controls->addWidget(m_channelLevel);
    controls->addStretch();
    layout->addLayout(controls);
    auto* splitter = new QSplitter(Qt::Vertical);
    m_channelModel = new ReportTableModel(this);
    auto* channels = sortedTable(m_channelModel, this);
    channels->setObjectName(QStringLiteral("channelTable"));
    splitter->addWidget(channels);
    auto* flaggedBox = new QWidget;
    auto* flaggedLayout = new QVBoxLayout(flaggedBox);
    flaggedLayout->setContentsMargins(0, 0, 0, 0);
    m_channelNote = new QLabel;
    m_channelNote->setWordWrap(true);
    flaggedLayout->addWidget(m_channelNote);
    m_flaggedModel = new ReportTableModel(this);
    auto* flagged = sortedTable(m_flaggedModel, this);
    flagged->setObjectName(QStringLiteral("multiChannelAccounts"));
    const auto keyOf = [flagged](const QModelIndex& index) {
        return static_cast<CustomerId>(flagged->model()->data(index, ReportTableModel::kKeyRole).toLongLong());
    };
    connect(flagged, &QTableView::clicked, this, [this, keyOf](const QModelIndex& i) { emit customerSelected(keyOf(i)); });
    connect(flagged, &QTableView::doubleClicked, this, [this, keyOf](const QModelIndex& i) { emit customerActivated(keyOf(i)); });
    flaggedLayout->addWidget(flagged, 1);
    splitter->addWidget(flaggedBox);
    layout->addWidget(splitter, 1);
    return tab;
}

QString TerritoriesView::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void TerritoriesView::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

bool TerritoriesView::reload()
{
    auto set = m_service.territories();
    auto reps = m_service.reps();
    auto counts = m_service.accountCounts();
    if (!set || !reps || !counts) {
        showProblem(qs((!set ? set.error() : !reps ? reps.error() : counts.error()).describe()));
        return false;
    }
    showProblem({});
    m_saved = set.value();
    m_reps = reps.value();
    m_counts = counts.value();
    m_repModel->setReps(m_reps);
    setDraft(m_saved);
    return refreshCoverage();
}

void TerritoriesView::setDraft(TerritorySet draft)
{
    draft.normalise();
    m_draft = std::move(draft);
    showDraft();
}

void TerritoriesView::showDraft()
{
    const auto selected = currentTerritory();
    m_tree->clear();
    std::map<TerritoryId, QTreeWidgetItem*> items;
    std::map<TerritoryId, std::int64_t> counts(m_counts.begin(), m_counts.end());
    const auto repLabel = [this](RepId id) { return qs(services::repCode(m_reps, id)); };
    for (const auto& t : m_draft.territories) {  // parents first
        QTreeWidgetItem* parent = t.parentId && items.count(*t.parentId) != 0 ? items[*t.parentId] : nullptr;
        auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        item->setText(0, qs(t.name));
        item->setText(1, t.ownerRepId ? repLabel(*t.ownerRepId) : QString());
        QStringList overlays;
        for (const auto rep : t.overlayRepIds) {
            overlays << repLabel(rep);
        }
        item->setText(2, overlays.join(QStringLiteral(", ")));
        item->setText(3, counts.count(t.id) != 0 ? QLocale().toString(static_cast<qlonglong>(counts[t.id])) : QString());
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(0, Qt::UserRole, QVariant::fromValue<qlonglong>(t.id));
        items[t.id] = item;
        if (selected && *selected == t.id) {
            m_tree->setCurrentItem(item);
        }
    }
    m_tree->expandAll();
    const bool changed = draftChanged();
    m_draftState->setText(changed ? tr("Unsaved changes: preview them to apply") : tr("Saved"));
    m_discard->setEnabled(changed);
    showRules();
}

void TerritoriesView::showRules()
{
    const auto current = currentTerritory();
    exchange::ReportTable table({"priority", "territory", "conditions"});
    std::vector<std::int64_t> keys;
    for (const auto& r : m_draft.rules) {
        if (current && r.territoryId != *current) {
            continue;
        }
        table.addRow({std::int64_t{r.priority}, territoryPath(r.territoryId, m_draft.territories), describeRule(r)});
        keys.push_back(r.id);
    }
    m_rulesModel->setTable(std::move(table), {tr("Priority"), tr("Territory"), tr("Conditions")}, keys);
}

std::optional<TerritoryId> TerritoriesView::currentTerritory() const
{
    if (m_tree == nullptr || m_tree->currentItem() == nullptr) {
        return std::nullopt;
    }
    return m_tree->currentItem()->data(0, Qt::UserRole).toLongLong();
}

void TerritoriesView::addTerritory(bool inside)
{
    Territory t;
    t.id = m_draft.nextTerritoryId();
    if (const auto current = currentTerritory()) {
        const auto* selected = m_draft.find(*current);
        t.parentId = inside ? std::optional<TerritoryId>(*current) : (selected ? selected->parentId : std::nullopt);
    }
    TerritoryDialog dialog(t, m_draft, m_reps, this);
    if (dialog.exec() == QDialog::Accepted) {
        auto draft = m_draft;
        draft.territories.push_back(dialog.territory());
        setDraft(std::move(draft));
    }
}

void TerritoriesView::editTerritory()
{
    const auto current = currentTerritory();
    const auto* t = current ? m_draft.find(*current) : nullptr;
    if (t == nullptr) {
        return;
    }
    TerritoryDialog dialog(*t, m_draft, m_reps, this);
    if (dialog.exec() == QDialog::Accepted) {
        auto draft = m_draft;
        for (auto& each : draft.territories) {
            if (each.id == *current) {
                each = dialog.territory();
            }
        }
        setDraft(std::move(draft));
    }
}

void TerritoriesView::deleteTerritory()
{
    const auto current = currentTerritory();
    if (!current) {
        return;
    }
    // The territory goes with its sub-territories and their rules; their accounts are placed again
    // by the remaining rules when the draft is applied.
    auto draft = m_draft;
    std::vector<TerritoryId> gone{*current};
    for (std::size_t i = 0; i < gone.size(); ++i) {
        for (const auto& t : draft.territories) {
            if (t.parentId == gone[i]) {
                gone.push_back(t.id);
            }
        }
    }
    const auto isGone = [&](TerritoryId id) { return std::find(gone.begin(), gone.end(), id) != gone.end(); };
    std::erase_if(draft.territories, [&](const Territory& t) { return isGone(t.id); });
    std::erase_if(draft.rules, [&](const TerritoryRule& r) { return isGone(r.territoryId); });
    setDraft(std::move(draft));
}

bool TerritoriesView::splitTerritory(TerritoryId id, const QString& newName, const std::string& postalFrom,
                                     const std::string& postalTo, std::optional<RepId> owner)
{
    const auto* source = m_draft.find(id);
    if (source == nullptr) {
        return false;
    }
    auto draft = m_draft;
    Territory part{draft.nextTerritoryId(), source->parentId, newName.trimmed().toStdString(),
                   owner ? owner : source->ownerRepId, {}};
    // The new part's rule goes just before the source's first rule, with the same conditions plus
    // the postal range, so it takes that share of the source's accounts and nothing else.
    TerritoryRule base;
    int priority = 0;
    bool found = false;
    for (const auto& r : draft.rules) {
        if (r.territoryId == id && (!found || r.priority < priority)) {
            base = r;
            priority = r.priority;
            found = true;
        }
    }
    TerritoryRule rule = base;
    rule.id = draft.nextRuleId();
    rule.territoryId = part.id;
    rule.priority = found ? priority - 1 : 0;
    rule.postalFrom = postalFrom;
    rule.postalTo = postalTo;
    if (auto valid = validateTerritoryRule(rule); !valid || part.name.empty()) {
        showProblem(valid ? tr("The new territory needs a name") : qs(valid.error().describe()));
        return false;
    }
    draft.territories.push_back(part);
    draft.rules.push_back(rule);
    // With digit codes, the source's rule is narrowed to what is left (below and above the range),
    // so the two parts do not overlap and the preview lists no overlapping accounts. Other codes
    // rely on priority alone: the new rule is tried first.
    const std::size_t length = postalFrom.size();
    const bool baseBounded = !base.postalFrom.empty();
    if (found && allDigits(postalFrom) && allDigits(postalTo) &&
        (!baseBounded || (base.postalFrom.size() == length && allDigits(base.postalFrom) && base.postalFrom <= postalFrom &&
                          postalTo <= base.postalTo))) {
        const std::string low = baseBounded ? base.postalFrom : std::string(length, '0');
        const std::string high = baseBounded ? base.postalTo : std::string(length, '9');
        std::vector<TerritoryRule> rest;
        if (const auto below = stepDigits(postalFrom, -1); below && low <= *below) {
            TerritoryRule r = base;
            r.postalFrom = low;
            r.postalTo = *below;
            rest.push_back(r);
        }
        if (const auto above = stepDigits(postalTo, +1); above && *above <= high) {
            TerritoryRule r = base;
            r.id = draft.nextRuleId();
            r.postalFrom = *above;
            r.postalTo = high;
            rest.push_back(r);
        }
        // The first remaining part keeps the source rule's id. Accounts without a postal code no
        // longer match the source: the preview shows where broader rules put them.
        std::erase_if(draft.rules, [&](const TerritoryRule& r) { return r.id == base.id; });
        if (!rest.empty()) {
            rest[0].id = base.id;
        }
        for (auto& r : rest) {
            draft.rules.push_back(r);
        }
    }
    showProblem({});
    setDraft(std::move(draft));
    return true;
}

void TerritoriesView::splitCurrent()
{
    const auto current = currentTerritory();
    const auto* t = current ? m_draft.find(*current) : nullptr;
    if (t == nullptr) {
        showProblem(tr("Choose the territory to split first"));
        return;
    }
    bool ok = false;
    const auto name = QInputDialog::getText(this, tr("Split %1").arg(qs(t->name)), tr("Name of the new territory:"),
                                            QLineEdit::Normal, qs(t->name) + tr(" (part)"), &ok);
    if (!ok) {
        return;
    }
    const auto postal = QInputDialog::getText(this, tr("Split %1").arg(qs(t->name)),
                                              tr("Postal codes it takes: a prefix (29) or a range (29-35):"),
                                              QLineEdit::Normal, QString(), &ok);
    if (!ok) {
        return;
    }
    const auto range = parsePostalRange(postal.toStdString());
    if (!range) {
        showProblem(tr("\"%1\" is not a postal prefix or range: give 29, or 29-35 with both ends as long").arg(postal));
        return;
    }
    splitTerritory(*current, name, range->first, range->second, std::nullopt);
}

void TerritoriesView::addRule()
{
    if (m_draft.territories.empty()) {
        showProblem(tr("Add a territory first"));
        return;
    }
    TerritoryRule r;
    r.id = m_draft.nextRuleId();
    r.territoryId = currentTerritory().value_or(m_draft.territories.front().id);
    r.priority = m_draft.rules.empty() ? 100 : m_draft.rules.back().priority + 1;
    RuleDialog dialog(r, m_draft, this);
    if (dialog.exec() == QDialog::Accepted) {
        auto draft = m_draft;
        draft.rules.push_back(dialog.rule());
        setDraft(std::move(draft));
    }
}

void TerritoriesView::editRule()
{
    const auto index = m_rulesView->currentIndex();
    if (!index.isValid()) {
        return;
    }
    const auto id = m_rulesView->model()->data(index, ReportTableModel::kKeyRole).toLongLong();
    auto it = std::find_if(m_draft.rules.begin(), m_draft.rules.end(), [&](const TerritoryRule& r) { return r.id == id; });
    if (it == m_draft.rules.end()) {
        return;
    }
    RuleDialog dialog(*it, m_draft, this);
    if (dialog.exec() == QDialog::Accepted) {
        auto draft = m_draft;
        for (auto& r : draft.rules) {
            if (r.id == id) {
                r = dialog.rule();
            }
        }
        setDraft(std::move(draft));
    }
}

void TerritoriesView::deleteRule()
{
    const auto index = m_rulesView->currentIndex();
    if (!index.isValid()) {
        return;
    }
    const auto id = m_rulesView->model()->data(index, ReportTableModel::kKeyRole).toLongLong();
    auto draft = m_draft;
    std::erase_if(draft.rules, [&](const TerritoryRule& r) { return r.id == id; });
    setDraft(std::move(draft));
}

std::optional<services::Realignment> TerritoriesView::previewDraft()
{
    auto realignment = m_service.preview(m_draft, m_asOf);
    if (!realignment) {
        showProblem(qs(realignment.error().describe()));
        return std::nullopt;
    }
    showProblem({});
    return std::move(realignment.value());
}

void TerritoriesView::previewAndAsk()
{
    const auto realignment = previewDraft();
    if (!realignment) {
        return;
    }
    RealignmentDialog dialog(*realignment, m_service, m_reps, m_portfolio.settings().currency(), this);
    if (dialog.exec() == QDialog::Accepted) {
        applyRealignment(*realignment, tr("Realign territories (%n accounts)", nullptr, static_cast<int>(realignment->plan.moves.size())));
    }
}

bool TerritoriesView::applyRealignment(const services::Realignment& realignment, const QString& undoText)
{
    if (auto applied = m_service.apply(realignment); !applied) {
        showProblem(qs(applied.error().describe()));
        return false;
    }
    pushRealignment(realignment, undoText);
    reload();
    return true;
}

void TerritoriesView::pushRealignment(const services::Realignment& realignment, const QString& text)
{
    if (m_undo == nullptr) {
        return;
    }
    auto shared = std::make_shared<const services::Realignment>(realignment);
    m_undo->push(new ServiceCommand(
        text,
        [this, shared] { auto s = m_service.apply(*shared); reload(); return s; },
        [this, shared] { auto s = m_service.revert(*shared); reload(); return s; },
        [this](const Error& e) { showProblem(qs(e.describe())); }));
}

bool TerritoriesView::refreshCoverage()
{
    services::CoverageRequest request{MonthRange::twelveMonthsEndingWith(m_asOf), m_asOf, m_days->value(), 10};
    auto result = m_service.coverage(request);
    if (!result) {
        showProblem(qs(result.error().describe()));
        return false;
    }
    m_coverage = std::move(result.value());
    showCoverage();
    return true;
}

void TerritoriesView::showCoverage()
{
    if (!m_coverage) {
        return;
    }
    const auto currency = m_portfolio.settings().currency();
    const QStringList figures{tr("Accounts"), tr("A accounts"), tr("Revenue"), tr("Margin"), tr("Growth %"),
                              tr("Open claims"), tr("Without contact"), tr("Multi-channel")};
    const auto level = static_cast<services::CoverageLevel>(m_coverageLevel->currentData().toInt());
    std::vector<std::int64_t> keys;
    const auto& rows = level == services::CoverageLevel::Rep ? m_coverage->coverage.byRep : m_coverage->coverage.byTerritory;
    for (const auto& row : rows) {
        keys.push_back(row.key);
    }
    QStringList headers = level == services::CoverageLevel::Rep ? QStringList{tr("Rep"), tr("Name"), tr("Team")}
                                                                 : QStringList{tr("Territory"), tr("Owner")};
    headers << figures;
    if (level == services::CoverageLevel::Rep) {
        headers << tr("Capacity (accounts)") << tr("Account load %") << tr("Capacity (revenue)") << tr("Revenue load %");
    }
    m_coverageModel->setTable(services::coverageTable(*m_coverage, level, currency), headers, keys);
    m_balance->setText(tr("Balance index (CV of revenue per rep): <b>%1</b>; %2 after %n suggested moves", nullptr,
                          static_cast<int>(m_coverage->suggestions.size()))
                           .arg(balanceText(m_coverage->coverage.balanceIndex), balanceText(m_coverage->balanceAfterSuggestions)));

    const auto channelLevel = static_cast<services::CoverageLevel>(m_channelLevel->currentData().toInt());
    QStringList channelHeaders = channelLevel == services::CoverageLevel::Channel ? QStringList{tr("Channel")}
                                                                                  : QStringList{tr("Channel"), tr("Territory")};
    channelHeaders << figures;
    m_channelModel->setTable(services::coverageTable(*m_coverage, channelLevel, currency), channelHeaders);

    const auto& flagged = m_coverage->channels.multiChannel;
    std::vector<CustomerId> shown;
    for (std::size_t i = 0; i < flagged.size() && i < 5000; ++i) {
        shown.push_back(flagged[i].customer);
    }
    auto labels = m_service.labels(shown);
    auto table = services::multiChannelTable(*m_coverage, labels ? labels.value() : std::vector<storage::CustomerLabel>{});
    m_flaggedModel->setTable(std::move(table), {tr("Code"), tr("Name"), tr("Own channel"), tr("Also through"), tr("Territory")},
                             std::vector<std::int64_t>(shown.begin(), shown.end()));
    m_channelNote->setText(tr("%n accounts also bought through a channel other than their own in the last 12 months "
                              "(possible channel conflicts; double-click to open):",
                              nullptr, static_cast<int>(flagged.size())));
}

void TerritoriesView::suggestMoves()
{
    if (!m_coverage || m_coverage->suggestions.empty()) {
        showProblem(tr("No move of a single account would even out revenue per rep"));
        return;
    }
    auto realignment = m_service.previewOverrides(m_coverage->suggestions, m_asOf);
    if (!realignment) {
        showProblem(qs(realignment.error().describe()));
        return;
    }
    RealignmentDialog dialog(realignment.value(), m_service, m_reps, m_portfolio.settings().currency(), this);
    if (dialog.exec() == QDialog::Accepted) {
        applyRealignment(realignment.value(), tr("Balancing moves (%n accounts)", nullptr,
                                                 static_cast<int>(realignment.value().plan.moves.size())));
    }
}

} // namespace cartera::app
