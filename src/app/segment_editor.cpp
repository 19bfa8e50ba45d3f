#include "app/segment_editor.h"

#include "app/customer_table_model.h"
#include "services/portfolio.h"
#include "services/segment_service.h"
#include "storage/customer_facets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>
#include <unordered_map>

namespace cartera::app {

using namespace cartera::domain;

namespace {

constexpr int kGroupRole = Qt::UserRole + 1;
constexpr int kMatchRole = Qt::UserRole + 2;

enum ValuePage {
    TextPage,
    ChoicePage,
    ChoicesPage,
    NumberPage,
    EmptyPage,
};

QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

bool isNumeric(SegmentField field)
{
    const auto type = segmentFieldInfo(field).type;
    return type == SegmentValueType::Money || type == SegmentValueType::Number;
}

bool isMoneyField(SegmentField field)
{
    return segmentFieldInfo(field).type == SegmentValueType::Money;
}

QString periodLabel(const SegmentPeriod& period)
{
    if (period.months) {
        return fromStd(period.months->toString());
    }
    return lastMonthsLabel(period.lastMonths);
}

QString valueText(const SegmentCondition& c)
{
    const QLocale locale;
    QStringList parts;
    if (isNumeric(c.field)) {
        for (const auto n : c.numbers) {
            parts << (isMoneyField(c.field) ? locale.toString(static_cast<double>(n) / 100.0, 'f', 2)
                                            : locale.toString(static_cast<qlonglong>(n)));
        }
        return parts.join(c.op == SegmentOperator::Between ? SegmentEditor::tr(" and ") : QStringLiteral(", "));
    }
    for (const auto& t : c.texts) {
        parts << QString::fromStdString(t);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString lastMonthsLabel(int months)
{
    return months == 1 ? SegmentEditor::tr("last month") : SegmentEditor::tr("last %1 months").arg(months);
}

QString segmentFieldLabel(SegmentField field)
{
    switch (field) {
    case SegmentField::Country: return SegmentEditor::tr("Country");
    case SegmentField::Region: return SegmentEditor::tr("Region");
    case SegmentField::City: return SegmentEditor::tr("City");
    case SegmentField::Industry: return SegmentEditor::tr("Industry");
    case SegmentField::SizeBand: return SegmentEditor::tr("Size band");
    case SegmentField::Channel: return SegmentEditor::tr("Channel");
    case SegmentField::Kind: return SegmentEditor::tr("Kind");
    case SegmentField::Status: return SegmentEditor::tr("Status");
    case SegmentField::OwnerRep: return SegmentEditor::tr("Owner rep");
    case SegmentField::Tag: return SegmentEditor::tr("Tag");
    case SegmentField::Revenue: return SegmentEditor::tr("Revenue");
    case SegmentField::Margin: return SegmentEditor::tr("Gross margin");
    case SegmentField::OrderCount: return SegmentEditor::tr("Orders");
    case SegmentField::DaysSinceLastOrder: return SegmentEditor::tr("Days since last order");
    case SegmentField::CategoryBought: return SegmentEditor::tr("Product category bought");
    case SegmentField::AbcClass: return SegmentEditor::tr("ABC class (latest snapshot)");
    case SegmentField::Tier: return SegmentEditor::tr("Tier (latest run)");
    case SegmentField::Satisfaction: return SegmentEditor::tr("Satisfaction (0-100)");
    case SegmentField::Count: break;
    }
    return {};
}

QString segmentOperatorLabel(SegmentOperator op)
{
    switch (op) {
    case SegmentOperator::Equals: return SegmentEditor::tr("is");
    case SegmentOperator::NotEquals: return SegmentEditor::tr("is not");
    case SegmentOperator::InList: return SegmentEditor::tr("is one of");
    case SegmentOperator::NotInList: return SegmentEditor::tr("is none of");
    case SegmentOperator::Contains: return SegmentEditor::tr("contains");
    case SegmentOperator::StartsWith: return SegmentEditor::tr("starts with");
    case SegmentOperator::Less: return QStringLiteral("<");
    case SegmentOperator::LessOrEqual: return QStringLiteral("≤");
    case SegmentOperator::Greater: return QStringLiteral(">");
    case SegmentOperator::GreaterOrEqual: return QStringLiteral("≥");
    case SegmentOperator::Between: return SegmentEditor::tr("is between");
    case SegmentOperator::IsEmpty: return SegmentEditor::tr("is empty");
    case SegmentOperator::IsNotEmpty: return SegmentEditor::tr("is not empty");
    case SegmentOperator::Count: break;
    }
    return {};
}

QString describeCondition(const SegmentCondition& c)
{
    QString text = segmentFieldLabel(c.field) + QLatin1Char(' ') + segmentOperatorLabel(c.op);
    if (c.field == SegmentField::CategoryBought) {
        // "bought is one of" reads badly; say what it means.
        const bool negated = c.op == SegmentOperator::NotEquals || c.op == SegmentOperator::NotInList;
        text = negated ? SegmentEditor::tr("Bought none of") : SegmentEditor::tr("Bought any of");
    }
    const auto values = valueText(c);
    if (!values.isEmpty()) {
        text += QLatin1Char(' ') + values;
    }
    if (segmentFieldInfo(c.field).usesPeriod) {
        text += QStringLiteral(" (%1)").arg(periodLabel(c.period));
    }
    return text;
}

SegmentEditor::SegmentEditor(services::Portfolio& portfolio, const QString& name, const SegmentDefinition& definition,
                             QWidget* parent)
    : QDialog(parent), m_portfolio(portfolio)
{
    setWindowTitle(tr("Segment rules"));
    resize(820, 560);
    auto* layout = new QVBoxLayout(this);

    auto* nameRow = new QFormLayout;
    m_name = new QLineEdit(name);
    m_name->setPlaceholderText(tr("Name of the segment"));
    nameRow->addRow(tr("&Name:"), m_name);
    layout->addLayout(nameRow);

    m_tree = new QTreeWidget;
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_tree, 1);

    auto* treeButtons = new QHBoxLayout;
    m_addCondition = new QPushButton(tr("Add &condition"));
    m_addGroup = new QPushButton(tr("Add &group"));
    m_match = new QPushButton(tr("Match a&ll / any"));
    m_remove = new QPushButton(tr("&Remove"));
    treeButtons->addWidget(m_addCondition);
    treeButtons->addWidget(m_addGroup);
    treeButtons->addWidget(m_match);
    treeButtons->addWidget(m_remove);
    treeButtons->addStretch(1);
    layout->addLayout(treeButtons);

    m_conditionPanel = new QWidget;
    auto* panel = new QHBoxLayout(m_conditionPanel);
    panel->setContentsMargins(0, 0, 0, 0);
    m_field = new QComboBox;
    for (const auto& info : segmentFields()) {
        m_field->addItem(segmentFieldLabel(info.field), static_cast<int>(info.field));
    }
    m_operator = new QComboBox;
    m_values = new QStackedWidget;
    m_text = new QLineEdit;
    m_text->setPlaceholderText(tr("Value (several: separated by commas)"));
    m_choice = new QComboBox;
    m_choices = new QListWidget;
    m_choices->setMaximumHeight(110);
    auto* numbers = new QWidget;
    auto* numbersLayout = new QHBoxLayout(numbers);
    numbersLayout->setContentsMargins(0, 0, 0, 0);
    m_number = new QDoubleSpinBox;
    m_numberHigh = new QDoubleSpinBox;
    for (auto* spin : {m_number, m_numberHigh}) {
        spin->setRange(-1e13, 1e13);
        spin->setGroupSeparatorShown(true);
        spin->setKeyboardTracking(true);
    }
    m_rangePage = new QLabel(tr("and"));
    numbersLayout->addWidget(m_number, 1);
    numbersLayout->addWidget(m_rangePage);
    numbersLayout->addWidget(m_numberHigh, 1);
    m_emptyPage = new QWidget;
    // A stacked layout gives every page its full height: one-line editors sit at the top of theirs.
    const auto topAligned = [](QWidget* editor) {
        auto* page = new QWidget;
        auto* pageLayout = new QVBoxLayout(page);
        pageLayout->setContentsMargins(0, 0, 0, 0);
        pageLayout->addWidget(editor);
        pageLayout->addStretch(1);
        return page;
    };
    m_values->addWidget(topAligned(m_text));
    m_values->addWidget(topAligned(m_choice));
    m_values->addWidget(m_choices);
    m_values->addWidget(topAligned(numbers));
    m_values->addWidget(m_emptyPage);
    m_period = new QComboBox;
    for (const int months : {1, 3, 6, 12, 24, 36}) {
        m_period->addItem(lastMonthsLabel(months), months);
    }
    m_periodLabel = new QLabel(tr("over"));
    panel->addWidget(m_field, 2, Qt::AlignTop);
    panel->addWidget(m_operator, 1, Qt::AlignTop);
    panel->addWidget(m_values, 3);
    panel->addWidget(m_periodLabel, 0, Qt::AlignTop);
    panel->addWidget(m_period, 1, Qt::AlignTop);
    layout->addWidget(m_conditionPanel);

    m_problem = new QLabel;
    m_problem->setStyleSheet(QStringLiteral("color: #8c1d18;"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("liveCount"));
    QFont bold = m_count->font();
    bold.setBold(true);
    m_count->setFont(bold);
    layout->addWidget(m_count);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_name->text().trimmed().isEmpty()) {
            m_problem->setText(tr("Give the segment a name."));
            m_problem->show();
            m_name->setFocus();
            return;
        }
        if (auto valid = this->definition().validate(); !valid) {
            m_problem->setText(fromStd(valid.error().describe()));
            m_problem->show();
            return;
        }
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_countDelay = new QTimer(this);
    m_countDelay->setSingleShot(true);
    m_countDelay->setInterval(300);
    connect(m_countDelay, &QTimer::timeout, this, &SegmentEditor::startCount);

    buildTree(definition.root, nullptr);
    m_tree->expandAll();
    m_tree->setCurrentItem(m_tree->topLevelItem(0));

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &SegmentEditor::showSelected);
    connect(m_addCondition, &QPushButton::clicked, this, [this] {
        SegmentCondition c;
        c.field = SegmentField::Country;
        c.op = SegmentOperator::Equals;
        const auto choices = choicesFor(c.field);
        c.texts = {choices.empty() ? std::string("FR") : choices.front().first.toStdString()};
        addCondition(c);
    });
    connect(m_addGroup, &QPushButton::clicked, this, [this] { addGroup(SegmentMatch::Any); });
    connect(m_remove, &QPushButton::clicked, this, &SegmentEditor::removeSelected);
    connect(m_match, &QPushButton::clicked, this, &SegmentEditor::toggleMatch);
    connect(m_field, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling) {
            return;
        }
        // A new field: its first operator and an empty value of its kind.
        SegmentCondition c;
        c.field = static_cast<SegmentField>(m_field->currentData().toInt());
        c.op = segmentFieldInfo(c.field).operators.front();
        m_filling = true;
        fillOperators(c.field, c.op);
        fillValueEditor(c);
        m_filling = false;
        storeEditedCondition();
    });
    connect(m_operator, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling) {
            return;
        }
        auto* item = m_tree->currentItem();
        SegmentCondition c = item ? conditionOf(item) : SegmentCondition{};
        c.field = static_cast<SegmentField>(m_field->currentData().toInt());
        c.op = static_cast<SegmentOperator>(m_operator->currentData().toInt());
        m_filling = true;
        fillValueEditor(c);
        m_filling = false;
        storeEditedCondition();
    });
    const auto edited = [this] {
        if (!m_filling) {
            storeEditedCondition();
        }
    };
    connect(m_text, &QLineEdit::textChanged, this, edited);
    connect(m_choice, &QComboBox::currentIndexChanged, this, edited);
    connect(m_choices, &QListWidget::itemChanged, this, edited);
    connect(m_number, &QDoubleSpinBox::valueChanged, this, edited);
    connect(m_numberHigh, &QDoubleSpinBox::valueChanged, this, edited);
    connect(m_period, &QComboBox::currentIndexChanged, this, edited);
    connect(m_name, &QLineEdit::textChanged, this, [this] { m_problem->hide(); });

    showSelected();
    scheduleCount();
}

SegmentEditor::~SegmentEditor()
{
    ++m_generation;
    if (m_worker.joinable()) {
        m_worker.join();
    }
}

QString SegmentEditor::name() const
{
    return m_name->text().trimmed();
}

void SegmentEditor::setAsOf(Date asOf)
{
    m_asOf = asOf;
    scheduleCount();
}

SegmentDefinition SegmentEditor::definition() const
{
    SegmentDefinition definition;
    if (auto* top = m_tree->topLevelItem(0)) {
        definition.root = ruleOf(top);
    }
    return definition;
}

void SegmentEditor::buildTree(const SegmentRule& rule, QTreeWidgetItem* parent)
{
    auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    if (rule.isGroup) {
        item->setData(0, kGroupRole, true);
        item->setData(0, kMatchRole, rule.match == SegmentMatch::All ? 0 : 1);
        for (const auto& child : rule.rules) {
            buildTree(child, item);
        }
    } else {
        item->setData(0, kGroupRole, false);
        m_conditions[item] = rule.condition;
    }
    updateItemText(item);
}

SegmentCondition SegmentEditor::conditionOf(QTreeWidgetItem* item) const
{
    const auto found = m_conditions.find(item);
    return found == m_conditions.end() ? SegmentCondition{} : found->second;
}

void SegmentEditor::updateItemText(QTreeWidgetItem* item) const
{
    if (item->data(0, kGroupRole).toBool()) {
        const bool all = item->data(0, kMatchRole).toInt() == 0;
        QString text = all ? tr("All of these (AND)") : tr("Any of these (OR)");
        if (item->childCount() == 0) {
            text += tr(" — empty: every customer");
        }
        item->setText(0, text);
        QFont font = item->font(0);
        font.setBold(true);
        item->setFont(0, font);
    } else {
        item->setText(0, describeCondition(conditionOf(item)));
    }
}

SegmentRule SegmentEditor::ruleOf(QTreeWidgetItem* item) const
{
    if (item->data(0, kGroupRole).toBool()) {
        SegmentRule group =
            SegmentRule::group(item->data(0, kMatchRole).toInt() == 0 ? SegmentMatch::All : SegmentMatch::Any);
        for (int i = 0; i < item->childCount(); ++i) {
            group.rules.push_back(ruleOf(item->child(i)));
        }
        return group;
    }
    // The condition exactly as edited, even when incomplete: validate() then names its place.
    return SegmentRule::of(conditionOf(item));
}

QTreeWidgetItem* SegmentEditor::targetGroup() const
{
    auto* item = m_tree->currentItem();
    if (!item) {
        return m_tree->topLevelItem(0);
    }
    return item->data(0, kGroupRole).toBool() ? item : item->parent();
}

void SegmentEditor::addCondition(const SegmentCondition& condition)
{
    auto* group = targetGroup();
    if (!group) {
        return;
    }
    auto* item = new QTreeWidgetItem(group);
    item->setData(0, kGroupRole, false);
    m_conditions[item] = condition;
    updateItemText(item);
    updateItemText(group);
    group->setExpanded(true);
    m_tree->setCurrentItem(item);
    scheduleCount();
}

void SegmentEditor::addGroup(SegmentMatch match)
{
    auto* group = targetGroup();
    if (!group) {
        return;
    }
    auto* item = new QTreeWidgetItem(group);
    item->setData(0, kGroupRole, true);
    item->setData(0, kMatchRole, match == SegmentMatch::All ? 0 : 1);
    updateItemText(item);
    group->setExpanded(true);
    m_tree->setCurrentItem(item);
    scheduleCount();
}

void SegmentEditor::removeSelected()
{
    auto* item = m_tree->currentItem();
    if (!item || !item->parent()) {
        return;  // the top group stays
    }
    auto* parent = item->parent();
    std::vector<QTreeWidgetItem*> gone{item};
    for (std::size_t i = 0; i < gone.size(); ++i) {
        for (int c = 0; c < gone[i]->childCount(); ++c) {
            gone.push_back(gone[i]->child(c));
        }
        m_conditions.erase(gone[i]);
    }
    delete item;
    updateItemText(parent);
    m_tree->setCurrentItem(parent);
    scheduleCount();
}

void SegmentEditor::toggleMatch()
{
    auto* group = targetGroup();
    if (!group) {
        return;
    }
    group->setData(0, kMatchRole, group->data(0, kMatchRole).toInt() == 0 ? 1 : 0);
    updateItemText(group);
    scheduleCount();
}

void SegmentEditor::showSelected()
{
    auto* item = m_tree->currentItem();
    const bool condition = item && !item->data(0, kGroupRole).toBool();
    m_conditionPanel->setEnabled(condition);
    m_remove->setEnabled(item && item->parent());
    if (!condition) {
        return;
    }
    const auto c = conditionOf(item);
    m_filling = true;
    m_field->setCurrentIndex(m_field->findData(static_cast<int>(c.field)));
    fillOperators(c.field, c.op);
    fillValueEditor(c);
    m_filling = false;
}

void SegmentEditor::fillOperators(SegmentField field, SegmentOperator current)
{
    m_operator->clear();
    for (const auto op : segmentFieldInfo(field).operators) {
        QString label = segmentOperatorLabel(op);
        if (field == SegmentField::CategoryBought) {
            const bool negated = op == SegmentOperator::NotEquals || op == SegmentOperator::NotInList;
            label = negated ? (op == SegmentOperator::NotEquals ? tr("did not buy") : tr("bought none of"))
                            : (op == SegmentOperator::Equals ? tr("bought") : tr("bought any of"));
        }
        m_operator->addItem(label, static_cast<int>(op));
    }
    const int index = m_operator->findData(static_cast<int>(current));
    m_operator->setCurrentIndex(index < 0 ? 0 : index);
}

std::vector<std::pair<QString, QString>> SegmentEditor::choicesFor(SegmentField field) const
{
    std::vector<std::pair<QString, QString>> choices;  // code, label
    switch (field) {
    case SegmentField::Country:
        for (const auto& country : storage::CustomerFacets(m_portfolio.database()).countries()) {
            choices.emplace_back(QString::fromStdString(country), QString::fromStdString(country));
        }
        break;
    case SegmentField::SizeBand:
        for (const auto& [band, code] : kSizeBandCodes.entries) {
            choices.emplace_back(fromStd(code), sizeBandLabel(band));
        }
        break;
    case SegmentField::Channel:
        for (const auto& [channel, code] : kSalesChannelCodes.entries) {
            choices.emplace_back(fromStd(code), channelLabel(channel));
        }
        break;
    case SegmentField::Kind:
        for (const auto& [kind, code] : kCustomerKindCodes.entries) {
            choices.emplace_back(fromStd(code), kindLabel(kind));
        }
        break;
    case SegmentField::Status:
        for (const auto& [status, code] : kCustomerStatusCodes.entries) {
            choices.emplace_back(fromStd(code), statusLabel(status));
        }
        break;
    case SegmentField::OwnerRep:
        for (const auto& rep : m_portfolio.reps().all()) {
            choices.emplace_back(QString::fromStdString(rep.code),
                                 QStringLiteral("%1 (%2)").arg(QString::fromStdString(rep.name),
                                                               QString::fromStdString(rep.code)));
        }
        break;
    case SegmentField::CategoryBought:
        for (const auto& category : m_portfolio.products().categories()) {
            choices.emplace_back(QString::fromStdString(category.name), QString::fromStdString(category.name));
        }
        break;
    case SegmentField::AbcClass:
        for (const char* cls : {"A", "B", "C", "D"}) {
            choices.emplace_back(QString::fromLatin1(cls), tr("Class %1").arg(QString::fromLatin1(cls)));
        }
        break;
    default:
        break;
    }
    return choices;
}

void SegmentEditor::fillValueEditor(const SegmentCondition& c)
{
    const auto& info = segmentFieldInfo(c.field);
    const int arity = segmentOperatorArity(c.op);
    const bool period = info.usesPeriod;
    m_period->setVisible(period);
    m_periodLabel->setVisible(period);
    if (period) {
        if (c.period.months) {
            const auto label = fromStd(c.period.months->toString());
            if (m_period->findText(label) < 0) {
                m_period->addItem(label, -1);
            }
            m_period->setCurrentIndex(m_period->findText(label));
        } else {
            const int index = m_period->findData(c.period.lastMonths);
            if (index < 0) {
                m_period->addItem(lastMonthsLabel(c.period.lastMonths), c.period.lastMonths);
            }
            m_period->setCurrentIndex(m_period->findData(c.period.lastMonths));
        }
    }
    if (arity == 0) {
        m_values->setCurrentIndex(EmptyPage);
        return;
    }
    if (isNumeric(c.field)) {
        const bool money = info.type == SegmentValueType::Money;
        for (auto* spin : {m_number, m_numberHigh}) {
            spin->setDecimals(money ? 2 : 0);
            spin->setSuffix(money ? QStringLiteral(" ") + QString::fromStdString(m_portfolio.settings().currency().str())
                                  : QString());
        }
        const auto toShown = [money](std::int64_t n) { return money ? static_cast<double>(n) / 100.0 : static_cast<double>(n); };
        m_number->setValue(c.numbers.empty() ? 0.0 : toShown(c.numbers[0]));
        m_numberHigh->setValue(c.numbers.size() > 1 ? toShown(c.numbers[1]) : m_number->value());
        const bool between = c.op == SegmentOperator::Between;
        m_rangePage->setVisible(between);
        m_numberHigh->setVisible(between);
        m_values->setCurrentIndex(NumberPage);
        return;
    }
    const auto choices = choicesFor(c.field);
    if (choices.empty()) {
        QStringList parts;
        for (const auto& t : c.texts) {
            parts << QString::fromStdString(t);
        }
        if (m_text->text().split(QLatin1Char(','), Qt::SkipEmptyParts).join(QLatin1Char(',')) !=
            parts.join(QLatin1Char(','))) {
            m_text->setText(parts.join(QStringLiteral(", ")));
        }
        m_values->setCurrentIndex(TextPage);
        return;
    }
    if (arity < 0) {
        m_choices->clear();
        for (const auto& [code, label] : choices) {
            auto* item = new QListWidgetItem(label, m_choices);
            item->setData(Qt::UserRole, code);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            const bool checked = std::find(c.texts.begin(), c.texts.end(), code.toStdString()) != c.texts.end();
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        }
        m_values->setCurrentIndex(ChoicesPage);
        return;
    }
    m_choice->clear();
    for (const auto& [code, label] : choices) {
        m_choice->addItem(label, code);
    }
    const int index = c.texts.empty() ? 0 : m_choice->findData(QString::fromStdString(c.texts.front()));
    m_choice->setCurrentIndex(index < 0 ? 0 : index);
    m_values->setCurrentIndex(ChoicePage);
}

void SegmentEditor::storeEditedCondition()
{
    auto* item = m_tree->currentItem();
    if (!item || item->data(0, kGroupRole).toBool()) {
        return;
    }
    SegmentCondition c;
    c.field = static_cast<SegmentField>(m_field->currentData().toInt());
    c.op = static_cast<SegmentOperator>(m_operator->currentData().toInt());
    const int arity = segmentOperatorArity(c.op);
    if (segmentFieldInfo(c.field).usesPeriod) {
        const int months = m_period->currentData().toInt();
        if (months > 0) {
            c.period.lastMonths = months;
        } else {
            c.period = conditionOf(item).period;
        }
    }
    if (arity != 0) {
        switch (m_values->currentIndex()) {
        case NumberPage: {
            const bool money = isMoneyField(c.field);
            const auto toStored = [money](double v) {
                return static_cast<std::int64_t>(std::llround(money ? v * 100.0 : v));
            };
            c.numbers.push_back(toStored(m_number->value()));
            if (c.op == SegmentOperator::Between) {
                c.numbers.push_back(toStored(m_numberHigh->value()));
            }
            break;
        }
        case ChoicePage:
            if (m_choice->currentIndex() >= 0) {
                c.texts.push_back(m_choice->currentData().toString().toStdString());
            }
            break;
        case ChoicesPage:
            for (int i = 0; i < m_choices->count(); ++i) {
                if (m_choices->item(i)->checkState() == Qt::Checked) {
                    c.texts.push_back(m_choices->item(i)->data(Qt::UserRole).toString().toStdString());
                }
            }
            break;
        default: {
            const auto parts = arity < 0 ? m_text->text().split(QLatin1Char(','), Qt::SkipEmptyParts)
                                         : QStringList{m_text->text()};
            for (const auto& part : parts) {
                if (!part.trimmed().isEmpty()) {
                    c.texts.push_back(part.trimmed().toStdString());
                }
            }
            break;
        }
        }
    }
    // Kept even when incomplete (a value still to type): the count then says what is missing.
    m_conditions[item] = c;
    SegmentDefinition one;
    one.root.rules.push_back(SegmentRule::of(c));
    if (auto valid = one.validate(); valid) {
        item->setText(0, describeCondition(c));
        item->setForeground(0, palette().text());
    } else {
        item->setText(0, describeCondition(c) + QStringLiteral("  — ") + fromStd(valid.error().message));
        item->setForeground(0, QColor(0x8c, 0x1d, 0x18));
    }
    scheduleCount();
}

void SegmentEditor::scheduleCount()
{
    m_count->setText(tr("Counting…"));
    m_countDelay->start();
}

void SegmentEditor::startCount()
{
    if (m_counting) {
        m_countAgain = true;  // the running count is stale; count again when it ends
        return;
    }
    const auto definition = this->definition();
    if (auto valid = definition.validate(); !valid) {
        m_shownCount = -1;
        m_count->setText(tr("Not counted: %1").arg(fromStd(valid.error().describe())));
        return;
    }
    if (m_worker.joinable()) {
        m_worker.join();  // finished already: its result has arrived
    }
    m_counting = true;
    const int generation = ++m_generation;
    // The count runs on a connection of its own; the portfolio's stays with this thread.
    m_worker = std::thread([this, file = m_portfolio.database().path(), definition, asOf = m_asOf, generation] {
        auto count = services::SegmentService::countIn(file, definition, asOf);
        QMetaObject::invokeMethod(
            this, [this, generation, count = std::move(count)]() mutable { finishCount(generation, std::move(count)); },
            Qt::QueuedConnection);
    });
}

void SegmentEditor::finishCount(int generation, Result<std::int64_t> count)
{
    m_counting = false;
    if (m_countAgain) {
        m_countAgain = false;
        startCount();
        return;
    }
    if (generation != m_generation) {
        return;
    }
    if (!count) {
        m_shownCount = -1;
        m_count->setText(tr("Not counted: %1").arg(fromStd(count.error().describe())));
        return;
    }
    m_shownCount = count.value();
    const QString number = QLocale().toString(static_cast<qlonglong>(count.value()));
    m_count->setText(count.value() == 1 ? tr("1 customer matches") : tr("%1 customers match").arg(number));
    emit countShown(count.value());
}

} // namespace cartera::app
