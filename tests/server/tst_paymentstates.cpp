// The payment intent state machine, proven twice and independently
// (invariant 1): the domain's canTransition, and the SQL trigger refusing the
// same moves whatever code issues the UPDATE. Then invariant 2 from the
// outside: no route, body field, method or redirect-shaped path makes a
// reservation paid or an intent succeeded; only a verified webhook can.
#include "db/sqlerror.h"
#include "domain/paymentstatus.h"
#include "http/router.h"
#include "manualclock.h"
#include "paymentfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;
using test::PaymentFixture;

namespace {

const QList<PaymentStatus> kAll{PaymentStatus::Created,   PaymentStatus::Processing,
                                PaymentStatus::Succeeded, PaymentStatus::Failed,
                                PaymentStatus::Canceled,  PaymentStatus::PartiallyRefunded,
                                PaymentStatus::Refunded};

// The moves the issue allows, written out here rather than derived from the
// code: created -> processing -> succeeded | failed | canceled (processing may
// be skipped); succeeded -> partially_refunded -> refunded (or straight to
// refunded); a further partial refund stays partially_refunded.
const QSet<QString> kAllowed{
    QStringLiteral("created>processing"),
    QStringLiteral("created>succeeded"),
    QStringLiteral("created>failed"),
    QStringLiteral("created>canceled"),
    QStringLiteral("processing>succeeded"),
    QStringLiteral("processing>failed"),
    QStringLiteral("processing>canceled"),
    QStringLiteral("succeeded>partially_refunded"),
    QStringLiteral("succeeded>refunded"),
    QStringLiteral("partially_refunded>partially_refunded"),
    QStringLiteral("partially_refunded>refunded"),
};

QString move(PaymentStatus from, PaymentStatus to)
{
    return paymentStatusName(from) + u'>' + paymentStatusName(to);
}

} // namespace

class TestPaymentStates : public QObject
{
    Q_OBJECT

private:
    DbConnection &db() { return m_server->appDb(); }

    // A payment intent row put straight into the database in `status`
    // (INSERT is not guarded: only changes are).
    QString insertIntent(DbConnection &conn, const QString &status)
    {
        const QString id = BookingFixture::idText(QUuid::createUuid());
        conn.exec(QStringLiteral(
                      "INSERT INTO payment_intents (id, tenant_id, reservation_id, provider,"
                      " provider_ref, status, amount_minor, currency, created_by, created_at,"
                      " updated_at) SELECT ?::uuid, tenant_id, id, 'stripe', ?, ?, amount_minor,"
                      " currency, 'test', now(), now() FROM reservations WHERE id = ?::uuid"),
                  {id, QString(QStringLiteral("pi_trigger_") + id.left(8)), status,
                   BookingFixture::idText(m_reservation)},
                  "insert intent");
        return id;
    }

    // The SQLSTATE of UPDATE ... SET status, or empty when it went through.
    static QString updateStatus(DbConnection &conn, const QString &id, const QString &status)
    {
        try {
            conn.exec(QStringLiteral("UPDATE payment_intents SET status = ? WHERE id = ?::uuid"),
                      {status, id}, "set intent status");
            return QString();
        } catch (const DatabaseFailure &failure) {
            return failure.sqlState();
        }
    }

    static QString statusOf(DbConnection &conn, const QString &id)
    {
        DbRows q = conn.exec(
            QStringLiteral("SELECT status FROM payment_intents WHERE id = ?::uuid"), {id}, "st");
        return q.next() ? q.value(0).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::TestServer>(m_clock, [this](ServerConfig &c) {
            c.runBackgroundJobs = false;
            c.tokens.accessTokenSeconds = 7 * 24 * 3600;
            PaymentFixture::configure(c, m_apis);
        });
        m_booking = std::make_unique<BookingFixture>(*m_server);
        m_payments = std::make_unique<PaymentFixture>(*m_server);
        m_tenant = m_booking->addTenant(QStringLiteral("states"));
        m_admin = m_booking->addUser(QStringLiteral("states-admin"), {QStringLiteral("admin")});
        const QUuid product = m_booking->createProduct(m_tenant.managerToken);
        m_slot =
            m_booking->createSlot(m_tenant.managerToken, product, m_clock.now().addDays(20), 10);
        QVERIFY(!m_slot.isNull());
        const test::TestResponse booked =
            BookingFixture::book(*m_booking->clientAs(m_tenant.staffToken), m_slot, 2, "states-1");
        QCOMPARE(booked.status, 201);
        m_reservation = QUuid::fromString(booked.json().value(QStringLiteral("id")).toString());
    }
    void cleanupTestCase()
    {
        m_payments.reset();
        m_booking.reset();
        m_server.reset();
    }

    void domainTableIsExactlyTheIssuesMachine()
    {
        int allowed = 0;
        for (const PaymentStatus from : kAll) {
            for (const PaymentStatus to : kAll) {
                QVERIFY2(canTransition(from, to) == kAllowed.contains(move(from, to)),
                         qPrintable(move(from, to)));
                allowed += canTransition(from, to) ? 1 : 0;
            }
        }
        QCOMPARE(allowed, int(kAllowed.size()));
        // The one the invariant names.
        QVERIFY(!canTransition(PaymentStatus::Failed, PaymentStatus::Succeeded));
    }

    void namesRoundTripAndUnknownNamesAreRefused()
    {
        QSet<QString> names;
        for (const PaymentStatus s : kAll) {
            names.insert(paymentStatusName(s));
            QCOMPARE(parsePaymentStatus(paymentStatusName(s)), std::optional<PaymentStatus>(s));
        }
        QCOMPARE(names.size(), kAll.size());
        for (const QString &bad : {QStringLiteral("paid"), QStringLiteral("SUCCEEDED"),
                                   QStringLiteral("succeeded "), QString()})
            QVERIFY(!parsePaymentStatus(bad).has_value());
    }

    // The trigger on its own, as the superuser (who is not stopped by grants):
    // every move outside the machine is refused with check_violation and
    // leaves the row as it was; every move inside it goes through.
    void sqlTriggerRefusesEveryIllegalMove()
    {
        const QString violation = QString::fromLatin1(sqlstate::kCheckViolation);
        int refused = 0;
        for (const PaymentStatus from : kAll) {
            for (const PaymentStatus to : kAll) {
                if (from == to)
                    continue; // an unchanged status is not a move
                const QString id = insertIntent(m_server->superDb(), paymentStatusName(from));
                const QString state = updateStatus(m_server->superDb(), id, paymentStatusName(to));
                if (kAllowed.contains(move(from, to))) {
                    QVERIFY2(state.isEmpty(), qPrintable(move(from, to)));
                    QCOMPARE(statusOf(m_server->superDb(), id), paymentStatusName(to));
                } else {
                    QVERIFY2(state == violation, qPrintable(move(from, to) + u' ' + state));
                    QCOMPARE(statusOf(m_server->superDb(), id), paymentStatusName(from));
                    ++refused;
                }
            }
        }
        QCOMPARE(refused, 7 * 6 - (int(kAllowed.size()) - 1));
    }

    void sqlTriggerRefusesFailedToSucceededForEveryRole()
    {
        const QString violation = QString::fromLatin1(sqlstate::kCheckViolation);
        for (DbConnection *conn : {&m_server->superDb(), &db()}) {
            const QString id = insertIntent(*conn, QStringLiteral("failed"));
            QCOMPARE(updateStatus(*conn, id, QStringLiteral("succeeded")), violation);
            QCOMPARE(statusOf(*conn, id), QStringLiteral("failed"));
            // Nor through a detour: failed is final.
            QCOMPARE(updateStatus(*conn, id, QStringLiteral("processing")), violation);
            QCOMPARE(updateStatus(*conn, id, QStringLiteral("created")), violation);
            QCOMPARE(statusOf(*conn, id), QStringLiteral("failed"));
        }
        // A multi-row UPDATE is refused as a whole.
        const QString a = insertIntent(db(), QStringLiteral("created"));
        const QString b = insertIntent(db(), QStringLiteral("failed"));
        try {
            db().exec(QStringLiteral("UPDATE payment_intents SET status = 'succeeded'"
                                     " WHERE id IN (?::uuid, ?::uuid)"),
                      {a, b}, "both");
            QFAIL("the trigger let failed -> succeeded through");
        } catch (const DatabaseFailure &failure) {
            QCOMPARE(failure.sqlState(), violation);
        }
        QCOMPARE(statusOf(db(), a), QStringLiteral("created"));
        QCOMPARE(statusOf(db(), b), QStringLiteral("failed"));
        // Clean up what the trigger tests left, so nothing below sees it.
        m_server->superDb().exec(
            QStringLiteral("DELETE FROM payment_intents WHERE provider_ref LIKE 'pi_trigger_%'"),
            {}, "clean");
    }

    // Invariant 2 from the outside. Every registered route, with the ids of a
    // pending reservation and of its intent in every path parameter, as staff
    // and as admin, by its own method and by POST/PATCH/PUT, with bodies and
    // query strings that claim a payment; then paths a redirect or "confirm"
    // handler would have. Nothing may pay the reservation or succeed the intent.
    void noRouteFieldOrRedirectSetsPaid()
    {
        const test::TestResponse booked =
            BookingFixture::book(*m_booking->clientAs(m_tenant.staffToken), m_slot, 1, "walk-1");
        QCOMPARE(booked.status, 201);
        const QUuid reservation =
            QUuid::fromString(booked.json().value(QStringLiteral("id")).toString());
        const test::TestResponse intentResponse =
            m_payments->createIntent(m_tenant.staffToken, reservation, QStringLiteral("stripe"));
        QCOMPARE(intentResponse.status, 201);
        const QJsonObject intent = intentResponse.json();
        const QString intentId = intent.value(QStringLiteral("id")).toString();
        const QString providerRef = intent.value(QStringLiteral("provider_ref")).toString();
        const QString reservationId = BookingFixture::idText(reservation);

        const QJsonObject claim{
            {QStringLiteral("status"), QStringLiteral("paid")},
            {QStringLiteral("payment_status"), QStringLiteral("succeeded")},
            {QStringLiteral("intent_status"), QStringLiteral("succeeded")},
            {QStringLiteral("paid"), true},
            {QStringLiteral("id"), reservationId},
            {QStringLiteral("reservation_id"), reservationId},
            {QStringLiteral("payment_intent_id"), intentId},
            {QStringLiteral("paid_by_intent"), intentId},
            {QStringLiteral("provider"), QStringLiteral("stripe")},
            {QStringLiteral("type"), QStringLiteral("payment_intent.succeeded")},
            {QStringLiteral("livemode"), false},
            {QStringLiteral("data"),
             QJsonObject{{QStringLiteral("object"),
                          QJsonObject{{QStringLiteral("id"), providerRef},
                                      {QStringLiteral("status"), QStringLiteral("succeeded")},
                                      {QStringLiteral("external_reference"), intentId}}}}},
            {QStringLiteral("pix"),
             QJsonArray{QJsonObject{{QStringLiteral("txid"), providerRef},
                                    {QStringLiteral("valor"), QStringLiteral("125.00")}}}}};
        const QByteArray body = QJsonDocument(claim).toJson(QJsonDocument::Compact);
        const QString query =
            QStringLiteral("?status=paid&payment_status=succeeded&collection_status=approved"
                           "&external_reference=") +
            intentId + QStringLiteral("&payment_intent=") + providerRef +
            QStringLiteral("&redirect_status=succeeded");

        // The cancel route would end the reservation (legitimately, and not
        // as paid): it goes last so every other route meets a pending one.
        QList<Route> routes = m_server->server().router().routes();
        std::stable_sort(routes.begin(), routes.end(), [](const Route &a, const Route &b) {
            return !a.key.pattern.endsWith(u"/cancel") && b.key.pattern.endsWith(u"/cancel");
        });
        static const QRegularExpression param(QStringLiteral("\\{[a-z_]+\\}"));
        int sent = 0;
        for (const Route &route : routes) {
            QList<QByteArray> methods{route.key.method};
            for (const QByteArray m : {"POST", "PATCH", "PUT"}) {
                if (!methods.contains(m))
                    methods << m;
            }
            for (const QString &id : {reservationId, intentId}) {
                const QString path = QString(route.key.pattern).replace(param, id);
                for (const QString &token : {m_tenant.staffToken, m_admin}) {
                    for (const QByteArray &method : std::as_const(methods)) {
                        const auto http = m_booking->clientAs(token);
                        const test::TestResponse r = http->request(
                            method, path + query, method == "GET" ? QByteArray() : body,
                            {{"Idempotency-Key", QUuid::createUuid().toByteArray()}});
                        QVERIFY2(r.status != 0,
                                 qPrintable(QString::fromLatin1(method) + u' ' + path));
                        ++sent;
                    }
                }
                QCOMPARE(PaymentFixture::intentStatus(db(), QUuid::fromString(intentId)),
                         QStringLiteral("created"));
                QVERIFY2(BookingFixture::statusOf(db(), reservation) != u"paid",
                         qPrintable(route.key.pattern));
            }
        }
        QVERIFY(sent > 100);

        // Paths a provider redirect, a "confirm" button or a client library
        // might be expected to have: none exists, none pays.
        const QStringList invented{
            QStringLiteral("/v1/reservations/%1/pay"),
            QStringLiteral("/v1/reservations/%1/confirm"),
            QStringLiteral("/v1/reservations/%1/paid"),
            QStringLiteral("/v1/reservations/%1"),
            QStringLiteral("/v1/payment-intents/%2"),
            QStringLiteral("/v1/payment-intents/%2/confirm"),
            QStringLiteral("/v1/payment-intents/%2/capture"),
            QStringLiteral("/v1/payment-intents/%2/succeed"),
            QStringLiteral("/v1/payments/return"),
            QStringLiteral("/v1/payments/success"),
            QStringLiteral("/v1/payments/mercadopago/return"),
            QStringLiteral("/v1/checkout/success"),
            QStringLiteral("/return"),
        };
        for (const QString &pattern : invented) {
            const QString path = QString(pattern).arg(reservationId, intentId);
            for (const QString &token : {m_tenant.staffToken, m_admin, QString()}) {
                for (const QByteArray method : {"GET", "POST", "PATCH", "PUT"}) {
                    const auto http = m_booking->clientAs(token);
                    const test::TestResponse r =
                        http->request(method, path + query, method == "GET" ? QByteArray() : body,
                                      {{"Idempotency-Key", QUuid::createUuid().toByteArray()}});
                    QVERIFY2(r.status >= 400 || method == "GET",
                             qPrintable(QString::fromLatin1(method) + u' ' + path));
                }
            }
        }

        QVERIFY(BookingFixture::statusOf(db(), reservation) != u"paid");
        QCOMPARE(PaymentFixture::intentStatus(db(), QUuid::fromString(intentId)),
                 QStringLiteral("created"));
        QCOMPARE(BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM reservations"
                                                            " WHERE status = 'paid'"
                                                            " OR paid_by_intent IS NOT NULL")),
                 0);
        QCOMPARE(BookingFixture::count(
                     db(), QStringLiteral("SELECT count(*) FROM payment_intents WHERE status IN"
                                          " ('succeeded', 'partially_refunded', 'refunded')")),
                 0);
        QCOMPARE(BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM webhook_events")),
                 0);
        QCOMPARE(BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM audit_log"
                                                            " WHERE action = 'reservation.paid'")),
                 0);
        // Deliveries refused on the webhook routes were kept, none verified.
        QCOMPARE(BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM"
                                                            " webhook_deliveries WHERE"
                                                            " verification = 'verified'")),
                 0);
        QVERIFY(BookingFixture::count(
                    db(), QStringLiteral("SELECT count(*) FROM webhook_deliveries")) > 0);
        QCOMPARE(PaymentFixture::invariantViolations(db()), QString());
    }

private:
    test::ManualClock m_clock;
    test::FakePaymentApis m_apis;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_booking;
    std::unique_ptr<PaymentFixture> m_payments;
    test::BookingTenant m_tenant;
    QString m_admin;
    QUuid m_slot;
    QUuid m_reservation;
};

QTEST_GUILESS_MAIN(TestPaymentStates)
#include "tst_paymentstates.moc"
