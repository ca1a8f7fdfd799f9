// POST /v1/webhooks/mercadopago?data.id=..&type=.. through the real route.
// The x-signature manifest is checked first (the vector file's rules:
// lower-cased data.id, ts in seconds or milliseconds, absent parts left out);
// the notification itself carries only an id, so the server fetches
// GET /v1/payments/{id} and believes only that answer. When the API cannot be
// asked: 503 and nothing at all written, so Mercado Pago retries.
#include "manualclock.h"
#include "paymentfixture.h"
#include "testdata.h"
#include "webhooks/mercadopagosignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;
using test::FakeHttpServer;
using test::FakePaymentApis;
using test::Payable;
using test::PaymentCounts;
using test::PaymentFixture;
using test::PaymentSecrets;

namespace {

constexpr int kHoldSeconds = 900;
constexpr qint64 kPrice = 35050; // ARS 350.50: Mercado Pago sends 350.5

} // namespace

class TestMercadoPagoWebhooks : public QObject
{
    Q_OBJECT

private:
    DbConnection &db() { return m_server->appDb(); }

    Payable payable(int quantity = 1)
    {
        return m_payments->payable(m_tenant,
                                   m_booking->createSlot(m_tenant.managerToken, m_product,
                                                         m_clock.now().addDays(5 + m_slots++), 5),
                                   QStringLiteral("mercadopago"), quantity);
    }

    // A payment at the (fake) Mercado Pago API for `p`, as its API reports it.
    QString pay(const Payable &p, const QString &status, double amount = 350.5,
                const QString &currency = QStringLiteral("ARS"))
    {
        const QString id = QString::number(++m_paymentIds);
        m_apis.setPayment(id, FakePaymentApis::mercadoPagoPayment(
                                  id, status, amount, currency, BookingFixture::idText(p.intent)));
        return id;
    }

    test::TestResponse notify(const QString &paymentId)
    {
        return m_payments->postMercadoPagoSigned(paymentId, m_clock.now());
    }

    int fetches(const QString &paymentId = {})
    {
        return int(m_apis.received("GET", QByteArray("/v1/payments/" + paymentId.toUtf8())).size());
    }

    qint64 audits(const QString &action, const QString &resource)
    {
        return BookingFixture::count(
            db(),
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ? AND resource = ?"),
            {action, resource});
    }

    void verifyPaid(const Payable &p, const QString &paymentId)
    {
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("succeeded"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("paid"));
        QCOMPARE(PaymentFixture::paidBy(db(), p.reservation), p.intent);
        QCOMPARE(audits(QStringLiteral("reservation.paid"),
                        QStringLiteral("reservation:") + BookingFixture::idText(p.reservation)),
                 1);
        QCOMPARE(BookingFixture::count(
                     db(),
                     QStringLiteral("SELECT count(*) FROM payment_intents WHERE id = ?::uuid"
                                    " AND provider_payment_ref = ?"),
                     {BookingFixture::idText(p.intent), paymentId}),
                 1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_vector = test::loadVector(QStringLiteral("mercadopago-webhook.json"));
        QVERIFY(!m_vector.isEmpty());
        m_server = std::make_unique<test::TestServer>(m_clock, [this](ServerConfig &c) {
            c.runBackgroundJobs = false;
            c.holdSeconds = kHoldSeconds;
            c.tokens.accessTokenSeconds = 30 * 24 * 3600;
            PaymentFixture::configure(
                c, m_apis, {}, {m_vector.value(QStringLiteral("secret")).toString().toUtf8()});
        });
        m_booking = std::make_unique<BookingFixture>(*m_server);
        m_payments = std::make_unique<PaymentFixture>(*m_server);
        m_tenant = m_booking->addTenant(QStringLiteral("mp-hooks"));
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
    void cleanup()
    {
        m_apis.clearFailures();
        QCOMPARE(PaymentFixture::invariantViolations(db()), QString());
    }

    // The vector cases through the route, each at its own ts: invalid ones are
    // refused before any fetch; valid ones are believed only as far as the
    // API's answer goes (999999999 is our approved payment; the ORD... id is
    // unknown to the API; a notification without data.id fetches nothing).
    void vectorCasesThroughTheRoute()
    {
        const Payable p = payable();
        m_apis.setPayment(QStringLiteral("999999999"),
                          FakePaymentApis::mercadoPagoPayment(
                              QStringLiteral("999999999"), QStringLiteral("approved"), 350.5,
                              QStringLiteral("ARS"), BookingFixture::idText(p.intent)));
        const QDateTime saved = m_clock.now();
        QStringList outcomes;
        for (const bool wantValid : {false, true}) {
            for (const QJsonValue &v : m_vector.value(QStringLiteral("cases")).toArray()) {
                const QJsonObject c = v.toObject();
                const QString name = c.value(QStringLiteral("name")).toString();
                const bool valid = c.value(QStringLiteral("expect")).toString() == u"valid";
                if (valid != wantValid)
                    continue;
                const QByteArray signature =
                    c.value(QStringLiteral("x_signature")).toString().toUtf8();
                const QByteArray ts =
                    signature.mid(3, signature.indexOf(',') < 0 ? -1 : signature.indexOf(',') - 3);
                const qint64 seconds = ts.size() >= 13 ? ts.toLongLong() / 1000 : ts.toLongLong();
                m_clock.set(QDateTime::fromSecsSinceEpoch(seconds + 10, Qt::UTC));
                const QJsonValue dataId = c.value(QStringLiteral("query_data_id"));
                const PaymentCounts before = PaymentFixture::counts(db());
                const int fetchedBefore = fetches();
                const test::TestResponse r = m_payments->postMercadoPago(
                    dataId.isNull() ? QString() : dataId.toString(),
                    c.value(QStringLiteral("x_request_id")).toString().toUtf8(), signature);
                if (!valid) {
                    const bool malformed = name.startsWith(u"no v1");
                    QVERIFY2(r.status == (malformed ? 400 : 401), qPrintable(name));
                    QCOMPARE(fetches(), fetchedBefore); // refused before asking anything
                    PaymentCounts after = PaymentFixture::counts(db());
                    QCOMPARE(after.deliveries, before.deliveries + 1);
                    after.deliveries = before.deliveries;
                    QCOMPARE(after, before);
                    QCOMPARE(PaymentFixture::verificationOf(db(), r),
                             malformed ? QStringLiteral("malformed")
                                       : QStringLiteral("bad_signature"));
                    continue;
                }
                QVERIFY2(r.status == 200, qPrintable(name + u' ' + QString::fromUtf8(r.body)));
                outcomes << PaymentFixture::outcomeOf(r);
                QCOMPARE(fetches(), fetchedBefore + (dataId.isNull() ? 0 : 1));
                if (!dataId.isNull()) // fetched under the id as received, not lower-cased
                    QCOMPARE(m_apis.received("GET", "/v1/payments/").last().path,
                             QByteArray("/v1/payments/" + dataId.toString().toUtf8()));
            }
        }
        m_clock.set(saved);
        QCOMPARE(outcomes, QStringList({QStringLiteral("ignored"), QStringLiteral("applied"),
                                        QStringLiteral("ignored")}));
        verifyPaid(p, QStringLiteral("999999999"));
    }

    void approvedPaymentPays()
    {
        const Payable p = payable(2);
        QCOMPARE(p.amount, 2 * kPrice);
        const QString id = pay(p, QStringLiteral("approved"), 701.0);
        const test::TestResponse r = notify(id);
        QCOMPARE(r.status, 200);
        QCOMPARE(PaymentFixture::outcomeOf(r), QStringLiteral("applied"));
        verifyPaid(p, id);
        const FakeHttpServer::Received fetch = m_apis.received("GET", "/v1/payments/").last();
        QCOMPARE(fetch.path, QByteArray("/v1/payments/" + id.toUtf8()));
        QCOMPARE(fetch.header("authorization"),
                 QByteArray("Bearer " + PaymentSecrets::kMercadoPagoToken.toUtf8()));
        // ts in milliseconds (as Mercado Pago documents it) is as good.
        const Payable ms = payable();
        const QString msId = pay(ms, QStringLiteral("approved"));
        QCOMPARE(PaymentFixture::outcomeOf(m_payments->postMercadoPagoSigned(
                     msId, m_clock.now(), PaymentSecrets::kMercadoPago, true)),
                 QStringLiteral("applied"));
        verifyPaid(ms, msId);
    }

    // The notification's body is not evidence: whatever it says, the status,
    // amount, currency and external_reference come from the API.
    void onlyTheFetchedPaymentIsBelieved()
    {
        const Payable p = payable();
        const QString id = pay(p, QStringLiteral("rejected"));
        const QByteArray lyingBody =
            QJsonDocument(
                QJsonObject{{QStringLiteral("action"), QStringLiteral("payment.updated")},
                            {QStringLiteral("type"), QStringLiteral("payment")},
                            {QStringLiteral("live_mode"), false},
                            {QStringLiteral("status"), QStringLiteral("approved")},
                            {QStringLiteral("data"),
                             QJsonObject{{QStringLiteral("id"), id},
                                         {QStringLiteral("status"), QStringLiteral("approved")},
                                         {QStringLiteral("transaction_amount"), 350.5}}}})
                .toJson(QJsonDocument::Compact);
        const QByteArray requestId = "req-lying-1";
        const QByteArray ts = QByteArray::number(m_clock.now().toSecsSinceEpoch());
        const test::TestResponse r = m_payments->postMercadoPago(
            id, requestId,
            MercadoPagoSignatureVerifier::sign(PaymentSecrets::kMercadoPago, id, requestId, ts),
            QStringLiteral("payment"), lyingBody);
        QCOMPARE(r.status, 200);
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("failed"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("pending_payment"));

        // pending at the API: processing, not paid.
        const Payable pending = payable();
        const QString pendingId = pay(pending, QStringLiteral("in_process"));
        QCOMPARE(PaymentFixture::outcomeOf(notify(pendingId)), QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::intentStatus(db(), pending.intent), QStringLiteral("processing"));
        QCOMPARE(BookingFixture::statusOf(db(), pending.reservation),
                 QStringLiteral("pending_payment"));
        // The same payment approved later: a new state, so a new event.
        m_apis.setPayment(
            pendingId, FakePaymentApis::mercadoPagoPayment(pendingId, QStringLiteral("approved"),
                                                           350.5, QStringLiteral("ARS"),
                                                           BookingFixture::idText(pending.intent)));
        QCOMPARE(PaymentFixture::outcomeOf(notify(pendingId)), QStringLiteral("applied"));
        verifyPaid(pending, pendingId);

        // An approved payment naming no intent of ours.
        const QString stranger = QString::number(++m_paymentIds);
        m_apis.setPayment(stranger, FakePaymentApis::mercadoPagoPayment(
                                        stranger, QStringLiteral("approved"), 350.5,
                                        QStringLiteral("ARS"), QStringLiteral("order-77")));
        QCOMPARE(PaymentFixture::outcomeOf(notify(stranger)), QStringLiteral("unknown_intent"));
        // A payment the API does not know: nothing to believe.
        QCOMPARE(PaymentFixture::outcomeOf(notify(QStringLiteral("5550001"))),
                 QStringLiteral("ignored"));
        // A topic we do not act on: acknowledged, nothing fetched.
        const int before = fetches();
        const QByteArray rid = "req-merchant-order";
        const QString order = QStringLiteral("123");
        const test::TestResponse merchantOrder = m_payments->postMercadoPago(
            order, rid,
            MercadoPagoSignatureVerifier::sign(PaymentSecrets::kMercadoPago, order, rid, ts),
            QStringLiteral("merchant_order"));
        QCOMPARE(PaymentFixture::outcomeOf(merchantOrder), QStringLiteral("ignored"));
        QCOMPARE(fetches(), before);
    }

    void amountOrCurrencyOffIsRejected()
    {
        const Payable p = payable();
        // 350.48 is two cents short: more than the one-unit tolerance.
        const QString shortPaid = pay(p, QStringLiteral("approved"), 350.48);
        test::TestResponse r;
        QByteArray log;
        {
            test::StdoutCapture capture;
            r = notify(shortPaid);
            log = capture.text();
        }
        QCOMPARE(PaymentFixture::outcomeOf(r), QStringLiteral("rejected_amount"));
        QVERIFY(log.contains("webhook_amount_mismatch"));
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("created"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("pending_payment"));
        const QString otherCurrency =
            pay(p, QStringLiteral("approved"), 350.5, QStringLiteral("BRL"));
        QCOMPARE(PaymentFixture::outcomeOf(notify(otherCurrency)),
                 QStringLiteral("rejected_currency"));
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("created"));
        // One cent off is tolerated.
        const QString close = pay(p, QStringLiteral("approved"), 350.49);
        QCOMPARE(PaymentFixture::outcomeOf(notify(close)), QStringLiteral("applied"));
        verifyPaid(p, close);
    }

    void forgedTamperedStaleOrMissingAreRefusedBeforeAnyFetch()
    {
        const Payable p = payable();
        const QString id = pay(p, QStringLiteral("approved"));
        const QByteArray rid = "req-forged";
        const QDateTime now = m_clock.now();
        const QByteArray ts = QByteArray::number(now.toSecsSinceEpoch());
        const QByteArray good =
            MercadoPagoSignatureVerifier::sign(PaymentSecrets::kMercadoPago, id, rid, ts);
        struct Attempt
        {
            const char *name;
            QString dataId;
            QByteArray requestId;
            QByteArray signature;
            int status;
            const char *verification;
        };
        const QList<Attempt> attempts{
            {"another secret", id, rid, MercadoPagoSignatureVerifier::sign("guessed", id, rid, ts),
             401, "bad_signature"},
            {"data.id swapped", QString(id + u'0'), rid, good, 401, "bad_signature"},
            {"request id swapped", id, "req-other", good, 401, "bad_signature"},
            {"request id dropped", id, QByteArray(), good, 401, "bad_signature"},
            {"stale seconds", id, rid,
             MercadoPagoSignatureVerifier::sign(PaymentSecrets::kMercadoPago, id, rid,
                                                QByteArray::number(now.toSecsSinceEpoch() - 301)),
             401, "stale"},
            {"stale milliseconds", id, rid,
             MercadoPagoSignatureVerifier::sign(
                 PaymentSecrets::kMercadoPago, id, rid,
                 QByteArray::number(now.toMSecsSinceEpoch() - 301000)),
             401, "stale"},
            {"future", id, rid,
             MercadoPagoSignatureVerifier::sign(PaymentSecrets::kMercadoPago, id, rid,
                                                QByteArray::number(now.toSecsSinceEpoch() + 301)),
             401, "stale"},
            {"missing x-signature", id, rid, QByteArray(), 400, "malformed"},
            {"no v1", id, rid, "ts=" + ts, 400, "malformed"},
            {"separator smuggled into data.id", QString(id + QStringLiteral(";request-id:x")), rid,
             good, 400, "malformed"},
        };
        const int fetched = fetches();
        for (const Attempt &a : attempts) {
            const PaymentCounts before = PaymentFixture::counts(db());
            const test::TestResponse r =
                m_payments->postMercadoPago(a.dataId, a.requestId, a.signature);
            QVERIFY2(r.status == a.status,
                     qPrintable(QString::fromLatin1(a.name) + u' ' + QString::number(r.status)));
            QVERIFY2(PaymentFixture::verificationOf(db(), r) == QLatin1String(a.verification),
                     a.name);
            PaymentCounts after = PaymentFixture::counts(db());
            QCOMPARE(after.deliveries, before.deliveries + 1);
            after.deliveries = before.deliveries;
            QCOMPARE(after, before);
            // The notification's query is kept with the delivery, as sent.
            QCOMPARE(
                BookingFixture::count(db(),
                                      QStringLiteral("SELECT count(*) FROM webhook_deliveries WHERE"
                                                     " request_id = ? AND query->>'data.id' = ? AND"
                                                     " query->>'type' = 'payment'"),
                                      {QString::fromLatin1(r.header("x-request-id")), a.dataId}),
                1);
        }
        QCOMPARE(fetches(), fetched);
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("created"));
        // The genuine one.
        QCOMPARE(PaymentFixture::outcomeOf(m_payments->postMercadoPago(id, rid, good)),
                 QStringLiteral("applied"));
        verifyPaid(p, id);
    }

    // The API cannot be asked: 503 (Mercado Pago retries) and not one row
    // written, not even the delivery; once it answers, the retry applies.
    void apiDownDuringTheFetchWritesNothing_data()
    {
        QTest::addColumn<int>("failure");
        QTest::newRow("500") << 0;
        QTest::newRow("connection closed") << 1;
        QTest::newRow("no answer") << 2;
        QTest::newRow("401 (token revoked)") << 3;
        QTest::newRow("unreadable answer") << 4;
    }
    void apiDownDuringTheFetchWritesNothing()
    {
        QFETCH(int, failure);
        const Payable p = payable();
        const QString id = pay(p, QStringLiteral("approved"));
        FakeHttpServer::Reply reply;
        if (failure == 0)
            reply.status = 500;
        else if (failure == 1)
            reply.mode = FakeHttpServer::Mode::Close;
        else if (failure == 2)
            reply.mode = FakeHttpServer::Mode::Hang;
        else if (failure == 3)
            reply.status = 401;
        else
            reply.body = "{\"id\": 1, \"status\": ";
        m_apis.failWith("GET", "/v1/payments/", reply);
        const PaymentCounts before = PaymentFixture::counts(db());
        const int fetched = fetches(id);
        const test::TestResponse r = notify(id);
        QCOMPARE(r.status, 503);
        QVERIFY(fetches(id) > fetched);
        QCOMPARE(PaymentFixture::counts(db()), before);
        QCOMPARE(BookingFixture::count(db(),
                                       QStringLiteral("SELECT count(*) FROM webhook_deliveries"
                                                      " WHERE request_id = ?"),
                                       {QString::fromLatin1(r.header("x-request-id"))}),
                 0);

        m_apis.clearFailures();
        QCOMPARE(PaymentFixture::outcomeOf(notify(id)), QStringLiteral("applied"));
        verifyPaid(p, id);
    }

    void duplicateNotificationsApplyOnce()
    {
        const Payable p = payable();
        const QString id = pay(p, QStringLiteral("approved"));
        QCOMPARE(PaymentFixture::outcomeOf(notify(id)), QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::outcomeOf(notify(id)), QStringLiteral("duplicate"));

        const Payable q = payable();
        const QString qid = pay(q, QStringLiteral("approved"));
        constexpr int kCopies = 20;
        std::vector<test::TestResponse> responses(kCopies);
        const QByteArray rid = "req-storm";
        const QByteArray ts = QByteArray::number(m_clock.now().toSecsSinceEpoch());
        const QByteArray signature =
            MercadoPagoSignatureVerifier::sign(PaymentSecrets::kMercadoPago, qid, rid, ts);
        BookingFixture::runConcurrently(kCopies, [&](int i) {
            responses[size_t(i)] = m_payments->postMercadoPago(qid, rid, signature);
        });
        QStringList outcomes;
        for (const test::TestResponse &r : responses) {
            QCOMPARE(r.status, 200);
            outcomes << PaymentFixture::outcomeOf(r);
        }
        QCOMPARE(outcomes.count(QStringLiteral("applied")), 1);
        QCOMPARE(outcomes.count(QStringLiteral("duplicate")), kCopies - 1);
        QCOMPARE(BookingFixture::count(db(),
                                       QStringLiteral("SELECT count(*) FROM webhook_events WHERE"
                                                      " payment_intent_id = ?::uuid"),
                                       {BookingFixture::idText(q.intent)}),
                 1);
        verifyPaid(q, qid);
    }

    // A checkout can carry several payments: a rejected card, then another
    // that is approved. The intent stays failed (invariant 1); the money is
    // flagged for refund rather than kept without a trace.
    void approvedAfterRejectedOnTheSameCheckoutIsFlagged()
    {
        const Payable p = payable();
        QCOMPARE(PaymentFixture::outcomeOf(notify(pay(p, QStringLiteral("rejected")))),
                 QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("failed"));
        QCOMPARE(PaymentFixture::outcomeOf(notify(pay(p, QStringLiteral("approved")))),
                 QStringLiteral("refund_required"));
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("failed"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("pending_payment"));
    }

    void refundedPaymentRefundsTheReservation()
    {
        const Payable p = payable(2);
        const QString id = pay(p, QStringLiteral("approved"), 701.0);
        QCOMPARE(PaymentFixture::outcomeOf(notify(id)), QStringLiteral("applied"));
        QCOMPARE(BookingFixture::seatsTaken(db(), p.slot), 2);
        m_apis.setPayment(id, FakePaymentApis::mercadoPagoPayment(
                                  id, QStringLiteral("refunded"), 701.0, QStringLiteral("ARS"),
                                  BookingFixture::idText(p.intent)));
        QCOMPARE(PaymentFixture::outcomeOf(notify(id)), QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("refunded"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("refunded"));
        QCOMPARE(BookingFixture::seatsTaken(db(), p.slot), 0);
    }

private:
    test::ManualClock m_clock;
    test::FakePaymentApis m_apis;
    QJsonObject m_vector;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_booking;
    std::unique_ptr<PaymentFixture> m_payments;
    test::BookingTenant m_tenant;
    QUuid m_product;
    int m_slots = 0;
    int m_paymentIds = 1000000;
};

QTEST_GUILESS_MAIN(TestMercadoPagoWebhooks)
#include "tst_mercadopagowebhooks.moc"
