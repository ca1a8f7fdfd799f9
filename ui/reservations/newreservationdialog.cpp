#include "newreservationdialog.h"

#include "catalog/productdirectory.h"
#include "common/displayformat.h"
#include "common/fielderrors.h"
#include "net/apiclient.h"
#include "reservationbooking.h"
#include "shell/errormessagebox.h"
#include "transferdetailform.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace reserva::ui {

namespace {

// How far ahead the form offers departures.
constexpr int kSlotDaysAhead = 90;

QWidget *withError(QWidget *field, QLabel *error)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

} // namespace

NewReservationDialog::NewReservationDialog(ApiClient &api, ProductDirectory &products,
                                           QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_products(products)
    , m_booking(new ReservationBooking(api, this))
    , m_product(new QComboBox(this))
    , m_slot(new QComboBox(this))
    , m_quantity(new QSpinBox(this))
    , m_name(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_promoCode(new QLineEdit(this))
    , m_transfer(new TransferDetailForm(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("New reservation"));
    m_product->setAccessibleName(tr("Product"));
    m_slot->setAccessibleName(tr("Departure"));
    m_quantity->setAccessibleName(tr("Seats"));
    m_quantity->setRange(1, 100);
    m_name->setAccessibleName(tr("Customer name"));
    m_email->setAccessibleName(tr("Customer email"));
    m_phone->setAccessibleName(tr("Customer phone"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_phone->setPlaceholderText(tr("Optional"));
    m_promoCode->setAccessibleName(tr("Promotion code"));
    m_promoCode->setPlaceholderText(tr("Optional; several separated by commas"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Booking status"));

    const auto errorFor = [this](const QString &field) {
        QLabel *label = fieldErrorLabel();
        m_fieldErrors.insert(field, label);
        return label;
    };
    auto *form = new QFormLayout;
    form->addRow(tr("&Product:"), withError(m_product, errorFor(QStringLiteral("product"))));
    form->addRow(tr("&Departure:"), withError(m_slot, errorFor(QStringLiteral("slot_id"))));
    form->addRow(tr("S&eats:"), withError(m_quantity, errorFor(QStringLiteral("quantity"))));
    form->addRow(tr("Customer &name:"),
                 withError(m_name, errorFor(QStringLiteral("customer.name"))));
    form->addRow(tr("Customer &email:"),
                 withError(m_email, errorFor(QStringLiteral("customer.email"))));
    form->addRow(tr("Customer p&hone:"),
                 withError(m_phone, errorFor(QStringLiteral("customer.phone"))));
    form->addRow(tr("Promotion &code:"),
                 withError(m_promoCode, errorFor(QStringLiteral("promo_code"))));

    m_submit = m_buttons->addButton(tr("Book"), QDialogButtonBox::AcceptRole);
    m_submit->setDefault(true);
    m_buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    auto *note = new QLabel(tr("The price is set by the server; the seats are held until the "
                               "customer pays."),
                            this);
    note->setWordWrap(true);
    note->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_transfer);
    m_transfer->hide(); // until a transfer product is chosen
    layout->addWidget(note);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setMinimumWidth(480);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewReservationDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_product, &QComboBox::currentIndexChanged, this, &NewReservationDialog::loadSlots);
    connect(m_slot, &QComboBox::currentIndexChanged, this,
            &NewReservationDialog::updateQuantityLimit);
    connect(m_slot, &QComboBox::currentIndexChanged, this, &NewReservationDialog::updateTransfer);
    connect(m_quantity, &QSpinBox::valueChanged, this, &NewReservationDialog::updateTransfer);
    connect(m_booking, &ReservationBooking::created, this, [this](const QJsonObject &r) {
        Q_EMIT reservationCreated(r);
        accept();
    });
    connect(m_booking, &ReservationBooking::failed, this, &NewReservationDialog::showFailure);
    connect(&m_products, &ProductDirectory::loaded, this, &NewReservationDialog::fillProducts);
    if (m_products.isLoaded())
        fillProducts();
    else
        m_products.load();
}

QLabel *NewReservationDialog::fieldErrorLabel()
{
    auto *label = new QLabel(this);
    label->setWordWrap(true);
    label->setVisible(false);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    label->setPalette(palette);
    return label;
}

void NewReservationDialog::fillProducts()
{
    const QString current = m_product->currentData().toString();
    m_product->clear();
    for (const QJsonObject &p : m_products.products()) {
        // Inactive products cannot be booked.
        if (!p.value(u"active").toBool())
            continue;
        m_product->addItem(
            QStringLiteral("%1 — %2").arg(p.value(u"name").toString(),
                                          DisplayFormat::money(p.value(u"price_minor").toInteger(),
                                                               p.value(u"currency").toString())),
            p.value(u"id").toString());
    }
    if (const int i = m_product->findData(current); i >= 0)
        m_product->setCurrentIndex(i);
    if (m_product->count() == 0)
        m_status->setText(tr("There is nothing to book yet: no active product."));
    loadSlots();
}

void NewReservationDialog::loadSlots()
{
    m_slot->clear();
    updateQuantityLimit();
    const QString productId = m_product->currentData().toString();
    if (productId.isEmpty())
        return;
    const int generation = ++m_slotGeneration;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ApiRequest request;
    request.path = QStringLiteral("/v1/products/%1/slots").arg(productId);
    request.query.addQueryItem(QStringLiteral("from"), now.toString(Qt::ISODate));
    request.query.addQueryItem(QStringLiteral("to"),
                               now.addDays(kSlotDaysAhead).toString(Qt::ISODate));
    request.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    m_api.send(request, this, [this, generation](const ApiResponse &response) {
        if (generation != m_slotGeneration)
            return;
        if (!response.ok()) {
            m_status->setText(ErrorMessageBox::explanation(*response.error));
            return;
        }
        for (const QJsonValue &v : response.object().value(u"items").toArray()) {
            const QJsonObject slot = v.toObject();
            const int remaining = slot.value(u"remaining").toInt();
            m_slot->addItem(tr("%1 — %n seat(s) left", nullptr, remaining)
                                .arg(DisplayFormat::timestamp(slot.value(u"starts_at").toString())),
                            slot.value(u"id").toString());
            m_slot->setItemData(m_slot->count() - 1, remaining, Qt::UserRole + 1);
            const QDateTime start =
                QDateTime::fromString(slot.value(u"starts_at").toString(), Qt::ISODateWithMs);
            m_slot->setItemData(m_slot->count() - 1, start, Qt::UserRole + 2);
            m_slot->setItemData(m_slot->count() - 1,
                                start.addSecs(60 * slot.value(u"duration_minutes").toInt()),
                                Qt::UserRole + 3);
        }
        if (m_slot->count() == 0)
            m_status->setText(tr("This product has no departures in the next %n day(s).", nullptr,
                                 kSlotDaysAhead));
        else
            m_status->clear();
        updateQuantityLimit();
        updateTransfer();
    });
}

void NewReservationDialog::updateTransfer()
{
    const QJsonObject product = m_products.product(m_product->currentData().toString());
    const bool transfer = product.value(u"kind").toString() == u"transfer";
    m_transfer->setVisible(transfer);
    if (!transfer)
        return;
    const QString kind = product.value(u"transfer_kind").toString();
    if (kind != m_transfer->kind())
        m_transfer->setKind(kind);
    m_transfer->setService(m_slot->currentData(Qt::UserRole + 2).toDateTime(),
                           m_slot->currentData(Qt::UserRole + 3).toDateTime());
    m_transfer->setSeats(m_quantity->value());
    adjustSize();
}

void NewReservationDialog::updateQuantityLimit()
{
    m_submit->setEnabled(!m_booking->isBusy() && m_slot->count() > 0);
    const QVariant remaining = m_slot->currentData(Qt::UserRole + 1);
    m_quantity->setMaximum(remaining.isValid() ? std::max(1, std::min(100, remaining.toInt()))
                                               : 100);
}

QJsonObject NewReservationDialog::payload() const
{
    QJsonObject customer{{QStringLiteral("name"), m_name->text().trimmed()},
                         {QStringLiteral("email"), m_email->text().trimmed()}};
    if (const QString phone = m_phone->text().trimmed(); !phone.isEmpty())
        customer.insert(QStringLiteral("phone"), phone);
    QJsonObject body{{QStringLiteral("slot_id"), m_slot->currentData().toString()},
                     {QStringLiteral("quantity"), m_quantity->value()},
                     {QStringLiteral("customer"), customer}};
    // One code as a string; several (stacking) as an array. The server checks them.
    QStringList codes;
    for (const QString &part : m_promoCode->text().split(u',')) {
        if (const QString code = part.trimmed(); !code.isEmpty())
            codes << code;
    }
    if (codes.size() == 1)
        body.insert(QStringLiteral("promo_code"), codes.first());
    else if (codes.size() > 1)
        body.insert(QStringLiteral("promo_code"), QJsonArray::fromStringList(codes));
    if (!m_transfer->isHidden())
        body.insert(QStringLiteral("trf_detail"), m_transfer->detail());
    return body;
}

void NewReservationDialog::clearFieldErrors()
{
    for (QLabel *label : std::as_const(m_fieldErrors)) {
        label->clear();
        label->setVisible(false);
    }
    m_transfer->errors()->clear();
}

void NewReservationDialog::submit()
{
    clearFieldErrors();
    if (m_slot->currentData().toString().isEmpty()) {
        m_status->setText(tr("Choose a product and a departure."));
        return;
    }
    QJsonObject body = payload();
    if (!m_transfer->isHidden()) {
        // The server's own validator, here first: problems show at once.
        const QJsonObject detail = m_transfer->validate();
        if (detail.isEmpty()) {
            m_status->setText(tr("Check the transfer details marked below."));
            return;
        }
        body.insert(QStringLiteral("trf_detail"), detail);
    }
    m_status->setText(tr("Booking…"));
    m_submit->setEnabled(false);
    m_booking->submit(body);
}

void NewReservationDialog::showFailure(const ApiError &error, bool retryable)
{
    m_submit->setEnabled(true);
    for (const ApiFieldError &field : error.fieldErrors) {
        if (QLabel *label = m_fieldErrors.value(field.field)) {
            label->setText(field.message);
            label->setVisible(true);
        }
    }
    m_transfer->errors()->show(error);
    // A code that cannot be claimed refuses the whole booking: say why next
    // to the code, in plain words.
    if (error.slug().startsWith(u"promo-")) {
        QLabel *label = m_fieldErrors.value(QStringLiteral("promo_code"));
        label->setText(error.plainMessage());
        label->setVisible(true);
    }
    QString text = error.plainMessage();
    if (retryable) {
        text += QStringLiteral(" ") + tr("It is not known whether the booking was made. "
                                         "\"Try again\" is safe: it cannot book twice.");
        m_submit->setText(tr("Try again"));
    } else {
        m_submit->setText(tr("Book"));
    }
    if (const QString id = ErrorMessageBox::requestIdLine(error); !id.isEmpty())
        text += QStringLiteral("\n") + id;
    m_status->setText(text);
}

} // namespace reserva::ui
