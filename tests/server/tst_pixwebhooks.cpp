// POST /v1/webhooks/pix?hmac=<secret>: the BCB callback is unsigned, so it
// is authenticated by the secret registered with the PSP (constant-time) and
// then treated as a hint: each pix is confirmed with GET /v2/cob/{txid}
// (CONCLUIDA, the same endToEndId and amount) under the PSP's OAuth token, and
// deduplicated on its endToEndId. PSP down: 503 and nothing written.
#include "manualclock.h"
#include "paymentfixture.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;
using test::FakeHttpServer;
using test::Payable;
using test::PaymentCounts;
using test::PaymentFixture;
using test::PaymentSecrets;

namespace {

constexpr qint64 kPrice = 11000; // BRL 110.00, the vector's valor

} // namespace

class TestPixWebhooks : public QObject
{
    Q_OBJECT

private:
    DbConnection &db() { return m_server->appDb(); }

    Payable payable(int quantity = 1)
    {
        return m_payments->payable(m_tenant,
                                   m_booking->createSlot(m_tenant.managerToken, m_product,
                                                         m_clock.now().addDays(5 + m_slots++), 5),
                                   QStringLiteral("pix"), quantity);
    }

    test::TestResponse callback(const QString &e2e, const QString &txid,
                                const QString &valor = QStringLiteral("110.00"))
    {
        return m_payments->postPix(PaymentFixture::pixCallback({{e2e, txid, valor}}));
    }

    int cobFetches() { return int(m_apis.received("GET", "/v2/cob/").size()); }

    void verifyPaid(const Payable &p, const QString &e2e)
    {
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("succeeded"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("paid"));
        QCOMPARE(PaymentFixture::paidBy(db(), p.reservation), p.intent);
        QCOMPARE(BookingFixture::count(db(),
                                       QStringLiteral("SELECT count(*) FROM webhook_events WHERE"
                                                      " provider = 'pix' AND event_id = ? AND"
                                                      " payment_intent_id = ?::uuid AND outcome ="
                                                      " 'applied'"),
                                       {e2e, BookingFixture::idText(p.intent)}),
                 1);
        QCOMPARE(BookingFixture::count(db(),
                                       QStringLiteral("SELECT count(*) FROM audit_log WHERE action"
                                                      " = 'reservation.paid' AND resource = ?"),
                                       {QString(QStringLiteral("reservation:") +
                                                BookingFixture::idText(p.reservation))}),
                 1);
    }

    void verifyNotPaid(const Payable &p)
    {
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("created"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("pending_payment"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_vector = test::loadVector(QStringLiteral("pix-callback.json"));
        QVERIFY(!m_vector.isEmpty());
        m_server = std::make_unique<test::TestServer>(m_clock, [this](ServerConfig &c) {
            c.runBackgroundJobs = false;
            c.tokens.accessTokenSeconds = 30 * 24 * 3600;
            PaymentFixture::configure(c, m_apis);
        });
        m_booking = std::make_unique<BookingFixture>(*m_server);
        m_payments = std::make_unique<PaymentFixture>(*m_server);
        m_tenant = m_booking->addTenant(QStringLiteral("pix-hooks"));
        m_product = m_booking->createProduct(m_tenant.managerToken,
                                             {{QStringLiteral("price_minor"), kPrice},
                                              {QStringLiteral("currency"), QStringLiteral("BRL")}});
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

    // First, while no OAuth token is cached: the PSP's token endpoint down is
    // the PSP down.
    void pspTokenEndpointDownIs503()
    {
        FakeHttpServer::Reply down;
        down.status = 503;
        m_apis.failWith("POST", "/oauth/token", down);
        const PaymentCounts before = PaymentFixture::counts(db());
        const test::TestResponse r =
            callback(PaymentFixture::newEndToEndId(), QUuid::createUuid().toString(QUuid::Id128));
        QCOMPARE(r.status, 503);
        QCOMPARE(PaymentFixture::counts(db()), before);
        QCOMPARE(cobFetches(), 0);
    }

    // The vector's callback body as the PSP sends it: unknown txid (not ours):
    // nothing; the same shape naming our charge, confirmed by the PSP: paid.
    void vectorCallbackBody()
    {
        const QJsonObject example =
            m_vector.value(QStringLiteral("callback_body_example")).toObject();
        const QByteArray asSent = QJsonDocument(example).toJson(QJsonDocument::Compact);
        const test::TestResponse foreign = m_payments->postPix(asSent);
        QCOMPARE(foreign.status, 200);
        QCOMPARE(PaymentFixture::outcomeOf(foreign), QStringLiteral("ignored"));

        const Payable p = payable();
        QJsonObject entry = example.value(QStringLiteral("pix")).toArray().first().toObject();
        const QString e2e = entry.value(QStringLiteral("endToEndId")).toString();
        QCOMPARE(entry.value(QStringLiteral("valor")).toString(), QStringLiteral("110.00"));
        entry.insert(QStringLiteral("txid"), p.ref);
        QJsonObject ours = example;
        ours.insert(QStringLiteral("pix"), QJsonArray{entry});
        m_apis.concludeCob(p.ref, e2e, QStringLiteral("110.00"));
        const int fetched = cobFetches();
        const test::TestResponse r =
            m_payments->postPix(QJsonDocument(ours).toJson(QJsonDocument::Compact));
        QCOMPARE(r.status, 200);
        QCOMPARE(PaymentFixture::outcomeOf(r), QStringLiteral("applied"));
        verifyPaid(p, e2e);
        // Confirmed at the PSP under its OAuth token.
        QCOMPARE(cobFetches(), fetched + 1);
        const FakeHttpServer::Received fetch = m_apis.received("GET", "/v2/cob/").last();
        QCOMPARE(fetch.path, QByteArray("/v2/cob/" + p.ref.toLatin1()));
        QVERIFY(fetch.header("authorization").startsWith("Bearer pix-token-"));
    }

    void wrongOrMissingSecretIs401_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("wrong") << QByteArray("not-the-secret");
        QTest::newRow("prefix") << PaymentSecrets::kPix.left(PaymentSecrets::kPix.size() - 1);
        QTest::newRow("one more byte") << QByteArray(PaymentSecrets::kPix + 'x');
        QTest::newRow("other case") << PaymentSecrets::kPix.toUpper();
    }
    void wrongOrMissingSecretIs401()
    {
        QFETCH(QByteArray, secret);
        const Payable p = payable();
        const QString e2e = PaymentFixture::newEndToEndId();
        m_apis.concludeCob(p.ref, e2e, QStringLiteral("110.00"));
        const QByteArray body =
            PaymentFixture::pixCallback({{e2e, p.ref, QStringLiteral("110.00")}});
        const PaymentCounts before = PaymentFixture::counts(db());
        const int fetched = cobFetches();
        const test::TestResponse r = m_payments->postPix(body, secret);
        QCOMPARE(r.status, 401);
        QCOMPARE(cobFetches(), fetched);
        QCOMPARE(PaymentFixture::verificationOf(db(), r), QStringLiteral("unauthenticated"));
        PaymentCounts after = PaymentFixture::counts(db());
        QCOMPARE(after.deliveries, before.deliveries + 1);
        after.deliveries = before.deliveries;
        QCOMPARE(after, before);
        verifyNotPaid(p);
        // Neither the secret nor what was sent for it reaches the forensics
        // record, whose query keeps the parameter, redacted.
        const QString requestId = QString::fromLatin1(r.header("x-request-id"));
        for (const QByteArray &needle : {PaymentSecrets::kPix, secret}) {
            if (needle.size() < 4)
                continue;
            QCOMPARE(
                BookingFixture::count(db(),
                                      QStringLiteral("SELECT count(*) FROM webhook_deliveries d"
                                                     " WHERE row_to_json(d)::text LIKE ? OR"
                                                     " convert_from(body, 'UTF8') LIKE ?"),
                                      {QString(u'%' + QString::fromLatin1(needle) + u'%'),
                                       QString(u'%' + QString::fromLatin1(needle) + u'%')}),
                0);
        }
        QCOMPARE(BookingFixture::count(db(),
                                       QStringLiteral("SELECT count(*) FROM webhook_deliveries"
                                                      " WHERE request_id = ? AND query->>'hmac' ="
                                                      " '[redacted]'"),
                                       {requestId}),
                 secret.isNull() ? 0 : 1);
    }

    void malformedBodyIs400_data()
    {
        const QString txid = QUuid::createUuid().toString(QUuid::Id128);
        const QString e2e = PaymentFixture::newEndToEndId();
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not JSON") << QByteArray("pix=1");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("no pix") << QByteArray("{}");
        QTest::newRow("empty pix") << QByteArray("{\"pix\":[]}");
        QTest::newRow("entry not an object") << QByteArray("{\"pix\":[1]}");
        QTest::newRow("endToEndId 31")
            << PaymentFixture::pixCallback({{e2e.left(31), txid, QStringLiteral("110.00")}});
        QTest::newRow("endToEndId with a dash") << PaymentFixture::pixCallback(
            {{QString(e2e.left(31) + u'-'), txid, QStringLiteral("110.00")}});
        QTest::newRow("txid 25") << PaymentFixture::pixCallback(
            {{e2e, txid.left(25), QStringLiteral("110.00")}});
        QTest::newRow("valor without cents")
            << PaymentFixture::pixCallback({{e2e, txid, QStringLiteral("110")}});
        QTest::newRow("valor with three decimals")
            << PaymentFixture::pixCallback({{e2e, txid, QStringLiteral("110.000")}});
        QTest::newRow("negative valor")
            << PaymentFixture::pixCallback({{e2e, txid, QStringLiteral("-110.00")}});
        QTest::newRow("valor as a number")
            << QByteArray("{\"pix\":[{\"endToEndId\":\"" + e2e.toLatin1() + "\",\"txid\":\"" +
                          txid.toLatin1() + "\",\"valor\":110.00}]}");
    }
    void malformedBodyIs400()
    {
        QFETCH(QByteArray, body);
        const PaymentCounts before = PaymentFixture::counts(db());
        const int fetched = cobFetches();
        const test::TestResponse r = m_payments->postPix(body);
        QCOMPARE(r.status, 400);
        QCOMPARE(PaymentFixture::verificationOf(db(), r), QStringLiteral("malformed"));
        QCOMPARE(cobFetches(), fetched);
        PaymentCounts after = PaymentFixture::counts(db());
        QCOMPARE(after.deliveries, before.deliveries + 1);
        after.deliveries = before.deliveries;
        QCOMPARE(after, before);
    }

    // The callback is a hint; the PSP's charge decides.
    void onlyAConcludedChargeWithThatPixAndAmountPays()
    {
        const Payable p = payable();
        const QString e2e = PaymentFixture::newEndToEndId();
        // Not concluded.
        QCOMPARE(PaymentFixture::outcomeOf(callback(e2e, p.ref)), QStringLiteral("ignored"));
        verifyNotPaid(p);
        // Concluded by another pix.
        m_apis.concludeCob(p.ref, PaymentFixture::newEndToEndId(), QStringLiteral("110.00"));
        QCOMPARE(PaymentFixture::outcomeOf(callback(e2e, p.ref)), QStringLiteral("ignored"));
        verifyNotPaid(p);
        // Concluded by this pix, but for another amount than the callback says.
        const Payable q = payable();
        const QString e2eQ = PaymentFixture::newEndToEndId();
        m_apis.concludeCob(q.ref, e2eQ, QStringLiteral("1.10"));
        QCOMPARE(PaymentFixture::outcomeOf(callback(e2eQ, q.ref)), QStringLiteral("ignored"));
        verifyNotPaid(q);
        // A txid the PSP does not know.
        QCOMPARE(PaymentFixture::outcomeOf(callback(PaymentFixture::newEndToEndId(),
                                                    QUuid::createUuid().toString(QUuid::Id128))),
                 QStringLiteral("ignored"));
        // A status other than CONCLUIDA, even with the pix in it.
        const Payable removed = payable();
        const QString e2eR = PaymentFixture::newEndToEndId();
        m_apis.concludeCob(removed.ref, e2eR, QStringLiteral("110.00"));
        QJsonObject cob = *m_apis.cob(removed.ref);
        cob.insert(QStringLiteral("status"), QStringLiteral("REMOVIDA_PELO_PSP"));
        m_apis.setCob(removed.ref, cob);
        QCOMPARE(PaymentFixture::outcomeOf(callback(e2eR, removed.ref)), QStringLiteral("ignored"));
        verifyNotPaid(removed);
        // PSP and callback agree, but not with the intent: rejected, stored.
        const Payable off = payable();
        const QString e2eOff = PaymentFixture::newEndToEndId();
        m_apis.concludeCob(off.ref, e2eOff, QStringLiteral("109.98"));
        QCOMPARE(PaymentFixture::outcomeOf(callback(e2eOff, off.ref, QStringLiteral("109.98"))),
                 QStringLiteral("rejected_amount"));
        verifyNotPaid(off);

        // Once the PSP shows this pix concluded: paid (the earlier "ignored"
        // deliveries did not use up its endToEndId).
        m_apis.concludeCob(p.ref, e2e, QStringLiteral("110.00"));
        QCOMPARE(PaymentFixture::outcomeOf(callback(e2e, p.ref)), QStringLiteral("applied"));
        verifyPaid(p, e2e);
    }

    void pspDownDuringTheFetchWritesNothing_data()
    {
        QTest::addColumn<int>("failure");
        QTest::newRow("500") << 0;
        QTest::newRow("connection closed") << 1;
        QTest::newRow("no answer") << 2;
        QTest::newRow("unreadable answer") << 3;
    }
    void pspDownDuringTheFetchWritesNothing()
    {
        QFETCH(int, failure);
        const Payable p = payable();
        const QString e2e = PaymentFixture::newEndToEndId();
        m_apis.concludeCob(p.ref, e2e, QStringLiteral("110.00"));
        FakeHttpServer::Reply reply;
        if (failure == 0)
            reply.status = 500;
        else if (failure == 1)
            reply.mode = FakeHttpServer::Mode::Close;
        else if (failure == 2)
            reply.mode = FakeHttpServer::Mode::Hang;
        else
            reply.body = "{\"txid\":\"x\"";
        m_apis.failWith("GET", "/v2/cob/", reply);
        const PaymentCounts before = PaymentFixture::counts(db());
        const test::TestResponse r = callback(e2e, p.ref);
        QCOMPARE(r.status, 503);
        QCOMPARE(PaymentFixture::counts(db()), before);
        m_apis.clearFailures();
        QCOMPARE(PaymentFixture::outcomeOf(callback(e2e, p.ref)), QStringLiteral("applied"));
        verifyPaid(p, e2e);
    }

    // One callback, two pix: the PSP answers for the first and not for the
    // second. Nothing at all is applied (the PSP will retry the whole
    // callback); the retry applies both.
    void aCallbackIsAllOrNothingWhenThePspFails()
    {
        const Payable a = payable();
        const Payable b = payable();
        const QString e2eA = PaymentFixture::newEndToEndId();
        const QString e2eB = PaymentFixture::newEndToEndId();
        m_apis.concludeCob(a.ref, e2eA, QStringLiteral("110.00"));
        m_apis.concludeCob(b.ref, e2eB, QStringLiteral("110.00"));
        FakeHttpServer::Reply down;
        down.status = 502;
        m_apis.failWith("GET", QByteArray("/v2/cob/" + b.ref.toLatin1()), down);
        const QByteArray body = PaymentFixture::pixCallback(
            {{e2eA, a.ref, QStringLiteral("110.00")}, {e2eB, b.ref, QStringLiteral("110.00")}});
        const PaymentCounts before = PaymentFixture::counts(db());
        QCOMPARE(m_payments->postPix(body).status, 503);
        QCOMPARE(PaymentFixture::counts(db()), before);
        verifyNotPaid(a);
        m_apis.clearFailures();
        const test::TestResponse retry = m_payments->postPix(body);
        QCOMPARE(retry.status, 200);
        verifyPaid(a, e2eA);
        verifyPaid(b, e2eB);
    }

    // A devolução: the PSP calls back again for the same pix, and its cob now
    // lists refunds on that entry. Only settled ones (DEVOLVIDO) count; each
    // refunded total is applied once; the full amount refunds the reservation
    // and gives its seats back.
    void devolucoesRefundOncePerSettledTotal()
    {
        const Payable p = payable(2);
        const QString e2e = PaymentFixture::newEndToEndId();
        m_apis.concludeCob(p.ref, e2e, QStringLiteral("220.00"));
        const auto post = [&] {
            return PaymentFixture::outcomeOf(callback(e2e, p.ref, QStringLiteral("220.00")));
        };
        QCOMPARE(post(), QStringLiteral("applied"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("paid"));
        QCOMPARE(BookingFixture::seatsTaken(db(), p.slot), 2);

        QList<QJsonObject> devolucoes;
        const auto refundAtPsp = [&](const QString &valor, const QString &status) {
            devolucoes << QJsonObject{
                {QStringLiteral("id"), QStringLiteral("D%1").arg(devolucoes.size())},
                {QStringLiteral("rtrId"),
                 QStringLiteral("D1823612020261124%1").arg(devolucoes.size())},
                {QStringLiteral("valor"), valor},
                {QStringLiteral("status"), status}};
            QJsonObject cob = *m_apis.cob(p.ref);
            QJsonArray pix = cob.value(QStringLiteral("pix")).toArray();
            QJsonObject entry = pix.first().toObject();
            QJsonArray list;
            for (const QJsonObject &d : devolucoes)
                list.append(d);
            entry.insert(QStringLiteral("devolucoes"), list);
            pix.replace(0, entry);
            cob.insert(QStringLiteral("pix"), pix);
            m_apis.setCob(p.ref, cob);
        };
        const auto refundedMinor = [&] {
            return BookingFixture::count(db(),
                                         QStringLiteral("SELECT refunded_minor FROM payment_intents"
                                                        " WHERE id = ?::uuid"),
                                         {BookingFixture::idText(p.intent)});
        };

        // Requested, not settled: nothing changes.
        refundAtPsp(QStringLiteral("20.00"), QStringLiteral("EM_PROCESSAMENTO"));
        QCOMPARE(post(), QStringLiteral("duplicate"));
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("succeeded"));

        // Settled, in part: partially refunded, the reservation stays paid.
        devolucoes.clear();
        refundAtPsp(QStringLiteral("20.00"), QStringLiteral("DEVOLVIDO"));
        QCOMPARE(post(), QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent),
                 QStringLiteral("partially_refunded"));
        QCOMPARE(refundedMinor(), 2000);
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("paid"));
        // The same state again: nothing more.
        QCOMPARE(post(), QStringLiteral("duplicate"));
        QCOMPARE(refundedMinor(), 2000);

        // The rest: refunded, seats back.
        refundAtPsp(QStringLiteral("200.00"), QStringLiteral("DEVOLVIDO"));
        QCOMPARE(post(), QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("refunded"));
        QCOMPARE(refundedMinor(), 22000);
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("refunded"));
        QCOMPARE(BookingFixture::seatsTaken(db(), p.slot), 0);
        QCOMPARE(post(), QStringLiteral("duplicate"));
        QCOMPARE(BookingFixture::count(db(),
                                       QStringLiteral("SELECT count(*) FROM webhook_events WHERE"
                                                      " provider = 'pix' AND event_id LIKE ?"),
                                       {QString(e2e + QStringLiteral("%"))}),
                 3);

        // A devolução whose amount cannot be read: the PSP's answer is
        // unusable, 503, nothing written.
        refundAtPsp(QStringLiteral("1,00"), QStringLiteral("DEVOLVIDO"));
        const PaymentCounts before = PaymentFixture::counts(db());
        QCOMPARE(callback(e2e, p.ref, QStringLiteral("220.00")).status, 503);
        QCOMPARE(PaymentFixture::counts(db()), before);
    }

    void sameCallbackTwiceAndTwentyAtOnceApplyOnce()
    {
        const Payable p = payable();
        const QString e2e = PaymentFixture::newEndToEndId();
        m_apis.concludeCob(p.ref, e2e, QStringLiteral("110.00"));
        QCOMPARE(PaymentFixture::outcomeOf(callback(e2e, p.ref)), QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::outcomeOf(callback(e2e, p.ref)), QStringLiteral("duplicate"));
        verifyPaid(p, e2e);

        const Payable q = payable();
        const QString e2eQ = PaymentFixture::newEndToEndId();
        m_apis.concludeCob(q.ref, e2eQ, QStringLiteral("110.00"));
        const QByteArray body =
            PaymentFixture::pixCallback({{e2eQ, q.ref, QStringLiteral("110.00")}});
        constexpr int kCopies = 20;
        std::vector<test::TestResponse> responses(kCopies);
        BookingFixture::runConcurrently(
            kCopies, [&](int i) { responses[size_t(i)] = m_payments->postPix(body); });
        QStringList outcomes;
        for (const test::TestResponse &r : responses) {
            QCOMPARE(r.status, 200);
            outcomes << PaymentFixture::outcomeOf(r);
        }
        QCOMPARE(outcomes.count(QStringLiteral("applied")), 1);
        QCOMPARE(outcomes.count(QStringLiteral("duplicate")), kCopies - 1);
        verifyPaid(q, e2eQ);
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
};

QTEST_GUILESS_MAIN(TestPixWebhooks)
#include "tst_pixwebhooks.moc"
