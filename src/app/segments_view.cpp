#include "app/segments_view.h"

#include "app/segment_editor.h"
#include "app/segment_list_model.h"
#include "services/portfolio.h"
#include "services/rfm_service.h"
#include "services/segment_service.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

namespace cartera::app {

using namespace cartera::domain;
using services::SegmentService;

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

/// The rules as indented lines, for the pane under the list.
void describeRule(const SegmentRule& rule, int depth, QStringList& lines)
{
    const QString indent(depth * 4, QLatin1Char(' '));
    if (!rule.isGroup) {
        lines << indent + QStringLiteral("• ") + describeCondition(rule.condition);
        return;
    }
    lines << indent + (rule.match == SegmentMatch::All ? SegmentsView::tr("All of these:") : SegmentsView::tr("Any of these:"));
    if (rule.rules.empty()) {
        lines << indent + SegmentsView::tr("    (no rule: every customer)");
    }
    for (const auto& child : rule.rules) {
        describeRule(child, depth + 1, lines);
    }
}

} // namespace

SegmentsView::SegmentsView(services::Portfolio& portfolio, QWidget* parent) : QWidget(parent), m_portfolio(portfolio)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto* buttons = new QHBoxLayout;
    m_new = new QPushButton(tr("&New segment…"));
    m_edit = new QPushButton(tr("&Edit rules…"));
    m_rename = new QPushButton(tr("Re&name…"));
    m_duplicate = new QPushButton(tr("D&uplicate"));
    m_delete = new QPushButton(tr("&Delete"));
    m_members = new QPushButton(tr("Show &customers"));
    m_rfm = new QPushButton(tr("RFM segments…"));
    m_rfm->setToolTip(tr("Score recency, frequency and monetary value over a period and save the usual RFM cells "
                         "(champions, loyal customers, at risk, ...) as static lists"));
    for (auto* button : {m_new, m_edit, m_rename, m_duplicate, m_delete, m_members}) {
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    buttons->addWidget(m_rfm);
    layout->addLayout(buttons);

    m_model = new SegmentListModel(this);
    m_table = new QTableView;
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(SegmentListModel::Name, 360);
    m_table->setColumnWidth(SegmentListModel::Kind, 110);
    m_table->setColumnWidth(SegmentListModel::Members, 110);
    layout->addWidget(m_table, 3);

    m_empty = new QLabel(tr("No segments yet. Press New segment to describe customers by who they are and how "
                            "they buy, or RFM segments to sort them by recency, frequency and value."));
    m_empty->setWordWrap(true);
    m_empty->hide();
    layout->addWidget(m_empty);

    m_rules = new QLabel;
    m_rules->setObjectName(QStringLiteral("segmentRules"));
    m_rules->setWordWrap(true);
    m_rules->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rules->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_rules->setStyleSheet(QStringLiteral("QLabel#segmentRules { background: palette(base); padding: 8px; "
                                          "border: 1px solid palette(mid); }"));
    layout->addWidget(m_rules, 1);

    connect(m_new, &QPushButton::clicked, this, &SegmentsView::newSegment);
    connect(m_edit, &QPushButton::clicked, this, &SegmentsView::editCurrent);
    connect(m_rename, &QPushButton::clicked, this, &SegmentsView::renameCurrent);
    connect(m_duplicate, &QPushButton::clicked, this, &SegmentsView::duplicateCurrent);
    connect(m_delete, &QPushButton::clicked, this, &SegmentsView::deleteCurrent);
    connect(m_rfm, &QPushButton::clicked, this, &SegmentsView::rfmDialog);
    connect(m_members, &QPushButton::clicked, this, [this] {
        if (const auto* record = current()) {
            emit membersRequested(record->id);
        }
    });
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (const auto* record = current()) {
            if (record->kind == SegmentKind::Rule) {
                editCurrent();
            } else {
                emit membersRequested(record->id);
            }
        }
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SegmentsView::updateState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SegmentsView::updateState);
    reload();
}

SegmentsView::~SegmentsView()
{
    if (m_rfmWorker.joinable()) {
        m_rfmWorker.join();  // an RFM run under way finishes its transaction
    }
    ++m_countGeneration;
    if (m_stopCounting) {
        m_stopCounting->store(true);  // the count under way ends after its current segment
    }
    if (m_counter.joinable()) {
        m_counter.join();
    }
}

void SegmentsView::setAsOf(Date asOf)
{
    m_asOf = asOf;
    reload();
}

void SegmentsView::reload()
{
    const auto* selected = current();
    const SegmentId keep = selected ? selected->id : 0;
    auto list = SegmentService(m_portfolio).list();
    if (!list) {
        emit errorOccurred(list.error());
        return;
    }
    m_model->setSegments(std::move(list.value()));
    m_empty->setVisible(m_model->rowCount() == 0);
    if (!selectSegment(keep) && m_model->rowCount() > 0) {
        m_table->selectRow(0);
    }
    updateState();
    startCounts();
}

bool SegmentsView::selectSegment(SegmentId id)
{
    const int row = m_model->rowOf(id);
    if (row < 0) {
        return false;
    }
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, SegmentListModel::Name));
    return true;
}

const storage::SegmentRecord* SegmentsView::current() const
{
    return m_model->segmentAt(m_table->currentIndex().row());
}

void SegmentsView::startCounts()
{
    // Counting every segment of a large portfolio takes a while: it runs on a connection of its
    // own and each count is shown when ready. The GUI thread never waits for it: a reload while it
    // runs asks it to stop and counts again once it has.
    if (m_counting) {
        m_countAgain = true;
        if (m_stopCounting) {
            m_stopCounting->store(true);
        }
        return;
    }
    if (m_counter.joinable()) {
        m_counter.join();  // finished: its last message has been posted
    }
    m_counting = true;
    const int generation = ++m_countGeneration;
    m_stopCounting = std::make_shared<std::atomic<bool>>(false);
    m_counter = std::thread([this, file = m_portfolio.database().path(), asOf = m_asOf, generation,
                             stop = m_stopCounting] {
        auto status = SegmentService::countEachIn(file, asOf, [this, generation, stop](SegmentId id, std::int64_t count) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, id, count] {
                    if (generation == m_countGeneration) {
                        m_model->setCount(id, count);
                    }
                },
                Qt::QueuedConnection);
            return !stop->load();
        });
        QMetaObject::invokeMethod(
            this,
            [this, generation, status = std::move(status)] {
                m_counting = false;
                if (m_countAgain) {
                    m_countAgain = false;
                    startCounts();
                    return;
                }
                if (generation != m_countGeneration) {
                    return;
                }
                if (!status) {
                    emit errorOccurred(status.error());
                    return;
                }
                emit countsShown();
            },
            Qt::QueuedConnection);
    });
}

void SegmentsView::updateState()
{
    const auto* record = current();
    const bool selected = record != nullptr;
    m_edit->setEnabled(selected && record->kind == SegmentKind::Rule);
    m_rename->setEnabled(selected);
    m_duplicate->setEnabled(selected);
    m_delete->setEnabled(selected);
    m_members->setEnabled(selected);
    if (!record) {
        m_rules->clear();
        return;
    }
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(fromStd(record->name).toHtmlEscaped());
    const auto count = m_model->countOf(record->id);
    if (record->kind == SegmentKind::Static) {
        lines << tr("A static list of hand-picked customers%1. Add customers from the customer list: select them, "
                    "then Customers > Add to list.")
                     .arg(count ? tr(" (%1 now)").arg(QLocale().toString(static_cast<qlonglong>(*count))) : QString());
    } else {
        const auto definition = SegmentDefinition::fromJson(record->definition);
        if (!definition) {
            lines << tr("Its rules cannot be read: %1").arg(fromStd(definition.error().describe()).toHtmlEscaped());
        } else {
            QStringList rules;
            describeRule(definition.value().root, 0, rules);
            for (auto& line : rules) {
                lines << line.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
            }
        }
    }
    m_rules->setText(lines.join(QStringLiteral("<br>")));
}

void SegmentsView::changed()
{
    reload();
    emit segmentsChanged();
}

void SegmentsView::newSegment()
{
    SegmentDefinition definition;
    SegmentEditor editor(m_portfolio, QString(), definition, this);
    editor.setAsOf(m_asOf);
    if (editor.exec() != QDialog::Accepted) {
        return;
    }
    auto created = SegmentService(m_portfolio).createRule(editor.name().toStdString(), editor.definition(), Date::today());
    if (!created) {
        emit errorOccurred(created.error());
        return;
    }
    const auto id = created.value().id;
    changed();
    selectSegment(id);
    auto snapshot = std::make_shared<services::SegmentSnapshot>();
    emit changeRequested(
        tr("New segment %1").arg(editor.name()),
        [this, snapshot] {
            auto status = SegmentService(m_portfolio).restore(*snapshot);
            changed();
            return status;
        },
        [this, id, snapshot] {
            auto removed = SegmentService(m_portfolio).remove(id);
            changed();
            if (!removed) {
                return Status(removed.error());
            }
            *snapshot = removed.value();
            return Status(Done{});
        });
}

void SegmentsView::editCurrent()
{
    const auto* record = current();
    if (!record || record->kind != SegmentKind::Rule) {
        return;
    }
    auto before = SegmentDefinition::fromJson(record->definition);
    if (!before) {
        emit errorOccurred(before.error());
        return;
    }
    const SegmentId id = record->id;
    const QString oldName = fromStd(record->name);
    SegmentEditor editor(m_portfolio, oldName, before.value(), this);
    editor.setAsOf(m_asOf);
    if (editor.exec() != QDialog::Accepted) {
        return;
    }
    SegmentService service(m_portfolio);
    const auto after = editor.definition();
    const QString newName = editor.name();
    if (auto saved = service.saveDefinition(id, after, Date::today()); !saved) {
        emit errorOccurred(saved.error());
        return;
    }
    if (newName != oldName) {
        if (auto renamed = service.rename(id, newName.toStdString(), Date::today()); !renamed) {
            emit errorOccurred(renamed.error());
        }
    }
    changed();
    const auto apply = [this, id](const SegmentDefinition& definition, const QString& name) {
        SegmentService s(m_portfolio);
        auto status = s.saveDefinition(id, definition, Date::today());
        if (status) {
            status = s.rename(id, name.toStdString(), Date::today());
        }
        changed();
        return status;
    };
    emit changeRequested(
        tr("Edit segment %1").arg(newName), [apply, after, newName] { return apply(after, newName); },
        [apply, before = before.value(), oldName] { return apply(before, oldName); });
}

void SegmentsView::renameCurrent()
{
    const auto* record = current();
    if (!record) {
        return;
    }
    const SegmentId id = record->id;
    const QString oldName = fromStd(record->name);
    bool ok = false;
    const QString newName =
        QInputDialog::getText(this, tr("Rename segment"), tr("New name:"), QLineEdit::Normal, oldName, &ok).trimmed();
    if (!ok || newName == oldName) {
        return;
    }
    const auto rename = [this, id](const QString& name) {
        auto status = SegmentService(m_portfolio).rename(id, name.toStdString(), Date::today());
        changed();
        return status;
    };
    if (auto status = rename(newName); !status) {
        emit errorOccurred(status.error());
        return;
    }
    emit changeRequested(tr("Rename segment %1").arg(newName), [rename, newName] { return rename(newName); },
                         [rename, oldName] { return rename(oldName); });
}

void SegmentsView::duplicateCurrent()
{
    const auto* record = current();
    if (!record) {
        return;
    }
    SegmentService service(m_portfolio);
    // "Name (copy)", "Name (copy 2)", ... the first name not taken.
    QString name = tr("%1 (copy)").arg(fromStd(record->name));
    for (int n = 2; service.findByName(name.toStdString()).ok(); ++n) {
        name = tr("%1 (copy %2)").arg(fromStd(record->name)).arg(n);
    }
    auto copy = service.duplicate(record->id, name.toStdString(), Date::today());
    if (!copy) {
        emit errorOccurred(copy.error());
        return;
    }
    const auto id = copy.value().id;
    changed();
    selectSegment(id);
    auto snapshot = std::make_shared<services::SegmentSnapshot>();
    emit changeRequested(
        tr("Duplicate segment as %1").arg(name),
        [this, snapshot] {
            auto status = SegmentService(m_portfolio).restore(*snapshot);
            changed();
            return status;
        },
        [this, id, snapshot] {
            auto removed = SegmentService(m_portfolio).remove(id);
            changed();
            if (!removed) {
                return Status(removed.error());
            }
            *snapshot = removed.value();
            return Status(Done{});
        });
}

void SegmentsView::deleteCurrent()
{
    const auto* record = current();
    if (!record) {
        return;
    }
    const SegmentId id = record->id;
    const QString name = fromStd(record->name);
    auto removed = SegmentService(m_portfolio).remove(id);
    if (!removed) {
        emit errorOccurred(removed.error());
        return;
    }
    auto snapshot = std::make_shared<services::SegmentSnapshot>(removed.value());
    changed();
    emit changeRequested(
        tr("Delete segment %1").arg(name),
        [this, id, snapshot] {
            auto again = SegmentService(m_portfolio).remove(id);
            changed();
            return again ? Status(Done{}) : Status(again.error());
        },
        [this, snapshot] {
            auto status = SegmentService(m_portfolio).restore(*snapshot);
            changed();
            return status;
        });
}

void SegmentsView::addCustomersToList(const std::vector<CustomerId>& customers)
{
    if (customers.empty()) {
        return;
    }
    SegmentService service(m_portfolio);
    auto segments = service.list();
    if (!segments) {
        emit errorOccurred(segments.error());
        return;
    }
    QStringList lists;
    for (const auto& record : segments.value()) {
        if (record.kind == SegmentKind::Static) {
            lists << fromStd(record.name);
        }
    }
    bool ok = false;
    const QString name = QInputDialog::getItem(this, tr("Add to list"),
                                               tr("Add %1 customer(s) to the static list (choose one or type a new name):")
                                                   .arg(QLocale().toString(static_cast<qlonglong>(customers.size()))),
                                               lists, 0, true, &ok)
                             .trimmed();
    if (!ok || name.isEmpty()) {
        return;
    }
    auto existing = service.findByName(name.toStdString());
    if (!existing) {
        auto created = service.createStatic(name.toStdString(), customers, Date::today());
        if (!created) {
            emit errorOccurred(created.error());
            return;
        }
        const auto id = created.value().id;
        changed();
        auto snapshot = std::make_shared<services::SegmentSnapshot>();
        emit changeRequested(
            tr("New list %1").arg(name),
            [this, snapshot] {
                auto status = SegmentService(m_portfolio).restore(*snapshot);
                changed();
                return status;
            },
            [this, id, snapshot] {
                auto removed = SegmentService(m_portfolio).remove(id);
                changed();
                if (!removed) {
                    return Status(removed.error());
                }
                *snapshot = removed.value();
                return Status(Done{});
            });
        return;
    }
    const auto id = existing.value().id;
    // Undo takes out only the customers this added, not those that were in the list before.
    std::vector<CustomerId> added;
    const auto before = storage::SegmentRepository(m_portfolio.database()).staticMembers(id);
    for (const CustomerId customer : customers) {
        if (!std::binary_search(before.begin(), before.end(), customer)) {
            added.push_back(customer);
        }
    }
    if (auto result = service.addMembers(id, added); !result) {
        emit errorOccurred(result.error());
        return;
    }
    changed();
    emit changeRequested(
        tr("Add %1 customer(s) to %2").arg(added.size()).arg(name),
        [this, id, added] {
            auto result = SegmentService(m_portfolio).addMembers(id, added);
            changed();
            return result ? Status(Done{}) : Status(result.error());
        },
        [this, id, added] {
            auto result = SegmentService(m_portfolio).removeMembers(id, added);
            changed();
            return result ? Status(Done{}) : Status(result.error());
        });
}

bool SegmentsView::runRfm(int months)
{
    const auto period = SegmentPeriod{months, std::nullopt}.resolve(m_asOf);
    services::RfmService rfm(m_portfolio);
    auto result = rfm.run(period, m_asOf);
    Status saved = result ? rfm.saveAsSegments(result.value(), Date::today()) : Status(result.error());
    if (!saved) {
        emit errorOccurred(saved.error());
        return false;
    }
    changed();
    return true;
}

void SegmentsView::startRfm(int months)
{
    // Scoring a large portfolio takes seconds: a worker reads, scores and saves on a connection of
    // its own (the write waits for the lock like any other writer), then the list is read again.
    if (m_rfmWorker.joinable()) {
        return;  // one run at a time: the button is disabled meanwhile
    }
    m_rfm->setEnabled(false);
    m_rfm->setText(tr("Scoring RFM…"));
    const auto period = SegmentPeriod{months, std::nullopt}.resolve(m_asOf);
    m_rfmWorker = std::thread([this, file = m_portfolio.database().path(), period, asOf = m_asOf] {
        Status status = Done{};
        auto opened = services::Portfolio::open(file, storage::OpenMode::ReadWrite);
        if (!opened) {
            status = opened.error();
        } else {
            services::RfmService rfm(*opened.value());
            auto result = rfm.run(period, asOf);
            status = result ? rfm.saveAsSegments(result.value(), Date::today()) : Status(result.error());
        }
        QMetaObject::invokeMethod(
            this,
            [this, status = std::move(status)] {
                m_rfmWorker.join();
                m_rfm->setText(tr("RFM segments…"));
                m_rfm->setEnabled(true);
                if (!status) {
                    emit errorOccurred(status.error());
                    return;
                }
                changed();
                emit rfmFinished();
            },
            Qt::QueuedConnection);
    });
}

void SegmentsView::rfmDialog()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("RFM segments"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* text = new QLabel(tr("Customers who ordered in the period are scored 1 to 5 on recency (days since their "
                               "last order), frequency (orders) and monetary value (revenue), by quintiles, and "
                               "placed in the usual cells: champions, loyal customers, potential loyalists, new "
                               "customers, promising, need attention, about to sleep, at risk, can't lose them, "
                               "hibernating; those who ordered only before the period are lost.\n\nEach cell is saved "
                               "as the static list \"RFM: <cell>\", replacing the lists of an earlier run."));
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* form = new QFormLayout;
    auto* period = new QComboBox;
    for (const int months : {3, 6, 12, 24, 36}) {
        period->addItem(lastMonthsLabel(months), months);
    }
    period->setCurrentIndex(2);
    form->addRow(tr("Period:"), period);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Score and save"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted) {
        startRfm(period->currentData().toInt());
    }
}

} // namespace cartera::app
