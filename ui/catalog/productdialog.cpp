#include "productdialog.h"

#include "common/displayformat.h"
#include "common/editorsave.h"
#include "common/fielderrors.h"
#include "common/moneytext.h"
#include "domain/currency.h"
#include "net/apiclient.h"
#include "shell/errormessagebox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace reserva::ui {

namespace {

constexpr int kTransferKindRow = 2; // the form's rows: name, kind, transfer kind, ...

} // namespace

ProductDialog::ProductDialog(ApiClient &api, const QJsonObject &existing, const QUuid &tenantId,
                             QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_existing(existing)
    , m_tenantId(tenantId)
    , m_errors(new FieldErrors(this))
    , m_form(new QFormLayout)
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_transferKind(new QComboBox(this))
    , m_description(new QPlainTextEdit(this))
    , m_price(new QLineEdit(this))
    , m_currency(new QComboBox(this))
    , m_active(new QCheckBox(tr("Can be booked"), this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    const bool editing = !existing.isEmpty();
    setWindowTitle(editing ? tr("Edit product") : tr("New product"));
    m_name->setAccessibleName(tr("Name"));
    m_name->setMaxLength(200);
    m_kind->setAccessibleName(tr("Kind"));
    for (const QString &kind : DisplayFormat::productKindNames())
        m_kind->addItem(DisplayFormat::productKind(kind), kind);
    m_transferKind->setAccessibleName(tr("Transfer kind"));
    for (const QString &kind : DisplayFormat::transferKindNames())
        m_transferKind->addItem(DisplayFormat::transferKind(kind), kind);
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(90);
    m_price->setAccessibleName(tr("Price"));
    m_price->setPlaceholderText(
        tr("e.g. %1").arg(moneytext::editable(1899000, QStringLiteral("ARS"))));
    m_price->setAlignment(Qt::AlignRight);
    m_currency->setAccessibleName(tr("Currency"));
    m_currency->addItems(moneytext::offeredCurrencies());
    m_active->setAccessibleName(tr("Active"));
    m_active->setChecked(true);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Save status"));

    auto *priceRow = new QWidget(this);
    auto *priceLayout = new QHBoxLayout(priceRow);
    priceLayout->setContentsMargins(0, 0, 0, 0);
    priceLayout->addWidget(m_price, 1);
    priceLayout->addWidget(m_currency);

    m_form->addRow(tr("&Name:"), m_errors->wrap(QStringLiteral("name"), m_name));
    m_form->addRow(tr("&Kind:"), m_errors->wrap(QStringLiteral("kind"), m_kind));
    m_form->addRow(tr("&Transfer kind:"),
                   m_errors->wrap(QStringLiteral("transfer_kind"), m_transferKind));
    m_form->addRow(tr("&Description:"),
                   m_errors->wrap(QStringLiteral("description"), m_description));
    m_form->addRow(tr("&Price:"),
                   m_errors->wrap(QStringLiteral("currency"),
                                  m_errors->wrap(QStringLiteral("price_minor"), priceRow)));
    m_form->addRow(QString(), m_active);

    m_save =
        m_buttons->addButton(editing ? tr("Save") : tr("Create"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    m_saver = new EditorSave(api, m_save, m_status, this);
    connect(m_saver, &EditorSave::saved, this, [this](const QJsonObject &saved) {
        Q_EMIT productSaved(saved);
        accept();
    });
    connect(m_saver, &EditorSave::failed, this, &ProductDialog::showFailure);
    m_buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    auto *note = new QLabel(tr("A new price applies to bookings made from now on; existing "
                               "reservations keep theirs."),
                            this);
    note->setWordWrap(true);
    note->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(note);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    if (editing) {
        m_name->setText(existing.value(u"name").toString());
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(existing.value(u"kind").toString())));
        if (const int i = m_transferKind->findData(existing.value(u"transfer_kind").toString());
            i >= 0)
            m_transferKind->setCurrentIndex(i);
        m_description->setPlainText(existing.value(u"description").toString());
        const QString currency = existing.value(u"currency").toString();
        if (m_currency->findText(currency) < 0)
            m_currency->addItem(currency);
        m_currency->setCurrentText(currency);
        m_price->setText(moneytext::editable(existing.value(u"price_minor").toInteger(), currency));
        m_active->setChecked(existing.value(u"active").toBool());
    }
    updateTransferKind();

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProductDialog::updateTransferKind);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProductDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool ProductDialog::isTransferKindShown() const
{
    return m_form->isRowVisible(kTransferKindRow);
}

void ProductDialog::updateTransferKind()
{
    // Only a transfer has a transfer kind (the transfer contract, shared/).
    m_form->setRowVisible(kTransferKindRow, m_kind->currentData().toString() == u"transfer");
}

std::optional<QJsonObject> ProductDialog::payload()
{
    m_errors->clear();
    const QString currency = m_currency->currentText();
    const auto price = moneytext::parse(m_price->text(), currency);
    if (!price) {
        const int digits = currency::exponent(currency).value_or(2);
        m_errors->setError(QStringLiteral("price_minor"),
                           digits == 0
                               ? tr("Enter a whole amount of %1 (it has no cents).").arg(currency)
                               : tr("Enter an amount like %1, with at most %n "
                                    "decimal(s).",
                                    nullptr, digits)
                                     .arg(moneytext::editable(123450, currency)));
        return std::nullopt;
    }
    QJsonObject body{{QStringLiteral("name"), m_name->text()},
                     {QStringLiteral("kind"), m_kind->currentData().toString()},
                     {QStringLiteral("description"), m_description->toPlainText()},
                     {QStringLiteral("price_minor"), *price},
                     {QStringLiteral("currency"), currency},
                     {QStringLiteral("active"), m_active->isChecked()}};
    if (m_kind->currentData().toString() == u"transfer")
        body.insert(QStringLiteral("transfer_kind"), m_transferKind->currentData().toString());
    if (m_existing.isEmpty() && !m_tenantId.isNull())
        body.insert(QStringLiteral("tenant_id"), m_tenantId.toString(QUuid::WithoutBraces));
    return body;
}

void ProductDialog::submit()
{
    if (m_saver->isBusy())
        return;
    const auto body = payload();
    if (!body) {
        m_status->setText(tr("Check the highlighted fields."));
        return;
    }
    if (m_existing.isEmpty())
        m_saver->send("POST", QStringLiteral("/v1/products"), *body);
    else
        m_saver->send("PATCH",
                      QStringLiteral("/v1/products/%1").arg(m_existing.value(u"id").toString()),
                      *body);
}

void ProductDialog::showFailure(const ApiError &error)
{
    m_status->setText(EditorSave::failureText(error, m_errors->show(error)));
}

} // namespace reserva::ui
