#include "app/territory_dialogs.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QDialogButtonBox* addButtons(QDialog* dialog, QVBoxLayout* layout)
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    return buttons;
}

QLabel* problemLabel()
{
    auto* label = new QLabel;
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace

TerritoryDialog::TerritoryDialog(Territory territory, const TerritorySet& set, const std::vector<SalesRep>& reps, QWidget* parent)
    : QDialog(parent), m_territory(std::move(territory)), m_set(set), m_reps(reps)
{
    setWindowTitle(m_territory.name.empty() ? tr("New territory") : tr("Territory %1").arg(qs(m_territory.name)));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_name = new QLineEdit(qs(m_territory.name));
    form->addRow(tr("&Name:"), m_name);
    m_parent = new QComboBox;
    m_parent->addItem(tr("(top level)"), QVariant::fromValue<qlonglong>(0));
    for (const auto& t : set.territories) {
        if (t.id != m_territory.id) {
            m_parent->addItem(qs(territoryPath(t.id, set.territories)), QVariant::fromValue<qlonglong>(t.id));
        }
    }
    m_parent->setCurrentIndex(std::max(0, m_parent->findData(QVariant::fromValue<qlonglong>(m_territory.parentId.value_or(0)))));
    form->addRow(tr("&Inside:"), m_parent);
    m_owner = new QComboBox;
    m_owner->addItem(tr("(the owner of the territory it is inside)"), QVariant::fromValue<qlonglong>(0));
    m_overlays = new QListWidget;
    for (const auto& rep : reps) {
        const QString label = tr("%1 — %2").arg(qs(rep.code), qs(rep.name));
        m_owner->addItem(label, QVariant::fromValue<qlonglong>(rep.id));
        auto* item = new QListWidgetItem(label, m_overlays);
        item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(rep.id));
        const bool overlay = std::find(m_territory.overlayRepIds.begin(), m_territory.overlayRepIds.end(), rep.id) !=
                             m_territory.overlayRepIds.end();
        item->setCheckState(overlay ? Qt::Checked : Qt::Unchecked);
    }
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(QVariant::fromValue<qlonglong>(m_territory.ownerRepId.value_or(0)))));
    form->addRow(tr("&Owner:"), m_owner);
    m_overlays->setMaximumHeight(140);
    form->addRow(tr("O&verlay reps:"), m_overlays);
    layout->addLayout(form);
    m_problem = problemLabel();
    layout->addWidget(m_problem);
    addButtons(this, layout);
}

Territory TerritoryDialog::territory() const
{
    Territory t = m_territory;
    t.name = m_name->text().trimmed().toStdString();
    const auto parent = m_parent->currentData().toLongLong();
    t.parentId = parent == 0 ? std::nullopt : std::optional<TerritoryId>(parent);
    const auto owner = m_owner->currentData().toLongLong();
    t.ownerRepId = owner == 0 ? std::nullopt : std::optional<RepId>(owner);
    t.overlayRepIds.clear();
    for (int i = 0; i < m_overlays->count(); ++i) {
        if (m_overlays->item(i)->checkState() == Qt::Checked) {
            t.overlayRepIds.push_back(m_overlays->item(i)->data(Qt::UserRole).toLongLong());
        }
    }
    std::sort(t.overlayRepIds.begin(), t.overlayRepIds.end());
    return t;
}

void TerritoryDialog::accept()
{
    if (auto status = validateTerritory(territory(), m_set.territories); !status) {
        m_problem->setText(QString::fromStdString(status.error().describe()));
        m_problem->show();
        return;
    }
    QDialog::accept();
}

RuleDialog::RuleDialog(TerritoryRule rule, const TerritorySet& set, QWidget* parent)
    : QDialog(parent), m_rule(std::move(rule))
{
    setWindowTitle(tr("Territory rule"));
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("An account matches when it meets every condition given; leave a condition empty to "
                               "accept any value. Rules are tried by priority, lowest first: the first match gives "
                               "the account its territory."));
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* form = new QFormLayout;
    m_territory = new QComboBox;
    for (const auto& t : set.territories) {
        m_territory->addItem(qs(territoryPath(t.id, set.territories)), QVariant::fromValue<qlonglong>(t.id));
    }
    m_territory->setCurrentIndex(std::max(0, m_territory->findData(QVariant::fromValue<qlonglong>(m_rule.territoryId))));
    form->addRow(tr("&Territory:"), m_territory);
    m_priority = new QSpinBox;
    m_priority->setRange(-1000000, 1000000);
    m_priority->setValue(m_rule.priority);
    form->addRow(tr("&Priority:"), m_priority);
    m_country = new QLineEdit(qs(m_rule.country));
    m_country->setPlaceholderText(tr("any (ISO code such as FR)"));
    form->addRow(tr("&Country:"), m_country);
    m_region = new QLineEdit(qs(m_rule.region));
    m_region->setPlaceholderText(tr("any"));
    form->addRow(tr("&Region:"), m_region);
    m_postal = new QLineEdit(m_rule.postalFrom.empty() ? QString()
                             : m_rule.postalFrom == m_rule.postalTo ? qs(m_rule.postalFrom)
                                                                    : qs(m_rule.postalFrom + "-" + m_rule.postalTo));
    m_postal->setPlaceholderText(tr("any; a prefix (75) or a range (75-78)"));
    form->addRow(tr("P&ostal code:"), m_postal);
    m_industry = new QLineEdit(qs(m_rule.industry));
    m_industry->setPlaceholderText(tr("any"));
    form->addRow(tr("&Industry:"), m_industry);
    m_size = new QComboBox;
    m_size->addItem(tr("any"), -1);
    for (const auto& [band, code] : kSizeBandCodes.entries) {
        m_size->addItem(qs(std::string(code)), static_cast<int>(band));
    }
    m_size->setCurrentIndex(std::max(0, m_size->findData(m_rule.sizeBand ? static_cast<int>(*m_rule.sizeBand) : -1)));
    form->addRow(tr("&Size band:"), m_size);
    m_channel = new QComboBox;
    m_channel->addItem(tr("any"), -1);
    for (const auto& [channel, code] : kSalesChannelCodes.entries) {
        m_channel->addItem(qs(std::string(code)), static_cast<int>(channel));
    }
    m_channel->setCurrentIndex(std::max(0, m_channel->findData(m_rule.channel ? static_cast<int>(*m_rule.channel) : -1)));
    form->addRow(tr("C&hannel:"), m_channel);
    layout->addLayout(form);
    m_problem = problemLabel();
    layout->addWidget(m_problem);
    addButtons(this, layout);
}

TerritoryRule RuleDialog::rule() const
{
    TerritoryRule r = m_rule;
    r.territoryId = m_territory->currentData().toLongLong();
    r.priority = m_priority->value();
    r.country = m_country->text().trimmed().toUpper().toStdString();
    r.region = m_region->text().trimmed().toStdString();
    r.industry = m_industry->text().trimmed().toStdString();
    const auto postal = m_postal->text().trimmed().toStdString();
    r.postalFrom.clear();
    r.postalTo.clear();
    if (!postal.empty()) {
        if (const auto range = parsePostalRange(postal)) {
            r.postalFrom = range->first;
            r.postalTo = range->second;
        } else {
            r.postalFrom = postal;  // left for validation to name what is wrong
            r.postalTo = "?";
        }
    }
    const int size = m_size->currentData().toInt();
    r.sizeBand = size < 0 ? std::nullopt : std::optional<SizeBand>(static_cast<SizeBand>(size));
    const int channel = m_channel->currentData().toInt();
    r.channel = channel < 0 ? std::nullopt : std::optional<SalesChannel>(static_cast<SalesChannel>(channel));
    return r;
}

void RuleDialog::accept()
{
    if (auto status = validateTerritoryRule(rule()); !status) {
        m_problem->setText(QString::fromStdString(status.error().describe()));
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace cartera::app
