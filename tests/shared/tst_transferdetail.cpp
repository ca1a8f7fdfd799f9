// The transfer contract's validator (shared by the server and the desktop
// form): each kind's required and forbidden fields, unknown fields, free text
// instead of the structure, ranges, normalization of codes and times, and the
// checks against the product, the seats and the slot.
#include "contract/transferdetail.h"

#include <QJsonArray>
#include <QtTest>

using namespace reserva;

namespace {

QJsonObject airport()
{
    return {{QStringLiteral("kind"), QStringLiteral("airport_pickup")},
            {QStringLiteral("pickup_place"), QStringLiteral("EZE terminal A")},
            {QStringLiteral("dropoff_place"), QStringLiteral("Hotel Alvear, Recoleta")},
            {QStringLiteral("pickup_time"), QStringLiteral("2027-03-10T09:40:00-03:00")},
            {QStringLiteral("passengers"), 2},
            {QStringLiteral("luggage"), 3},
            {QStringLiteral("airport_iata"), QStringLiteral("EZE")},
            {QStringLiteral("flight_number"), QStringLiteral("AR1140")}};
}

QJsonObject port()
{
    return {{QStringLiteral("kind"), QStringLiteral("port_transfer")},
            {QStringLiteral("pickup_place"), QStringLiteral("Terminal Benito Quinquela Martín")},
            {QStringLiteral("dropoff_place"), QStringLiteral("Hotel Faena")},
            {QStringLiteral("pickup_time"), QStringLiteral("2027-03-10T12:00:00Z")},
            {QStringLiteral("passengers"), 4},
            {QStringLiteral("luggage"), 0},
            {QStringLiteral("port"), QStringLiteral("Buenos Aires")},
            {QStringLiteral("vessel_name"), QStringLiteral("MSC Seaview")}};
}

QJsonObject hotel()
{
    return {{QStringLiteral("kind"), QStringLiteral("hotel_to_hotel")},
            {QStringLiteral("pickup_place"), QStringLiteral("Hotel Alvear")},
            {QStringLiteral("dropoff_place"), QStringLiteral("Hotel Faena")},
            {QStringLiteral("pickup_time"), QStringLiteral("2027-03-10T15:00:00Z")},
            {QStringLiteral("passengers"), 1},
            {QStringLiteral("luggage"), 1}};
}

QJsonObject with(QJsonObject o, const QString &field, const QJsonValue &value)
{
    if (value.isUndefined())
        o.remove(field);
    else
        o.insert(field, value);
    return o;
}

const QJsonValue kRemove = QJsonValue(QJsonValue::Undefined);

} // namespace

class TestTransferDetail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsEachKind_data()
    {
        QTest::addColumn<QJsonObject>("input");
        QTest::addColumn<QJsonObject>("normalized");
        QJsonObject airportOut = airport();
        airportOut.insert(QStringLiteral("pickup_time"),
                          QStringLiteral("2027-03-10T12:40:00.000Z"));
        QTest::newRow("airport_pickup") << airport() << airportOut;
        QJsonObject portOut = port();
        portOut.insert(QStringLiteral("pickup_time"), QStringLiteral("2027-03-10T12:00:00.000Z"));
        QTest::newRow("port_transfer") << port() << portOut;
        QJsonObject hotelOut = hotel();
        hotelOut.insert(QStringLiteral("pickup_time"), QStringLiteral("2027-03-10T15:00:00.000Z"));
        QTest::newRow("hotel_to_hotel") << hotel() << hotelOut;
        // Codes upper-cased and stripped of spaces, places trimmed, the time to UTC.
        QJsonObject messy = airport();
        messy.insert(QStringLiteral("airport_iata"), QStringLiteral(" eze "));
        messy.insert(QStringLiteral("flight_number"), QStringLiteral("ar 1140"));
        messy.insert(QStringLiteral("pickup_place"), QStringLiteral("  EZE terminal A "));
        messy.insert(QStringLiteral("pickup_time"), QStringLiteral("2027-03-10T14:40:00+02:00"));
        QTest::newRow("normalized") << messy << airportOut;
        QTest::newRow("airline code with a digit")
            << with(airport(), QStringLiteral("flight_number"), QStringLiteral("g3 7624"))
            << with(airportOut, QStringLiteral("flight_number"), QStringLiteral("G37624"));
        QTest::newRow("airline code digit first")
            << with(airport(), QStringLiteral("flight_number"), QStringLiteral("2Z4"))
            << with(airportOut, QStringLiteral("flight_number"), QStringLiteral("2Z4"));
        QTest::newRow("60 passengers, 100 bags")
            << with(with(hotel(), QStringLiteral("passengers"), 60), QStringLiteral("luggage"), 100)
            << with(with(hotelOut, QStringLiteral("passengers"), 60), QStringLiteral("luggage"),
                    100);
    }
    void acceptsEachKind()
    {
        QFETCH(QJsonObject, input);
        QFETCH(QJsonObject, normalized);
        const auto result = validateTransferDetail(input);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.problem().detail));
        QCOMPARE(result->toJson(), normalized);
        QCOMPARE(result->pickupTime.timeSpec(), Qt::UTC);
        // What the server answers reads back into the same detail.
        QCOMPARE(TransferDetail::fromJson(result->toJson()), std::optional(result.value()));
    }

    void refusesNamingTheField_data()
    {
        QTest::addColumn<QJsonValue>("input");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const QJsonValue &input, const char *field,
                            const char *message) {
            QTest::newRow(name) << input << QString::fromLatin1(field)
                                << QString::fromLatin1(message);
        };
        // The shape.
        row("free text", QStringLiteral("Pick up at EZE, flight AR1140, 2 pax"), "trf_detail",
            "not free text");
        row("array", QJsonArray{1}, "trf_detail", "must be an object");
        row("number", 7, "trf_detail", "must be an object");
        row("null", QJsonValue(), "trf_detail", "is required");
        row("absent", kRemove, "trf_detail", "is required");
        row("unknown field", with(hotel(), QStringLiteral("notes"), QStringLiteral("x")),
            "trf_detail.notes", "is not a known field");
        // Common fields.
        for (const char *f :
             {"kind", "pickup_place", "dropoff_place", "pickup_time", "passengers", "luggage"}) {
            QTest::newRow(qPrintable(QStringLiteral("missing ") + QLatin1String(f)))
                << QJsonValue(with(hotel(), QLatin1String(f), kRemove))
                << QStringLiteral("trf_detail.") + QLatin1String(f) << QStringLiteral("required");
        }
        row("unknown kind", with(hotel(), QStringLiteral("kind"), QStringLiteral("helicopter")),
            "trf_detail.kind", "must be airport_pickup, hotel_to_hotel or port_transfer");
        row("blank pickup place",
            with(hotel(), QStringLiteral("pickup_place"), QStringLiteral("  ")),
            "trf_detail.pickup_place", "must not be blank");
        row("place too long", with(hotel(), QStringLiteral("dropoff_place"), QString(201, u'x')),
            "trf_detail.dropoff_place", "at most 200");
        row("time without zone",
            with(hotel(), QStringLiteral("pickup_time"), QStringLiteral("2027-03-10T15:00:00")),
            "trf_detail.pickup_time", "RFC 3339");
        // An offset that moves the time out of four-digit years in UTC.
        row("time before year 1 in UTC",
            with(hotel(), QStringLiteral("pickup_time"),
                 QStringLiteral("0001-01-01T00:00:00+23:59")),
            "trf_detail.pickup_time", "RFC 3339");
        row("time after year 9999 in UTC",
            with(hotel(), QStringLiteral("pickup_time"),
                 QStringLiteral("9999-12-31T23:59:59-00:01")),
            "trf_detail.pickup_time", "RFC 3339");
        row("time not a string", with(hotel(), QStringLiteral("pickup_time"), 1700000000),
            "trf_detail.pickup_time", "must be a string");
        row("0 passengers", with(hotel(), QStringLiteral("passengers"), 0), "trf_detail.passengers",
            "between 1 and 60");
        row("61 passengers", with(hotel(), QStringLiteral("passengers"), 61),
            "trf_detail.passengers", "between 1 and 60");
        row("passengers as text", with(hotel(), QStringLiteral("passengers"), QStringLiteral("2")),
            "trf_detail.passengers", "integer");
        row("negative luggage", with(hotel(), QStringLiteral("luggage"), -1), "trf_detail.luggage",
            "between 0 and 100");
        row("101 bags", with(hotel(), QStringLiteral("luggage"), 101), "trf_detail.luggage",
            "between 0 and 100");
        // airport_pickup.
        row("airport without iata", with(airport(), QStringLiteral("airport_iata"), kRemove),
            "trf_detail.airport_iata", "is required");
        row("airport without flight", with(airport(), QStringLiteral("flight_number"), kRemove),
            "trf_detail.flight_number", "is required");
        row("airport with vessel",
            with(airport(), QStringLiteral("vessel_name"), QStringLiteral("MSC Seaview")),
            "trf_detail.vessel_name", "not allowed for kind airport_pickup");
        row("airport with port", with(airport(), QStringLiteral("port"), QStringLiteral("BA")),
            "trf_detail.port", "not allowed");
        row("iata of 4 letters",
            with(airport(), QStringLiteral("airport_iata"), QStringLiteral("SAEZ")),
            "trf_detail.airport_iata", "3-letter");
        row("iata with digits",
            with(airport(), QStringLiteral("airport_iata"), QStringLiteral("E2E")),
            "trf_detail.airport_iata", "3-letter");
        row("flight of 5 digits",
            with(airport(), QStringLiteral("flight_number"), QStringLiteral("AR11400")),
            "trf_detail.flight_number", "airline code");
        row("flight without digits",
            with(airport(), QStringLiteral("flight_number"), QStringLiteral("AR")),
            "trf_detail.flight_number", "airline code");
        row("numeric airline code",
            with(airport(), QStringLiteral("flight_number"), QStringLiteral("121140")),
            "trf_detail.flight_number", "airline code");
        row("three-letter airline code",
            with(airport(), QStringLiteral("flight_number"), QStringLiteral("ARG1140")),
            "trf_detail.flight_number", "airline code");
        row("flight with a dash",
            with(airport(), QStringLiteral("flight_number"), QStringLiteral("AR-1140")),
            "trf_detail.flight_number", "airline code");
        // port_transfer.
        row("port without port", with(port(), QStringLiteral("port"), kRemove), "trf_detail.port",
            "is required");
        row("port without vessel", with(port(), QStringLiteral("vessel_name"), kRemove),
            "trf_detail.vessel_name", "is required");
        row("port with flight",
            with(port(), QStringLiteral("flight_number"), QStringLiteral("AR1140")),
            "trf_detail.flight_number", "not allowed for kind port_transfer");
        row("port with iata", with(port(), QStringLiteral("airport_iata"), QStringLiteral("EZE")),
            "trf_detail.airport_iata", "not allowed");
        row("blank vessel", with(port(), QStringLiteral("vessel_name"), QStringLiteral(" ")),
            "trf_detail.vessel_name", "must not be blank");
        // hotel_to_hotel forbids all four.
        for (const char *f : {"airport_iata", "flight_number", "port", "vessel_name"}) {
            QTest::newRow(qPrintable(QStringLiteral("hotel with ") + QLatin1String(f)))
                << QJsonValue(with(hotel(), QLatin1String(f), QStringLiteral("X")))
                << QStringLiteral("trf_detail.") + QLatin1String(f)
                << QStringLiteral("not allowed for kind hotel_to_hotel");
        }
    }
    void refusesNamingTheField()
    {
        QFETCH(QJsonValue, input);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const auto result = validateTransferDetail(input);
        QVERIFY(!result.ok());
        QCOMPARE(result.problem().type, ProblemType::ValidationFailed);
        QCOMPARE(result.problem().status(), 400);
        QVERIFY(!result.problem().errors.isEmpty());
        const FieldError first = result.problem().errors.first();
        QCOMPARE(first.field, field);
        QVERIFY2(first.message.contains(message), qPrintable(first.message));
    }

    void reportsEveryProblemAtOnce()
    {
        QJsonObject bad = with(port(), QStringLiteral("vessel_name"), kRemove);
        bad.insert(QStringLiteral("flight_number"), QStringLiteral("AR1"));
        bad.insert(QStringLiteral("extra"), true);
        const auto result = validateTransferDetail(bad);
        QVERIFY(!result.ok());
        QStringList fields;
        for (const FieldError &e : result.problem().errors)
            fields << e.field;
        fields.sort();
        QCOMPARE(fields, QStringList({QStringLiteral("trf_detail.extra"),
                                      QStringLiteral("trf_detail.flight_number"),
                                      QStringLiteral("trf_detail.vessel_name")}));
    }

    void unknownKindReportsOnlyTheKind()
    {
        // Without a valid kind nothing else can be judged as forbidden.
        const auto result = validateTransferDetail(
            with(airport(), QStringLiteral("kind"), QStringLiteral("shuttle")));
        QVERIFY(!result.ok());
        QCOMPARE(result.problem().errors.size(), 1);
        QCOMPARE(result.problem().errors.first().field, QStringLiteral("trf_detail.kind"));
    }

    void checksTheProductKind()
    {
        TransferContext context;
        context.productTransferKind = QStringLiteral("port_transfer");
        const auto wrong = validateTransferDetail(airport(), context);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.problem().errors.first().field, QStringLiteral("trf_detail.kind"));
        QVERIFY(wrong.problem().errors.first().message.contains(u"port_transfer"));
        QVERIFY(validateTransferDetail(port(), context).ok());
    }

    void passengersFitTheSeatsBooked()
    {
        TransferContext context;
        context.seats = 3;
        QVERIFY(
            validateTransferDetail(with(hotel(), QStringLiteral("passengers"), 3), context).ok());
        QVERIFY(
            validateTransferDetail(with(hotel(), QStringLiteral("passengers"), 1), context).ok());
        const auto over =
            validateTransferDetail(with(hotel(), QStringLiteral("passengers"), 4), context);
        QVERIFY(!over.ok());
        QCOMPARE(over.problem().errors.first().field, QStringLiteral("trf_detail.passengers"));
    }

    void pickupFallsWithinTheSlot()
    {
        TransferContext context;
        context.serviceStart = QDateTime(QDate(2027, 3, 10), QTime(15, 0), Qt::UTC);
        context.serviceEnd = context.serviceStart.addSecs(3600);
        const auto at = [&](const char *time) {
            return validateTransferDetail(
                with(hotel(), QStringLiteral("pickup_time"), QLatin1String(time)), context);
        };
        QVERIFY(at("2027-03-10T15:00:00Z").ok());
        QVERIFY(at("2027-03-10T12:59:59-03:00").ok());
        for (const char *outside : {"2027-03-10T14:59:59Z", "2027-03-10T16:00:00Z"}) {
            const auto r = at(outside);
            QVERIFY2(!r.ok(), outside);
            QCOMPARE(r.problem().errors.first().field, QStringLiteral("trf_detail.pickup_time"));
        }
    }

    void transferKinds()
    {
        QCOMPARE(transferkind::all(),
                 QStringList({QStringLiteral("airport_pickup"), QStringLiteral("hotel_to_hotel"),
                              QStringLiteral("port_transfer")}));
        QVERIFY(transferkind::isKnown(QStringLiteral("hotel_to_hotel")));
        QVERIFY(!transferkind::isKnown(QStringLiteral("Hotel_to_hotel")));
        QVERIFY(!transferkind::isKnown(QString()));
    }
};

QTEST_GUILESS_MAIN(TestTransferDetail)
#include "tst_transferdetail.moc"
