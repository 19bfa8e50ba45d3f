#include "app/customer_editor.h"

#include "app/customer_table_model.h"
#include "domain/customer_validation.h"
#include "services/portfolio.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cartera::app {

using namespace cartera::domain;

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

CustomerEditor::CustomerEditor(services::Portfolio& portfolio, Customer customer, QWidget* parent)
    : QDialog(parent), m_portfolio(portfolio), m_original(std::move(customer)), m_kind(new QComboBox),
      m_status(new QComboBox), m_sizeBand(new QComboBox), m_channel(new QComboBox), m_owner(new QComboBox),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(m_original.id == 0 ? tr("New Customer") : tr("Edit %1").arg(qs(m_original.name)));
    auto* form = new QFormLayout;

    const auto addField = [&](const std::string& name, const QString& label, const std::string& value,
                              const QString& placeholder = {}) {
        auto* edit = new QLineEdit(qs(value));
        edit->setPlaceholderText(placeholder);
        edit->setObjectName(qs(name));
        auto* problem = new QLabel;
        problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
        problem->setObjectName(qs(name + "Problem"));
        problem->hide();
        auto* column = new QVBoxLayout;
        column->setSpacing(1);
        column->addWidget(edit);
        column->addWidget(problem);
        form->addRow(label, column);
        m_fields[name] = edit;
        m_problems[name] = problem;
        connect(edit, &QLineEdit::textChanged, this, &CustomerEditor::revalidate);
    };
    const auto& c = m_original;
    addField("code", tr("&Code *"), c.code, tr("unique, e.g. C-000123"));
    addField("name", tr("&Name *"), c.name);

    for (const auto& [kind, code] : kCustomerKindCodes.entries) {
        m_kind->addItem(kindLabel(kind), static_cast<int>(kind));
    }
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(c.kind)));
    form->addRow(tr("&Kind"), m_kind);
    for (const auto& [status, code] : kCustomerStatusCodes.entries) {
        m_status->addItem(statusLabel(status), static_cast<int>(status));
    }
    m_status->setCurrentIndex(m_status->findData(static_cast<int>(c.status)));
    form->addRow(tr("&Status"), m_status);

    addField("industry", tr("&Industry"), c.industry);
    m_sizeBand->addItem(tr("Unknown"), -1);
    for (const auto& [band, code] : kSizeBandCodes.entries) {
        m_sizeBand->addItem(sizeBandLabel(band), static_cast<int>(band));
    }
    m_sizeBand->setCurrentIndex(m_sizeBand->findData(c.sizeBand ? static_cast<int>(*c.sizeBand) : -1));
    form->addRow(tr("Si&ze"), m_sizeBand);
    for (const auto& [channel, code] : kSalesChannelCodes.entries) {
        m_channel->addItem(channelLabel(channel), static_cast<int>(channel));
    }
    m_channel->setCurrentIndex(m_channel->findData(static_cast<int>(c.channel)));
    form->addRow(tr("C&hannel"), m_channel);
    m_owner->addItem(tr("No owner"), QVariant::fromValue<qlonglong>(0));
    for (const auto& rep : portfolio.reps().all()) {
        m_owner->addItem(qs(rep.name), QVariant::fromValue<qlonglong>(rep.id));
    }
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(QVariant::fromValue<qlonglong>(c.ownerRepId.value_or(0)))));
    form->addRow(tr("&Owner"), m_owner);
    m_strategic = new QCheckBox(tr("Strategic account (counts in tier models that weigh it)"));
    m_strategic->setChecked(c.strategic);
    form->addRow(QString(), m_strategic);

    addField("country", tr("Co&untry"), c.country, tr("two letters, e.g. FR"));
    addField("region", tr("&Region"), c.region);
    addField("city", tr("Ci&ty"), c.city);
    addField("postalCode", tr("&Postal code"), c.postalCode);
    addField("email", tr("&E-mail"), c.email);
    addField("phone", tr("Ph&one"), c.phone, tr("+33 1 23 45 67 89"));
    addField("website", tr("&Web site"), c.website);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    revalidate();
}

Customer CustomerEditor::customer() const
{
    Customer c = m_original;
    const auto text = [&](const char* name) { return trimmed(m_fields.at(name)->text().toStdString()); };
    c.code = text("code");
    c.name = text("name");
    c.kind = static_cast<CustomerKind>(m_kind->currentData().toInt());
    c.status = static_cast<CustomerStatus>(m_status->currentData().toInt());
    c.industry = text("industry");
    const int band = m_sizeBand->currentData().toInt();
    c.sizeBand = band < 0 ? std::nullopt : std::optional<SizeBand>(static_cast<SizeBand>(band));
    c.channel = static_cast<SalesChannel>(m_channel->currentData().toInt());
    const auto owner = m_owner->currentData().toLongLong();
    c.ownerRepId = owner > 0 ? std::optional<RepId>(owner) : std::nullopt;
    c.country = text("country");
    c.region = text("region");
    c.city = text("city");
    c.postalCode = text("postalCode");
    c.email = text("email");
    c.phone = text("phone");
    c.website = text("website");
    c.strategic = m_strategic->isChecked();
    return c;
}

QString CustomerEditor::problemFor(const std::string& field) const
{
    const auto* label = m_problems.at(field);
    return label->isVisible() || !label->text().isEmpty() ? label->text() : QString();
}

void CustomerEditor::revalidate()
{
    const Customer c = customer();
    std::map<std::string, QString> messages;
    for (const auto& problem : customerProblems(c)) {
        messages[problem.where] = QString::fromStdString(problem.message);
    }
    if (!messages.count("code") && c.code != m_original.code) {
        // The one rule only the database knows: codes are unique across the portfolio.
        if (const auto other = m_portfolio.customers().findByCode(c.code); other && other->id != m_original.id) {
            messages["code"] = tr("the code %1 is already used by %2").arg(qs(c.code), qs(other->name));
        }
    }
    for (auto& [name, label] : m_problems) {
        const auto found = messages.find(name);
        label->setText(found == messages.end() ? QString() : found->second);
        label->setVisible(found != messages.end());
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(messages.empty());
}

} // namespace cartera::app
