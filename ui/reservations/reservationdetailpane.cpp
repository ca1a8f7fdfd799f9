#include "reservationdetailpane.h"

#include "common/displayformat.h"
#include "net/apiclient.h"
#include "shell/errormessagebox.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace reserva::ui {

namespace {

QTreeWidget *historyList(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAlternatingRowColors(true);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setAccessibleName(name);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list->header()->setStretchLastSection(true);
    return list;
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ReservationDetailPane::ReservationDetailPane(ApiClient &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_heading(new QLabel(this))
    , m_pay(new QPushButton(tr("Start &payment…"), this))
    , m_cancel(new QPushButton(tr("Cance&l reservation…"), this))
    , m_historyError(new QLabel(this))
    , m_fields(new QWidget(this))
    , m_form(new QFormLayout)
    , m_empty(new QLabel(tr("Select a reservation to see its details."), this))
{
    setAccessibleName(tr("Reservation details"));
    m_form->setContentsMargins(0, 0, 0, 0);
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
    m_ride = addField(tr("Transfer:"));
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

    m_pay->setAccessibleName(tr("Start a payment"));
    m_pay->setToolTip(tr("Create a payment at Stripe, Mercado Pago or Pix and show what to "
                         "send the customer"));
    m_cancel->setAccessibleName(tr("Cancel the reservation"));
    m_cancel->setToolTip(tr("Cancel this unpaid reservation and release its seats"));
    auto *actions = new QHBoxLayout;
    actions->setContentsMargins(0, 0, 0, 0);
    actions->addWidget(m_pay);
    actions->addWidget(m_cancel);
    actions->addStretch();

    m_intents = historyList({tr("Provider"), tr("Status"), tr("Amount"), tr("Created")},
                            tr("Payments of the reservation"), m_fields);
    m_trail = historyList({tr("When"), tr("What"), tr("By"), tr("Result")},
                          tr("History of the reservation"), m_fields);
    m_historyError->setWordWrap(true);
    m_historyError->setVisible(false);
    m_historyError->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *fieldsLayout = new QVBoxLayout(m_fields);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addLayout(m_form);
    fieldsLayout->addLayout(actions);
    fieldsLayout->addWidget(sectionTitle(tr("Payments"), m_fields));
    fieldsLayout->addWidget(m_intents, 1);
    fieldsLayout->addWidget(sectionTitle(tr("History"), m_fields));
    fieldsLayout->addWidget(m_trail, 2);
    fieldsLayout->addWidget(m_historyError);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_fields, 1);
    layout->addWidget(m_empty, 1);

    connect(m_pay, &QPushButton::clicked, this, [this] { Q_EMIT paymentRequested(m_current); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { Q_EMIT cancelRequested(m_current); });
    clear();
}

QLabel *ReservationDetailPane::addField(const QString &label)
{
    auto *value = new QLabel(m_fields);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setWordWrap(true);
    value->setAccessibleName(label);
    m_form->addRow(label, value);
    return value;
}

QString ReservationDetailPane::statusText() const
{
    return m_fields->isVisible() || !m_current.isEmpty() ? m_status->text() : QString();
}

void ReservationDetailPane::clear()
{
    ++m_generation;
    m_current = {};
    m_heading->clear();
    m_intents->clear();
    m_trail->clear();
    m_fields->setVisible(false);
    m_empty->setVisible(true);
}

void ReservationDetailPane::showReservation(const QJsonObject &r, const QString &productName)
{
    const bool sameState = r.value(u"id") == m_current.value(u"id") &&
                           r.value(u"status") == m_current.value(u"status") &&
                           r.value(u"hold_expires_at") == m_current.value(u"hold_expires_at");
    m_current = r;
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
    const QJsonObject ride = r.value(u"trf_detail").toObject();
    m_form->setRowVisible(m_ride, !ride.isEmpty());
    if (!ride.isEmpty()) {
        QStringList lines{
            tr("%1 → %2").arg(ride.value(u"pickup_place").toString(),
                              ride.value(u"dropoff_place").toString()),
            tr("Pickup %1, %n passenger(s)", nullptr, ride.value(u"passengers").toInt())
                .arg(DisplayFormat::timestamp(ride.value(u"pickup_time").toString()))};
        if (ride.contains(u"flight_number"))
            lines << tr("Flight %1 at %2")
                         .arg(ride.value(u"flight_number").toString(),
                              ride.value(u"airport_iata").toString());
        if (ride.contains(u"vessel_name"))
            lines << tr("Ship %1 at %2")
                         .arg(ride.value(u"vessel_name").toString(),
                              ride.value(u"port").toString());
        m_ride->setText(lines.join(u'\n'));
    }
    // Only a pending reservation takes a payment or a cancellation; the
    // server decides (an expired hold is refused there too).
    const bool pending = r.value(u"status").toString() == u"pending_payment";
    m_pay->setEnabled(pending);
    m_cancel->setEnabled(pending);
    m_fields->setVisible(true);
    m_empty->setVisible(false);
    if (!sameState)
        loadHistory();
}

void ReservationDetailPane::loadHistory()
{
    const int generation = ++m_generation;
    const QString base = QStringLiteral("/v1/reservations/") + reservationId();
    m_intents->clear();
    m_trail->clear();
    m_historyError->setVisible(false);
    const auto failed = [this](const ApiError &error) {
        m_historyError->setText(tr("The payments and history could not be loaded.") +
                                QStringLiteral(" ") + ErrorMessageBox::explanation(error));
        m_historyError->setVisible(true);
    };
    ApiRequest intents;
    intents.path = base + QStringLiteral("/payment-intents");
    m_api.send(intents, this, [this, generation, failed](const ApiResponse &response) {
        if (generation != m_generation)
            return;
        if (!response.ok())
            return failed(*response.error);
        for (const QJsonValue &v : response.object().value(u"items").toArray()) {
            const QJsonObject intent = v.toObject();
            QString status = DisplayFormat::paymentStatus(intent.value(u"status").toString());
            if (intent.value(u"needs_refund").toBool())
                status = tr("%1 — refund needed").arg(status);
            auto *item = new QTreeWidgetItem(
                m_intents,
                {DisplayFormat::paymentProvider(intent.value(u"provider").toString()), status,
                 DisplayFormat::money(intent.value(u"amount_minor").toInteger(),
                                      intent.value(u"currency").toString()),
                 DisplayFormat::timestamp(intent.value(u"created_at").toString())});
            item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        }
    });
    ApiRequest trail;
    trail.path = base + QStringLiteral("/audit");
    m_api.send(trail, this, [this, generation, failed](const ApiResponse &response) {
        if (generation != m_generation)
            return;
        if (!response.ok())
            return failed(*response.error);
        for (const QJsonValue &v : response.object().value(u"items").toArray()) {
            const QJsonObject entry = v.toObject();
            new QTreeWidgetItem(m_trail,
                                {DisplayFormat::timestamp(entry.value(u"occurred_at").toString()),
                                 actionText(entry.value(u"action").toString()),
                                 actorText(entry.value(u"actor").toString()),
                                 DisplayFormat::auditOutcome(entry.value(u"outcome").toString())});
        }
    });
}

QString ReservationDetailPane::actorText(const QString &actor)
{
    // A provider's webhook, the server's own jobs, or a user (by id: audit
    // rows name no one).
    if (actor.startsWith(u"provider:"))
        return DisplayFormat::paymentProvider(actor.mid(9));
    if (actor == u"system")
        return tr("Reserva (automatic)");
    return actor;
}

QString ReservationDetailPane::actionText(const QString &action)
{
    if (action == u"reservation.create")
        return tr("Booked");
    if (action == u"reservation.cancel")
        return tr("Cancelled");
    if (action == u"reservation.expire")
        return tr("Hold expired");
    if (action == u"reservation.paid")
        return tr("Paid");
    if (action == u"reservation.refunded")
        return tr("Refunded");
    if (action == u"payment.intent_create")
        return tr("Payment started");
    if (action == u"payment.refund_required")
        return tr("Payment to refund");
    if (action == u"payment.processing")
        return tr("Payment processing");
    if (action == u"payment.succeeded")
        return tr("Payment succeeded");
    if (action == u"payment.failed")
        return tr("Payment failed");
    if (action == u"payment.canceled")
        return tr("Payment cancelled");
    if (action == u"payment.partially_refunded")
        return tr("Payment partially refunded");
    if (action == u"payment.refunded")
        return tr("Payment refunded");
    return action;
}

} // namespace reserva::ui
