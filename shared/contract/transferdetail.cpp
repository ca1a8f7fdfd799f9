#include "transferdetail.h"

#include "jsonreader.h"
#include "timeformat.h"

#include <QRegularExpression>

namespace reserva {

namespace {

using Presence = JsonObjectReader::Presence;

const QString kField = QStringLiteral("trf_detail");
const QString kIata = QStringLiteral("airport_iata");
const QString kFlight = QStringLiteral("flight_number");
const QString kPort = QStringLiteral("port");
const QString kVessel = QStringLiteral("vessel_name");

// Codes are compared and matched in one form: "ar 1140" -> "AR1140".
QString compactUpper(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (!c.isSpace())
            out.append(c.toUpper());
    }
    return out;
}

// A place or a name: trimmed, and not blank.
std::optional<QString> readText(JsonObjectReader &reader, const QString &name, Presence presence,
                                qsizetype maxLength)
{
    const auto text = reader.string(name, presence, {1, maxLength});
    if (!text)
        return std::nullopt;
    if (text->trimmed().isEmpty()) {
        reader.addError(name, QStringLiteral("must not be blank"));
        return std::nullopt;
    }
    return text->trimmed();
}

// The fields a kind requires and those it forbids; a field in neither list
// does not exist for that kind either, so every kind-specific field is one or
// the other (an airport pickup has no port, a hotel transfer no flight).
struct KindFields
{
    QStringList required;
    QStringList forbidden;
};

KindFields fieldsOf(const QString &kind)
{
    if (kind == QLatin1String(transferkind::kAirportPickup))
        return {{kIata, kFlight}, {kPort, kVessel}};
    if (kind == QLatin1String(transferkind::kPortTransfer))
        return {{kPort, kVessel}, {kIata, kFlight}};
    return {{}, {kIata, kFlight, kPort, kVessel}};
}

void readKindFields(JsonObjectReader &reader, const QString &kind, TransferDetail &out)
{
    if (!transferkind::isKnown(kind)) {
        // Without a valid kind nothing can be required or forbidden; read the
        // fields so they are not also reported as unknown.
        for (const QString &name : {kIata, kFlight, kPort, kVessel})
            reader.string(name, Presence::Optional, {0, 120});
        return;
    }
    const KindFields fields = fieldsOf(kind);
    for (const QString &name : fields.forbidden)
        reader.forbid(name, QStringLiteral("is not allowed for kind %1").arg(kind));
    if (fields.required.contains(kIata)) {
        static const QRegularExpression iata(QStringLiteral("^[A-Z]{3}$"));
        if (const auto text = reader.string(kIata, Presence::Required, {1, 16})) {
            out.airportIata = compactUpper(*text);
            if (!iata.match(out.airportIata).hasMatch())
                reader.addError(kIata, QStringLiteral("must be a 3-letter IATA airport code"));
        }
    }
    if (fields.required.contains(kFlight)) {
        // An IATA airline designator (two characters, not both digits) and a
        // flight number of 1 to 4 digits: "AR1140", "G3 7624", "2Z412".
        static const QRegularExpression flight(
            QStringLiteral("^(?:[A-Z][A-Z0-9]|[0-9][A-Z])[0-9]{1,4}$"));
        if (const auto text = reader.string(kFlight, Presence::Required, {1, 16})) {
            out.flightNumber = compactUpper(*text);
            if (!flight.match(out.flightNumber).hasMatch())
                reader.addError(kFlight,
                                QStringLiteral("must be a 2-character airline code and 1 to 4 "
                                               "digits, e.g. AR1140"));
        }
    }
    if (fields.required.contains(kPort))
        out.port = readText(reader, kPort, Presence::Required, 120).value_or(QString());
    if (fields.required.contains(kVessel))
        out.vesselName = readText(reader, kVessel, Presence::Required, 120).value_or(QString());
}

void checkContext(JsonObjectReader &reader, const TransferDetail &d, const TransferContext &c)
{
    if (!c.productTransferKind.isEmpty() && transferkind::isKnown(d.kind) &&
        d.kind != c.productTransferKind)
        reader.addError(
            QStringLiteral("kind"),
            QStringLiteral("must be %1, the product's transfer kind").arg(c.productTransferKind));
    if (c.seats > 0 && d.passengers > c.seats)
        reader.addError(QStringLiteral("passengers"),
                        QStringLiteral("must not exceed the %1 seat(s) booked").arg(c.seats));
    if (d.pickupTime.isValid() && c.serviceStart.isValid() && c.serviceEnd.isValid() &&
        (d.pickupTime < c.serviceStart || d.pickupTime >= c.serviceEnd))
        reader.addError(QStringLiteral("pickup_time"),
                        QStringLiteral("must fall within the slot, from %1 to before %2")
                            .arg(toRfc3339(c.serviceStart), toRfc3339(c.serviceEnd)));
}

} // namespace

namespace transferkind {

QStringList all()
{
    return {QLatin1String(kAirportPickup), QLatin1String(kHotelToHotel),
            QLatin1String(kPortTransfer)};
}

bool isKnown(const QString &kind)
{
    return all().contains(kind);
}

} // namespace transferkind

QJsonObject TransferDetail::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kind},
                  {QStringLiteral("pickup_place"), pickupPlace},
                  {QStringLiteral("dropoff_place"), dropoffPlace},
                  {QStringLiteral("pickup_time"), toRfc3339(pickupTime)},
                  {QStringLiteral("passengers"), passengers},
                  {QStringLiteral("luggage"), luggage}};
    if (!airportIata.isEmpty())
        o.insert(kIata, airportIata);
    if (!flightNumber.isEmpty())
        o.insert(kFlight, flightNumber);
    if (!port.isEmpty())
        o.insert(kPort, port);
    if (!vesselName.isEmpty())
        o.insert(kVessel, vesselName);
    return o;
}

std::optional<TransferDetail> TransferDetail::fromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    TransferDetail d;
    d.kind = o.value(QStringLiteral("kind")).toString();
    d.pickupPlace = o.value(QStringLiteral("pickup_place")).toString();
    d.dropoffPlace = o.value(QStringLiteral("dropoff_place")).toString();
    d.pickupTime =
        fromRfc3339(o.value(QStringLiteral("pickup_time")).toString()).value_or(QDateTime());
    d.passengers = o.value(QStringLiteral("passengers")).toInt();
    d.luggage = o.value(QStringLiteral("luggage")).toInt();
    d.airportIata = o.value(kIata).toString();
    d.flightNumber = o.value(kFlight).toString();
    d.port = o.value(kPort).toString();
    d.vesselName = o.value(kVessel).toString();
    return d;
}

Result<TransferDetail> validateTransferDetail(const QJsonValue &value,
                                              const TransferContext &context)
{
    if (value.isUndefined() || value.isNull())
        return Problem::field(kField, QStringLiteral("is required for a transfer"));
    if (value.isString())
        return Problem::field(kField, QStringLiteral("must be an object with the transfer's "
                                                     "fields, not free text"));
    if (!value.isObject())
        return Problem::field(kField, QStringLiteral("must be an object"));

    JsonObjectReader reader(value.toObject(), kField);
    TransferDetail d;
    const auto kind = reader.string(QStringLiteral("kind"), Presence::Required, {1, 32});
    if (kind && !transferkind::isKnown(*kind))
        reader.addError(QStringLiteral("kind"),
                        QStringLiteral("must be airport_pickup, hotel_to_hotel or port_transfer"));
    d.kind = kind.value_or(QString());
    d.pickupPlace = readText(reader, QStringLiteral("pickup_place"), Presence::Required, 200)
                        .value_or(QString());
    d.dropoffPlace = readText(reader, QStringLiteral("dropoff_place"), Presence::Required, 200)
                         .value_or(QString());
    d.pickupTime =
        reader.time(QStringLiteral("pickup_time"), Presence::Required).value_or(QDateTime());
    d.passengers =
        int(reader.integer(QStringLiteral("passengers"), Presence::Required, 1, 60).value_or(0));
    d.luggage =
        int(reader.integer(QStringLiteral("luggage"), Presence::Required, 0, 100).value_or(0));
    readKindFields(reader, d.kind, d);
    checkContext(reader, d, context);
    if (auto problem = reader.finish())
        return *problem;
    return d;
}

} // namespace reserva
