// The transfer contract through the API: transfer products declare their
// transfer_kind; a reservation of a transfer must carry a valid trf_detail
// (stored normalized and answered back), any other reservation must not; and
// a refused booking writes nothing.
#include "bookingfixture.h"
#include "contract/timeformat.h"
#include "manualclock.h"

#include <QJsonArray>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;

class TestTransferBooking : public QObject
{
    Q_OBJECT

private:
    QJsonObject detail(const QJsonObject &fields = {}) const
    {
        QJsonObject d{{QStringLiteral("kind"), QStringLiteral("airport_pickup")},
                      {QStringLiteral("pickup_place"), QStringLiteral("EZE terminal A")},
                      {QStringLiteral("dropoff_place"), QStringLiteral("Hotel Alvear")},
                      {QStringLiteral("pickup_time"), toRfc3339(m_slotStart.addSecs(30 * 60))},
                      {QStringLiteral("passengers"), 2},
                      {QStringLiteral("luggage"), 3},
                      {QStringLiteral("airport_iata"), QStringLiteral("eze")},
                      {QStringLiteral("flight_number"), QStringLiteral("ar 1140")}};
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (it.value().isNull())
                d.remove(it.key());
            else
                d.insert(it.key(), it.value());
        }
        return d;
    }

    test::TestResponse book(const QUuid &slot, const QJsonValue &trf, int quantity = 2)
    {
        QJsonObject body = BookingFixture::bookingBody(slot, quantity);
        if (!trf.isUndefined())
            body.insert(QStringLiteral("trf_detail"), trf);
        const auto http = m_fixture->clientAs(m_tenant.staffToken);
        return BookingFixture::book(*http, body,
                                    QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    }

    test::TestResponse product(const QByteArray &method, const QString &path,
                               const QJsonObject &body)
    {
        return m_fixture->clientAs(m_tenant.managerToken)
            ->request(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::TestServer>(m_clock);
        m_fixture = std::make_unique<BookingFixture>(*m_server);
        m_tenant = m_fixture->addTenant(QStringLiteral("trf"));
        m_slotStart = m_clock.now().addDays(7);
        m_transfer = m_fixture->createProduct(
            m_tenant.managerToken,
            {{QStringLiteral("kind"), QStringLiteral("transfer")},
             {QStringLiteral("transfer_kind"), QStringLiteral("airport_pickup")}});
        m_tour = m_fixture->createProduct(m_tenant.managerToken,
                                          {{QStringLiteral("kind"), QStringLiteral("tour")}});
        QVERIFY(!m_transfer.isNull() && !m_tour.isNull());
        m_transferSlot =
            m_fixture->createSlot(m_tenant.managerToken, m_transfer, m_slotStart, 20, 120);
        m_tourSlot = m_fixture->createSlot(m_tenant.managerToken, m_tour, m_slotStart, 20, 120);
        QVERIFY(!m_transferSlot.isNull() && !m_tourSlot.isNull());
    }
    void cleanupTestCase()
    {
        m_fixture.reset();
        m_server.reset();
    }

    void transferBookingStoresTheNormalizedDetail()
    {
        const auto r = book(m_transferSlot, detail());
        QCOMPARE(r.status, 201);
        const QJsonObject answered = r.json().value(u"trf_detail").toObject();
        QCOMPARE(answered.value(u"airport_iata").toString(), QStringLiteral("EZE"));
        QCOMPARE(answered.value(u"flight_number").toString(), QStringLiteral("AR1140"));
        QCOMPARE(answered.value(u"pickup_time").toString(), toRfc3339(m_slotStart.addSecs(1800)));
        QVERIFY(!answered.contains(u"vessel_name"));
        const QString id = r.json().value(u"id").toString();
        const auto read =
            m_fixture->clientAs(m_tenant.staffToken)->get(QStringLiteral("/v1/reservations/") + id);
        // The answer is built before the row is written (a deferred insert):
        // the reservation as read back is the one answered, member for member.
        QCOMPARE(read.json(), r.json());
        QCOMPARE(BookingFixture::count(
                     m_server->appDb(),
                     QStringLiteral("SELECT count(*) FROM reservations WHERE id = ?::uuid"
                                    " AND trf_detail->>'flight_number' = 'AR1140'"),
                     {id}),
                 qint64(1));
    }

    void otherBookingsCarryNone()
    {
        const auto r = book(m_tourSlot, QJsonValue(QJsonValue::Undefined));
        QCOMPARE(r.status, 201);
        QVERIFY(r.json().value(u"trf_detail").isNull());
    }

    void refusedNamingTheField_data()
    {
        QTest::addColumn<bool>("transfer");
        QTest::addColumn<QJsonValue>("trf");
        QTest::addColumn<int>("quantity");
        QTest::addColumn<QString>("field");
        const QJsonValue absent(QJsonValue::Undefined);
        QTest::newRow("transfer without detail")
            << true << absent << 2 << QStringLiteral("trf_detail");
        QTest::newRow("free text") << true << QJsonValue(QStringLiteral("EZE AR1140 2 pax")) << 2
                                   << QStringLiteral("trf_detail");
        QTest::newRow("kind of another product")
            << true
            << QJsonValue(detail({{QStringLiteral("kind"), QStringLiteral("hotel_to_hotel")},
                                  {QStringLiteral("airport_iata"), QJsonValue()},
                                  {QStringLiteral("flight_number"), QJsonValue()}}))
            << 2 << QStringLiteral("trf_detail.kind");
        QTest::newRow("missing flight")
            << true << QJsonValue(detail({{QStringLiteral("flight_number"), QJsonValue()}})) << 2
            << QStringLiteral("trf_detail.flight_number");
        QTest::newRow("forbidden vessel")
            << true << QJsonValue(detail({{QStringLiteral("vessel_name"), QStringLiteral("MSC")}}))
            << 2 << QStringLiteral("trf_detail.vessel_name");
        QTest::newRow("unknown field")
            << true << QJsonValue(detail({{QStringLiteral("notes"), QStringLiteral("x")}})) << 2
            << QStringLiteral("trf_detail.notes");
        QTest::newRow("more passengers than seats")
            << true << QJsonValue(detail()) << 1 << QStringLiteral("trf_detail.passengers");
        QTest::newRow("pickup after the slot")
            << true
            << QJsonValue(
                   detail({{QStringLiteral("pickup_time"), toRfc3339(m_slotStart.addSecs(7200))}}))
            << 2 << QStringLiteral("trf_detail.pickup_time");
        QTest::newRow("detail on a tour")
            << false << QJsonValue(detail()) << 2 << QStringLiteral("trf_detail");
    }
    void refusedNamingTheField()
    {
        QFETCH(bool, transfer);
        QFETCH(QJsonValue, trf);
        QFETCH(int, quantity);
        QFETCH(QString, field);
        const test::WriteCounts before = BookingFixture::writeCounts(m_server->appDb());
        const auto r = book(transfer ? m_transferSlot : m_tourSlot, trf, quantity);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.problemSlug(), QStringLiteral("validation-failed"));
        QCOMPARE(BookingFixture::problemField(r), field);
        test::WriteCounts after = BookingFixture::writeCounts(m_server->appDb());
        after.idempotencyKeys = before.idempotencyKeys; // the refusal is replayable
        QCOMPARE(after, before);
    }

    void productsDeclareTheirTransferKind()
    {
        const QString products = QStringLiteral("/v1/products");
        const QJsonObject base{{QStringLiteral("name"), QStringLiteral("Port run")},
                               {QStringLiteral("price_minor"), 1000},
                               {QStringLiteral("currency"), QStringLiteral("USD")}};
        auto with = [&](const QJsonObject &extra) {
            QJsonObject o = base;
            for (auto it = extra.begin(); it != extra.end(); ++it)
                o.insert(it.key(), it.value());
            return o;
        };
        const auto missing =
            product("POST", products, with({{QStringLiteral("kind"), QStringLiteral("transfer")}}));
        QCOMPARE(missing.status, 400);
        QCOMPARE(BookingFixture::problemField(missing), QStringLiteral("transfer_kind"));
        const auto unknown =
            product("POST", products,
                    with({{QStringLiteral("kind"), QStringLiteral("transfer")},
                          {QStringLiteral("transfer_kind"), QStringLiteral("boat")}}));
        QCOMPARE(BookingFixture::problemField(unknown), QStringLiteral("transfer_kind"));
        const auto onTour =
            product("POST", products,
                    with({{QStringLiteral("kind"), QStringLiteral("tour")},
                          {QStringLiteral("transfer_kind"), QStringLiteral("port_transfer")}}));
        QCOMPARE(onTour.status, 400);
        QCOMPARE(BookingFixture::problemField(onTour), QStringLiteral("transfer_kind"));
        const auto created =
            product("POST", products,
                    with({{QStringLiteral("kind"), QStringLiteral("transfer")},
                          {QStringLiteral("transfer_kind"), QStringLiteral("port_transfer")}}));
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(u"transfer_kind").toString(),
                 QStringLiteral("port_transfer"));
        const QString path = products + u'/' + created.json().value(u"id").toString();
        // Becoming a tour clears the kind; becoming a transfer again needs one.
        const auto tour =
            product("PATCH", path, {{QStringLiteral("kind"), QStringLiteral("tour")}});
        QCOMPARE(tour.status, 200);
        QVERIFY(tour.json().value(u"transfer_kind").isNull());
        const auto back =
            product("PATCH", path, {{QStringLiteral("kind"), QStringLiteral("transfer")}});
        QCOMPARE(back.status, 400);
        QCOMPARE(BookingFixture::problemField(back), QStringLiteral("transfer_kind"));
        const auto kindOnTour = product(
            "PATCH", path, {{QStringLiteral("transfer_kind"), QStringLiteral("hotel_to_hotel")}});
        QCOMPARE(kindOnTour.status, 400);
        const auto again =
            product("PATCH", path,
                    {{QStringLiteral("kind"), QStringLiteral("transfer")},
                     {QStringLiteral("transfer_kind"), QStringLiteral("hotel_to_hotel")}});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"transfer_kind").toString(), QStringLiteral("hotel_to_hotel"));
        // The database holds the rule too.
        QCOMPARE(BookingFixture::count(
                     m_server->appDb(),
                     QStringLiteral("SELECT count(*) FROM products WHERE"
                                    " (kind = 'transfer') <> (transfer_kind IS NOT NULL)")),
                 qint64(0));
    }

private:
    test::ManualClock m_clock;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_fixture;
    test::BookingTenant m_tenant;
    QDateTime m_slotStart;
    QUuid m_transfer;
    QUuid m_tour;
    QUuid m_transferSlot;
    QUuid m_tourSlot;
};

QTEST_GUILESS_MAIN(TestTransferBooking)
#include "tst_transferbooking.moc"
