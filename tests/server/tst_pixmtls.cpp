// The PSP's mutual TLS on POST /v1/webhooks/pix, with reservad terminating
// TLS itself (certificates made at test time): with a client CA configured,
// the callback must arrive on a connection whose client certificate verified
// against that CA, and only then do the secret and the PSP fetch apply;
// without one, or with a certificate from another CA, expired, or not for
// TLS clients, it is a refused delivery (401, recorded as unauthenticated
// with the reason). Every other route on the same port works without a
// client certificate, and a server without a client CA keeps the Pix route
// as it was (secret + PSP fetch).
#include "http/tlssettings.h"
#include "paymentfixture.h"
#include "testpki.h"

#include <QtTest>

using namespace reserva;
using test::BookingFixture;
using test::Payable;
using test::PaymentCounts;
using test::PaymentFixture;
using test::PaymentSecrets;
using test::TestPki;

namespace {

constexpr qint64 kPrice = 11000; // BRL 110.00

QString recordedReason(DbConnection &db, const test::TestResponse &r)
{
    DbRows q = db.exec(
        QStringLiteral("SELECT detail->>'reason' FROM webhook_deliveries WHERE request_id = ?"),
        {QString::fromLatin1(r.header("x-request-id"))}, "delivery reason");
    return q.next() ? q.value(0).toString() : QString();
}

// A server on TLS with our test server certificate; requesting client
// certificates from `clientCa` when it is given.
std::function<void(ServerConfig &)> tlsServer(const TestPki::Issued &serverCertificate,
                                              const QString &clientCa,
                                              const test::FakePaymentApis &apis)
{
    return [&serverCertificate, clientCa, &apis](ServerConfig &c) {
        c.runBackgroundJobs = false;
        QString error;
        c.http.tls = TlsSettings::fromFiles(serverCertificate.certificateFile,
                                            serverCertificate.keyFile, clientCa, &error);
        if (!c.http.tls)
            qFatal("TLS settings: %s", qPrintable(error));
        PaymentFixture::configure(c, apis);
    };
}

} // namespace

class TestPixMutualTls : public QObject
{
    Q_OBJECT

private:
    DbConnection &db() { return m_server->appDb(); }

    Payable payable()
    {
        return m_payments->payable(
            m_tenant,
            m_booking->createSlot(m_tenant.managerToken, m_product,
                                  QDateTime::currentDateTimeUtc().addDays(5 + m_slots++), 5),
            QStringLiteral("pix"));
    }

    // The callback for `p`, settled at the PSP, posted with the right secret
    // from a client presenting `certificate` (none when null).
    test::TestResponse settledCallback(const Payable &p, const QString &e2e,
                                       const TestPki::Issued *certificate,
                                       const QByteArray &secret = PaymentSecrets::kPix)
    {
        m_apis.concludeCob(p.ref, e2e, QStringLiteral("110.00"));
        m_server->setClientTls(m_serverPki->clientConfiguration(certificate));
        const test::TestResponse r = m_payments->postPix(
            PaymentFixture::pixCallback({{e2e, p.ref, QStringLiteral("110.00")}}), secret);
        m_server->setClientTls(m_serverPki->clientConfiguration());
        return r;
    }

    int cobFetches() { return int(m_apis.received("GET", "/v2/cob/").size()); }

private Q_SLOTS:
    void initTestCase()
    {
        m_serverPki = std::make_unique<TestPki>(QStringLiteral("Reserva test server CA"));
        m_serverCertificate =
            m_serverPki->issue(QStringLiteral("localhost"), TestPki::Usage::Server);
        m_pspCa = std::make_unique<TestPki>(QStringLiteral("PSP client CA"));
        m_otherCa = std::make_unique<TestPki>(QStringLiteral("Someone else's CA"));
        m_pspCertificate = m_pspCa->issue(QStringLiteral("psp-webhooks"), TestPki::Usage::Client);

        m_server = std::make_unique<test::TestServer>(
            SystemClock::instance(), tlsServer(m_serverCertificate, m_pspCa->caFile(), m_apis));
        // Everyone but the PSP connects without a client certificate.
        m_server->setClientTls(m_serverPki->clientConfiguration());
        m_booking = std::make_unique<BookingFixture>(*m_server);
        m_payments = std::make_unique<PaymentFixture>(*m_server);
        m_tenant = m_booking->addTenant(QStringLiteral("pix-mtls"));
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
    void cleanup() { QCOMPARE(PaymentFixture::invariantViolations(db()), QString()); }

    // The PSP's certificate opens the door; the secret and the PSP's own
    // answer still decide, exactly as without mutual TLS.
    void pspCertificateThenSecretAndFetchApply()
    {
        const Payable p = payable();
        const QString e2e = PaymentFixture::newEndToEndId();
        const int fetched = cobFetches();
        const test::TestResponse r = settledCallback(p, e2e, &m_pspCertificate);
        QCOMPARE(r.status, 200);
        QCOMPARE(PaymentFixture::outcomeOf(r), QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::verificationOf(db(), r), QStringLiteral("verified"));
        QCOMPARE(cobFetches(), fetched + 1);
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("succeeded"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("paid"));
    }

    void pspCertificateStillNeedsTheSecret()
    {
        const Payable p = payable();
        const PaymentCounts before = PaymentFixture::counts(db());
        const test::TestResponse r = settledCallback(p, PaymentFixture::newEndToEndId(),
                                                     &m_pspCertificate, "not-the-secret");
        QCOMPARE(r.status, 401);
        QCOMPARE(PaymentFixture::verificationOf(db(), r), QStringLiteral("unauthenticated"));
        QCOMPARE(recordedReason(db(), r), QStringLiteral("unauthenticated"));
        PaymentCounts after = PaymentFixture::counts(db());
        QCOMPARE(after.deliveries, before.deliveries + 1);
        after.deliveries = before.deliveries;
        QCOMPARE(after, before);
    }

    void pspCertificateStillNeedsTheChargeConcluded()
    {
        const Payable p = payable();
        m_server->setClientTls(m_serverPki->clientConfiguration(&m_pspCertificate));
        const test::TestResponse r = m_payments->postPix(PaymentFixture::pixCallback(
            {{PaymentFixture::newEndToEndId(), p.ref, QStringLiteral("110.00")}}));
        m_server->setClientTls(m_serverPki->clientConfiguration());
        QCOMPARE(r.status, 200);
        QVERIFY(PaymentFixture::outcomeOf(r) != QStringLiteral("applied"));
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("created"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("pending_payment"));
    }

    void callbackWithoutAVerifiedCertificateIs401_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no client certificate") << 0 << QStringLiteral("client_certificate_missing");
        QTest::newRow("issued by another CA")
            << 1 << QStringLiteral("client_certificate_untrusted: unable to get local issuer");
        QTest::newRow("issued by the PSP CA, expired")
            << 2 << QStringLiteral("client_certificate_untrusted: certificate has expired");
        QTest::newRow("issued by the PSP CA for servers only")
            << 3 << QStringLiteral("client_certificate_untrusted: unsuitable certificate purpose");
    }
    void callbackWithoutAVerifiedCertificateIs401()
    {
        QFETCH(int, kind);
        QFETCH(QString, reason);
        std::optional<TestPki::Issued> certificate;
        if (kind == 1)
            certificate = m_otherCa->issue(QStringLiteral("psp-webhooks"), TestPki::Usage::Client);
        else if (kind == 2)
            certificate = m_pspCa->issue(QStringLiteral("psp-webhooks"), TestPki::Usage::Client,
                                         TestPki::Validity::Expired);
        else if (kind == 3)
            certificate =
                m_pspCa->issue(QStringLiteral("psp-webhooks"), TestPki::Usage::ServerOnly);

        const Payable p = payable();
        const PaymentCounts before = PaymentFixture::counts(db());
        const int fetched = cobFetches();
        // The right secret, a charge the PSP would confirm: only the
        // transport is wrong.
        const test::TestResponse r = settledCallback(p, PaymentFixture::newEndToEndId(),
                                                     certificate ? &*certificate : nullptr);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.problemSlug(), QStringLiteral("unauthorized"));
        QCOMPARE(cobFetches(), fetched);
        QCOMPARE(PaymentFixture::verificationOf(db(), r), QStringLiteral("unauthenticated"));
        const QString recorded = recordedReason(db(), r);
        QVERIFY2(recorded.startsWith(reason), qPrintable(recorded));
        PaymentCounts after = PaymentFixture::counts(db());
        QCOMPARE(after.deliveries, before.deliveries + 1);
        after.deliveries = before.deliveries;
        QCOMPARE(after, before);
        QCOMPARE(PaymentFixture::intentStatus(db(), p.intent), QStringLiteral("created"));
        QCOMPARE(BookingFixture::statusOf(db(), p.reservation), QStringLiteral("pending_payment"));
    }

    // Requested, never required: the same port serves everyone else, with
    // or without a certificate of any kind.
    void otherRoutesNeedNoClientCertificate()
    {
        test::TestHttpClient anonymous = m_server->client();
        QCOMPARE(anonymous.get(QStringLiteral("/healthz")).status, 200);
        QCOMPARE(anonymous.get(QStringLiteral("/.well-known/jwks.json")).status, 200);
        anonymous.setBearer(m_tenant.managerToken);
        QCOMPARE(anonymous.get(QStringLiteral("/v1/products")).status, 200);

        const TestPki::Issued foreign =
            m_otherCa->issue(QStringLiteral("a-browser"), TestPki::Usage::Client);
        test::TestHttpClient withForeign(m_server->port());
        withForeign.setTls(m_serverPki->clientConfiguration(&foreign));
        withForeign.setBearer(m_tenant.managerToken);
        QCOMPARE(withForeign.get(QStringLiteral("/v1/products")).status, 200);
    }

    // Without --tls-client-ca, TLS changes nothing for the Pix route: the
    // secret and the PSP fetch, as over plain HTTP.
    void withoutAClientCaThePixRouteWorksAsBefore()
    {
        test::FakePaymentApis apis;
        test::TestServer server(SystemClock::instance(),
                                tlsServer(m_serverCertificate, QString(), apis));
        server.setClientTls(m_serverPki->clientConfiguration());
        BookingFixture booking(server);
        PaymentFixture payments(server);
        const test::BookingTenant tenant = booking.addTenant(QStringLiteral("pix-tls-only"));
        const QUuid product = booking.createProduct(
            tenant.managerToken, {{QStringLiteral("price_minor"), kPrice},
                                  {QStringLiteral("currency"), QStringLiteral("BRL")}});
        const Payable p =
            payments.payable(tenant,
                             booking.createSlot(tenant.managerToken, product,
                                                QDateTime::currentDateTimeUtc().addDays(3), 5),
                             QStringLiteral("pix"));
        QVERIFY(!p.intent.isNull());
        const QString e2e = PaymentFixture::newEndToEndId();
        apis.concludeCob(p.ref, e2e, QStringLiteral("110.00"));
        const QByteArray body =
            PaymentFixture::pixCallback({{e2e, p.ref, QStringLiteral("110.00")}});
        QCOMPARE(payments.postPix(body, "not-the-secret").status, 401);
        const test::TestResponse r = payments.postPix(body);
        QCOMPARE(r.status, 200);
        QCOMPARE(PaymentFixture::outcomeOf(r), QStringLiteral("applied"));
        QCOMPARE(BookingFixture::statusOf(server.appDb(), p.reservation), QStringLiteral("paid"));
    }

private:
    test::FakePaymentApis m_apis;
    std::unique_ptr<TestPki> m_serverPki;
    TestPki::Issued m_serverCertificate;
    std::unique_ptr<TestPki> m_pspCa;
    std::unique_ptr<TestPki> m_otherCa;
    TestPki::Issued m_pspCertificate;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_booking;
    std::unique_ptr<PaymentFixture> m_payments;
    test::BookingTenant m_tenant;
    QUuid m_product;
    int m_slots = 0;
};

QTEST_GUILESS_MAIN(TestPixMutualTls)
#include "tst_pixmtls.moc"
