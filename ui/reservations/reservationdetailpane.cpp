#include "reservationdetailpane.h"

#include "common/displayformat.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace reserva::ui {

ReservationDetailPane::ReservationDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_fields(new QWidget(this))
    , m_empty(new QLabel(tr("Select a reservation to see its details."), this))
{
    setAccessibleName(tr("Reservation details"));
    auto *form = new QFormLayout(m_fields);
    form->setContentsMargins(0, 0, 0, 0);
    m_fields->setLayout(form);
    m_product = addField(tr("Product:"));
    m_customer = addField(tr("Customer:"));
    m_email = addField(tr("Email:"));
    m_phone = addField(tr("Phone:"));
    m_seats = addField(tr("Seats:"));
    m_subtotal = addField(tr("Subtotal:"));
    m_discount = addField(tr("Discount:"));
    m_amount = addField(tr("Amount due:"));
    m_status = addField(tr("Status:"));
    m_hold = addField(tr("Seats held until:"));
    m_created = addField(tr("Created:"));
    m_id = addField(tr("Reservation ID:"));
    m_id->setWordWrap(false); // a UUID must stay whole to be copied
    setMinimumWidth(380);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_fields);
    layout->addWidget(m_empty, 1);
    layout->addStretch();
    clear();
}

QLabel *ReservationDetailPane::addField(const QString &label)
{
    auto *value = new QLabel(m_fields);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setWordWrap(true);
    value->setAccessibleName(label);
    static_cast<QFormLayout *>(m_fields->layout())->addRow(label, value);
    return value;
}

void ReservationDetailPane::clear()
{
    m_heading->clear();
    m_fields->setVisible(false);
    m_empty->setVisible(true);
}

void ReservationDetailPane::showReservation(const QJsonObject &r, const QString &productName)
{
    const QJsonObject customer = r.value(u"customer").toObject();
    const QString currency = r.value(u"currency").toString();
    m_heading->setText(customer.value(u"name").toString());
    m_product->setText(productName);
    m_customer->setText(customer.value(u"name").toString());
    m_email->setText(customer.value(u"email").toString());
    const QString phone = customer.value(u"phone").toString();
    m_phone->setText(phone.isEmpty() ? tr("Not given") : phone);
    m_seats->setText(QString::number(r.value(u"quantity").toInt()));
    m_subtotal->setText(DisplayFormat::money(r.value(u"subtotal_minor").toInteger(), currency));
    m_discount->setText(DisplayFormat::money(r.value(u"discount_minor").toInteger(), currency));
    m_amount->setText(DisplayFormat::money(r.value(u"amount_minor").toInteger(), currency));
    m_status->setText(DisplayFormat::reservationStatus(r.value(u"status").toString()));
    const QString hold = r.value(u"hold_expires_at").toString();
    m_hold->setText(hold.isEmpty() ? tr("Not held") : DisplayFormat::timestamp(hold));
    m_created->setText(DisplayFormat::timestamp(r.value(u"created_at").toString()));
    m_id->setText(r.value(u"id").toString());
    m_fields->setVisible(true);
    m_empty->setVisible(false);
}

} // namespace reserva::ui
