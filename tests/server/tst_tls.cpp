// TLS termination in our HTTP engine, over real sockets on 127.0.0.1 with
// certificates made at test time: HTTPS round trips, only TLS 1.2+ with
// forward-secret AEAD suites, plain HTTP to the TLS port closed cleanly, a
// stalled handshake cut by the head deadline while other clients are served
// by the same worker, and the client certificate state every request carries
// (requested, never required, verified against the configured CA only).
#include "http/httpserver.h"
#include "http/tlssettings.h"
#include "log/jsonlog.h"
#include "metrics/counters.h"
#include "testhttpclient.h"
#include "testpki.h"

#include <QSslCipher>
#include <QSslSocket>
#include <QtTest>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

using namespace reserva;
using test::TestHttpClient;
using test::TestPki;
using test::TestResponse;

namespace {

QByteArray stateName(ClientCertificate::State state)
{
    switch (state) {
    case ClientCertificate::State::NotRequested:
        return "not_requested";
    case ClientCertificate::State::Absent:
        return "absent";
    case ClientCertificate::State::Untrusted:
        return "untrusted";
    case ClientCertificate::State::Verified:
        return "verified";
    }
    return "?";
}

// Answers "<method> <target>\n<client certificate state>\n<subject>\n<body>".
class TlsEchoHandler final : public RequestHandler
{
public:
    HttpResponse handle(HttpRequest &request, DbConnection *) override
    {
        handled.fetchAndAddRelaxed(1);
        return HttpResponse::raw(200, "text/plain",
                                 request.method + ' ' + request.target + '\n' +
                                     stateName(request.clientCertificate.state) + '\n' +
                                     request.clientCertificate.subject.toUtf8() + '\n' +
                                     request.body);
    }
    HttpResponse reject(const HttpRequest &, const Problem &problem) override
    {
        return HttpResponse::problem(problem, QStringLiteral("tls-test"));
    }

    QAtomicInt handled;
};

std::unique_ptr<QTcpSocket> connectTo(quint16 port)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, port);
    if (!socket->waitForConnected(10000))
        return {};
    return socket;
}

bool sendAll(QTcpSocket &socket, const QByteArray &bytes)
{
    if (socket.write(bytes) != bytes.size())
        return false;
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(10000))
            return false;
    }
    return true;
}

// True once the server has closed the connection; what it sent is appended.
bool waitForServerClose(QTcpSocket &socket, QByteArray *received = nullptr)
{
    QByteArray sink;
    QByteArray &out = received ? *received : sink;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        out += socket.readAll();
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        socket.waitForReadyRead(100);
    }
    return false;
}

TestResponse readResponse(QTcpSocket &socket)
{
    QByteArray buffer;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        const TestResponse r = TestHttpClient::parseResponse(buffer);
        if (r.status != 0)
            return r;
        if (socket.bytesAvailable() > 0 || socket.waitForReadyRead(100))
            buffer += socket.readAll();
        else if (socket.state() != QAbstractSocket::ConnectedState)
            break;
    }
    return TestHttpClient::parseResponse(buffer);
}

// A handshake by a client that offers exactly the protocol versions and
// TLS 1.2 suites given, straight through OpenSSL at security level 0: Qt
// and OpenSSL's defaults no longer offer TLS 1.0/1.1 or CBC-only lists, so
// only such a client can show that the server itself refuses them. True
// when the handshake completed.
bool opensslHandshake(quint16 port, int minVersion, int maxVersion, const QByteArray &ciphers)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx)
        return false;
    SSL_CTX_set_security_level(ctx, 0);
    SSL_CTX_set_min_proto_version(ctx, minVersion);
    SSL_CTX_set_max_proto_version(ctx, maxVersion);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    bool ok = SSL_CTX_set_cipher_list(ctx, ciphers.constData()) == 1;
    if (ok) {
        const QByteArray address = "127.0.0.1:" + QByteArray::number(port);
        BIO *bio = BIO_new_connect(address.constData());
        SSL *ssl = SSL_new(ctx);
        ok = bio && ssl && BIO_do_connect(bio) == 1;
        if (ok) {
            SSL_set_bio(ssl, bio, bio); // ssl owns bio from here
            bio = nullptr;
            ok = SSL_connect(ssl) == 1;
            if (ok)
                SSL_shutdown(ssl);
        }
        SSL_free(ssl);
        BIO_free(bio);
    }
    SSL_CTX_free(ctx);
    ERR_clear_error();
    return ok;
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private:
    // A TLS engine with this suite's server certificate; the PSP CA as the
    // client CA when `clientCa`.
    std::unique_ptr<HttpServer> startTls(TlsEchoHandler &handler, bool clientCa,
                                         HttpServerOptions options = {})
    {
        QString error;
        options.tls = TlsSettings::fromFiles(m_server.certificateFile, m_server.keyFile,
                                             clientCa ? m_clientCa->caFile() : QString(), &error);
        if (!options.tls)
            qFatal("TLS settings: %s", qPrintable(error));
        options.address = QHostAddress::LocalHost;
        options.port = 0;
        if (options.workers == 0)
            options.workers = 2;
        auto server = std::make_unique<HttpServer>(options, handler);
        if (!server->start(&error))
            qFatal("engine did not start: %s", qPrintable(error));
        return server;
    }

    TestHttpClient httpsClient(quint16 port, const TestPki::Issued *clientCertificate = nullptr)
    {
        TestHttpClient http(port);
        http.setTls(m_pki->clientConfiguration(clientCertificate));
        return http;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("RESERVA_TEST_VERBOSE"))
            jsonlog::setQuiet(true);
        QVERIFY(QSslSocket::supportsSsl());
        m_pki = std::make_unique<TestPki>(QStringLiteral("Reserva test server CA"));
        m_server = m_pki->issue(QStringLiteral("localhost"), TestPki::Usage::Server);
        m_clientCa = std::make_unique<TestPki>(QStringLiteral("PSP client CA"));
        m_otherCa = std::make_unique<TestPki>(QStringLiteral("Someone else's CA"));
    }

    void httpsRoundTrip()
    {
        TlsEchoHandler handler;
        auto server = startTls(handler, false);

        // Qt's client verifies our chain against the test CA and the name.
        QSslSocket socket;
        socket.setSslConfiguration(m_pki->clientConfiguration());
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server->port(),
                                      QStringLiteral("localhost"));
        QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
        QVERIFY(socket.sessionProtocol() == QSsl::TlsV1_3 ||
                socket.sessionProtocol() == QSsl::TlsV1_2);
        QCOMPARE(socket.peerCertificate(), m_server.certificate);
        QVERIFY(sendAll(socket, "POST /echo?x=1 HTTP/1.1\r\nHost: localhost\r\n"
                                "Content-Length: 5\r\n\r\nhello"));
        const TestResponse first = readResponse(socket);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body, QByteArray("POST /echo?x=1\nnot_requested\n\nhello"));
        // Keep-alive over the same TLS session.
        QVERIFY(sendAll(socket, "GET /again HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        QCOMPARE(readResponse(socket).body, QByteArray("GET /again\nnot_requested\n\n"));

        TestHttpClient http = httpsClient(server->port());
        const TestResponse r = http.get(QStringLiteral("/through-the-test-client"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.startsWith("GET /through-the-test-client\n"));
        QCOMPARE(handler.handled.loadRelaxed(), 3);
    }

    // OpenSSL 3 at its default security level already refuses TLS 1.0 and
    // 1.1 (their PRF needs SHA-1/MD5), so the handshakes below would pass
    // even without our floor; this pins the floor itself, for builds whose
    // OpenSSL is configured more leniently.
    void serverConfigurationAllowsTls12AndLaterOnly()
    {
        QString error;
        const auto settings =
            TlsSettings::fromFiles(m_server.certificateFile, m_server.keyFile, {}, &error);
        QVERIFY2(settings, qPrintable(error));
        QCOMPARE(settings->serverConfiguration().protocol(), QSsl::TlsV1_2OrLater);
    }

    void onlyTls12AndLaterAreAccepted_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QByteArray>("ciphers");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("TLS 1.0") << TLS1_VERSION << QByteArray("DEFAULT:@SECLEVEL=0") << false;
        QTest::newRow("TLS 1.1") << TLS1_1_VERSION << QByteArray("DEFAULT:@SECLEVEL=0") << false;
        // The same client, allowed a modern protocol: the refusal above is
        // the server's, not this client failing to connect at all.
        QTest::newRow("TLS 1.2") << TLS1_2_VERSION << QByteArray("DEFAULT:@SECLEVEL=0") << true;
        QTest::newRow("TLS 1.3") << TLS1_3_VERSION << QByteArray("DEFAULT:@SECLEVEL=0") << true;
    }
    void onlyTls12AndLaterAreAccepted()
    {
        QFETCH(int, version);
        QFETCH(QByteArray, ciphers);
        QFETCH(bool, accepted);
        TlsEchoHandler handler;
        auto server = startTls(handler, false);
        const quint64 failedBefore = counters().tlsHandshakesFailed.load();
        QCOMPARE(opensslHandshake(server->port(), version, version, ciphers), accepted);
        if (!accepted)
            QTRY_VERIFY_WITH_TIMEOUT(counters().tlsHandshakesFailed.load() > failedBefore, 20000);
    }

    void onlyForwardSecretAeadSuitesOnTls12_data()
    {
        QTest::addColumn<QByteArray>("ciphers");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("ECDHE AES-GCM") << QByteArray("ECDHE-ECDSA-AES128-GCM-SHA256") << true;
        QTest::newRow("ECDHE ChaCha20-Poly1305")
            << QByteArray("ECDHE-ECDSA-CHACHA20-POLY1305") << true;
        // OpenSSL's default list still has these for TLS 1.2 clients.
        QTest::newRow("ECDHE AES-CBC SHA1") << QByteArray("ECDHE-ECDSA-AES128-SHA") << false;
        QTest::newRow("ECDHE AES-CBC SHA384") << QByteArray("ECDHE-ECDSA-AES256-SHA384") << false;
    }
    void onlyForwardSecretAeadSuitesOnTls12()
    {
        QFETCH(QByteArray, ciphers);
        QFETCH(bool, accepted);
        TlsEchoHandler handler;
        auto server = startTls(handler, false);
        QCOMPARE(opensslHandshake(server->port(), TLS1_2_VERSION, TLS1_2_VERSION,
                                  ciphers + ":@SECLEVEL=0"),
                 accepted);
    }

    void plainHttpToTheTlsPortIsClosedCleanly()
    {
        TlsEchoHandler handler;
        auto server = startTls(handler, false);
        const quint64 failedBefore = counters().tlsHandshakesFailed.load();

        auto plain = connectTo(server->port());
        QVERIFY(plain);
        QVERIFY(sendAll(*plain, "GET /echo HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        QByteArray received;
        QVERIFY(waitForServerClose(*plain, &received));
        // No HTTP answer in clear (at most a TLS alert record), no handler call.
        QVERIFY2(!received.contains("HTTP/"), received.constData());
        QCOMPARE(handler.handled.loadRelaxed(), 0);
        QVERIFY(counters().tlsHandshakesFailed.load() > failedBefore);

        // The server is none the worse for it.
        QCOMPARE(httpsClient(server->port()).get(QStringLiteral("/after")).status, 200);
    }

    void stalledHandshakeIsCutByTheHeadTimeout_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::newRow("nothing at all") << QByteArray();
        // A TLS record header announcing a 512-byte ClientHello, then only
        // the start of it.
        QTest::newRow("half a ClientHello")
            << QByteArray::fromHex("1603010200" /* record header */ "010001fc" /* ClientHello */
                                   "0303" /* client version */) +
                   QByteArray(40, '\x2a');
    }
    void stalledHandshakeIsCutByTheHeadTimeout()
    {
        QFETCH(QByteArray, sent);
        TlsEchoHandler handler;
        HttpServerOptions options;
        options.workers = 1; // the stalled client and the others share one worker
        options.headerTimeoutMs = 300;
        options.idleTimeoutMs = 600000; // so only the head deadline can end it
        auto server = startTls(handler, false, options);
        const quint64 timedOutBefore = counters().tlsHandshakesTimedOut.load();

        auto stalled = connectTo(server->port());
        QVERIFY(stalled);
        if (!sent.isEmpty())
            QVERIFY(sendAll(*stalled, sent));
        // Meanwhile the same worker serves someone else.
        QCOMPARE(httpsClient(server->port()).get(QStringLiteral("/meanwhile")).status, 200);

        QByteArray received;
        QVERIFY(waitForServerClose(*stalled, &received));
        QVERIFY(!received.contains("HTTP/"));
        QTRY_VERIFY_WITH_TIMEOUT(counters().tlsHandshakesTimedOut.load() > timedOutBefore, 20000);
        QCOMPARE(handler.handled.loadRelaxed(), 1);
    }

    // A graceful stop does not wait for a handshake that is going nowhere:
    // like an idle keep-alive connection, it has no request to finish.
    void gracefulStopClosesConnectionsStillHandshaking()
    {
        TlsEchoHandler handler;
        HttpServerOptions options;
        options.idleTimeoutMs = 600000;
        options.headerTimeoutMs = 600000;
        options.drainTimeoutMs = 600000; // only the drain itself can close it in time
        auto server = startTls(handler, false, options);
        auto stalled = connectTo(server->port());
        QVERIFY(stalled);
        QVERIFY(sendAll(*stalled, QByteArray::fromHex("1603010200010001fc0303")));
        // The worker has taken it (a served request proves it is running).
        QCOMPARE(httpsClient(server->port()).get(QStringLiteral("/first")).status, 200);
        server->stop();
        QVERIFY(waitForServerClose(*stalled));
    }

    void stalledHeadOverTlsGets408()
    {
        TlsEchoHandler handler;
        HttpServerOptions options;
        options.headerTimeoutMs = 300;
        options.idleTimeoutMs = 600000;
        auto server = startTls(handler, false, options);

        QSslSocket socket;
        socket.setSslConfiguration(m_pki->clientConfiguration());
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server->port(),
                                      QStringLiteral("localhost"));
        QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
        QVERIFY(sendAll(socket, "GET /echo HTTP/1.1\r\nHost: localhost\r\nX-Half"));
        const TestResponse r = readResponse(socket);
        QCOMPARE(r.status, 408);
        QCOMPARE(r.problemSlug(), QStringLiteral("request-timeout"));
        QVERIFY(waitForServerClose(socket));
        QCOMPARE(handler.handled.loadRelaxed(), 0);
    }

    void clientCertificateStateReachesTheRequest_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("state");
        QTest::newRow("none presented") << 0 << QByteArray("absent");
        QTest::newRow("issued by the client CA") << 1 << QByteArray("verified");
        QTest::newRow("issued by another CA") << 2 << QByteArray("untrusted");
        QTest::newRow("another CA, its root sent along") << 3 << QByteArray("untrusted");
        QTest::newRow("client CA, but expired") << 4 << QByteArray("untrusted");
        QTest::newRow("client CA, but for servers only") << 5 << QByteArray("untrusted");
    }
    void clientCertificateStateReachesTheRequest()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, state);
        TlsEchoHandler handler;
        auto server = startTls(handler, true);

        std::optional<TestPki::Issued> presented;
        QList<QSslCertificate> sentAlong;
        switch (kind) {
        case 1:
            presented = m_clientCa->issue(QStringLiteral("psp-good"), TestPki::Usage::Client);
            break;
        case 2:
            presented = m_otherCa->issue(QStringLiteral("psp-foreign"), TestPki::Usage::Client);
            break;
        case 3:
            presented =
                m_otherCa->issue(QStringLiteral("psp-foreign-chain"), TestPki::Usage::Client);
            sentAlong << m_otherCa->caCertificate();
            break;
        case 4:
            presented = m_clientCa->issue(QStringLiteral("psp-expired"), TestPki::Usage::Client,
                                          TestPki::Validity::Expired);
            break;
        case 5:
            presented =
                m_clientCa->issue(QStringLiteral("psp-server-only"), TestPki::Usage::ServerOnly);
            break;
        default:
            break;
        }
        QSslConfiguration configuration =
            m_pki->clientConfiguration(presented ? &*presented : nullptr);
        if (!sentAlong.isEmpty())
            configuration.setLocalCertificateChain(QList<QSslCertificate>{presented->certificate} +
                                                   sentAlong);
        TestHttpClient http(server->port());
        http.setTls(configuration);
        // Requested, never required: every client completes the handshake.
        const TestResponse r = http.get(QStringLiteral("/who"));
        QCOMPARE(r.status, 200);
        const QList<QByteArray> lines = r.body.split('\n');
        QCOMPARE(lines.value(1), state);
        if (presented) {
            const QByteArray cn =
                presented->certificate.subjectInfo(QSslCertificate::CommonName).value(0).toUtf8();
            QVERIFY2(lines.value(2).contains(QByteArray(QByteArray("CN=") + cn)),
                     r.body.constData());
        }
        // Every request on the connection carries it.
        QCOMPARE(http.get(QStringLiteral("/again")).body.split('\n').value(1), state);
    }

    void withoutAClientCaNothingIsRequested()
    {
        TlsEchoHandler handler;
        auto server = startTls(handler, false);
        const TestPki::Issued good =
            m_clientCa->issue(QStringLiteral("psp-unasked"), TestPki::Usage::Client);
        const TestResponse r = httpsClient(server->port(), &good).get(QStringLiteral("/who"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.split('\n').value(1), QByteArray("not_requested"));
    }

private:
    std::unique_ptr<TestPki> m_pki;
    TestPki::Issued m_server;
    std::unique_ptr<TestPki> m_clientCa;
    std::unique_ptr<TestPki> m_otherCa;
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
