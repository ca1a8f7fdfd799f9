// GET /v1/dashboard against the real PostgreSQL: every section's numbers
// for a scenario built through the API (bookings, holds that ran out, paid
// and partially refunded payments, a double payment flagged for refund),
// tenant isolation, who may ask (auditors may not), parameters that are
// refused with a 400 naming them, and calendar days in the caller's zone
// (a day that differs from UTC's, and a 23-hour DST day).
#include "contract/timeformat.h"
#include "contractrecorder.h"
#include "domain/role.h"
#include "manualclock.h"
#include "paymentfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUrl>
#include <QUrlQuery>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;
using test::Payable;
using test::PaymentFixture;

namespace {

constexpr qint64 kUsdPrice = 12500;
constexpr qint64 kArsPrice = 30000;
constexpr qint64 kSouthPrice = 9900;

QDateTime utc(const QString &text)
{
    return fromRfc3339(text).value_or(QDateTime());
}

QString id(const QUuid &uuid)
{
    return BookingFixture::idText(uuid);
}

QJsonArray items(const QJsonObject &dashboard, const QString &section)
{
    return dashboard.value(section).toObject().value(u"items").toArray();
}

// The slot ids of a section, in the server's order.
QStringList slotIds(const QJsonObject &dashboard, const QString &section)
{
    QStringList out;
    for (const QJsonValue &v : items(dashboard, section))
        out << v.toObject().value(u"slot_id").toString();
    return out;
}

QJsonObject slotIn(const QJsonObject &dashboard, const QString &section, const QUuid &slot)
{
    for (const QJsonValue &v : items(dashboard, section)) {
        if (v.toObject().value(u"slot_id").toString() == id(slot))
            return v.toObject();
    }
    return {};
}

// "capacity/taken/paid" of a slot in a section, or "missing".
QString seats(const QJsonObject &dashboard, const QString &section, const QUuid &slot)
{
    const QJsonObject s = slotIn(dashboard, section, slot);
    if (s.isEmpty())
        return QStringLiteral("missing");
    return QStringLiteral("%1/%2/%3")
        .arg(s.value(u"capacity").toInt())
        .arg(s.value(u"seats_taken").toInt())
        .arg(s.value(u"seats_paid").toInt());
}

// {currency: "reservations/seats/amount"} of pending_payments.
QMap<QString, QString> pending(const QJsonObject &dashboard)
{
    QMap<QString, QString> out;
    for (const QJsonValue &v :
         dashboard.value(u"pending_payments").toObject().value(u"by_currency").toArray()) {
        const QJsonObject t = v.toObject();
        out.insert(t.value(u"currency").toString(), QStringLiteral("%1/%2/%3")
                                                        .arg(t.value(u"reservations").toInt())
                                                        .arg(t.value(u"seats").toInt())
                                                        .arg(t.value(u"amount_minor").toInteger()));
    }
    return out;
}

// {"date currency": "amount/refunded/payments"} of the revenue days that have
// any; and the list of every date, in order.
QMap<QString, QString> revenue(const QJsonObject &dashboard, QStringList *dates = nullptr)
{
    QMap<QString, QString> out;
    for (const QJsonValue &d : dashboard.value(u"revenue").toObject().value(u"days").toArray()) {
        const QString date = d.toObject().value(u"date").toString();
        if (dates)
            *dates << date;
        for (const QJsonValue &v : d.toObject().value(u"by_currency").toArray()) {
            const QJsonObject t = v.toObject();
            out.insert(date + u' ' + t.value(u"currency").toString(),
                       QStringLiteral("%1/%2/%3")
                           .arg(t.value(u"amount_minor").toInteger())
                           .arg(t.value(u"refunded_minor").toInteger())
                           .arg(t.value(u"payments").toInt()));
        }
    }
    return out;
}

QStringList holdIds(const QJsonObject &dashboard)
{
    QStringList out;
    for (const QJsonValue &v : items(dashboard, QStringLiteral("expiring_holds")))
        out << v.toObject().value(u"reservation_id").toString();
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private:
    DbConnection &db() { return m_server->appDb(); }

    test::TestResponse get(const QString &token, const QList<QPair<QString, QString>> &query = {})
    {
        QUrlQuery q;
        for (const auto &[name, value] : query)
            q.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        const QString target =
            QStringLiteral("/v1/dashboard") +
            (query.isEmpty() ? QString() : u'?' + q.toString(QUrl::FullyEncoded));
        if (token.isEmpty())
            return m_server->client().get(target);
        return m_booking->clientAs(token)->get(target);
    }

    QJsonObject dashboard(const QString &token, const QList<QPair<QString, QString>> &query = {})
    {
        const test::TestResponse r = get(token, query);
        if (r.status != 200)
            qWarning("dashboard: %d %s", r.status, r.body.constData());
        return r.status == 200 ? r.json() : QJsonObject();
    }

    QUuid slot(const test::BookingTenant &tenant, const QUuid &product, const QString &startsAt,
               int capacity)
    {
        const QUuid s =
            m_booking->createSlot(tenant.managerToken, product, utc(startsAt), capacity, 60);
        if (s.isNull())
            qWarning("slot at %s not created", qPrintable(startsAt));
        return s;
    }

    QUuid book(const test::BookingTenant &tenant, const QUuid &slot, int quantity)
    {
        const test::TestResponse r =
            BookingFixture::book(*m_booking->clientAs(tenant.staffToken), slot, quantity,
                                 QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        if (r.status != 201)
            qWarning("book: %d %s", r.status, r.body.constData());
        return QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
    }

    // The provider says the intent succeeded (a verified Stripe webhook, at the clock's now).
    QString succeed(const Payable &p, const QString &currency)
    {
        const QByteArray body = PaymentFixture::stripeEvent(
            QStringLiteral("evt_") + QUuid::createUuid().toString(QUuid::Id128),
            QStringLiteral("payment_intent.succeeded"),
            PaymentFixture::stripeIntentObject(p.ref, p.amount, currency,
                                               QStringLiteral("succeeded")));
        return PaymentFixture::outcomeOf(m_payments->postStripeSigned(body, m_clock.now()));
    }

    QString refund(const Payable &p, qint64 refunded, const QString &currency)
    {
        const QByteArray body = PaymentFixture::stripeEvent(
            QStringLiteral("evt_") + QUuid::createUuid().toString(QUuid::Id128),
            QStringLiteral("charge.refunded"),
            PaymentFixture::stripeChargeObject(p.ref, p.amount, refunded, false, currency));
        return PaymentFixture::outcomeOf(m_payments->postStripeSigned(body, m_clock.now()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Every response of this suite must be one the OpenAPI document allows.
        test::ContractRecorder::enable();
        m_clock.set(utc(QStringLiteral("2025-03-20T12:00:00Z")));
        m_server = std::make_unique<test::TestServer>(m_clock, [this](ServerConfig &c) {
            c.runBackgroundJobs = false; // no sweeper: expired holds stay until read
            c.holdSeconds = 900;
            c.tokens.accessTokenSeconds = 60 * 24 * 3600;
            PaymentFixture::configure(c, m_apis);
        });
        m_booking = std::make_unique<BookingFixture>(*m_server);
        m_payments = std::make_unique<PaymentFixture>(*m_server);
        m_north = m_booking->addTenant(QStringLiteral("north"));
        m_south = m_booking->addTenant(QStringLiteral("south"));
        m_east = m_booking->addTenant(QStringLiteral("east"));
        m_admin = m_booking->addUser(QStringLiteral("dash-admin"), {role::kAdmin});
        m_auditor = m_booking->addUser(QStringLiteral("dash-auditor"), {role::kAuditor});
        m_tenantAuditor =
            m_booking->addUser(QStringLiteral("dash-north-auditor"), {role::kAuditor}, m_north.id);

        const QUuid walk = m_booking->createProduct(
            m_north.managerToken, {{QStringLiteral("name"), QStringLiteral("Glacier walk")},
                                   {QStringLiteral("price_minor"), kUsdPrice},
                                   {QStringLiteral("currency"), QStringLiteral("USD")}});
        const QUuid tango = m_booking->createProduct(
            m_north.managerToken, {{QStringLiteral("name"), QStringLiteral("Tango night")},
                                   {QStringLiteral("price_minor"), kArsPrice},
                                   {QStringLiteral("currency"), QStringLiteral("ARS")}});
        const QUuid south = m_booking->createProduct(
            m_south.managerToken, {{QStringLiteral("name"), QStringLiteral("Sugarloaf")},
                                   {QStringLiteral("price_minor"), kSouthPrice},
                                   {QStringLiteral("currency"), QStringLiteral("USD")}});
        m_eastProduct = m_booking->createProduct(
            m_east.managerToken, {{QStringLiteral("name"), QStringLiteral("Harbour cruise")},
                                  {QStringLiteral("price_minor"), 1000},
                                  {QStringLiteral("currency"), QStringLiteral("USD")}});
        QVERIFY(!walk.isNull() && !tango.isNull() && !south.isNull() && !m_eastProduct.isNull());

        // North's departures around "today" (2025-03-26 in UTC).
        m_pastSlot = slot(m_north, tango, QStringLiteral("2025-03-24T10:00:00Z"), 5);
        m_earlyToday = slot(m_north, tango, QStringLiteral("2025-03-26T08:00:00Z"), 5);
        m_lateToday = slot(m_north, walk, QStringLiteral("2025-03-26T18:00:00Z"), 10);
        m_tomorrow = slot(m_north, walk, QStringLiteral("2025-03-27T09:00:00Z"), 8);
        m_day13 = slot(m_north, tango, QStringLiteral("2025-04-08T10:00:00Z"), 4);
        m_day14 = slot(m_north, walk, QStringLiteral("2025-04-09T00:00:00Z"), 4);
        m_southToday = slot(m_south, south, QStringLiteral("2025-03-26T15:00:00Z"), 6);
        QVERIFY(!m_pastSlot.isNull() && !m_earlyToday.isNull() && !m_lateToday.isNull() &&
                !m_tomorrow.isNull() && !m_day13.isNull() && !m_day14.isNull() &&
                !m_southToday.isNull());
        // East's, for the day boundaries (see dayBoundariesFollowTheTimeZone).
        const QStringList eastTimes{
            QStringLiteral("2025-03-29T14:00:00Z"), QStringLiteral("2025-03-29T22:59:59Z"),
            QStringLiteral("2025-03-29T23:00:00Z"), QStringLiteral("2025-03-30T02:00:00Z"),
            QStringLiteral("2025-03-30T14:59:59Z"), QStringLiteral("2025-03-30T15:00:00Z"),
            QStringLiteral("2025-03-30T21:59:59Z"), QStringLiteral("2025-03-30T22:00:00Z")};
        for (const QString &t : eastTimes) {
            m_eastSlots.insert(t, slot(m_east, m_eastProduct, t, 20));
            QVERIFY(!m_eastSlots.value(t).isNull());
        }

        // 2025-03-23: Tango paid (2 seats, ARS 60000) and 10000 of it refunded;
        // another booking paid twice: the second payment is flagged for
        // refund and is not revenue. South is paid too.
        m_clock.set(utc(QStringLiteral("2025-03-23T10:00:00Z")));
        const Payable refunded =
            m_payments->payable(m_north, m_pastSlot, QStringLiteral("stripe"), 2);
        QCOMPARE(refunded.amount, 2 * kArsPrice);
        QCOMPARE(succeed(refunded, QStringLiteral("ars")), QStringLiteral("applied"));
        QCOMPARE(refund(refunded, 10000, QStringLiteral("ars")), QStringLiteral("applied"));
        Payable twice = m_payments->payable(m_north, m_earlyToday, QStringLiteral("stripe"), 1);
        const Payable first = twice;
        QVERIFY(m_payments->addIntent(m_north, twice, QStringLiteral("stripe")));
        QVERIFY(twice.intent != first.intent);
        QCOMPARE(succeed(first, QStringLiteral("ars")), QStringLiteral("applied"));
        QCOMPARE(succeed(twice, QStringLiteral("ars")), QStringLiteral("refund_required"));
        const Payable southPaid =
            m_payments->payable(m_south, m_southToday, QStringLiteral("stripe"), 1);
        QCOMPARE(succeed(southPaid, QStringLiteral("usd")), QStringLiteral("applied"));

        // 2025-03-26 12:00 UTC: a hold that runs out unswept (3 seats tomorrow),
        // one that ends in 9 minutes at query time, one in 15, and a payment.
        m_clock.set(utc(QStringLiteral("2025-03-26T12:00:00Z")));
        m_expired = book(m_north, m_tomorrow, 3);
        m_clock.set(utc(QStringLiteral("2025-03-26T12:10:00Z")));
        m_soonHold = book(m_north, m_day13, 1); // expires 12:25
        m_clock.set(utc(QStringLiteral("2025-03-26T12:16:00Z")));
        const Payable paid = m_payments->payable(m_north, m_lateToday, QStringLiteral("stripe"), 2);
        QCOMPARE(succeed(paid, QStringLiteral("usd")), QStringLiteral("applied"));
        m_laterHold = book(m_north, m_lateToday, 1); // expires 12:31
        m_southHold = book(m_south, m_southToday, 2);
        QVERIFY(!m_expired.isNull() && !m_soonHold.isNull() && !m_laterHold.isNull() &&
                !m_southHold.isNull());
        QCOMPARE(BookingFixture::statusOf(db(), m_expired), QStringLiteral("pending_payment"));
    }
    void cleanupTestCase()
    {
        m_payments.reset();
        m_booking.reset();
        m_server.reset();
        RESERVA_VERIFY_RECORDED_RESPONSES();
    }
    void cleanup() { QCOMPARE(PaymentFixture::invariantViolations(db()), QString()); }

    void sectionsHoldTheTenantsNumbers()
    {
        const QJsonObject d = dashboard(m_north.staffToken);
        QVERIFY(!d.isEmpty());
        QCOMPARE(d.value(u"tz").toString(), QStringLiteral("UTC"));
        QCOMPARE(d.value(u"today").toString(), QStringLiteral("2025-03-26"));
        QCOMPARE(d.value(u"tenant_id").toString(), id(m_north.id));

        // Today's departures, soonest first: the one that already left
        // included. seats: capacity/taken/paid.
        QCOMPARE(slotIds(d, QStringLiteral("departures_today")),
                 QStringList({id(m_earlyToday), id(m_lateToday)}));
        QCOMPARE(seats(d, QStringLiteral("departures_today"), m_earlyToday),
                 QStringLiteral("5/1/1"));
        QCOMPARE(seats(d, QStringLiteral("departures_today"), m_lateToday),
                 QStringLiteral("10/3/2"));
        QCOMPARE(slotIn(d, QStringLiteral("departures_today"), m_lateToday)
                     .value(u"product_name")
                     .toString(),
                 QStringLiteral("Glacier walk"));

        // Occupancy: 14 calendar days from the start of today; the hold that
        // ran out at 12:15 is free although the sweeper has not released it.
        QCOMPARE(slotIds(d, QStringLiteral("occupancy")),
                 QStringList({id(m_earlyToday), id(m_lateToday), id(m_tomorrow), id(m_day13)}));
        QCOMPARE(BookingFixture::seatsTaken(db(), m_tomorrow), 3);
        QCOMPARE(seats(d, QStringLiteral("occupancy"), m_tomorrow), QStringLiteral("8/0/0"));
        QCOMPARE(seats(d, QStringLiteral("occupancy"), m_day13), QStringLiteral("4/1/0"));
        QCOMPARE(d.value(u"occupancy").toObject().value(u"from").toString(),
                 QStringLiteral("2025-03-26T00:00:00.000Z"));
        QCOMPARE(d.value(u"occupancy").toObject().value(u"to").toString(),
                 QStringLiteral("2025-04-09T00:00:00.000Z"));

        // Pending payments: live holds only (the expired one is not awaited).
        QMap<QString, QString> expectedPending{
            {QStringLiteral("ARS"), QStringLiteral("1/1/%1").arg(kArsPrice)},
            {QStringLiteral("USD"), QStringLiteral("1/1/%1").arg(kUsdPrice)}};
        QCOMPARE(pending(d), expectedPending);

        // Holds ending within 30 minutes (default), soonest first; without customers.
        QCOMPARE(holdIds(d), QStringList({id(m_soonHold), id(m_laterHold)}));
        const QJsonObject hold = items(d, QStringLiteral("expiring_holds")).first().toObject();
        QCOMPARE(hold.value(u"product_name").toString(), QStringLiteral("Tango night"));
        QCOMPARE(hold.value(u"quantity").toInt(), 1);
        QCOMPARE(hold.value(u"hold_expires_at").toString(),
                 QStringLiteral("2025-03-26T12:25:00.000Z"));
        QVERIFY(!QJsonDocument(d).toJson().contains("ana@example.com"));
        QVERIFY(!QJsonDocument(d).toJson().contains("Ana Pereira"));
        const QJsonObject within10 =
            dashboard(m_north.staffToken,
                      {{QStringLiteral("expiring_within_minutes"), QStringLiteral("10")}});
        QCOMPARE(holdIds(within10), QStringList({id(m_soonHold)}));
        QCOMPARE(within10.value(u"expiring_holds").toObject().value(u"within_minutes").toInt(), 10);

        // Revenue: 14 days up to today, every day listed; by the day the
        // money arrived, net of the refund, without the flagged double payment.
        QStringList dates;
        const QMap<QString, QString> money = revenue(d, &dates);
        QCOMPARE(dates.size(), 14);
        QCOMPARE(dates.first(), QStringLiteral("2025-03-13"));
        QCOMPARE(dates.last(), QStringLiteral("2025-03-26"));
        QMap<QString, QString> expectedMoney{
            {QStringLiteral("2025-03-23 ARS"),
             QStringLiteral("%1/10000/2").arg(2 * kArsPrice - 10000 + kArsPrice)},
            {QStringLiteral("2025-03-26 USD"), QStringLiteral("%1/0/1").arg(2 * kUsdPrice)}};
        QCOMPARE(money, expectedMoney);
    }

    void partnersSeeOnlyTheirTenant()
    {
        const QJsonObject south = dashboard(m_south.managerToken);
        QCOMPARE(slotIds(south, QStringLiteral("departures_today")),
                 QStringList({id(m_southToday)}));
        QCOMPARE(seats(south, QStringLiteral("departures_today"), m_southToday),
                 QStringLiteral("6/3/1"));
        QCOMPARE(slotIds(south, QStringLiteral("occupancy")), QStringList({id(m_southToday)}));
        QCOMPARE(holdIds(south), QStringList({id(m_southHold)}));
        QCOMPARE(pending(south),
                 (QMap<QString, QString>{
                     {QStringLiteral("USD"), QStringLiteral("1/2/%1").arg(2 * kSouthPrice)}}));
        QCOMPARE(revenue(south),
                 (QMap<QString, QString>{{QStringLiteral("2025-03-23 USD"),
                                          QStringLiteral("%1/0/1").arg(kSouthPrice)}}));

        // Naming another tenant does not widen the view: 404, as for any of
        // its resources; naming one's own is the same answer as without.
        const test::TestResponse other =
            get(m_south.staffToken, {{QStringLiteral("tenant_id"), id(m_north.id)}});
        QCOMPARE(other.status, 404);
        QVERIFY(!other.body.contains(id(m_lateToday).toLatin1()));
        QCOMPARE(dashboard(m_south.staffToken, {{QStringLiteral("tenant_id"), id(m_south.id)}}),
                 south);

        // An administrator sees every tenant, or the one it names, exactly as
        // that tenant's own people see it.
        const QJsonObject all = dashboard(m_admin);
        QVERIFY(all.value(u"tenant_id").isNull());
        QCOMPARE(sorted(slotIds(all, QStringLiteral("departures_today"))),
                 sorted({id(m_earlyToday), id(m_lateToday), id(m_southToday)}));
        QCOMPARE(pending(all).value(QStringLiteral("USD")),
                 QStringLiteral("2/3/%1").arg(kUsdPrice + 2 * kSouthPrice));
        QCOMPARE(revenue(all).value(QStringLiteral("2025-03-23 USD")),
                 QStringLiteral("%1/0/1").arg(kSouthPrice));
        QCOMPARE(dashboard(m_admin, {{QStringLiteral("tenant_id"), id(m_north.id)}}),
                 dashboard(m_north.managerToken));
    }

    void onlyOperationsStaffMayAsk()
    {
        const test::TestResponse none = get(QString());
        QCOMPARE(none.status, 401);
        QCOMPARE(none.problemSlug(), QStringLiteral("unauthorized"));
        for (const QString &token : {m_auditor, m_tenantAuditor}) {
            const test::TestResponse r = get(token);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.header("content-type"), QByteArray("application/problem+json"));
            QVERIFY(!r.body.contains("seats"));
        }
        for (const QString &token : {m_admin, m_north.managerToken, m_north.staffToken})
            QCOMPARE(get(token).status, 200);
    }

    void badParametersAreRefusedNamingThem_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("unknown zone")
            << QStringLiteral("tz") << QStringLiteral("Mars/Olympus_Mons");
        QTest::newRow("offset, not a zone") << QStringLiteral("tz") << QStringLiteral("UTC+03:00");
        QTest::newRow("POSIX rule") << QStringLiteral("tz") << QStringLiteral("ABC-3");
        QTest::newRow("lower case") << QStringLiteral("tz") << QStringLiteral("america/sao_paulo");
        QTest::newRow("path") << QStringLiteral("tz") << QStringLiteral("../../etc/passwd");
        QTest::newRow("trailing space") << QStringLiteral("tz") << QStringLiteral("Europe/Madrid ");
        QTest::newRow("tenant not a uuid")
            << QStringLiteral("tenant_id") << QStringLiteral("north");
        QTest::newRow("window zero")
            << QStringLiteral("expiring_within_minutes") << QStringLiteral("0");
        QTest::newRow("window too long")
            << QStringLiteral("expiring_within_minutes") << QStringLiteral("1441");
        QTest::newRow("window not a number")
            << QStringLiteral("expiring_within_minutes") << QStringLiteral("soon");
    }
    void badParametersAreRefusedNamingThem()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        const test::WriteCounts before = BookingFixture::writeCounts(db());
        const test::TestResponse r = get(m_north.managerToken, {{name, value}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.header("content-type"), QByteArray("application/problem+json"));
        QCOMPARE(BookingFixture::problemField(r), name);
        QVERIFY(!r.body.contains("departures_today"));
        QCOMPARE(BookingFixture::writeCounts(db()), before);
    }

    // East's departures at 14:00, 22:59:59, 23:00 on the 29th and 02:00,
    // 14:59:59, 15:00, 21:59:59, 22:00 on the 30th (UTC). At 23:30 UTC on the
    // 29th it is still the 29th in UTC and in São Paulo (20:30), already the
    // 30th in Tokyo (08:30); on the 30th Madrid moves to summer time, a
    // 23-hour day from 23:00 UTC on the 29th to 22:00 UTC on the 30th.
    void dayBoundariesFollowTheTimeZone()
    {
        const auto slotsAt = [this](const QStringList &times) {
            QStringList out;
            for (const QString &t : times)
                out << id(m_eastSlots.value(QStringLiteral("2025-03-") + t));
            return out;
        };
        // A payment at 16:00 UTC on the 29th: 01:00 on the 30th in Tokyo.
        m_clock.set(utc(QStringLiteral("2025-03-29T16:00:00Z")));
        const Payable paid =
            m_payments->payable(m_east, m_eastSlots.value(QStringLiteral("2025-03-30T15:00:00Z")),
                                QStringLiteral("stripe"), 1);
        QCOMPARE(succeed(paid, QStringLiteral("usd")), QStringLiteral("applied"));

        m_clock.set(utc(QStringLiteral("2025-03-29T23:30:00Z")));
        const QJsonObject inUtc = dashboard(m_east.staffToken);
        QCOMPARE(inUtc.value(u"today").toString(), QStringLiteral("2025-03-29"));
        QCOMPARE(slotIds(inUtc, QStringLiteral("departures_today")),
                 slotsAt({QStringLiteral("29T14:00:00Z"), QStringLiteral("29T22:59:59Z"),
                          QStringLiteral("29T23:00:00Z")}));
        QCOMPARE(revenue(inUtc).keys(), QStringList({QStringLiteral("2025-03-29 USD")}));

        const QJsonObject saoPaulo = dashboard(
            m_east.staffToken, {{QStringLiteral("tz"), QStringLiteral("America/Sao_Paulo")}});
        QCOMPARE(saoPaulo.value(u"tz").toString(), QStringLiteral("America/Sao_Paulo"));
        QCOMPARE(saoPaulo.value(u"today").toString(), QStringLiteral("2025-03-29"));
        QCOMPARE(slotIds(saoPaulo, QStringLiteral("departures_today")),
                 slotsAt({QStringLiteral("29T14:00:00Z"), QStringLiteral("29T22:59:59Z"),
                          QStringLiteral("29T23:00:00Z"), QStringLiteral("30T02:00:00Z")}));
        QCOMPARE(saoPaulo.value(u"occupancy").toObject().value(u"from").toString(),
                 QStringLiteral("2025-03-29T03:00:00.000Z"));

        const QJsonObject tokyo =
            dashboard(m_east.staffToken, {{QStringLiteral("tz"), QStringLiteral("Asia/Tokyo")}});
        QCOMPARE(tokyo.value(u"today").toString(), QStringLiteral("2025-03-30"));
        QCOMPARE(slotIds(tokyo, QStringLiteral("departures_today")),
                 slotsAt({QStringLiteral("29T22:59:59Z"), QStringLiteral("29T23:00:00Z"),
                          QStringLiteral("30T02:00:00Z"), QStringLiteral("30T14:59:59Z")}));
        QStringList tokyoDates;
        QCOMPARE(revenue(tokyo, &tokyoDates).keys(),
                 QStringList({QStringLiteral("2025-03-30 USD")}));
        QCOMPARE(tokyoDates.last(), QStringLiteral("2025-03-30"));
        // The 14:00 departure left "yesterday" in Tokyo: not in the 14 days.
        QVERIFY(!slotIds(tokyo, QStringLiteral("occupancy"))
                     .contains(id(m_eastSlots.value(QStringLiteral("2025-03-29T14:00:00Z")))));

        m_clock.set(utc(QStringLiteral("2025-03-30T10:00:00Z")));
        const QJsonObject madrid =
            dashboard(m_east.staffToken, {{QStringLiteral("tz"), QStringLiteral("Europe/Madrid")}});
        QCOMPARE(madrid.value(u"today").toString(), QStringLiteral("2025-03-30"));
        QCOMPARE(slotIds(madrid, QStringLiteral("departures_today")),
                 slotsAt({QStringLiteral("29T23:00:00Z"), QStringLiteral("30T02:00:00Z"),
                          QStringLiteral("30T14:59:59Z"), QStringLiteral("30T15:00:00Z"),
                          QStringLiteral("30T21:59:59Z")}));
        const QJsonObject rev = madrid.value(u"revenue").toObject();
        QCOMPARE(rev.value(u"to").toString(), QStringLiteral("2025-03-30T22:00:00.000Z"));
        QCOMPARE(rev.value(u"from").toString(), QStringLiteral("2025-03-16T23:00:00.000Z"));
        QCOMPARE(revenue(madrid).keys(), QStringList({QStringLiteral("2025-03-29 USD")}));
        // Occupancy ends at the start of the 14th day after today: 13 April,
        // summer time (22:00 UTC on the 12th).
        QCOMPARE(madrid.value(u"occupancy").toObject().value(u"to").toString(),
                 QStringLiteral("2025-04-12T22:00:00.000Z"));
    }

private:
    test::ManualClock m_clock;
    test::FakePaymentApis m_apis;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_booking;
    std::unique_ptr<PaymentFixture> m_payments;
    test::BookingTenant m_north;
    test::BookingTenant m_south;
    test::BookingTenant m_east;
    QString m_admin;
    QString m_auditor;
    QString m_tenantAuditor;
    QUuid m_eastProduct;
    QMap<QString, QUuid> m_eastSlots;
    QUuid m_pastSlot;
    QUuid m_earlyToday;
    QUuid m_lateToday;
    QUuid m_tomorrow;
    QUuid m_day13;
    QUuid m_day14;
    QUuid m_southToday;
    QUuid m_expired;
    QUuid m_soonHold;
    QUuid m_laterHold;
    QUuid m_southHold;
};

QTEST_GUILESS_MAIN(TestDashboard)
#include "tst_dashboard.moc"
