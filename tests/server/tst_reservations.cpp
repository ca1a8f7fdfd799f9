// Reservations one at a time: holds and their expiry, cancelling, the state
// machine (no route sets paid), bad input that must write nothing, the list
// with its filters and cursors, tenant isolation, and audit rows without
// customer PII.
#include "booking/reservationservice.h"
#include "bookingfixture.h"
#include "contract/timeformat.h"
#include "contractrecorder.h"
#include "db/sqlerror.h"
#include "db/sqlvalues.h"
#include "db/transaction.h"
#include "http/router.h"
#include "identity/principal.h"
#include "manualclock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;

namespace {

constexpr int kHoldSeconds = 900;
constexpr qint64 kPrice = 12500;

QString reservationPath(const QUuid &id, const QString &suffix = {})
{
    return QStringLiteral("/v1/reservations/") + BookingFixture::idText(id) + suffix;
}

QString resourceOf(const QUuid &reservation)
{
    return QStringLiteral("reservation:") + BookingFixture::idText(reservation);
}

QUuid idOf(const test::TestResponse &r)
{
    return QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestReservations : public QObject
{
    Q_OBJECT

private:
    test::TestServer &server() { return *m_server; }
    DbConnection &db() { return server().appDb(); }

    QUuid newSlot(int capacity, const QUuid &product = {}, const QString &token = {})
    {
        return m_fixture->createSlot(token.isEmpty() ? m_tenant.managerToken : token,
                                     product.isNull() ? m_product : product,
                                     m_clock.now().addDays(30 + m_slots++), capacity);
    }

    test::TestResponse book(const QUuid &slot, int quantity,
                            const QString &email = QStringLiteral("ana@example.com"),
                            const QString &token = {})
    {
        return BookingFixture::book(
            *m_fixture->clientAs(token.isEmpty() ? m_tenant.staffToken : token),
            BookingFixture::bookingBody(slot, quantity, email),
            QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    }

    int remaining(const QUuid &slot)
    {
        const test::TestResponse r =
            m_fixture->clientAs(m_tenant.staffToken)
                ->get(QStringLiteral("/v1/slots/") + BookingFixture::idText(slot));
        return r.status == 200 ? r.json().value(QStringLiteral("remaining")).toInt(-1) : -1;
    }

    qint64 auditRows(const QString &action, const QUuid &reservation)
    {
        return BookingFixture::count(
            db(),
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ?"
                           " AND resource = ?"),
            {action, resourceOf(reservation)});
    }

    test::TestResponse cancel(const QUuid &id, const QString &token = {})
    {
        return m_fixture->clientAs(token.isEmpty() ? m_tenant.staffToken : token)
            ->request("POST", reservationPath(id, QStringLiteral("/cancel")));
    }

    // Every page of GET /v1/reservations?<query>, following next_cursor; the ids in order.
    QList<QUuid> listAll(const QString &token, const QList<QPair<QString, QString>> &filters,
                         int limit, int *pages = nullptr)
    {
        QList<QUuid> ids;
        QString cursor;
        const auto http = m_fixture->clientAs(token);
        for (int page = 0; page < 100; ++page) {
            QUrlQuery q;
            for (const auto &[name, value] : filters)
                q.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
            q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
            if (!cursor.isEmpty())
                q.addQueryItem(QStringLiteral("after"), cursor);
            const test::TestResponse r =
                http->get(QStringLiteral("/v1/reservations?") + q.toString(QUrl::FullyEncoded));
            if (r.status != 200) {
                qWarning("list: %d %s", r.status, r.body.constData());
                return {};
            }
            for (const QJsonValue &item : r.json().value(QStringLiteral("items")).toArray())
                ids << QUuid::fromString(item.toObject().value(QStringLiteral("id")).toString());
            if (pages)
                *pages = page + 1;
            const QJsonValue next = r.json().value(QStringLiteral("next_cursor"));
            if (next.isNull())
                return ids;
            cursor = next.toString();
        }
        return {};
    }

    // The oracle for the list: the database, newest first.
    QList<QUuid> expectedIds(const QString &where, const QVariantList &params)
    {
        DbRows q = db().exec(QStringLiteral("SELECT id FROM reservations WHERE ") + where +
                                 QStringLiteral(" ORDER BY created_at DESC, id DESC"),
                             params, "expected reservations");
        QList<QUuid> ids;
        while (q.next())
            ids << sql::toUuid(q.value(0));
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Every response of this suite must be one the OpenAPI document allows.
        test::ContractRecorder::enable();
        m_server = std::make_unique<test::TestServer>(m_clock, [](ServerConfig &c) {
            c.runBackgroundJobs = false; // the tests run the sweeper themselves
            c.holdSeconds = kHoldSeconds;
            c.tokens.accessTokenSeconds = 7 * 24 * 3600; // the clock jumps past holds
        });
        m_fixture = std::make_unique<BookingFixture>(server());
        m_tenant = m_fixture->addTenant(QStringLiteral("resv"));
        m_other = m_fixture->addTenant(QStringLiteral("resv-other"));
        m_auditor = m_fixture->addUser(QStringLiteral("resv-auditor"), {QStringLiteral("auditor")},
                                       m_tenant.id);
        m_admin = m_fixture->addUser(QStringLiteral("resv-admin"), {QStringLiteral("admin")});
        m_product = m_fixture->createProduct(m_tenant.managerToken,
                                             {{QStringLiteral("price_minor"), kPrice}});
        QVERIFY(!m_product.isNull());
        m_slot = newSlot(10);
        QVERIFY(!m_slot.isNull());

        const QUuid foreignProduct = m_fixture->createProduct(
            m_other.managerToken, {{QStringLiteral("name"), QStringLiteral("Secret cove tour")}});
        m_foreignSlot = newSlot(10, foreignProduct, m_other.managerToken);
        QVERIFY(!m_foreignSlot.isNull());

        const QUuid offSale =
            m_fixture->createProduct(m_tenant.managerToken, {{QStringLiteral("active"), false}});
        m_offSaleSlot = newSlot(10, offSale);
        QVERIFY(!m_offSaleSlot.isNull());

        // A slot that has started by the time the tests run.
        m_startedSlot =
            m_fixture->createSlot(m_tenant.managerToken, m_product, m_clock.now().addSecs(60), 10);
        QVERIFY(!m_startedSlot.isNull());
        m_clock.advance(120);
    }
    void cleanupTestCase()
    {
        m_fixture.reset();
        m_server.reset();
        RESERVA_VERIFY_RECORDED_RESPONSES();
    }
    void cleanup() { QCOMPARE(BookingFixture::seatInvariantViolations(db()), QString()); }

    void newReservationHoldsItsSeats()
    {
        const QUuid slot = newSlot(10);
        const test::TestResponse r = book(slot, 3, QStringLiteral("Ana.Pereira@Example.COM"));
        QCOMPARE(r.status, 201);
        const QJsonObject v = r.json();
        const QUuid id = idOf(r);
        QCOMPARE(v.value(QStringLiteral("status")).toString(), QStringLiteral("pending_payment"));
        QCOMPARE(v.value(QStringLiteral("quantity")).toInt(), 3);
        QCOMPARE(v.value(QStringLiteral("slot_id")).toString(), BookingFixture::idText(slot));
        QCOMPARE(v.value(QStringLiteral("amount_minor")).toInteger(), 3 * kPrice);
        QCOMPARE(v.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
        QCOMPARE(v.value(QStringLiteral("hold_expires_at")).toString(),
                 toRfc3339(m_clock.now().addSecs(kHoldSeconds)));
        QCOMPARE(v.value(QStringLiteral("created_at")).toString(), toRfc3339(m_clock.now()));
        const QJsonObject customer = v.value(QStringLiteral("customer")).toObject();
        QCOMPARE(customer.value(QStringLiteral("name")).toString(), QStringLiteral("Ana Pereira"));
        QCOMPARE(customer.value(QStringLiteral("email")).toString(),
                 QStringLiteral("ana.pereira@example.com"));
        QCOMPARE(r.header("location"), reservationPath(id).toLatin1());
        // A time-ordered id (uuidv7.h): its first 48 bits are the creation
        // time in milliseconds, then the version nibble 7.
        const QByteArray idBytes = id.toRfc4122();
        QCOMPARE(idBytes.left(6).toHex().toLongLong(nullptr, 16),
                 m_clock.now().toMSecsSinceEpoch());
        QCOMPARE(uchar(idBytes.at(6)) >> 4, 7);

        const test::TestResponse read =
            m_fixture->clientAs(m_tenant.staffToken)->get(reservationPath(id));
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json(), v);
        QCOMPARE(remaining(slot), 7);
        QCOMPARE(BookingFixture::seatsTaken(db(), slot), 3);
        QCOMPARE(auditRows(QStringLiteral("reservation.create"), id), 1);
    }

    void bookingWaitsOnTheDatabaseTwice()
    {
        // The slot's lock goes out with BEGIN; the reservation's row, its
        // seats and its audit row are deferred and go out with the COMMIT.
        // Anything that waits for its own answer in between adds a round
        // trip under the slot's lock, and this count sees it.
        const QUuid slot = newSlot(10);
        Principal staff;
        staff.userId = QUuid::createUuid();
        staff.roles = {QStringLiteral("staff")};
        staff.tenantId = m_tenant.id;
        BookingRequest request;
        request.slotId = slot;
        request.quantity = 2;
        request.customer = {QStringLiteral("Ana"), QStringLiteral("ana@example.com"), QString()};
        ReservationService service(m_clock, kHoldSeconds);
        QList<QUuid> booked;
        for (int i = 0; i < 2; ++i) { // the first one prepares the statements
            const quint64 before = db().roundTrips();
            Transaction tx(db());
            const Result<ReservationView> r = service.book(db(), staff, request, QString());
            QVERIFY(r);
            tx.commit();
            if (i == 1)
                QCOMPARE(db().roundTrips() - before, quint64(2));
            booked << r->id;
        }
        QCOMPARE(BookingFixture::seatsTaken(db(), slot), 4);
        for (const QUuid &id : std::as_const(booked))
            QCOMPARE(auditRows(QStringLiteral("reservation.create"), id), 1);
    }

    void expiredHoldFreesSeatsAtOnceAndSweeperReleasesOnce()
    {
        const QUuid slot = newSlot(4);
        const test::TestResponse held = book(slot, 4);
        QCOMPARE(held.status, 201);
        const QUuid id = idOf(held);
        QCOMPARE(remaining(slot), 0);
        const test::TestResponse full = book(slot, 1);
        QCOMPARE(full.status, 409);
        QCOMPARE(full.problemSlug(), QStringLiteral("sold-out"));

        m_clock.advance(kHoldSeconds - 1);
        QCOMPARE(remaining(slot), 0); // not yet
        m_clock.advance(1);
        // Due, and no sweeper has run: reads already count the seats as free.
        QCOMPARE(remaining(slot), 4);
        QCOMPARE(BookingFixture::seatsTaken(db(), slot), 4);
        QCOMPARE(BookingFixture::statusOf(db(), id), QStringLiteral("pending_payment"));

        ReservationService sweeper(m_clock, kHoldSeconds);
        QVERIFY(sweeper.releaseDueHolds(db(), 100) >= 1);
        QCOMPARE(BookingFixture::statusOf(db(), id), QStringLiteral("expired"));
        QCOMPARE(BookingFixture::seatsTaken(db(), slot), 0);
        QCOMPARE(auditRows(QStringLiteral("reservation.expire"), id), 1);
        QCOMPARE(sweeper.releaseDueHolds(db(), 100), 0);
        QCOMPARE(auditRows(QStringLiteral("reservation.expire"), id), 1);
        QCOMPARE(remaining(slot), 4);

        const QJsonObject after =
            m_fixture->clientAs(m_tenant.staffToken)->get(reservationPath(id)).json();
        QCOMPARE(after.value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
        QVERIFY(after.value(QStringLiteral("hold_expires_at")).isNull());
    }

    // With no sweeper at all, a booking releases the slot's due holds itself.
    void bookingReleasesDueHoldsItself()
    {
        const QUuid slot = newSlot(2);
        const test::TestResponse first = book(slot, 2);
        QCOMPARE(first.status, 201);
        m_clock.advance(kHoldSeconds + 1);
        const test::TestResponse second = book(slot, 2);
        QCOMPARE(second.status, 201);
        QCOMPARE(BookingFixture::statusOf(db(), idOf(first)), QStringLiteral("expired"));
        QCOMPARE(BookingFixture::seatsTaken(db(), slot), 2);
        // Released under the booking's request, once.
        QCOMPARE(BookingFixture::count(
                     db(),
                     QStringLiteral("SELECT count(*) FROM audit_log"
                                    " WHERE action = 'reservation.expire'"
                                    " AND resource = ? AND request_id = ?"),
                     {resourceOf(idOf(first)), QString::fromLatin1(second.header("x-request-id"))}),
                 1);
    }

    void cancelReleasesSeatsOnce()
    {
        const QUuid slot = newSlot(5);
        const test::TestResponse held = book(slot, 2);
        QCOMPARE(held.status, 201);
        const QUuid id = idOf(held);
        const test::TestResponse cancelled = cancel(id);
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("cancelled"));
        QVERIFY(cancelled.json().value(QStringLiteral("hold_expires_at")).isNull());
        QCOMPARE(BookingFixture::seatsTaken(db(), slot), 0);
        QCOMPARE(remaining(slot), 5);
        QCOMPARE(auditRows(QStringLiteral("reservation.cancel"), id), 1);

        const test::TestResponse again = cancel(id);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json(), cancelled.json());
        QCOMPARE(BookingFixture::seatsTaken(db(), slot), 0);
        QCOMPARE(auditRows(QStringLiteral("reservation.cancel"), id), 1);
    }

    void cancelExpiredOrPaidIs409()
    {
        const QUuid slot = newSlot(5);
        const test::TestResponse expiring = book(slot, 1);
        QCOMPARE(expiring.status, 201);
        m_clock.advance(kHoldSeconds + 1);
        // Due but not swept: cancelling finds it expired, not cancellable.
        const test::TestResponse late = cancel(idOf(expiring));
        QCOMPARE(late.status, 409);
        QCOMPARE(late.problemSlug(), QStringLiteral("conflict"));
        QCOMPARE(BookingFixture::statusOf(db(), idOf(expiring)), QStringLiteral("expired"));
        QCOMPARE(auditRows(QStringLiteral("reservation.cancel"), idOf(expiring)), 0);
        QCOMPARE(auditRows(QStringLiteral("reservation.expire"), idOf(expiring)), 1);

        // Paid (as the payments webhook will do it): cancelling is a refund, not here.
        const test::TestResponse paid = book(slot, 2);
        QCOMPARE(paid.status, 201);
        db().exec(QStringLiteral("UPDATE reservations SET status = 'paid' WHERE id = ?::uuid"),
                  {BookingFixture::idText(idOf(paid))}, "pay behind the API");
        const test::TestResponse refund = cancel(idOf(paid));
        QCOMPARE(refund.status, 409);
        QVERIFY(refund.json().value(QStringLiteral("detail")).toString().contains(u"refund"));
        QCOMPARE(BookingFixture::statusOf(db(), idOf(paid)), QStringLiteral("paid"));
        QCOMPARE(BookingFixture::seatsTaken(db(), slot), 2);
    }

    void cancelNeedsStaffOfTheTenant()
    {
        const test::TestResponse held = book(m_slot, 1);
        QCOMPARE(held.status, 201);
        const QUuid id = idOf(held);
        const test::TestResponse foreign = cancel(id, m_other.staffToken);
        QCOMPARE(foreign.status, 404);
        QVERIFY(!foreign.body.contains(BookingFixture::idText(id).toLatin1()));
        QCOMPARE(cancel(id, m_auditor).status, 403);
        QCOMPARE(BookingFixture::statusOf(db(), id), QStringLiteral("pending_payment"));
        QCOMPARE(cancel(id, m_tenant.managerToken).status, 200);
        QCOMPARE(cancel(QUuid::createUuid()).status, 404);
    }

    // Invariant 2: no API route, client field or body can make a reservation paid.
    void noRouteCanSetPaid()
    {
        const test::TestResponse held = book(m_slot, 1);
        QCOMPARE(held.status, 201);
        const QUuid id = idOf(held);
        const QJsonObject paid{{QStringLiteral("status"), QStringLiteral("paid")},
                               {QStringLiteral("id"), BookingFixture::idText(id)}};
        int tried = 0;
        for (const Route &route : server().server().router().routes()) {
            if (!route.key.pattern.startsWith(u"/v1/reservations"))
                continue;
            const QString path = QString(route.key.pattern)
                                     .replace(QStringLiteral("{id}"), BookingFixture::idText(id));
            for (const QByteArray method : {"POST", "PATCH", "PUT"}) {
                for (const QString &token : {m_tenant.staffToken, m_tenant.managerToken, m_admin}) {
                    const test::TestResponse r = m_fixture->clientAs(token)->request(
                        method, path, compact(paid),
                        {{"Idempotency-Key", QUuid::createUuid().toByteArray()}});
                    QVERIFY2(r.status >= 400,
                             qPrintable(QString::fromLatin1(method) + u' ' + path));
                    ++tried;
                }
            }
        }
        QVERIFY(tried >= 3 * 3 * 3);
        // Also as a forged field on a booking, and on cancel.
        QJsonObject booking = BookingFixture::bookingBody(m_slot, 1);
        booking.insert(QStringLiteral("status"), QStringLiteral("paid"));
        const test::TestResponse forged = BookingFixture::book(
            *m_fixture->clientAs(m_tenant.staffToken), booking, "forged-status");
        QCOMPARE(forged.status, 400);
        QCOMPARE(BookingFixture::problemField(forged), QStringLiteral("status"));
        QCOMPARE(BookingFixture::statusOf(db(), id), QStringLiteral("pending_payment"));
        QCOMPARE(BookingFixture::count(
                     db(),
                     QStringLiteral("SELECT count(*) FROM reservations WHERE status = 'paid'"
                                    " AND slot_id = ?::uuid"),
                     {BookingFixture::idText(m_slot)}),
                 0);
    }

    // The database refuses transitions outside the state machine, whoever asks.
    void statusTriggerRefusesIllegalTransitions()
    {
        const test::TestResponse held = book(m_slot, 1);
        QCOMPARE(held.status, 201);
        const QString id = BookingFixture::idText(idOf(held));
        const auto update = [&](const QString &status) {
            try {
                db().exec(QStringLiteral("UPDATE reservations SET status = ? WHERE id = ?::uuid"),
                          {status, id}, "set status");
                return QString();
            } catch (const DatabaseFailure &failure) {
                return failure.sqlState();
            }
        };
        const QString checkViolation = QString::fromLatin1(sqlstate::kCheckViolation);
        QCOMPARE(update(QStringLiteral("refunded")), checkViolation);
        QCOMPARE(BookingFixture::statusOf(db(), idOf(held)), QStringLiteral("pending_payment"));
        QCOMPARE(update(QStringLiteral("paid")), QString());
        QCOMPARE(update(QStringLiteral("pending_payment")), checkViolation);
        QCOMPARE(update(QStringLiteral("expired")), checkViolation);
        QCOMPARE(update(QStringLiteral("cancelled")), checkViolation);
        QCOMPARE(BookingFixture::statusOf(db(), idOf(held)), QStringLiteral("paid"));
        QCOMPARE(update(QStringLiteral("refunded")), QString());
        QCOMPARE(update(QStringLiteral("paid")), checkViolation);
        // Keep the seat invariant whole: a refund leaves the seats to the payments issue.
        db().exec(
            QStringLiteral("UPDATE slots SET seats_taken = seats_taken - 1 WHERE id = ?::uuid"),
            {BookingFixture::idText(m_slot)}, "refund releases");
    }

    void badInputIsRejectedAndWritesNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("field");

        const QByteArray json = "application/json";
        const auto with = [this](const QString &name, const QJsonValue &value) {
            QJsonObject o = BookingFixture::bookingBody(m_slot, 1);
            o.insert(name, value);
            return compact(o);
        };
        const auto customer = [this](const QString &name, const QJsonValue &value) {
            QJsonObject o = BookingFixture::bookingBody(m_slot, 1);
            QJsonObject c = o.value(QStringLiteral("customer")).toObject();
            c.insert(name, value);
            o.insert(QStringLiteral("customer"), c);
            return compact(o);
        };
        const QString invalid = QStringLiteral("validation-failed");
        const QString quantity = QStringLiteral("quantity");
        QTest::newRow("quantity 0") << with(quantity, 0) << json << 400 << invalid << quantity;
        QTest::newRow("quantity -1") << with(quantity, -1) << json << 400 << invalid << quantity;
        QTest::newRow("quantity 101") << with(quantity, 101) << json << 400 << invalid << quantity;
        QTest::newRow("quantity huge")
            << with(quantity, 1e15) << json << 400 << invalid << quantity;
        QTest::newRow("quantity 1.5") << with(quantity, 1.5) << json << 400 << invalid << quantity;
        QTest::newRow("quantity string")
            << with(quantity, QStringLiteral("2")) << json << 400 << invalid << quantity;
        QTest::newRow("quantity missing")
            << with(quantity, QJsonValue::Null) << json << 400 << invalid << quantity;
        QTest::newRow("unknown slot")
            << compact(BookingFixture::bookingBody(QUuid::createUuid(), 1)) << json << 404
            << QStringLiteral("not-found") << QString();
        QTest::newRow("other tenant's slot")
            << compact(BookingFixture::bookingBody(m_foreignSlot, 1)) << json << 404
            << QStringLiteral("not-found") << QString();
        QTest::newRow("slot already started")
            << compact(BookingFixture::bookingBody(m_startedSlot, 1)) << json << 422
            << QStringLiteral("unprocessable-content") << QString();
        QTest::newRow("product off sale")
            << compact(BookingFixture::bookingBody(m_offSaleSlot, 1)) << json << 422
            << QStringLiteral("unprocessable-content") << QString();
        QTest::newRow("slot_id not a uuid")
            << with(QStringLiteral("slot_id"), QStringLiteral("a").repeated(36)) << json << 400
            << invalid << QStringLiteral("slot_id");
        const QString email = QStringLiteral("customer.email");
        for (const QString &bad :
             {QStringLiteral("ana@"), QStringLiteral("ana.example.com"), QStringLiteral("ana@x"),
              QStringLiteral("ana @example.com"), QStringLiteral("ana@exa mple.com"),
              QStringLiteral("<ana@example.com>"), QStringLiteral("a@b@example.com"),
              QString(QStringLiteral("a").repeated(250) + QStringLiteral("@x.io"))}) {
            QTest::addRow("email %s", qPrintable(bad.left(24)))
                << customer(QStringLiteral("email"), bad) << json << 400 << invalid << email;
        }
        QTest::newRow("name 201 chars")
            << customer(QStringLiteral("name"), QStringLiteral("n").repeated(201)) << json << 400
            << invalid << QStringLiteral("customer.name");
        QTest::newRow("name blank") << customer(QStringLiteral("name"), QStringLiteral("   "))
                                    << json << 400 << invalid << QStringLiteral("customer.name");
        QTest::newRow("name control char")
            << customer(QStringLiteral("name"), QStringLiteral("Ana\x1b[31m")) << json << 400
            << invalid << QStringLiteral("customer.name");
        QTest::newRow("phone 33 chars")
            << customer(QStringLiteral("phone"), QStringLiteral("1").repeated(33)) << json << 400
            << invalid << QStringLiteral("customer.phone");
        QTest::newRow("phone letters")
            << customer(QStringLiteral("phone"), QStringLiteral("call me maybe")) << json << 400
            << invalid << QStringLiteral("customer.phone");
        QTest::newRow("unknown customer field")
            << customer(QStringLiteral("document"), QStringLiteral("123")) << json << 400 << invalid
            << QStringLiteral("customer.document");
        QTest::newRow("customer missing") << with(QStringLiteral("customer"), QJsonValue::Null)
                                          << json << 400 << invalid << QStringLiteral("customer");
        QTest::newRow("customer not an object")
            << with(QStringLiteral("customer"), QStringLiteral("Ana")) << json << 400 << invalid
            << QStringLiteral("customer");
        QTest::newRow("unknown field") << with(QStringLiteral("notes"), QStringLiteral("x")) << json
                                       << 400 << invalid << QStringLiteral("notes");
        // Invariant 7: the server computes every amount; sending one is an error.
        for (const char *forged : {"amount_minor", "amount", "price", "price_minor", "total",
                                   "total_minor", "unit_price_minor", "currency", "status"}) {
            const QString name = QLatin1String(forged);
            const QJsonValue value = name == u"currency" || name == u"status"
                                         ? QJsonValue(QStringLiteral("USD"))
                                         : QJsonValue(1);
            QTest::addRow("client sends %s", forged)
                << with(name, value) << json << 400 << invalid << name;
        }
        QTest::newRow("text/plain")
            << compact(BookingFixture::bookingBody(m_slot, 1)) << QByteArray("text/plain") << 415
            << QStringLiteral("unsupported-media-type") << QString();
        QTest::newRow("malformed JSON") << QByteArray("{\"slot_id\": \"") << json << 400
                                        << QStringLiteral("bad-request") << QString();
        QTest::newRow("JSON array")
            << QByteArray("[1]") << json << 400 << QStringLiteral("bad-request") << QString();
    }
    void badInputIsRejectedAndWritesNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, slug);
        QFETCH(QString, field);

        const test::WriteCounts before = BookingFixture::writeCounts(db());
        const test::TestResponse r =
            m_fixture->clientAs(m_tenant.staffToken)
                ->request("POST", QStringLiteral("/v1/reservations"), body,
                          {{"Content-Type", contentType},
                           {"Idempotency-Key", QUuid::createUuid().toByteArray()}});
        QVERIFY2(r.status == status, r.body.constData());
        QCOMPARE(r.header("content-type"), QByteArray("application/problem+json"));
        QCOMPARE(r.problemSlug(), slug);
        if (!field.isEmpty())
            QCOMPARE(BookingFixture::problemField(r), field);
        // Another tenant's slot is not even described.
        QVERIFY(!r.body.contains("Secret cove"));
        QVERIFY(!r.body.contains("capacity"));
        // Only the record of that answer, so a retry gets it again.
        test::WriteCounts expected = before;
        expected.idempotencyKeys += 1;
        QCOMPARE(BookingFixture::writeCounts(db()), expected);
    }

    void soldOutWritesNothing()
    {
        const QUuid slot = newSlot(3);
        QCOMPARE(book(slot, 2).status, 201);
        const test::WriteCounts before = BookingFixture::writeCounts(db());
        const test::TestResponse r = book(slot, 2);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.problemSlug(), QStringLiteral("sold-out"));
        test::WriteCounts expected = before;
        expected.idempotencyKeys += 1;
        QCOMPARE(BookingFixture::writeCounts(db()), expected);
        QCOMPARE(book(slot, 1).status, 201); // exactly the last seat
        QCOMPARE(remaining(slot), 0);
    }

    void onlyStaffBook()
    {
        const test::WriteCounts before = BookingFixture::writeCounts(db());
        const test::TestResponse r = book(m_slot, 1, QStringLiteral("ana@example.com"), m_auditor);
        QCOMPARE(r.status, 403);
        QCOMPARE(BookingFixture::writeCounts(db()), before);
        QCOMPARE(book(m_slot, 1, QStringLiteral("ana@example.com"), m_tenant.managerToken).status,
                 201);
        // A global admin books any tenant's slot.
        QCOMPARE(book(m_foreignSlot, 1, QStringLiteral("ana@example.com"), m_admin).status, 201);
    }

    // A price change applies to later bookings; a reservation keeps its amount.
    void amountIsFixedAtBookingTime()
    {
        const QUuid product = m_fixture->createProduct(m_tenant.managerToken,
                                                       {{QStringLiteral("price_minor"), 1000}});
        const QUuid slot = newSlot(10, product);
        const test::TestResponse before = book(slot, 2);
        QCOMPARE(before.json().value(QStringLiteral("amount_minor")).toInteger(), 2000);
        QCOMPARE(m_fixture->clientAs(m_tenant.managerToken)
                     ->patch(QStringLiteral("/v1/products/") + BookingFixture::idText(product),
                             {{QStringLiteral("price_minor"), 1500}})
                     .status,
                 200);
        const test::TestResponse after = book(slot, 2);
        QCOMPARE(after.json().value(QStringLiteral("amount_minor")).toInteger(), 3000);
        QCOMPARE(m_fixture->clientAs(m_tenant.staffToken)
                     ->get(reservationPath(idOf(before)))
                     .json()
                     .value(QStringLiteral("amount_minor"))
                     .toInteger(),
                 2000);
    }

    void readsAreTenantScoped()
    {
        const test::TestResponse mine = book(m_slot, 1);
        QCOMPARE(mine.status, 201);
        const QUuid id = idOf(mine);
        const test::TestResponse foreign =
            m_fixture->clientAs(m_other.staffToken)->get(reservationPath(id));
        QCOMPARE(foreign.status, 404);
        QVERIFY(!foreign.body.contains("ana@example.com"));
        QCOMPARE(m_fixture->clientAs(m_admin)->get(reservationPath(id)).status, 200);
        // Customer contact data is for the staff who serve the customer, not
        // for auditors (they read the audit trail, which carries no PII).
        const test::TestResponse audited = m_fixture->clientAs(m_auditor)->get(reservationPath(id));
        QCOMPARE(audited.status, 403);
        QVERIFY(!audited.body.contains("ana@example.com"));
        QCOMPARE(m_fixture->clientAs(m_auditor)->get(QStringLiteral("/v1/reservations")).status,
                 403);
        QCOMPARE(m_fixture->clientAs(m_tenant.staffToken)
                     ->get(QStringLiteral("/v1/reservations/not-a-uuid"))
                     .status,
                 404);
        const QList<QUuid> otherSees = listAll(m_other.staffToken, {}, 200);
        QVERIFY(!otherSees.contains(id));
        QCOMPARE(otherSees, expectedIds(QStringLiteral("tenant_id = ?::uuid"),
                                        {BookingFixture::idText(m_other.id)}));
    }

    void listFiltersAndPaging()
    {
        // A tenant of its own, so the oracle is easy to state.
        const test::BookingTenant t = m_fixture->addTenant(QStringLiteral("resv-list"));
        const QUuid p1 = m_fixture->createProduct(t.managerToken);
        const QUuid p2 = m_fixture->createProduct(
            t.managerToken, {{QStringLiteral("name"), QStringLiteral("Bay")}});
        const QUuid s1 = newSlot(100, p1, t.managerToken);
        const QUuid s2 = newSlot(100, p1, t.managerToken);
        const QUuid s3 = newSlot(100, p2, t.managerToken);
        QVERIFY(!s1.isNull() && !s2.isNull() && !s3.isNull());
        const QList<QUuid> slots{s1, s2, s3};
        const QStringList emails{QStringLiteral("ana@example.com"),
                                 QStringLiteral("bo@example.com"),
                                 QStringLiteral("Cy@Example.com")};
        QList<QUuid> made;
        const QDateTime start = m_clock.now();
        for (int i = 0; i < 17; ++i) {
            // Several per clock instant, so the cursor must break ties by id.
            if (i % 3 == 0)
                m_clock.advance(10);
            const test::TestResponse r =
                book(slots.at(i % 3), 1 + i % 2, emails.at(i % 3), t.staffToken);
            QCOMPARE(r.status, 201);
            made << idOf(r);
        }
        QCOMPARE(cancel(made.at(1), t.staffToken).status, 200);
        QCOMPARE(cancel(made.at(5), t.staffToken).status, 200);
        const QString tenant = BookingFixture::idText(t.id);
        const QString where = QStringLiteral("tenant_id = ?::uuid");

        int pages = 0;
        const QList<QUuid> all = listAll(t.staffToken, {}, 4, &pages);
        QCOMPARE(all.size(), 17);
        QCOMPARE(pages, 5);
        QCOMPARE(all, expectedIds(where, {tenant}));
        QCOMPARE(QSet<QUuid>(all.begin(), all.end()).size(), 17);
        QCOMPARE(listAll(t.staffToken, {}, 17), all);
        QCOMPARE(listAll(t.staffToken, {}, 1), all);

        QCOMPARE(
            listAll(t.staffToken, {{QStringLiteral("status"), QStringLiteral("cancelled")}}, 1),
            expectedIds(where + QStringLiteral(" AND status = 'cancelled'"), {tenant}));
        QCOMPARE(listAll(t.staffToken, {{QStringLiteral("status"), QStringLiteral("cancelled")}}, 5)
                     .size(),
                 2);
        QCOMPARE(
            listAll(t.staffToken, {{QStringLiteral("product"), BookingFixture::idText(p2)}}, 2),
            expectedIds(where + QStringLiteral(" AND product_id = ?::uuid"),
                        {tenant, BookingFixture::idText(p2)}));
        QCOMPARE(listAll(t.staffToken, {{QStringLiteral("slot"), BookingFixture::idText(s2)}}, 2),
                 expectedIds(where + QStringLiteral(" AND slot_id = ?::uuid"),
                             {tenant, BookingFixture::idText(s2)}));
        const QDateTime from = start.addSecs(20);
        const QDateTime to = start.addSecs(40);
        const QList<QUuid> window = listAll(
            t.staffToken,
            {{QStringLiteral("from"), toRfc3339(from)}, {QStringLiteral("to"), toRfc3339(to)}}, 2);
        QCOMPARE(window,
                 expectedIds(where + QStringLiteral(" AND created_at >= ? AND created_at < ?"),
                             {tenant, sql::time(from), sql::time(to)}));
        QCOMPARE(window.size(), 6);
        // The address as the customer typed it, in any case.
        const QList<QUuid> cy =
            listAll(t.staffToken,
                    {{QStringLiteral("customer_email"), QStringLiteral("CY@example.COM")}}, 2);
        QCOMPARE(cy, expectedIds(where + QStringLiteral(" AND customer_email = 'cy@example.com'"),
                                 {tenant}));
        QCOMPARE(cy.size(), 5);
        // Filters combine.
        QCOMPARE(listAll(t.staffToken,
                         {{QStringLiteral("slot"), BookingFixture::idText(s2)},
                          {QStringLiteral("status"), QStringLiteral("cancelled")}},
                         2),
                 QList<QUuid>{made.at(1)});

        const auto http = m_fixture->clientAs(t.staffToken);
        for (const QString &bad : {QStringLiteral("status=bogus"), QStringLiteral("product=nope"),
                                   QStringLiteral("slot=123"), QStringLiteral("from=yesterday"),
                                   QStringLiteral("to=2025-01-01"), QStringLiteral("limit=0"),
                                   QStringLiteral("limit=201"), QStringLiteral("after=%21%21")}) {
            const test::TestResponse r = http->get(QStringLiteral("/v1/reservations?") + bad);
            QVERIFY2(r.status == 400, qPrintable(bad));
        }
    }

    // Audit rows for reservations exist and carry identifiers, never the
    // customer's name, email or phone.
    // Rows written with microseconds (SQL's now(), an import, a restore):
    // the cursor, made of a millisecond time, must not list one twice or skip
    // one at a page boundary (migration 0010 keeps such times to the ms).
    void pagingIsExactForTimesWrittenOutsideTheServer()
    {
        const test::BookingTenant t = m_fixture->addTenant(QStringLiteral("resv-micro"));
        const QUuid product = m_fixture->createProduct(t.managerToken);
        const QUuid slot = newSlot(10, product, t.managerToken);
        QVERIFY(!slot.isNull());
        m_server->superDb().exec(
            QStringLiteral(
                "INSERT INTO reservations (tenant_id, slot_id, product_id, quantity,"
                " customer_name, customer_email, status, unit_price_minor, amount_minor,"
                " currency, created_by, created_at, updated_at)"
                " SELECT ?::uuid, ?::uuid, ?::uuid, 1, 'Guest ' || g, 'g' || g || '@example.com',"
                " 'expired', 100, 100, 'USD', 'sql',"
                " timestamptz '2026-01-01 10:00:00.000600+00' - g * interval '1.000337 s',"
                " now() FROM generate_series(1, 60) AS g"),
            {BookingFixture::idText(t.id), BookingFixture::idText(slot),
             BookingFixture::idText(product)},
            "microsecond rows");
        int pages = 0;
        const QList<QUuid> listed = listAll(t.staffToken, {}, 7, &pages);
        QCOMPARE(pages, 9);
        QCOMPARE(listed, expectedIds(QStringLiteral("tenant_id = ?::uuid"),
                                     {BookingFixture::idText(t.id)}));
        QCOMPARE(QSet<QUuid>(listed.begin(), listed.end()).size(), 60);
    }

    // Sorted by amount or customer name, either way, the cursor walks the
    // same order as the database, with the id breaking ties; names may hold
    // any character, the cursor's separator included.
    void listSortsWithCursors_data()
    {
        QTest::addColumn<QString>("sort");
        QTest::addColumn<QString>("order");
        QTest::newRow("amount desc")
            << QStringLiteral("-amount_minor") << QStringLiteral("amount_minor DESC, id DESC");
        QTest::newRow("amount asc")
            << QStringLiteral("amount_minor") << QStringLiteral("amount_minor ASC, id ASC");
        QTest::newRow("customer asc") << QStringLiteral("customer_name")
                                      << QStringLiteral("lower(customer_name) ASC, id ASC");
        QTest::newRow("customer desc") << QStringLiteral("-customer_name")
                                       << QStringLiteral("lower(customer_name) DESC, id DESC");
        QTest::newRow("created asc")
            << QStringLiteral("created_at") << QStringLiteral("created_at ASC, id ASC");
    }
    void listSortsWithCursors()
    {
        QFETCH(QString, sort);
        QFETCH(QString, order);
        if (m_sortTenant.id.isNull()) {
            m_sortTenant = m_fixture->addTenant(QStringLiteral("resv-sort"));
            const QUuid product = m_fixture->createProduct(m_sortTenant.managerToken);
            const QUuid slot = newSlot(200, product, m_sortTenant.managerToken);
            const QStringList names{QStringLiteral("ana"),  QStringLiteral("Ana"),
                                    QStringLiteral("Bo|b"), QStringLiteral("Çelik"),
                                    QStringLiteral("zoë"),  QStringLiteral("Zed"),
                                    QStringLiteral("ana")};
            for (int i = 0; i < 14; ++i) {
                const test::TestResponse r = BookingFixture::book(
                    *m_fixture->clientAs(m_sortTenant.staffToken),
                    {{QStringLiteral("slot_id"), BookingFixture::idText(slot)},
                     {QStringLiteral("quantity"), 1 + i % 4},
                     {QStringLiteral("customer"),
                      QJsonObject{
                          {QStringLiteral("name"), names.at(i % 7)},
                          {QStringLiteral("email"), QStringLiteral("s%1@example.com").arg(i)}}}},
                    QUuid::createUuid().toByteArray());
                QCOMPARE(r.status, 201);
                if (i % 5 == 0)
                    m_clock.advance(1);
            }
        }
        DbRows q = db().exec(QStringLiteral("SELECT id FROM reservations WHERE tenant_id = "
                                            "?::uuid ORDER BY ") +
                                 order,
                             {BookingFixture::idText(m_sortTenant.id)}, "sorted oracle");
        QList<QUuid> expected;
        while (q.next())
            expected << sql::toUuid(q.value(0));
        QCOMPARE(expected.size(), 14);
        int pages = 0;
        QCOMPARE(listAll(m_sortTenant.staffToken, {{QStringLiteral("sort"), sort}}, 3, &pages),
                 expected);
        QCOMPARE(pages, 5);
    }

    void badSortsAndForeignCursorsAreRefused()
    {
        auto http = m_fixture->clientAs(m_tenant.staffToken);
        QCOMPARE(http->get(QStringLiteral("/v1/reservations?sort=price")).status, 400);
        QCOMPARE(http->get(QStringLiteral("/v1/reservations?sort=-id")).status, 400);
        // A cursor is tied to its sort, and its key must be one of the
        // sort's values.
        const test::TestResponse first =
            http->get(QStringLiteral("/v1/reservations?sort=amount_minor&limit=1"));
        QCOMPARE(first.status, 200);
        const QString cursor = first.json().value(QStringLiteral("next_cursor")).toString();
        QVERIFY(!cursor.isEmpty());
        QCOMPARE(
            http->get(QStringLiteral("/v1/reservations?sort=amount_minor&after=") + cursor).status,
            200);
        QCOMPARE(
            http->get(QStringLiteral("/v1/reservations?sort=customer_name&after=") + cursor).status,
            400);
        const auto forged = [](const char *text) {
            return QString::fromLatin1(QByteArray(text).toBase64(QByteArray::Base64UrlEncoding |
                                                                 QByteArray::OmitTrailingEquals));
        };
        for (const char *bad :
             {"amount_minor|12x|8f4a2b52-5b1e-4a3e-9f53-0d7f1c2b3a41",
              "amount_minor|99999999999999999999|8f4a2b52-5b1e-4a3e-9f53-0d7f1c2b3a41",
              "-created_at|2026-13-45 99:00:00+00|8f4a2b52-5b1e-4a3e-9f53-0d7f1c2b3a41",
              "-created_at|soon|8f4a2b52-5b1e-4a3e-9f53-0d7f1c2b3a41", "amount_minor|5"}) {
            const QString sortName = QString::fromLatin1(bad).section(u'|', 0, 0);
            const test::TestResponse r =
                http->get(QStringLiteral("/v1/reservations?sort=") + sortName +
                          QStringLiteral("&after=") + forged(bad));
            QVERIFY2(r.status == 400, bad);
        }
    }

    void auditRowsCarryNoCustomerPii()
    {
        const QUuid slot = newSlot(10);
        const QString name = QStringLiteral("Zoe Quarantotto");
        const QString email = QStringLiteral("zoe.quarantotto@example.org");
        const QString phone = QStringLiteral("+39 06 5550 1234");
        QJsonObject body = BookingFixture::bookingBody(slot, 2, email);
        body.insert(QStringLiteral("customer"), QJsonObject{{QStringLiteral("name"), name},
                                                            {QStringLiteral("email"), email},
                                                            {QStringLiteral("phone"), phone}});
        const test::TestResponse a =
            BookingFixture::book(*m_fixture->clientAs(m_tenant.staffToken), body, "pii-a");
        const test::TestResponse b =
            BookingFixture::book(*m_fixture->clientAs(m_tenant.staffToken), body, "pii-b");
        QCOMPARE(a.status, 201);
        QCOMPARE(b.status, 201);
        QCOMPARE(cancel(idOf(a)).status, 200);
        m_clock.advance(kHoldSeconds + 1);
        ReservationService(m_clock, kHoldSeconds).releaseDueHolds(db(), 100);
        QCOMPARE(BookingFixture::statusOf(db(), idOf(b)), QStringLiteral("expired"));

        DbRows q = db().exec(QStringLiteral("SELECT action, actor, tenant_id, detail::text"
                                            " FROM audit_log WHERE resource IN (?, ?)"
                                            " ORDER BY id"),
                             {resourceOf(idOf(a)), resourceOf(idOf(b))}, "reservation audit");
        QStringList actions;
        while (q.next()) {
            actions << q.value(0).toString();
            QCOMPARE(sql::toUuid(q.value(2)), m_tenant.id);
            const QJsonObject detail =
                QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
            QCOMPARE(detail.value(QStringLiteral("slot_id")).toString(),
                     BookingFixture::idText(slot));
            QCOMPARE(detail.value(QStringLiteral("quantity")).toInt(), 2);
        }
        QCOMPARE(actions,
                 QStringList(
                     {QStringLiteral("reservation.create"), QStringLiteral("reservation.create"),
                      QStringLiteral("reservation.cancel"), QStringLiteral("reservation.expire")}));
        for (const QString &pii : {name, email, phone, QStringLiteral("Quarantotto")}) {
            QCOMPARE(BookingFixture::count(
                         db(),
                         QStringLiteral("SELECT count(*) FROM audit_log"
                                        " WHERE position(lower(?) IN lower(audit_log::text)) > 0"),
                         {pii}),
                     0);
        }
    }

private:
    test::ManualClock m_clock;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_fixture;
    test::BookingTenant m_tenant;
    test::BookingTenant m_sortTenant;
    test::BookingTenant m_other;
    QString m_auditor;
    QString m_admin;
    QUuid m_product;
    QUuid m_slot;
    QUuid m_foreignSlot;
    QUuid m_offSaleSlot;
    QUuid m_startedSlot;
    int m_slots = 0;
};

QTEST_GUILESS_MAIN(TestReservations)
#include "tst_reservations.moc"
