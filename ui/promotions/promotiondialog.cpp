#include "promotiondialog.h"

#include "catalog/productdirectory.h"
#include "common/editorsave.h"
#include "common/fielderrors.h"
#include "common/moneytext.h"
#include "common/timezonetext.h"
#include "domain/money.h"
#include "net/apiclient.h"
#include "shell/errormessagebox.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace reserva::ui {

namespace {

QDateTime localTime(const QJsonValue &rfc3339)
{
    return QDateTime::fromString(rfc3339.toString(), Qt::ISODateWithMs).toLocalTime();
}

QDateTimeEdit *dateTimeEdit(QWidget *parent, const QString &name)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setAccessibleName(name);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    edit->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed); // both ends line up
    return edit;
}

QWidget *inRow(QWidget *parent, std::initializer_list<QWidget *> widgets)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : widgets)
        layout->addWidget(w);
    layout->addStretch(1);
    row->setFocusProxy(*widgets.begin());
    return row;
}

} // namespace

PromotionDialog::PromotionDialog(ApiClient &api, ProductDirectory &products,
                                 const QJsonObject &existing, const QUuid &tenantId,
                                 QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_products(products)
    , m_existing(existing)
    , m_tenantId(tenantId)
    , m_errors(new FieldErrors(this))
    , m_code(new QLineEdit(this))
    , m_percentKind(new QRadioButton(tr("Percentage"), this))
    , m_fixedKind(new QRadioButton(tr("Fixed amount"), this))
    , m_percent(new QLineEdit(this))
    , m_amount(new QLineEdit(this))
    , m_currency(new QComboBox(this))
    , m_productList(new QListWidget(this))
    , m_validFrom(dateTimeEdit(this, tr("Valid from")))
    , m_validUntil(dateTimeEdit(this, tr("Valid until")))
    , m_maxRedemptions(new QLineEdit(this))
    , m_perCustomer(new QLineEdit(this))
    , m_budget(new QLineEdit(this))
    , m_minimum(new QLineEdit(this))
    , m_stackable(new QCheckBox(tr("Can be combined with other stackable codes"), this))
    , m_active(new QCheckBox(tr("Active: can be used now"), this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    const bool editing = !existing.isEmpty();
    setWindowTitle(editing ? tr("Edit promotion") : tr("New promotion"));
    m_code->setAccessibleName(tr("Code"));
    m_code->setPlaceholderText(tr("e.g. SUMMER25"));
    m_code->setMaxLength(32);
    m_percentKind->setAccessibleName(tr("Percentage discount"));
    m_fixedKind->setAccessibleName(tr("Fixed amount discount"));
    auto *kinds = new QButtonGroup(this);
    kinds->addButton(m_percentKind);
    kinds->addButton(m_fixedKind);
    m_percentKind->setChecked(true);
    m_percent->setAccessibleName(tr("Percent off"));
    m_percent->setPlaceholderText(tr("e.g. 12.5"));
    m_percent->setAlignment(Qt::AlignRight);
    m_percent->setMaximumWidth(110);
    m_amount->setAccessibleName(tr("Amount off"));
    m_amount->setAlignment(Qt::AlignRight);
    m_amount->setMaximumWidth(140);
    m_currency->setAccessibleName(tr("Currency"));
    m_currency->addItem(tr("Any currency"), QString());
    for (const QString &code : moneytext::offeredCurrencies())
        m_currency->addItem(code, code);
    m_productList->setAccessibleName(tr("Products"));
    m_productList->setMaximumHeight(120);
    const auto *digits =
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,10}")), this);
    for (const auto &[edit, name] : {std::pair{m_maxRedemptions, tr("Maximum uses")},
                                     std::pair{m_perCustomer, tr("Uses per customer")}}) {
        edit->setAccessibleName(name);
        edit->setValidator(digits);
        edit->setPlaceholderText(tr("No limit"));
        edit->setAlignment(Qt::AlignRight);
        edit->setMaximumWidth(140);
    }
    m_budget->setAccessibleName(tr("Budget"));
    m_budget->setPlaceholderText(tr("No limit"));
    m_minimum->setAccessibleName(tr("Minimum amount"));
    m_minimum->setPlaceholderText(tr("None"));
    for (QLineEdit *edit : {m_budget, m_minimum}) {
        edit->setAlignment(Qt::AlignRight);
        edit->setMaximumWidth(140);
    }
    m_stackable->setAccessibleName(tr("Stackable"));
    m_active->setAccessibleName(tr("Active"));
    m_active->setChecked(true);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Save status"));

    auto *zone = new QLabel(timezonetext::describeLocalZone(QDateTime::currentDateTime()), this);
    zone->setAccessibleName(tr("Time zone"));
    zone->setEnabled(false);
    auto *allProducts = new QLabel(tr("None checked: every product."), this);
    allProducts->setEnabled(false);
    auto *productsBox = new QWidget(this);
    auto *productsLayout = new QVBoxLayout(productsBox);
    productsLayout->setContentsMargins(0, 0, 0, 0);
    productsLayout->setSpacing(2);
    productsLayout->addWidget(m_productList);
    productsLayout->addWidget(allProducts);
    productsBox->setFocusProxy(m_productList);

    auto *form = new QFormLayout;
    form->addRow(tr("&Code:"), m_errors->wrap(QStringLiteral("code"), m_code));
    form->addRow(tr("Discount:"),
                 m_errors->wrap(QStringLiteral("discount_percent"),
                                inRow(this, {m_percentKind, m_percent, new QLabel(tr("%"), this),
                                             m_fixedKind, m_amount})));
    form->addRow(tr("C&urrency:"), m_errors->wrap(QStringLiteral("currency"), m_currency));
    form->addRow(tr("&Products:"), m_errors->wrap(QStringLiteral("product_ids"), productsBox));
    form->addRow(tr("Valid &from:"),
                 m_errors->wrap(QStringLiteral("valid_from"), inRow(this, {m_validFrom, zone})));
    form->addRow(tr("Valid &until:"),
                 m_errors->wrap(QStringLiteral("valid_until"), inRow(this, {m_validUntil})));
    form->addRow(tr("&Maximum uses:"),
                 m_errors->wrap(QStringLiteral("max_redemptions"), m_maxRedemptions));
    form->addRow(tr("Uses per c&ustomer:"),
                 m_errors->wrap(QStringLiteral("per_customer_limit"), m_perCustomer));
    form->addRow(tr("&Budget:"), m_errors->wrap(QStringLiteral("budget_minor"), m_budget));
    form->addRow(tr("Mi&nimum amount:"),
                 m_errors->wrap(QStringLiteral("min_amount_minor"), m_minimum));
    form->addRow(QString(), m_stackable);
    form->addRow(QString(), m_active);

    m_save =
        m_buttons->addButton(editing ? tr("Save") : tr("Create"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    m_saver = new EditorSave(api, m_save, m_status, this);
    connect(m_saver, &EditorSave::saved, this, [this](const QJsonObject &saved) {
        Q_EMIT promotionSaved(saved);
        accept();
    });
    connect(m_saver, &EditorSave::failed, this, &PromotionDialog::showFailure);
    m_buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setMinimumWidth(600);

    if (editing) {
        const QString currency = existing.value(u"currency").toString();
        m_code->setText(existing.value(u"code").toString());
        if (existing.value(u"discount_percent").isDouble()) {
            const auto bp = money::parseDecimal(
                QString::number(existing.value(u"discount_percent").toDouble(), 'f', 2), 2);
            m_percent->setText(moneytext::editable(bp.value_or(0), QStringLiteral("USD")));
        } else {
            m_fixedKind->setChecked(true);
            m_amount->setText(
                moneytext::editable(existing.value(u"discount_minor").toInteger(), currency));
        }
        m_currency->setCurrentIndex(std::max(0, m_currency->findData(currency)));
        // Claims were made with this discount: a new one needs a new code.
        for (QWidget *w : std::initializer_list<QWidget *>{m_percentKind, m_fixedKind, m_percent,
                                                           m_amount, m_currency})
            w->setEnabled(false);
        m_validFrom->setDateTime(localTime(existing.value(u"valid_from")));
        m_validUntil->setDateTime(localTime(existing.value(u"valid_until")));
        const auto setNumber = [](QLineEdit *edit, const QJsonValue &v) {
            if (!v.isNull() && !v.isUndefined())
                edit->setText(QString::number(v.toInteger()));
        };
        setNumber(m_maxRedemptions, existing.value(u"max_redemptions"));
        setNumber(m_perCustomer, existing.value(u"per_customer_limit"));
        if (const QJsonValue b = existing.value(u"budget_minor"); !b.isNull() && !b.isUndefined())
            m_budget->setText(moneytext::editable(b.toInteger(), currency));
        if (const qint64 min = existing.value(u"min_amount_minor").toInteger(); min > 0)
            m_minimum->setText(moneytext::editable(min, currency));
        m_stackable->setChecked(existing.value(u"stackable").toBool());
        m_active->setChecked(existing.value(u"active").toBool());
    } else {
        const QDate today = QDate::currentDate();
        m_validFrom->setDateTime(QDateTime(today, QTime(0, 0)));
        m_validUntil->setDateTime(QDateTime(today.addMonths(1), QTime(0, 0)));
    }
    updateDiscountKind();

    connect(m_percentKind, &QRadioButton::toggled, this, &PromotionDialog::updateDiscountKind);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PromotionDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_products, &ProductDirectory::loaded, this, &PromotionDialog::fillProducts);
    if (m_products.isLoaded())
        fillProducts();
    else
        m_products.load();
}

void PromotionDialog::updateDiscountKind()
{
    if (!m_existing.isEmpty())
        return;
    m_percent->setEnabled(m_percentKind->isChecked());
    m_amount->setEnabled(m_fixedKind->isChecked());
}

void PromotionDialog::fillProducts()
{
    QStringList chosen;
    for (const QJsonValue &v : m_existing.value(u"product_ids").toArray())
        chosen << v.toString();
    const QString tenant = m_existing.isEmpty() ? m_tenantId.toString(QUuid::WithoutBraces)
                                                : m_existing.value(u"tenant_id").toString();
    m_productList->clear();
    for (const QJsonObject &p : m_products.products()) {
        // A platform-wide user sees every tenant's products: offer the code's own.
        if (!m_tenantId.isNull() || !m_existing.isEmpty()) {
            if (p.value(u"tenant_id").toString() != tenant)
                continue;
        }
        auto *item = new QListWidgetItem(p.value(u"name").toString(), m_productList);
        item->setData(Qt::UserRole, p.value(u"id").toString());
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(p.value(u"id").toString()) ? Qt::Checked
                                                                       : Qt::Unchecked);
    }
}

std::optional<QJsonValue> PromotionDialog::readLimit(const QString &field, QLineEdit *edit,
                                                     bool money)
{
    const QString text = edit->text().trimmed();
    if (text.isEmpty()) {
        // Nulls read as absent on the server: a cap cannot be removed, only raised.
        const QJsonValue before = m_existing.value(field);
        const bool wasSet = field == u"min_amount_minor"
                                ? before.toInteger() > 0
                                : !before.isNull() && !before.isUndefined();
        if (!m_existing.isEmpty() && wasSet)
            m_errors->setError(field, tr("A limit cannot be removed; raise it instead."));
        return QJsonValue(QJsonValue::Undefined);
    }
    if (!money)
        return QJsonValue(text.toLongLong());
    const QString currency = m_currency->currentData().toString();
    if (currency.isEmpty()) {
        m_errors->setError(QStringLiteral("currency"),
                           tr("A budget or a minimum amount needs a currency."));
        return std::nullopt;
    }
    const auto minor = moneytext::parse(text, currency);
    if (!minor) {
        m_errors->setError(field, tr("Not an amount of %1.").arg(currency));
        return std::nullopt;
    }
    return QJsonValue(*minor);
}

std::optional<QJsonObject> PromotionDialog::payload()
{
    m_errors->clear();
    const bool creating = m_existing.isEmpty();
    QJsonObject body{
        {QStringLiteral("code"), m_code->text().trimmed()},
        {QStringLiteral("valid_from"), timezonetext::rfc3339WithOffset(m_validFrom->dateTime())},
        {QStringLiteral("valid_until"), timezonetext::rfc3339WithOffset(m_validUntil->dateTime())},
        {QStringLiteral("stackable"), m_stackable->isChecked()},
        {QStringLiteral("active"), m_active->isChecked()}};
    const QString currency = m_currency->currentData().toString();
    if (creating) {
        if (m_percentKind->isChecked()) {
            QString text = m_percent->text().trimmed();
            text.replace(QLocale().decimalPoint(), QStringLiteral("."));
            const auto bp = money::parseDecimal(text, 2);
            if (!bp || *bp == 0 || *bp > 10000)
                m_errors->setError(QStringLiteral("discount_percent"),
                                   tr("Enter a percentage above 0 and up to 100, with at most "
                                      "two decimals."));
            else
                body.insert(QStringLiteral("discount_percent"), double(*bp) / 100.0);
        } else if (currency.isEmpty()) {
            m_errors->setError(QStringLiteral("currency"),
                               tr("A fixed discount needs a currency."));
        } else if (const auto minor = moneytext::parse(m_amount->text(), currency);
                   !minor || *minor == 0) {
            m_errors->setError(QStringLiteral("discount_percent"),
                               tr("Enter an amount of %1 above zero.").arg(currency));
        } else {
            body.insert(QStringLiteral("discount_minor"), *minor);
        }
        if (!currency.isEmpty())
            body.insert(QStringLiteral("currency"), currency);
        if (!m_tenantId.isNull())
            body.insert(QStringLiteral("tenant_id"), m_tenantId.toString(QUuid::WithoutBraces));
    }
    QJsonArray productIds;
    for (int row = 0; row < m_productList->count(); ++row) {
        if (m_productList->item(row)->checkState() == Qt::Checked)
            productIds.append(m_productList->item(row)->data(Qt::UserRole).toString());
    }
    body.insert(QStringLiteral("product_ids"), productIds);
    const std::pair<QString, std::pair<QLineEdit *, bool>> limits[] = {
        {QStringLiteral("max_redemptions"), {m_maxRedemptions, false}},
        {QStringLiteral("per_customer_limit"), {m_perCustomer, false}},
        {QStringLiteral("budget_minor"), {m_budget, true}},
        {QStringLiteral("min_amount_minor"), {m_minimum, true}},
    };
    for (const auto &[field, edit] : limits) {
        const auto value = readLimit(field, edit.first, edit.second);
        if (value && !value->isUndefined())
            body.insert(field, *value);
    }
    if (m_errors->hasErrors())
        return std::nullopt;
    return body;
}

void PromotionDialog::submit()
{
    if (m_saver->isBusy())
        return;
    const auto body = payload();
    if (!body) {
        m_status->setText(tr("Check the highlighted fields."));
        return;
    }
    if (m_existing.isEmpty())
        m_saver->send("POST", QStringLiteral("/v1/promotions"), *body);
    else
        m_saver->send("PATCH",
                      QStringLiteral("/v1/promotions/%1").arg(m_existing.value(u"id").toString()),
                      *body);
}

void PromotionDialog::showFailure(const ApiError &error)
{
    QString text = error.slug() == u"conflict"
                       ? tr("This tenant already has a promotion with that code.")
                       : error.plainMessage();
    if (error.slug() == u"conflict")
        m_errors->setError(QStringLiteral("code"), text);
    for (const ApiFieldError &field : m_errors->show(error)) {
        if (field.field == u"discount_minor")
            m_errors->setError(QStringLiteral("discount_percent"), field.message);
        else
            text += QStringLiteral("\n") + field.field + QStringLiteral(": ") + field.message;
    }
    if (const QString id = ErrorMessageBox::requestIdLine(error); !id.isEmpty())
        text += QStringLiteral("\n") + id;
    m_status->setText(text);
}

} // namespace reserva::ui
