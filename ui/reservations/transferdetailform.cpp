#include "transferdetailform.h"

#include "common/fielderrors.h"
#include "contract/transferdetail.h"

#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace reserva::ui {

namespace {

const QString kPrefix = QStringLiteral("trf_detail.");

QString wire(const char *field)
{
    return kPrefix + QLatin1String(field);
}

} // namespace

TransferDetailForm::TransferDetailForm(QWidget *parent)
    : QWidget(parent)
    , m_errors(new FieldErrors(this))
    , m_pickupPlace(new QLineEdit(this))
    , m_dropoffPlace(new QLineEdit(this))
    , m_pickupTime(new QDateTimeEdit(this))
    , m_passengers(new QSpinBox(this))
    , m_luggage(new QSpinBox(this))
    , m_airport(new QLineEdit(this))
    , m_flight(new QLineEdit(this))
    , m_port(new QLineEdit(this))
    , m_vessel(new QLineEdit(this))
{
    setAccessibleName(tr("Transfer details"));
    m_pickupPlace->setAccessibleName(tr("Pickup place"));
    m_pickupPlace->setPlaceholderText(tr("Hotel, terminal or address"));
    m_dropoffPlace->setAccessibleName(tr("Drop-off place"));
    m_pickupTime->setAccessibleName(tr("Pickup time"));
    m_pickupTime->setCalendarPopup(true);
    m_pickupTime->setTimeSpec(Qt::LocalTime);
    m_passengers->setAccessibleName(tr("Passengers"));
    m_passengers->setRange(1, 100);
    m_luggage->setAccessibleName(tr("Pieces of luggage"));
    m_luggage->setRange(0, 200);
    m_airport->setAccessibleName(tr("Airport code"));
    m_airport->setPlaceholderText(tr("IATA code, e.g. GRU"));
    m_airport->setMaxLength(3);
    m_flight->setAccessibleName(tr("Flight number"));
    m_flight->setPlaceholderText(tr("e.g. LA3456"));
    m_port->setAccessibleName(tr("Port"));
    m_vessel->setAccessibleName(tr("Vessel name"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Pic&kup place:"), m_errors->wrap(wire("pickup_place"), m_pickupPlace));
    form->addRow(tr("D&rop-off place:"), m_errors->wrap(wire("dropoff_place"), m_dropoffPlace));
    form->addRow(tr("Pickup &time:"), m_errors->wrap(wire("pickup_time"), m_pickupTime));
    form->addRow(tr("Pa&ssengers:"), m_errors->wrap(wire("passengers"), m_passengers));
    form->addRow(tr("L&uggage:"), m_errors->wrap(wire("luggage"), m_luggage));
    m_airportRow = m_errors->wrap(wire("airport_iata"), m_airport);
    m_flightRow = m_errors->wrap(wire("flight_number"), m_flight);
    m_portRow = m_errors->wrap(wire("port"), m_port);
    m_vesselRow = m_errors->wrap(wire("vessel_name"), m_vessel);
    form->addRow(tr("&Airport:"), m_airportRow);
    form->addRow(tr("&Flight:"), m_flightRow);
    form->addRow(tr("P&ort:"), m_portRow);
    form->addRow(tr("&Vessel:"), m_vesselRow);
    setKind(QString());
}

void TransferDetailForm::setKind(const QString &transferKind)
{
    m_kind = transferKind;
    auto *form = static_cast<QFormLayout *>(layout());
    const bool airport = transferKind == QLatin1String(transferkind::kAirportPickup);
    const bool port = transferKind == QLatin1String(transferkind::kPortTransfer);
    form->setRowVisible(m_airportRow, airport);
    form->setRowVisible(m_flightRow, airport);
    form->setRowVisible(m_portRow, port);
    form->setRowVisible(m_vesselRow, port);
    m_errors->clear();
}

void TransferDetailForm::setService(const QDateTime &startUtc, const QDateTime &endUtc)
{
    m_serviceStart = startUtc;
    m_serviceEnd = endUtc;
    if (startUtc.isValid()) {
        m_pickupTime->setDateTimeRange(startUtc.toLocalTime(),
                                       endUtc.isValid() ? endUtc.toLocalTime().addSecs(-60)
                                                        : startUtc.toLocalTime().addDays(1));
        m_pickupTime->setDateTime(startUtc.toLocalTime());
    }
}

QJsonObject TransferDetailForm::detail() const
{
    QJsonObject o{{QStringLiteral("kind"), m_kind},
                  {QStringLiteral("pickup_place"), m_pickupPlace->text()},
                  {QStringLiteral("dropoff_place"), m_dropoffPlace->text()},
                  {QStringLiteral("pickup_time"),
                   m_pickupTime->dateTime().toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("passengers"), m_passengers->value()},
                  {QStringLiteral("luggage"), m_luggage->value()}};
    if (m_kind == QLatin1String(transferkind::kAirportPickup)) {
        o.insert(QStringLiteral("airport_iata"), m_airport->text());
        o.insert(QStringLiteral("flight_number"), m_flight->text());
    } else if (m_kind == QLatin1String(transferkind::kPortTransfer)) {
        o.insert(QStringLiteral("port"), m_port->text());
        o.insert(QStringLiteral("vessel_name"), m_vessel->text());
    }
    return o;
}

QJsonObject TransferDetailForm::validate()
{
    m_errors->clear();
    TransferContext context;
    context.productTransferKind = m_kind;
    context.seats = m_seats;
    context.serviceStart = m_serviceStart;
    context.serviceEnd = m_serviceEnd;
    const Result<TransferDetail> checked = validateTransferDetail(detail(), context);
    if (checked)
        return checked->toJson();
    for (const FieldError &e : checked.problem().errors)
        m_errors->setError(e.field, hintFor(e.field.mid(kPrefix.size())));
    return {};
}

// The validator speaks the API's English; the form says the same in the
// user's language, per field.
QString TransferDetailForm::hintFor(const QString &field) const
{
    if (field == u"pickup_place")
        return tr("Say where the customer is picked up.");
    if (field == u"dropoff_place")
        return tr("Say where the customer is taken.");
    if (field == u"pickup_time")
        return tr("The pickup must be within the departure's time.");
    if (field == u"passengers")
        return tr("No more passengers than seats booked (%n).", nullptr, m_seats);
    if (field == u"luggage")
        return tr("Enter the number of pieces of luggage.");
    if (field == u"airport_iata")
        return tr("Enter the airport's 3-letter IATA code, e.g. GRU.");
    if (field == u"flight_number")
        return tr("Enter the flight number: airline code and 1 to 4 digits, e.g. LA3456.");
    if (field == u"port")
        return tr("Say at which port the customer is met.");
    if (field == u"vessel_name")
        return tr("Enter the ship's name.");
    if (field == u"kind")
        return tr("This product's transfer kind is not known to this version of Reserva.");
    return tr("Check this field.");
}

} // namespace reserva::ui
