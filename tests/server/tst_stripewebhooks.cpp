// POST /v1/webhooks/stripe through the real route: the shared vector file's
// cases with its secret and "now", and deliveries built here the way Stripe
// builds them. A verified event is applied exactly once, in one transaction,
// never backwards, only for the intent's amount and currency; late payments
// are honoured or flagged for refund; refunds release seats. Then the
// forensics list, GET /v1/webhook-events. After every test the SQL invariants
// hold (PaymentFixture::invariantViolations).
#include "booking/reservationservice.h"
#include "db/sqlerror.h"
#include "db/transaction.h"
#include "manualclock.h"
#include "metrics/counters.h"
#include "paymentfixture.h"
#include "payments/paymentservice.h"
#include "payments/webhookstore.h"
#include "providers/outboundhttp.h"
#include "testdata.h"
#include "webhooks/stripesignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;
using test::Payable;
using test::PaymentCounts;
using test::PaymentFixture;
using test::PaymentSecrets;

namespace {

constexpr int kHoldSeconds = 900;
constexpr qint64 kPrice = 30000; // ARS, the vector's amount

struct DeliveryRow
{
    QString verification;
    QString outcome;
    QString eventId;
    QString intentId;
    int httpStatus = 0;
    QJsonObject headers;
    QByteArray body;
};

} // namespace

class TestStripeWebhooks : public QObject
{
    Q_OBJECT

private:
    DbConnection &db() { return m_server->appDb(); }

    Payable payable(int capacity = 5, int quantity = 1, const QUuid &slot = {})
    {
        return m_payments->payable(
            m_tenant,
            slot.isNull() ? m_booking->createSlot(m_tenant.managerToken, m_product,
                                                  m_clock.now().addDays(5 + m_slots++), capacity)
                          : slot,
            QStringLiteral("stripe"), quantity);
    }

    // Another intent for the same reservation (a second attempt at paying).
    void addIntent(Payable &p) { m_payments->addIntent(m_tenant, p, QStringLiteral("stripe")); }

    static QString newEventId()
    {
        return QStringLiteral("evt_") + QUuid::createUuid().toString(QUuid::Id128);
    }

    QByteArray intentEvent(const Payable &p, const QString &type, const QString &status,
                           qint64 amount, const QString &currency = QStringLiteral("ars"),
                           const QString &eventId = {})
    {
        return PaymentFixture::stripeEvent(
            eventId.isEmpty() ? newEventId() : eventId, type,
            PaymentFixture::stripeIntentObject(p.ref, amount, currency, status));
    }
    QByteArray succeeded(const Payable &p, const QString &eventId = {})
    {
        return intentEvent(p, QStringLiteral("payment_intent.succeeded"),
                           QStringLiteral("succeeded"), p.amount, QStringLiteral("ars"), eventId);
    }
    QByteArray refunded(const Payable &p, qint64 total, bool full)
    {
        return PaymentFixture::stripeEvent(
            newEventId(), QStringLiteral("charge.refunded"),
            PaymentFixture::stripeChargeObject(p.ref, p.amount, total, full,
                                               QStringLiteral("ars")));
    }

    test::TestResponse deliver(const QByteArray &body,
                               const QByteArray &secret = PaymentSecrets::kStripe)
    {
        return m_payments->postStripeSigned(body, m_clock.now(), secret);
    }

    DeliveryRow delivery(const test::TestResponse &r)
    {
        DbRows q = db().exec(
            QStringLiteral("SELECT verification, outcome, COALESCE(event_id, ''),"
                           " COALESCE(payment_intent_id::text, ''), http_status, headers::text,"
                           " body FROM webhook_deliveries WHERE request_id = ?"),
            {QString::fromLatin1(r.header("x-request-id"))}, "delivery");
        DeliveryRow row;
        if (!q.next())
            return row;
        row.verification = q.value(0).toString();
        row.outcome = q.value(1).toString();
        row.eventId = q.value(2).toString();
        row.intentId = q.value(3).toString();
        row.httpStatus = q.value(4).toInt();
        row.headers = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        row.body = q.value(6).toByteArray();
        return row;
    }

    qint64 audits(const QString &action, const QString &resource)
    {
        return BookingFixture::count(
            db(),
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ? AND resource = ?"),
            {action, resource});
    }
    static QString reservationResource(const Payable &p)
    {
        return QStringLiteral("reservation:") + BookingFixture::idText(p.reservation);
    }
    static QString intentResource(const Payable &p)
    {
        return QStringLiteral("payment_intent:") + BookingFixture::idText(p.intent);
    }
    qint64 events(const Payable &p)
    {
        return BookingFixture::count(
            db(),
            QStringLiteral("SELECT count(*) FROM webhook_events WHERE payment_intent_id = ?::uuid"),
            {BookingFixture::idText(p.intent)});
    }
    bool needsRefund(const Payable &p)
    {
        return BookingFixture::count(
                   db(),
                   QStringLiteral(
                       "SELECT needs_refund::int FROM payment_intents WHERE id = ?::uuid"),
                   {BookingFixture::idText(p.intent)}) == 1;
    }

    void verifyPaid(const Payable &p)
    {
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("succeeded"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("paid"));
        QCOMPARE(PaymentFixture::paidBy(db(), p.reservation), p.intent);
        QCOMPARE(audits(QStringLiteral("reservation.paid"), reservationResource(p)), 1);
        QCOMPARE(audits(QStringLiteral("payment.succeeded"), intentResource(p)), 1);
    }

    // A refused delivery: the status, kept for forensics as `verification`
    // with its raw body, and nothing else changed.
    void verifyRefused(const test::TestResponse &r, const PaymentCounts &before, int status,
                       const QString &verification, const QByteArray &body)
    {
        QCOMPARE(r.status, status);
        QVERIFY(!r.body.contains("received"));
        PaymentCounts after = PaymentFixture::counts(db());
        QCOMPARE(after.deliveries, before.deliveries + 1);
        after.deliveries = before.deliveries;
        QCOMPARE(after, before);
        const DeliveryRow row = delivery(r);
        QCOMPARE(row.verification, verification);
        QCOMPARE(row.outcome, QStringLiteral("rejected"));
        QCOMPARE(row.httpStatus, status);
        QCOMPARE(row.body, body);
        QVERIFY(row.eventId.isEmpty()); // a forged event id is not to be believed
    }

    // Applies a verified event for `p` straight through PaymentService on the
    // test's connection (no HTTP), and counts the round trips it took.
    struct Applied
    {
        WebhookOutcome outcome = WebhookOutcome::Ignored;
        quint64 roundTrips = 0;
        QString eventId;
    };
    Applied applyDirectly(const Payable &p, const QString &type, PaymentStatus target)
    {
        OutboundHttp http;
        ReservationService reservations(m_clock, kHoldSeconds);
        PaymentService payments(m_clock, http, m_server->config().payments, reservations);
        VerifiedPaymentEvent event;
        event.provider = QStringLiteral("stripe");
        event.eventId = newEventId();
        event.eventType = type;
        event.providerRef = p.ref;
        event.target = target;
        event.amountMinor = p.amount;
        event.currency = QStringLiteral("ars");
        WebhookDelivery delivery;
        delivery.provider = event.provider;
        delivery.receivedAt = m_clock.now();
        delivery.body = "{}";
        const quint64 before = db().roundTrips();
        Applied applied;
        applied.outcome = payments.applyVerifiedEvent(db(), event, delivery);
        applied.roundTrips = db().roundTrips() - before;
        applied.eventId = event.eventId;
        return applied;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_vector = test::loadVector(QStringLiteral("stripe-webhook.json"));
        QVERIFY(!m_vector.isEmpty());
        m_server = std::make_unique<test::TestServer>(m_clock, [this](ServerConfig &c) {
            c.runBackgroundJobs = false;
            c.holdSeconds = kHoldSeconds;
            c.tokens.accessTokenSeconds = 30 * 24 * 3600;
            PaymentFixture::configure(
                c, m_apis, {m_vector.value(QStringLiteral("secret")).toString().toUtf8()});
        });
        m_booking = std::make_unique<BookingFixture>(*m_server);
        m_payments = std::make_unique<PaymentFixture>(*m_server);
        m_tenant = m_booking->addTenant(QStringLiteral("stripe-hooks"));
        m_admin = m_booking->addUser(QStringLiteral("stripe-admin"), {QStringLiteral("admin")});
        m_product = m_booking->createProduct(m_tenant.managerToken,
                                             {{QStringLiteral("price_minor"), kPrice},
                                              {QStringLiteral("currency"), QStringLiteral("ARS")}});
        QVERIFY(!m_product.isNull());
    }
    void cleanupTestCase()
    {
        m_payments.reset();
        m_booking.reset();
        m_server.reset();
    }
    void cleanup() { QCOMPARE(PaymentFixture::invariantViolations(db()), QString()); }

    // The vector file through the route, with its secret and its "now": the
    // invalid cases first (nothing may change), then the valid ones (the
    // first applies, the rotation header's copy is the same event: duplicate).
    void vectorCasesThroughTheRoute()
    {
        m_apis.setNextStripeId(QStringLiteral("pi_3QxReserva0001"));
        const Payable p = payable();
        QCOMPARE(p.ref, QStringLiteral("pi_3QxReserva0001"));
        QCOMPARE(p.amount, kPrice);
        const QDateTime saved = m_clock.now();
        const QByteArray payload = m_vector.value(QStringLiteral("payload")).toString().toUtf8();
        const QJsonArray cases = m_vector.value(QStringLiteral("cases")).toArray();
        QVERIFY(cases.size() >= 9);
        QStringList validOutcomes;
        for (const bool wantValid : {false, true}) {
            for (const QJsonValue &v : cases) {
                const QJsonObject c = v.toObject();
                const QString name = c.value(QStringLiteral("name")).toString();
                const bool valid = c.value(QStringLiteral("expect")).toString() == u"valid";
                if (valid != wantValid)
                    continue;
                const QByteArray body =
                    c.contains(QStringLiteral("payload_override"))
                        ? c.value(QStringLiteral("payload_override")).toString().toUtf8()
                        : payload;
                m_clock.set(QDateTime::fromSecsSinceEpoch(
                    c.value(QStringLiteral("now")).toInteger(), Qt::UTC));
                const PaymentCounts before = PaymentFixture::counts(db());
                const test::TestResponse r = m_payments->postStripe(
                    body, c.value(QStringLiteral("header")).toString().toUtf8());
                if (valid) {
                    QVERIFY2(r.status == 200, qPrintable(name));
                    validOutcomes << PaymentFixture::outcomeOf(r);
                    continue;
                }
                // Missing or unparsable parts: 400; a parsable header that
                // does not verify (or is out of time): 401.
                const bool malformed = name.startsWith(u"no ") || name.startsWith(u"garbage");
                const bool stale = name.startsWith(u"stale") || name.startsWith(u"future");
                verifyRefused(r, before, malformed ? 400 : 401,
                              malformed ? QStringLiteral("malformed")
                              : stale   ? QStringLiteral("stale")
                                        : QStringLiteral("bad_signature"),
                              body);
                QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("created"));
            }
        }
        m_clock.set(saved);
        QCOMPARE(validOutcomes,
                 QStringList({QStringLiteral("applied"), QStringLiteral("duplicate")}));
        verifyPaid(p);
        QCOMPARE(events(p), 1);
    }

    void validSucceededPaysTheReservationInOneGo()
    {
        const Payable p = payable(5, 2);
        const qint64 seats = BookingFixture::seatsTaken(db(), p.slot);
        const QString eventId = newEventId();
        const QByteArray body = succeeded(p, eventId);
        const test::TestResponse r = deliver(body);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), QJsonObject({{QStringLiteral("received"), true},
                                        {QStringLiteral("outcome"), QStringLiteral("applied")}}));
        verifyPaid(p);
        QCOMPARE(BookingFixture::seatsTaken(db(), p.slot), seats);
        const DeliveryRow row = delivery(r);
        QCOMPARE(row.verification, QStringLiteral("verified"));
        QCOMPARE(row.outcome, QStringLiteral("applied"));
        QCOMPARE(row.eventId, eventId);
        QCOMPARE(row.intentId, BookingFixture::idText(p.intent));
        QCOMPARE(row.httpStatus, 200);
        QCOMPARE(row.body, body);
        QVERIFY(row.headers.value(QStringLiteral("stripe-signature")).toString().startsWith(u"t="));
        QCOMPARE(BookingFixture::count(db(),
                                       QStringLiteral("SELECT count(*) FROM webhook_events WHERE"
                                                      " provider = 'stripe' AND event_id = ? AND"
                                                      " outcome = 'applied' AND payment_intent_id"
                                                      " = ?::uuid"),
                                       {eventId, BookingFixture::idText(p.intent)}),
                 1);
        // The API shows the result; nothing but the webhook produced it.
        const QJsonObject intent =
            m_booking->clientAs(m_tenant.staffToken)
                ->get(QStringLiteral("/v1/payment-intents/") + BookingFixture::idText(p.intent))
                .json();
        QCOMPARE(intent.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    }

    void aPaymentWaitsOnTheDatabaseFiveTimes()
    {
        // BEGIN with the intent's lock; the event's "seen before?"; the slot's
        // lock (found through the reservation); the reservation, read under
        // it; and the COMMIT, with the intent's and the reservation's changes,
        // their audit rows, the delivery and the event's row. A statement
        // that waits for its answer where it could ride with the next one
        // makes it six, and this count sees it.
        for (int i = 0; i < 2; ++i) { // the first one prepares the statements
            const Payable p = payable();
            const Applied applied = applyDirectly(p, QStringLiteral("payment_intent.succeeded"),
                                                  PaymentStatus::Succeeded);
            QCOMPARE(applied.outcome, WebhookOutcome::Applied);
            if (i == 1)
                QCOMPARE(applied.roundTrips, quint64(5));
            verifyPaid(p);
            QCOMPARE(events(p), 1);
            QCOMPARE(BookingFixture::count(
                         db(),
                         QStringLiteral("SELECT count(*) FROM webhook_deliveries d"
                                        " JOIN webhook_events e ON e.delivery_id = d.id"
                                        " WHERE e.event_id = ? AND d.outcome = 'applied'"
                                        " AND d.payment_intent_id = ?::uuid"),
                         {applied.eventId, BookingFixture::idText(p.intent)}),
                     1);
        }
    }

    void aFailedPaymentWaitsOnTheDatabaseThreeTimes()
    {
        // BEGIN with the intent's lock; "seen before?"; the COMMIT with the
        // intent's change, its audit row, the delivery and the event's row.
        // The reservation is not read: a failed payment leaves it as it is.
        for (int i = 0; i < 2; ++i) { // the first one prepares the statements
            const Payable p = payable();
            const Applied applied = applyDirectly(
                p, QStringLiteral("payment_intent.payment_failed"), PaymentStatus::Failed);
            QCOMPARE(applied.outcome, WebhookOutcome::Applied);
            if (i == 1)
                QCOMPARE(applied.roundTrips, quint64(3));
            QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("failed"));
            QCOMPARE(events(p), 1);
        }
    }

    void aSecondRowForAnEventFailsItsWholeTransaction()
    {
        // A copy that got past eventRecorded() without the intent's lock: its
        // deferred event row breaks the primary key at the COMMIT, and nothing
        // of that copy is kept, its delivery included.
        const Payable p = payable();
        const QString eventId = newEventId();
        QCOMPARE(deliver(succeeded(p, eventId)).status, 200);
        QCOMPARE(events(p), 1);
        const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        WebhookDelivery copy;
        copy.provider = QStringLiteral("stripe");
        copy.receivedAt = m_clock.now();
        copy.requestId = requestId;
        copy.verification = QStringLiteral("verified");
        copy.eventId = eventId;
        copy.body = "{}";
        {
            Transaction tx(db());
            const QUuid deliveryId =
                webhookstore::insertDelivery(db(), copy, QStringLiteral("applied"), 200, p.intent);
            webhookstore::recordEvent(db(), copy.provider, eventId, deliveryId, p.intent,
                                      QStringLiteral("applied"), m_clock.now());
            QVERIFY_THROWS_EXCEPTION(DatabaseFailure, tx.commit());
        }
        QCOMPARE(events(p), 1);
        QCOMPARE(BookingFixture::count(db(),
                                       QStringLiteral("SELECT count(*) FROM webhook_deliveries"
                                                      " WHERE request_id = ?"),
                                       {requestId}),
                 0);
        // The connection is usable again.
        QCOMPARE(BookingFixture::count(db(), QStringLiteral("SELECT 1"), {}), 1);
    }

    void forgedTamperedStaleFutureAndMissingAreRefused()
    {
        const Payable p = payable();
        const QByteArray body = succeeded(p);
        const qint64 now = m_clock.now().toSecsSinceEpoch();
        const PaymentCounts start = PaymentFixture::counts(db());
        struct Attempt
        {
            const char *name;
            QByteArray body;
            QByteArray header;
            int status;
            const char *verification;
        };
        // One byte: the last digit of the amount.
        QByteArray tampered = body;
        const qsizetype digit = body.indexOf(QByteArray::number(p.amount)) + 4;
        tampered[digit] = '1';
        const QByteArray reformatted =
            QJsonDocument::fromJson(body).toJson(QJsonDocument::Indented);
        const QList<Attempt> attempts{
            {"another secret", body,
             StripeSignatureVerifier::sign("whsec_attacker_guess", body, now), 401,
             "bad_signature"},
            {"one byte changed", tampered,
             StripeSignatureVerifier::sign(PaymentSecrets::kStripe, body, now), 401,
             "bad_signature"},
            {"same JSON, other bytes", reformatted,
             StripeSignatureVerifier::sign(PaymentSecrets::kStripe, body, now), 401,
             "bad_signature"},
            {"stale", body, StripeSignatureVerifier::sign(PaymentSecrets::kStripe, body, now - 301),
             401, "stale"},
            {"future", body,
             StripeSignatureVerifier::sign(PaymentSecrets::kStripe, body, now + 301), 401, "stale"},
            {"timestamp changed after signing", body,
             StripeSignatureVerifier::sign(PaymentSecrets::kStripe, body, now - 400)
                 .replace(QByteArray::number(now - 400), QByteArray::number(now)),
             401, "bad_signature"},
            {"missing header", body, QByteArray(), 400, "malformed"},
            {"empty header", body, QByteArray(""), 400, "malformed"},
        };
        for (const Attempt &a : attempts) {
            const PaymentCounts before = PaymentFixture::counts(db());
            const quint64 rejectedBefore = counters().webhooksRejected.load();
            test::StdoutCapture log;
            const test::TestResponse r = m_payments->postStripe(a.body, a.header);
            const QByteArray logged = log.text();
            verifyRefused(r, before, a.status, QString::fromLatin1(a.verification), a.body);
            // Counted and logged, under the delivery's request id.
            QCOMPARE(counters().webhooksRejected.load(), rejectedBefore + 1);
            QVERIFY2(logged.contains("\"kind\":\"webhook_rejected\"") &&
                         logged.contains(r.header("x-request-id")),
                     logged.constData());
            if (QTest::currentTestFailed())
                qWarning("attempt: %s", a.name);
        }
        QCOMPARE(PaymentFixture::counts(db()).deliveries, start.deliveries + attempts.size());
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("created"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("pending_payment"));
        // The genuine delivery still applies afterwards.
        QCOMPARE(PaymentFixture::outcomeOf(deliver(body)), QStringLiteral("applied"));
        verifyPaid(p);
    }

    // Invariant 8: livemode:false (a "test" event) is verified like any other.
    void livemodeFalseBypassesNothing()
    {
        const Payable p = payable();
        const QByteArray body = PaymentFixture::stripeEvent(
            newEventId(), QStringLiteral("payment_intent.succeeded"),
            PaymentFixture::stripeIntentObject(p.ref, p.amount, QStringLiteral("ars"),
                                               QStringLiteral("succeeded")),
            false);
        QVERIFY(body.contains("\"livemode\":false"));
        PaymentCounts before = PaymentFixture::counts(db());
        verifyRefused(m_payments->postStripe(body, {}), before, 400, QStringLiteral("malformed"),
                      body);
        before = PaymentFixture::counts(db());
        verifyRefused(m_payments->postStripe(
                          body, StripeSignatureVerifier::sign("whsec_test_mode", body,
                                                              m_clock.now().toSecsSinceEpoch())),
                      before, 401, QStringLiteral("bad_signature"), body);
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("created"));
    }

    // Rotation: the previous secret is still accepted; any v1 may match; v0
    // (Stripe's test-mode scheme) is never used to verify.
    void rotatedSecretAndV0()
    {
        const qint64 now = m_clock.now().toSecsSinceEpoch();
        const Payable old = payable();
        QCOMPARE(
            PaymentFixture::outcomeOf(deliver(succeeded(old), PaymentSecrets::kStripePrevious)),
            QStringLiteral("applied"));
        verifyPaid(old);

        // Two v1 values (Stripe signs with every active secret), one unknown.
        const Payable both = payable();
        const QByteArray body = succeeded(both);
        const QByteArray unknownMac =
            StripeSignatureVerifier::sign("whsec_not_ours", body, now).split(',').at(1);
        const QByteArray header =
            StripeSignatureVerifier::sign(PaymentSecrets::kStripe, body, now) + ',' + unknownMac;
        QCOMPARE(PaymentFixture::outcomeOf(m_payments->postStripe(body, header)),
                 QStringLiteral("applied"));
        verifyPaid(both);

        // Only a v0 carrying the right MAC: there is no v1 to verify.
        const Payable v0 = payable();
        const QByteArray v0Body = succeeded(v0);
        const QByteArray validV1 =
            StripeSignatureVerifier::sign(PaymentSecrets::kStripe, v0Body, now);
        QByteArray v0Header = validV1;
        v0Header.replace(",v1=", ",v0=");
        PaymentCounts before = PaymentFixture::counts(db());
        verifyRefused(m_payments->postStripe(v0Body, v0Header), before, 400,
                      QStringLiteral("malformed"), v0Body);
        // The only v1 from an unknown secret, a valid MAC as v0: refused.
        before = PaymentFixture::counts(db());
        const QByteArray mixed = "t=" + QByteArray::number(now) + ',' + unknownMac +
                                 ",v0=" + validV1.split(',').at(1).mid(3);
        verifyRefused(m_payments->postStripe(v0Body, mixed), before, 401,
                      QStringLiteral("bad_signature"), v0Body);
        // A garbage v0 beside a valid v1 is ignored.
        QCOMPARE(PaymentFixture::outcomeOf(m_payments->postStripe(v0Body, validV1 + ",v0=zz")),
                 QStringLiteral("applied"));
        verifyPaid(v0);

        // A secret never configured: refused.
        const Payable stranger = payable();
        before = PaymentFixture::counts(db());
        const QByteArray strangerBody = succeeded(stranger);
        verifyRefused(deliver(strangerBody, "whsec_reserva_retired"), before, 401,
                      QStringLiteral("bad_signature"), strangerBody);
    }

    void duplicateSequentialIsAppliedOnce()
    {
        const Payable p = payable();
        const QByteArray body = succeeded(p);
        QCOMPARE(PaymentFixture::outcomeOf(deliver(body)), QStringLiteral("applied"));
        const PaymentCounts paid = PaymentFixture::counts(db());
        m_clock.advance(5); // a redelivery is signed afresh
        const test::TestResponse again = deliver(body);
        QCOMPARE(again.status, 200);
        QCOMPARE(PaymentFixture::outcomeOf(again), QStringLiteral("duplicate"));
        QCOMPARE(delivery(again).outcome, QStringLiteral("duplicate"));
        PaymentCounts after = PaymentFixture::counts(db());
        QCOMPARE(after.deliveries, paid.deliveries + 1);
        after.deliveries = paid.deliveries;
        QCOMPARE(after, paid);
        QCOMPARE(events(p), 1);
        verifyPaid(p);
    }

    void twentyConcurrentCopiesApplyOnce()
    {
        const Payable p = payable();
        const QString eventId = newEventId();
        const QByteArray body = succeeded(p, eventId);
        const QByteArray header = StripeSignatureVerifier::sign(PaymentSecrets::kStripe, body,
                                                                m_clock.now().toSecsSinceEpoch());
        constexpr int kCopies = 20;
        std::vector<test::TestResponse> responses(kCopies);
        BookingFixture::runConcurrently(
            kCopies, [&](int i) { responses[size_t(i)] = m_payments->postStripe(body, header); });
        QStringList outcomes;
        for (const test::TestResponse &r : std::as_const(responses)) {
            QCOMPARE(r.status, 200);
            outcomes << PaymentFixture::outcomeOf(r);
        }
        QCOMPARE(outcomes.count(QStringLiteral("applied")), 1);
        QCOMPARE(outcomes.count(QStringLiteral("duplicate")), kCopies - 1);
        QCOMPARE(events(p), 1);
        QCOMPARE(BookingFixture::count(db(),
                                       QStringLiteral("SELECT count(*) FROM webhook_deliveries"
                                                      " WHERE event_id = ?"),
                                       {eventId}),
                 kCopies);
        verifyPaid(p);
    }

    // Events arrive in any order: a state never moves backwards.
    void outOfOrderNeverMovesBackwards()
    {
        const Payable p = payable();
        QCOMPARE(PaymentFixture::outcomeOf(deliver(succeeded(p))), QStringLiteral("applied"));
        const QList<QPair<QString, QString>> late{
            {QStringLiteral("payment_intent.payment_failed"),
             QStringLiteral("requires_payment_method")},
            {QStringLiteral("payment_intent.processing"), QStringLiteral("processing")},
            {QStringLiteral("payment_intent.canceled"), QStringLiteral("canceled")},
        };
        for (const auto &[type, status] : late) {
            const test::TestResponse r = deliver(intentEvent(p, type, status, p.amount));
            QCOMPARE(r.status, 200);
            QCOMPARE(PaymentFixture::outcomeOf(r), QStringLiteral("stale_state"));
            QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("succeeded"));
        }
        verifyPaid(p);
        QCOMPARE(BookingFixture::count(db(),
                                       QStringLiteral("SELECT count(*) FROM webhook_events WHERE"
                                                      " payment_intent_id = ?::uuid AND outcome ="
                                                      " 'stale_state'"),
                                       {BookingFixture::idText(p.intent)}),
                 3);

        // Invariant 1 from the webhook side: failed, then a success, stays failed.
        const Payable failed = payable();
        QCOMPARE(PaymentFixture::outcomeOf(deliver(
                     intentEvent(failed, QStringLiteral("payment_intent.payment_failed"),
                                 QStringLiteral("requires_payment_method"), failed.amount))),
                 QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::intentStatus(db(), failed.intent), QStringLiteral("failed"));
        // Stripe lets a PaymentIntent be paid after payment_failed: the money
        // is not dropped as stale, it is flagged for refund; the intent stays
        // failed and the reservation unpaid.
        QByteArray log;
        test::TestResponse afterFailure;
        {
            test::StdoutCapture capture;
            afterFailure = deliver(succeeded(failed));
            log = capture.text();
        }
        QCOMPARE(PaymentFixture::outcomeOf(afterFailure), QStringLiteral("refund_required"));
        QVERIFY(log.contains("payment_needs_refund"));
        QVERIFY(needsRefund(failed));
        QCOMPARE(PaymentFixture::intentStatus(db(), failed.intent), QStringLiteral("failed"));
        QCOMPARE(BookingFixture::statusOf(db(), failed.reservation),
                 QStringLiteral("pending_payment"));
        QVERIFY(PaymentFixture::paidBy(db(), failed.reservation).isNull());
        // A canceled intent, likewise.
        const Payable canceled = payable();
        QCOMPARE(PaymentFixture::outcomeOf(
                     deliver(intentEvent(canceled, QStringLiteral("payment_intent.canceled"),
                                         QStringLiteral("canceled"), canceled.amount))),
                 QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::outcomeOf(deliver(succeeded(canceled))),
                 QStringLiteral("refund_required"));
        QCOMPARE(PaymentFixture::intentStatus(db(), canceled.intent), QStringLiteral("canceled"));
        QVERIFY(needsRefund(canceled));
        // processing then succeeded is the normal way forward.
        const Payable slow = payable();
        QCOMPARE(PaymentFixture::outcomeOf(
                     deliver(intentEvent(slow, QStringLiteral("payment_intent.processing"),
                                         QStringLiteral("processing"), slow.amount))),
                 QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::intentStatus(db(), slow.intent), QStringLiteral("processing"));
        QCOMPARE(BookingFixture::statusOf(db(), slow.reservation),
                 QStringLiteral("pending_payment"));
        QCOMPARE(PaymentFixture::outcomeOf(deliver(succeeded(slow))), QStringLiteral("applied"));
        verifyPaid(slow);
    }

    // Invariant 7: more than one minor unit off, or another currency: stored
    // as rejected, an alert logged, nothing else changes.
    void amountOrCurrencyMismatchIsRejected_data()
    {
        QTest::addColumn<qint64>("delta");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QByteArray>("alert");
        QTest::newRow("two more") << qint64(2) << QStringLiteral("ars")
                                  << QStringLiteral("rejected_amount")
                                  << QByteArray("webhook_amount_mismatch");
        QTest::newRow("two less") << qint64(-2) << QStringLiteral("ars")
                                  << QStringLiteral("rejected_amount")
                                  << QByteArray("webhook_amount_mismatch");
        QTest::newRow("a hundredth")
            << qint64(-kPrice + kPrice / 100) << QStringLiteral("ars")
            << QStringLiteral("rejected_amount") << QByteArray("webhook_amount_mismatch");
        QTest::newRow("usd") << qint64(0) << QStringLiteral("usd")
                             << QStringLiteral("rejected_currency")
                             << QByteArray("webhook_currency_mismatch");
        QTest::newRow("brl, one more")
            << qint64(1) << QStringLiteral("brl") << QStringLiteral("rejected_currency")
            << QByteArray("webhook_currency_mismatch");
    }
    void amountOrCurrencyMismatchIsRejected()
    {
        QFETCH(qint64, delta);
        QFETCH(QString, currency);
        QFETCH(QString, outcome);
        QFETCH(QByteArray, alert);
        const Payable p = payable();
        const QString eventId = newEventId();
        const PaymentCounts before = PaymentFixture::counts(db());
        test::TestResponse r;
        QByteArray log;
        {
            test::StdoutCapture capture;
            r = deliver(intentEvent(p, QStringLiteral("payment_intent.succeeded"),
                                    QStringLiteral("succeeded"), p.amount + delta, currency,
                                    eventId));
            log = capture.text();
        }
        QCOMPARE(r.status, 200);
        QCOMPARE(PaymentFixture::outcomeOf(r), outcome);
        QVERIFY2(log.contains(alert), log.constData());
        QVERIFY(log.contains(BookingFixture::idText(p.intent).toLatin1()));
        // Stored as rejected: the delivery and the event (a redelivery of it
        // is a duplicate), and nothing else.
        QCOMPARE(delivery(r).outcome, outcome);
        QCOMPARE(BookingFixture::count(db(),
                                       QStringLiteral("SELECT count(*) FROM webhook_events WHERE"
                                                      " event_id = ? AND outcome = ?"),
                                       {eventId, outcome}),
                 1);
        PaymentCounts after = PaymentFixture::counts(db());
        QCOMPARE(after.deliveries, before.deliveries + 1);
        QCOMPARE(after.events, before.events + 1);
        after.deliveries = before.deliveries;
        after.events = before.events;
        QCOMPARE(after, before);
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("created"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("pending_payment"));
        // The genuine event (another id) still pays.
        QCOMPARE(PaymentFixture::outcomeOf(deliver(succeeded(p))), QStringLiteral("applied"));
        verifyPaid(p);
    }

    // Exactly one minor unit either way is a rounding difference: accepted.
    void oneMinorUnitIsTolerated()
    {
        for (const qint64 delta : {qint64(1), qint64(-1)}) {
            const Payable p = payable();
            QCOMPARE(PaymentFixture::outcomeOf(
                         deliver(intentEvent(p, QStringLiteral("payment_intent.succeeded"),
                                             QStringLiteral("succeeded"), p.amount + delta))),
                     QStringLiteral("applied"));
            verifyPaid(p);
        }
    }

    void unknownIntentIsAcknowledgedAndNotApplied()
    {
        const PaymentCounts before = PaymentFixture::counts(db());
        const QString eventId = newEventId();
        const QByteArray body = PaymentFixture::stripeEvent(
            eventId, QStringLiteral("payment_intent.succeeded"),
            PaymentFixture::stripeIntentObject(QStringLiteral("pi_not_ours_0001"), kPrice,
                                               QStringLiteral("ars"), QStringLiteral("succeeded")));
        const test::TestResponse r = deliver(body);
        QCOMPARE(r.status, 200);
        QCOMPARE(PaymentFixture::outcomeOf(r), QStringLiteral("unknown_intent"));
        const DeliveryRow row = delivery(r);
        QCOMPARE(row.verification, QStringLiteral("verified"));
        QCOMPARE(row.outcome, QStringLiteral("unknown_intent"));
        QVERIFY(row.intentId.isEmpty());
        PaymentCounts after = PaymentFixture::counts(db());
        QCOMPARE(after.deliveries, before.deliveries + 1);
        after.deliveries = before.deliveries;
        QCOMPARE(after, before); // no event row: nothing was applied or claimed
        // An event type we do not act on is acknowledged as ignored.
        const test::TestResponse other =
            deliver(PaymentFixture::stripeEvent(newEventId(), QStringLiteral("customer.created"),
                                                {{QStringLiteral("id"), QStringLiteral("cus_1")}}));
        QCOMPARE(PaymentFixture::outcomeOf(other), QStringLiteral("ignored"));
    }

    void fullRefundRefundsTheReservationAndReleasesSeats()
    {
        const Payable p = payable(5, 3);
        QCOMPARE(PaymentFixture::outcomeOf(deliver(succeeded(p))), QStringLiteral("applied"));
        QCOMPARE(BookingFixture::seatsTaken(db(), p.slot), 3);
        const test::TestResponse r = deliver(refunded(p, p.amount, true));
        QCOMPARE(PaymentFixture::outcomeOf(r), QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("refunded"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("refunded"));
        QCOMPARE(BookingFixture::seatsTaken(db(), p.slot), 0);
        QCOMPARE(audits(QStringLiteral("reservation.refunded"), reservationResource(p)), 1);
        QCOMPARE(audits(QStringLiteral("payment.refunded"), intentResource(p)), 1);
        QCOMPARE(
            BookingFixture::count(
                db(),
                QStringLiteral("SELECT refunded_minor FROM payment_intents WHERE id = ?::uuid"),
                {BookingFixture::idText(p.intent)}),
            p.amount);
        // A late success for the refunded intent changes nothing.
        QCOMPARE(PaymentFixture::outcomeOf(deliver(succeeded(p))), QStringLiteral("stale_state"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("refunded"));
    }

    void partialRefundKeepsTheReservationPaid()
    {
        const Payable p = payable(5, 2);
        QCOMPARE(PaymentFixture::outcomeOf(deliver(succeeded(p))), QStringLiteral("applied"));
        const qint64 part = p.amount / 4;
        QCOMPARE(PaymentFixture::outcomeOf(deliver(refunded(p, part, false))),
                 QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent),
                 QStringLiteral("partially_refunded"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("paid"));
        QCOMPARE(BookingFixture::seatsTaken(db(), p.slot), 2);
        // An older partial total arriving late does not lower the refund.
        QCOMPARE(PaymentFixture::outcomeOf(deliver(refunded(p, part / 2, false))),
                 QStringLiteral("stale_state"));
        QCOMPARE(PaymentFixture::outcomeOf(deliver(refunded(p, 2 * part, false))),
                 QStringLiteral("applied"));
        QCOMPARE(
            BookingFixture::count(
                db(),
                QStringLiteral("SELECT refunded_minor FROM payment_intents WHERE id = ?::uuid"),
                {BookingFixture::idText(p.intent)}),
            2 * part);
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("paid"));
        // More than was charged is not a refund of this payment.
        QCOMPARE(PaymentFixture::outcomeOf(deliver(refunded(p, p.amount + 2, false))),
                 QStringLiteral("rejected_amount"));
        // The rest: refunded in full.
        QCOMPARE(PaymentFixture::outcomeOf(deliver(refunded(p, p.amount, true))),
                 QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("refunded"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("refunded"));
        QCOMPARE(BookingFixture::seatsTaken(db(), p.slot), 0);
    }

    // The README's decision: a payment after the hold lapsed is honoured when
    // the seats are free (taken again under the slot lock), whether or not
    // the sweeper got there first.
    void latePaymentWithSeatsFreeIsHonoured()
    {
        for (const bool swept : {false, true}) {
            const Payable p = payable(2, 2);
            m_clock.advance(kHoldSeconds + 1);
            if (swept) {
                ReservationService sweeper(m_clock, kHoldSeconds);
                QVERIFY(sweeper.releaseDueHolds(db(), 100) >= 1);
                QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("expired"));
                QCOMPARE(BookingFixture::seatsTaken(db(), p.slot), 0);
            }
            const test::TestResponse r = deliver(succeeded(p));
            QCOMPARE(PaymentFixture::outcomeOf(r), QStringLiteral("applied"));
            verifyPaid(p);
            QCOMPARE(BookingFixture::seatsTaken(db(), p.slot), 2);
            QCOMPARE(audits(QStringLiteral("reservation.expire"), reservationResource(p)), 1);
            QCOMPARE(BookingFixture::count(db(),
                                           QStringLiteral("SELECT count(*) FROM audit_log WHERE"
                                                          " action = 'reservation.paid' AND"
                                                          " resource = ? AND detail->>'late' ="
                                                          " 'true'"),
                                           {reservationResource(p)}),
                     1);
            QCOMPARE(BookingFixture::seatInvariantViolations(db()), QString());
            QVERIFY(!needsRefund(p));
        }
    }

    // ... and flagged for refund when they were resold: the reservation stays
    // expired, the money is recorded as arrived (intent succeeded).
    void latePaymentAfterResaleIsFlaggedForRefund()
    {
        const Payable p = payable(1, 1);
        m_clock.advance(kHoldSeconds + 1);
        const test::TestResponse resale =
            BookingFixture::book(*m_booking->clientAs(m_tenant.staffToken), p.slot, 1, "resale-1");
        QCOMPARE(resale.status, 201);
        const QUuid buyer = QUuid::fromString(resale.json().value(QStringLiteral("id")).toString());
        test::TestResponse r;
        QByteArray log;
        {
            test::StdoutCapture capture;
            r = deliver(succeeded(p));
            log = capture.text();
        }
        QCOMPARE(r.status, 200);
        QCOMPARE(PaymentFixture::outcomeOf(r), QStringLiteral("refund_required"));
        QVERIFY(log.contains("payment_needs_refund"));
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("succeeded"));
        QVERIFY(needsRefund(p));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("expired"));
        QVERIFY(PaymentFixture::paidBy(db(), p.reservation).isNull());
        QCOMPARE(BookingFixture::statusOf(db(), buyer), QStringLiteral("pending_payment"));
        QCOMPARE(BookingFixture::seatsTaken(db(), p.slot), 1);
        QCOMPARE(audits(QStringLiteral("payment.refund_required"), intentResource(p)), 1);
        QCOMPARE(audits(QStringLiteral("reservation.paid"), reservationResource(p)), 0);
        QCOMPARE(delivery(r).outcome, QStringLiteral("refund_required"));
        QCOMPARE(BookingFixture::count(db(),
                                       QStringLiteral("SELECT count(*) FROM webhook_events WHERE"
                                                      " payment_intent_id = ?::uuid AND outcome ="
                                                      " 'refund_required'"),
                                       {BookingFixture::idText(p.intent)}),
                 1);
        // Its refund, when staff issue it, leaves the reservation alone.
        QCOMPARE(PaymentFixture::outcomeOf(deliver(refunded(p, p.amount, true))),
                 QStringLiteral("applied"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("expired"));
        QCOMPARE(BookingFixture::seatsTaken(db(), p.slot), 1);
    }

    void secondIntentPayingAPaidReservationNeedsRefund()
    {
        Payable first = payable();
        Payable second = first;
        addIntent(second);
        QVERIFY(second.intent != first.intent);
        QCOMPARE(PaymentFixture::outcomeOf(deliver(succeeded(first))), QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::outcomeOf(deliver(succeeded(second))),
                 QStringLiteral("refund_required"));
        QCOMPARE(PaymentFixture::intentStatus(db(), second.intent), QStringLiteral("succeeded"));
        QVERIFY(needsRefund(second));
        QVERIFY(!needsRefund(first));
        QCOMPARE(PaymentFixture::paidBy(db(), first.reservation), first.intent);
        QCOMPARE(audits(QStringLiteral("reservation.paid"), reservationResource(first)), 1);
        // Refunding the double payment leaves the reservation paid and seated.
        QCOMPARE(PaymentFixture::outcomeOf(deliver(refunded(second, second.amount, true))),
                 QStringLiteral("applied"));
        QCOMPARE(BookingFixture::statusOf(db(), first.reservation), QStringLiteral("paid"));
        QCOMPARE(BookingFixture::seatsTaken(db(), first.slot), 1);

        // A cancelled reservation's late payment: also back to the payer.
        const Payable cancelled = payable();
        QCOMPARE(m_booking->clientAs(m_tenant.staffToken)
                     ->request("POST", QStringLiteral("/v1/reservations/") +
                                           BookingFixture::idText(cancelled.reservation) +
                                           QStringLiteral("/cancel"))
                     .status,
                 200);
        QCOMPARE(PaymentFixture::outcomeOf(deliver(succeeded(cancelled))),
                 QStringLiteral("refund_required"));
        QCOMPARE(BookingFixture::statusOf(db(), cancelled.reservation),
                 QStringLiteral("cancelled"));
        QVERIFY(needsRefund(cancelled));
    }

    // --- GET /v1/webhook-events ------------------------------------------------

    void webhookEventsAreForAdminsOnly()
    {
        test::TestHttpClient anonymous = m_server->client();
        QCOMPARE(anonymous.get(QStringLiteral("/v1/webhook-events")).status, 401);
        for (const QString &token : {m_tenant.staffToken, m_tenant.managerToken}) {
            const test::TestResponse r =
                m_booking->clientAs(token)->get(QStringLiteral("/v1/webhook-events"));
            QCOMPARE(r.status, 403);
            QVERIFY(!r.body.contains("stripe-signature"));
        }
        QCOMPARE(m_booking->clientAs(m_admin)->get(QStringLiteral("/v1/webhook-events")).status,
                 200);
    }

    // Accepted and refused deliveries, each with its verification and
    // outcome, its headers minus credentials and its raw body (base64, any
    // bytes); newest first, in pages that cover everything exactly once.
    void webhookEventsListEveryDelivery()
    {
        const Payable p = payable();
        const QByteArray good = succeeded(p);
        m_clock.advance(1); // newest first: these two after everything before
        const test::TestResponse accepted = m_payments->postStripe(
            good,
            StripeSignatureVerifier::sign(PaymentSecrets::kStripe, good,
                                          m_clock.now().toSecsSinceEpoch()),
            {{"Authorization", "Bearer leaked-credential"}, {"Cookie", "session=leaked"}});
        QCOMPARE(PaymentFixture::outcomeOf(accepted), QStringLiteral("applied"));
        // A forged delivery with bytes that are not UTF-8.
        m_clock.advance(1);
        const QByteArray binary = QByteArray("{\"id\":\"evt_bin\",\"x\":\"\xff\xfe\x00\x01\"}", 25);
        const test::TestResponse refused =
            m_payments->postStripe(binary, "t=1,v1=00", {{"Authorization", "Basic bGVhaw=="}});
        QCOMPARE(refused.status, 401);

        const auto admin = m_booking->clientAs(m_admin);
        const test::TestResponse first = admin->get(QStringLiteral("/v1/webhook-events?limit=5"));
        QCOMPARE(first.status, 200);
        const QJsonArray items = first.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 5);
        QJsonObject acceptedItem;
        QJsonObject refusedItem;
        for (const QJsonValue &v : items) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("request_id")).toString().toLatin1() ==
                accepted.header("x-request-id"))
                acceptedItem = o;
            if (o.value(QStringLiteral("request_id")).toString().toLatin1() ==
                refused.header("x-request-id"))
                refusedItem = o;
        }
        QVERIFY(!acceptedItem.isEmpty() && !refusedItem.isEmpty());
        QCOMPARE(items.first().toObject(), refusedItem); // newest first
        QCOMPARE(acceptedItem.value(QStringLiteral("provider")).toString(),
                 QStringLiteral("stripe"));
        QCOMPARE(acceptedItem.value(QStringLiteral("verification")).toString(),
                 QStringLiteral("verified"));
        QCOMPARE(acceptedItem.value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("applied"));
        QCOMPARE(acceptedItem.value(QStringLiteral("payment_intent_id")).toString(),
                 BookingFixture::idText(p.intent));
        QCOMPARE(acceptedItem.value(QStringLiteral("http_status")).toInt(), 200);
        QCOMPARE(QByteArray::fromBase64(
                     acceptedItem.value(QStringLiteral("body_base64")).toString().toLatin1()),
                 good);
        QCOMPARE(refusedItem.value(QStringLiteral("verification")).toString(),
                 QStringLiteral("stale"));
        QCOMPARE(refusedItem.value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("rejected"));
        QCOMPARE(refusedItem.value(QStringLiteral("http_status")).toInt(), 401);
        QCOMPARE(QByteArray::fromBase64(
                     refusedItem.value(QStringLiteral("body_base64")).toString().toLatin1()),
                 binary);
        for (const QJsonObject &o : {acceptedItem, refusedItem}) {
            const QJsonObject headers = o.value(QStringLiteral("headers")).toObject();
            QVERIFY(headers.contains(QStringLiteral("stripe-signature")));
            QVERIFY(!headers.contains(QStringLiteral("authorization")));
            QVERIFY(!headers.contains(QStringLiteral("cookie")));
            QVERIFY(!QJsonDocument(o).toJson().contains("leak"));
            QVERIFY(!QJsonDocument(o).toJson().contains("bGVhaw"));
        }
        QVERIFY(!first.body.contains("leaked"));

        // Filters.
        const test::TestResponse refusedOnly =
            admin->get(QStringLiteral("/v1/webhook-events?outcome=rejected&provider=stripe"));
        for (const QJsonValue &v : refusedOnly.json().value(QStringLiteral("items")).toArray())
            QCOMPARE(v.toObject().value(QStringLiteral("outcome")).toString(),
                     QStringLiteral("rejected"));
        QVERIFY(!refusedOnly.json().value(QStringLiteral("items")).toArray().isEmpty());
        QCOMPARE(admin->get(QStringLiteral("/v1/webhook-events?provider=pix"))
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);

        // Paging: every delivery exactly once, newest first. Many share the
        // same received_at (the clock is manual): the id breaks the tie.
        QStringList ids;
        QString cursor;
        int pages = 0;
        for (; pages < 1000; ++pages) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("limit"), QStringLiteral("7"));
            if (!cursor.isEmpty())
                q.addQueryItem(QStringLiteral("after"), cursor);
            const test::TestResponse page =
                admin->get(QStringLiteral("/v1/webhook-events?") + q.toString(QUrl::FullyEncoded));
            QCOMPARE(page.status, 200);
            for (const QJsonValue &v : page.json().value(QStringLiteral("items")).toArray())
                ids << v.toObject().value(QStringLiteral("id")).toString();
            const QJsonValue next = page.json().value(QStringLiteral("next_cursor"));
            if (next.isNull())
                break;
            cursor = next.toString();
        }
        QVERIFY(pages > 1);
        DbRows all = db().exec(QStringLiteral("SELECT id FROM webhook_deliveries"
                                              " ORDER BY received_at DESC, id DESC"),
                               {}, "all deliveries");
        QStringList expected;
        while (all.next())
            expected << all.value(0).toString();
        QCOMPARE(ids, expected);

        for (const QString &bad : {QStringLiteral("limit=0"), QStringLiteral("limit=abc"),
                                   QStringLiteral("after=bm90LWEtY3Vyc29y")})
            QCOMPARE(admin->get(QStringLiteral("/v1/webhook-events?") + bad).status, 400);
    }

private:
    test::ManualClock m_clock;
    test::FakePaymentApis m_apis;
    QJsonObject m_vector;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_booking;
    std::unique_ptr<PaymentFixture> m_payments;
    test::BookingTenant m_tenant;
    QString m_admin;
    QUuid m_product;
    int m_slots = 0;
};

QTEST_GUILESS_MAIN(TestStripeWebhooks)
#include "tst_stripewebhooks.moc"
