// ApiClient against a real reservad (problem+json as the server writes it)
// and against a fake HTTP server for the failures a real one does not produce
// on demand (dropped connection, hang, broken body).
#include "fakehttpserver.h"
#include "net/apiclient.h"
#include "net/certificatepins.h"
#include "net/connectionmonitor.h"
#include "testserver.h"
#include "tlstestserver.h"
#include "uitestsupport.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace reserva;
using namespace reserva::test;
using reserva::ui::ApiClient;
using reserva::ui::ApiError;
using reserva::ui::ApiRequest;

class TestApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        m_server->createUser(QStringLiteral("ada.admin"), QStringLiteral("correct-horse-1"),
                             {QStringLiteral("admin")});
    }
    void cleanupTestCase() { m_server.reset(); }

    void successfulCallParsesJson()
    {
        ApiClient api;
        api.setBaseUrl(localUrl(m_server->port()));
        ApiRequest request;
        request.path = QStringLiteral("/healthz");
        request.authenticated = false;
        const auto response = call(api, request);
        QVERIFY(response.ok());
        QCOMPARE(response.status, 200);
        QVERIFY(response.json.isObject());
    }

    void problemJsonIsParsed()
    {
        ApiClient api;
        api.setBaseUrl(localUrl(m_server->port()));
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/v1/auth/login");
        request.authenticated = false;
        request.body = QJsonObject{{QStringLiteral("username"), QStringLiteral("ada.admin")},
                                   {QStringLiteral("password"), QStringLiteral("wrong")}};
        const auto response = call(api, request);
        QVERIFY(!response.ok());
        const ApiError &error = *response.error;
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.status, 401);
        QCOMPARE(error.slug(), QStringLiteral("invalid-credentials"));
        QVERIFY(!error.title.isEmpty());
        QVERIFY(!error.requestId.isEmpty());
        QVERIFY(!error.isConnectionProblem());
        QCOMPARE(error.plainMessage(), QStringLiteral("The username or password is not correct."));
    }

    void fieldErrorsAreParsed()
    {
        ApiClient api;
        api.setBaseUrl(localUrl(m_server->port()));
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/v1/auth/login");
        request.authenticated = false;
        request.body = QJsonObject{{QStringLiteral("username"), 42}};
        const auto response = call(api, request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error->status, 400);
        QVERIFY(!response.error->fieldErrors.isEmpty());
        QVERIFY(!response.error->fieldErrors.first().field.isEmpty());
        QVERIFY(!response.error->fieldErrors.first().message.isEmpty());
    }

    void missingTokenIs401WithoutRenewal()
    {
        ApiClient api; // no authenticator: nothing to renew
        api.setBaseUrl(localUrl(m_server->port()));
        ApiRequest request;
        request.path = QStringLiteral("/v1/reservations");
        const auto response = call(api, request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error->status, 401);
    }

    void connectionRefusedIsDistinguished()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        } // closed: nothing listens there now
        ApiClient api;
        QSignalSpy reachability(&api, &ApiClient::reachabilityChanged);
        api.setBaseUrl(localUrl(port));
        ApiRequest request;
        request.path = QStringLiteral("/healthz");
        const auto response = call(api, request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error->kind, ApiError::Kind::ConnectionRefused);
        QVERIFY(response.error->isConnectionProblem());
        QCOMPARE(reachability.size(), 1);
        QCOMPARE(reachability.first().first().toBool(), false);
    }

    void droppedConnectionIsANetworkError()
    {
        FakeHttpServer fake;
        fake.setMode(FakeHttpServer::Mode::Close);
        ApiClient api;
        api.setBaseUrl(localUrl(fake.port()));
        ApiRequest request;
        request.path = QStringLiteral("/v1/reservations");
        const auto response = call(api, request);
        QVERIFY(!response.ok());
        QVERIFY(response.error->isConnectionProblem());
        QCOMPARE(response.error->status, 0);
    }

    void silentServerTimesOut()
    {
        FakeHttpServer fake;
        fake.setMode(FakeHttpServer::Mode::Hang);
        ApiClient api;
        api.setTransferTimeout(300);
        api.setBaseUrl(localUrl(fake.port()));
        ApiRequest request;
        request.path = QStringLiteral("/v1/reservations");
        const auto response = call(api, request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error->kind, ApiError::Kind::Timeout);
    }

    void brokenJsonIsAnInvalidResponse()
    {
        FakeHttpServer fake;
        fake.respond(200, "{not json", "application/json");
        ApiClient api;
        api.setBaseUrl(localUrl(fake.port()));
        ApiRequest request;
        request.path = QStringLiteral("/v1/reservations");
        const auto response = call(api, request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error->kind, ApiError::Kind::InvalidResponse);
    }

    void bearerHeaderAndJsonBodyAreSent()
    {
        FakeHttpServer fake;
        fake.respond(201, R"({"id":"x"})");
        struct Fixed final : ui::Authenticator
        {
            QByteArray accessToken() const override { return "token-123"; }
            void renewAccess(std::function<void(const std::optional<ApiError> &)> done) override
            {
                done(ApiError());
            }
        } fixed;
        ApiClient api;
        api.setAuthenticator(&fixed);
        api.setBaseUrl(localUrl(fake.port()));
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/v1/reservations");
        request.headers = {{"Idempotency-Key", "k-1"}};
        request.body = QJsonObject{{QStringLiteral("quantity"), 2}};
        const auto response = call(api, request);
        QVERIFY(response.ok());
        QCOMPARE(response.object().value(u"id").toString(), QStringLiteral("x"));
        const auto received = fake.received();
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().header("authorization"), QByteArray("Bearer token-123"));
        QCOMPARE(received.first().header("idempotency-key"), QByteArray("k-1"));
        QCOMPARE(received.first().header("content-type"), QByteArray("application/json"));
        QCOMPARE(QJsonDocument::fromJson(received.first().body).object().value(u"quantity"), 2);
        api.setAuthenticator(nullptr);
    }

    void plainHttpToARemoteHostIsRefusedBeforeSending()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(QStringLiteral("http://reserva.example.com")));
        ApiRequest request;
        request.path = QStringLiteral("/v1/auth/login");
        const auto response = call(api, request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error->kind, ApiError::Kind::InsecureServer);
    }

    void selfSignedCertificateIsShownThenPinned()
    {
        TlsTestServer tls;
        QString error;
        QVERIFY2(tls.useNewCertificate(QStringLiteral("reserva.local"), &error), qPrintable(error));
        TemporarySettings settings;
        ui::CertificatePins pins(settings.settings());
        ApiClient api(&pins);
        api.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(tls.serverPort())));
        ApiRequest request;
        request.path = QStringLiteral("/healthz");
        request.authenticated = false;

        // Never accepted silently: the failure carries the certificate's details.
        auto response = call(api, request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error->kind, ApiError::Kind::Tls);
        const ui::CertificateInfo info = response.error->certificate; // a copy: response is reused
        QCOMPARE(info.sha256, ui::CertificateInfo::fingerprintOf(tls.certificate()));
        QVERIFY(info.subject.contains(QStringLiteral("reserva.local")));
        QVERIFY(info.issuer.contains(QStringLiteral("Reserva tests")));
        QVERIFY(info.selfSigned);
        QVERIFY(info.validFrom.isValid() && info.validTo > info.validFrom);
        QVERIFY(!info.reasons.isEmpty());
        QVERIFY(info.sha256.count(u':') == 31); // 32 bytes in hex pairs

        // Trusted explicitly: pinned, then accepted.
        pins.pin(QStringLiteral("127.0.0.1"), tls.serverPort(), info.sha256);
        response = call(api, request);
        QVERIFY2(response.ok(),
                 qPrintable(response.error ? response.error->transportMessage : QString()));
        QCOMPARE(response.object().value(u"status").toString(), QStringLiteral("ok"));
        settings.settings().sync();
        QFile ini(settings.fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(ini.readAll().contains(info.sha256.toLatin1())); // only the fingerprint

        // Another certificate on the same server is questioned again.
        QVERIFY2(tls.useNewCertificate(QStringLiteral("reserva.local"), &error), qPrintable(error));
        response = call(api, request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error->kind, ApiError::Kind::Tls);
        QCOMPARE(response.error->certificate.sha256,
                 ui::CertificateInfo::fingerprintOf(tls.certificate()));
        QVERIFY(response.error->certificate.sha256 != info.sha256);
    }

    void lostConnectionIsNoticedAndRecovered()
    {
        FakeHttpServer fake;
        fake.setMode(FakeHttpServer::Mode::Close);
        ApiClient api;
        api.setBaseUrl(localUrl(fake.port()));
        ui::ConnectionMonitor monitor(api);
        monitor.setPollIntervalMs(50);
        QSignalSpy lost(&monitor, &ui::ConnectionMonitor::connectionLost);
        QSignalSpy restored(&monitor, &ui::ConnectionMonitor::connectionRestored);
        ApiRequest request;
        request.path = QStringLiteral("/v1/reservations");
        call(api, request);
        QCOMPARE(lost.size(), 1);
        QVERIFY(!monitor.isConnected());
        fake.respond(200, R"({"status":"ok"})");
        fake.setMode(FakeHttpServer::Mode::Respond);
        QVERIFY(restored.wait(30000));
        QVERIFY(monitor.isConnected());
        QVERIFY(fake.received().last().path.startsWith("/healthz"));
    }

private:
    std::unique_ptr<TestServer> m_server;
};

QTEST_MAIN(TestApiClient)
#include "tst_apiclient.moc"
