// Identity re-verification at every login against an outside API (a
// FakeHttpServer here). Invariant 9: an identity is marked verified only when
// the API answered and said so; when the API fails, times out or answers
// nonsense, login still works (degraded), the user reads as unverified, an
// alert is counted and an audit row says so. The document number goes to the
// API in the request body and nowhere else.
#include "domain/role.h"
#include "fakehttpserver.h"
#include "identity/userstore.h"
#include "metrics/counters.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QMutex>
#include <QtTest>

using namespace reserva;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");
const QString kDocumentNumber = QStringLiteral("30111222");
const QByteArray kApiKey = "identity-api-test-key";

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// Every Qt message of the process (the server runs in it), to prove that no
// log line carries the document number.
QMutex g_logMutex;
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_logLines << message;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

struct AuditRow
{
    QString action;
    QString outcome;
    QJsonObject detail;
};

} // namespace

class TestIdentityVerification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        g_previousHandler = qInstallMessageHandler(captureMessage);
        m_server =
            std::make_unique<test::TestServer>(SystemClock::instance(), [this](ServerConfig &c) {
                c.throttle.loginPerAddress = {100000, 60};
                c.identityApiUrl = QUrl(QString::fromLatin1(m_fake.baseUrl()));
                c.identityApiKey = QString::fromLatin1(kApiKey);
                c.identityTimeoutMs = 300;
            });
        const TenantView tenant = m_server->createTenant(QStringLiteral("andes-tours"));
        m_holder =
            m_server->createUser(QStringLiteral("doc.holder"), kPassword, {role::kPartnerStaff},
                                 tenant.id, QStringLiteral("dni"), kDocumentNumber);
        m_noDocument = m_server->createUser(QStringLiteral("no.document"), kPassword,
                                            {role::kPartnerStaff}, tenant.id);
    }
    void cleanupTestCase()
    {
        m_server.reset();
        qInstallMessageHandler(g_previousHandler);
    }

    void verifiedAnswerMarksTheIdentityVerified()
    {
        m_fake.respond(200, R"({"verified": true})");
        m_fake.clearReceived();
        const test::TestResponse r = login(m_holder.username);
        QCOMPARE(r.status, 200);
        const UserRecord user = *userstore::findById(m_server->appDb(), m_holder.id);
        QVERIFY(user.view.identityVerified);
        QCOMPARE(user.view.identityCheckOutcome, QStringLiteral("verified"));

        const QList<test::FakeHttpServer::Received> received = m_fake.received();
        QCOMPARE(received.size(), 1);
        const test::FakeHttpServer::Received &request = received.first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/v1/identity/verify"));
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body, (QJsonObject{{QStringLiteral("document_type"), QStringLiteral("dni")},
                                    {QStringLiteral("document_number"), kDocumentNumber}}));
        QCOMPARE(header(request, "authorization"), QByteArray("Bearer " + kApiKey));
        QCOMPARE(header(request, "x-request-id"), r.header("x-request-id"));

        const QList<AuditRow> rows = auditRows(r);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).action, QStringLiteral("auth.login"));
        QCOMPARE(rows.at(0).detail.value(QStringLiteral("identity")).toString(),
                 QStringLiteral("verified"));
    }

    // An answer that says "no" is an answer: not verified, not degraded, and
    // the person may still log in (the API is advisory for login).
    void negativeAnswerLeavesTheIdentityUnverified()
    {
        m_fake.respond(200, R"({"verified": true})");
        QCOMPARE(login(m_holder.username).status, 200);
        const quint64 rejectedBefore = counters().identityVerificationRejected.load();
        const quint64 degradedBefore = counters().identityVerificationDegraded.load();

        m_fake.respond(200, R"({"verified": false})");
        const test::TestResponse r = login(m_holder.username);
        QCOMPARE(r.status, 200);
        const UserRecord user = *userstore::findById(m_server->appDb(), m_holder.id);
        QVERIFY(!user.view.identityVerified);
        QCOMPARE(user.view.identityCheckOutcome, QStringLiteral("rejected"));
        QCOMPARE(counters().identityVerificationRejected.load(), rejectedBefore + 1);
        QCOMPARE(counters().identityVerificationDegraded.load(), degradedBefore);
        const QList<AuditRow> rows = auditRows(r);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).detail.value(QStringLiteral("identity")).toString(),
                 QStringLiteral("rejected"));
    }

    void degradedVerification_data()
    {
        using Mode = test::FakeHttpServer::Mode;
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        const QByteArray json = "application/json";
        const QByteArray yes = R"({"verified": true})";
        QTest::newRow("500") << int(Mode::Respond) << 500 << QByteArray(R"({"error":"down"})")
                             << json;
        // The status counts: a "verified" under an error status is no answer.
        QTest::newRow("503 saying verified") << int(Mode::Respond) << 503 << yes << json;
        QTest::newRow("201 saying verified") << int(Mode::Respond) << 201 << yes << json;
        QTest::newRow("redirect") << int(Mode::Respond) << 302 << QByteArray() << json;
        QTest::newRow("html instead of json")
            << int(Mode::Respond) << 200 << QByteArray("<html>maintenance</html>")
            << QByteArray("text/html");
        QTest::newRow("verified as a string")
            << int(Mode::Respond) << 200 << QByteArray(R"({"verified": "true"})") << json;
        QTest::newRow("verified as a number")
            << int(Mode::Respond) << 200 << QByteArray(R"({"verified": 1})") << json;
        QTest::newRow("no verified field")
            << int(Mode::Respond) << 200 << QByteArray(R"({"status": "ok"})") << json;
        QTest::newRow("array body") << int(Mode::Respond) << 200 << QByteArray("[true]") << json;
        QTest::newRow("truncated json")
            << int(Mode::Respond) << 200 << QByteArray(R"({"verified": tr)") << json;
        QTest::newRow("connection closed") << int(Mode::Close) << 0 << QByteArray() << json;
        QTest::newRow("hangs past the timeout") << int(Mode::Hang) << 0 << QByteArray() << json;
    }

    // And a user verified at the previous login loses that status: identity
    // is re-validated every time, never carried over on a failure.
    void degradedVerification()
    {
        QFETCH(int, mode);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);

        m_fake.respond(200, R"({"verified": true})");
        QCOMPARE(login(m_holder.username).status, 200);
        QVERIFY(userstore::findById(m_server->appDb(), m_holder.id)->view.identityVerified);

        m_fake.respond(status, body, contentType);
        m_fake.setMode(test::FakeHttpServer::Mode(mode));
        m_fake.clearReceived();
        const quint64 degradedBefore = counters().identityVerificationDegraded.load();
        const test::TestResponse r = login(m_holder.username);
        QCOMPARE(r.status, 200);
        const auto pair = TokenPair::fromJson(r.json());
        QVERIFY(pair);
        // A connection dropped without an answer may be retried by the HTTP
        // stack; every other case is exactly one call.
        if (test::FakeHttpServer::Mode(mode) == test::FakeHttpServer::Mode::Close)
            QVERIFY(!m_fake.received().isEmpty());
        else
            QCOMPARE(m_fake.received().size(), 1);

        const UserRecord user = *userstore::findById(m_server->appDb(), m_holder.id);
        QVERIFY(!user.view.identityVerified);
        QCOMPARE(user.view.identityCheckOutcome, QStringLiteral("unavailable"));
        QCOMPARE(counters().identityVerificationDegraded.load(), degradedBefore + 1);

        const QList<AuditRow> rows = auditRows(r);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).action, QStringLiteral("auth.login"));
        QCOMPARE(rows.at(0).outcome, QStringLiteral("success"));
        QCOMPARE(rows.at(0).detail.value(QStringLiteral("identity")).toString(),
                 QStringLiteral("unavailable"));
        QCOMPARE(rows.at(1).action, QStringLiteral("identity.verification"));
        QCOMPARE(rows.at(1).outcome, QStringLiteral("error"));
        QCOMPARE(rows.at(1).detail.value(QStringLiteral("result")).toString(),
                 QStringLiteral("unavailable"));

        // What the API says about the user: unverified, last check unavailable.
        test::TestHttpClient http = m_server->client();
        http.setBearer(pair->accessToken);
        const test::TestResponse self =
            http.get(QStringLiteral("/v1/users/") + uuidText(m_holder.id));
        QCOMPARE(self.status, 200);
        const QJsonObject identity = self.json().value(QStringLiteral("identity")).toObject();
        QCOMPARE(identity.value(QStringLiteral("verified")).toBool(true), false);
        QCOMPARE(identity.value(QStringLiteral("last_check")).toString(),
                 QStringLiteral("unavailable"));
        m_fake.respond(200, R"({"verified": true})");
    }

    void userWithoutADocumentIsNotChecked()
    {
        m_fake.respond(200, R"({"verified": true})");
        m_fake.clearReceived();
        const quint64 degradedBefore = counters().identityVerificationDegraded.load();
        QCOMPARE(login(m_noDocument.username).status, 200);
        QVERIFY(m_fake.received().isEmpty());
        const UserRecord user = *userstore::findById(m_server->appDb(), m_noDocument.id);
        QVERIFY(!user.view.identityVerified);
        QCOMPARE(counters().identityVerificationDegraded.load(), degradedBefore);
    }

    // Last: looks back over everything the suite made the server write.
    void documentNumberStaysInTheRequestBody()
    {
        DbRows q = m_server->appDb().exec(
            QStringLiteral(
                "SELECT count(*), count(*) FILTER (WHERE detail::text LIKE '%' || ? || '%'"
                " OR COALESCE(resource, '') LIKE '%' || ? || '%'"
                " OR COALESCE(actor, '') LIKE '%' || ? || '%') FROM audit_log"),
            {kDocumentNumber, kDocumentNumber, kDocumentNumber}, "audit scan");
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() > 10);
        QCOMPARE(q.value(1).toInt(), 0);

        {
            QMutexLocker lock(&g_logMutex);
            QVERIFY(!g_logLines.isEmpty()); // the degraded cases logged warnings
            for (const QString &line : std::as_const(g_logLines))
                QVERIFY2(!line.contains(kDocumentNumber), qPrintable(line));
        }

        // One more exchange, to look at all of it.
        m_fake.respond(500, "{}");
        m_fake.clearReceived();
        const test::TestResponse r = login(m_holder.username);
        QCOMPARE(r.status, 200);
        const QList<test::FakeHttpServer::Received> received = m_fake.received();
        QCOMPARE(received.size(), 1);
        QVERIFY(received.first().body.contains(kDocumentNumber.toLatin1()));
        QVERIFY(!received.first().path.contains(kDocumentNumber.toLatin1()));
        for (const auto &[name, value] : received.first().headers)
            QVERIFY2(!value.contains(kDocumentNumber.toLatin1()), name.constData());

        // The wire view of the user says a document exists, never which.
        const TokenPair pair = *TokenPair::fromJson(r.json());
        test::TestHttpClient http = m_server->client();
        http.setBearer(pair.accessToken);
        const test::TestResponse self =
            http.get(QStringLiteral("/v1/users/") + uuidText(m_holder.id));
        QCOMPARE(self.status, 200);
        QCOMPARE(self.json().value(QStringLiteral("has_document")).toBool(), true);
        QVERIFY(!self.body.contains(kDocumentNumber.toLatin1()));
        QVERIFY(!r.body.contains(kDocumentNumber.toLatin1()));
        m_fake.respond(200, R"({"verified": true})");
    }

private:
    test::TestResponse login(const QString &username)
    {
        test::TestHttpClient http = m_server->client();
        return http.post(
            QStringLiteral("/v1/auth/login"),
            {{QStringLiteral("username"), username}, {QStringLiteral("password"), kPassword}});
    }

    static QByteArray header(const test::FakeHttpServer::Received &request, const QByteArray &name)
    {
        for (const auto &[n, v] : request.headers) {
            if (n == name)
                return v;
        }
        return {};
    }

    QList<AuditRow> auditRows(const test::TestResponse &r)
    {
        DbRows q = m_server->appDb().exec(
            QStringLiteral("SELECT action, outcome, detail::text FROM audit_log"
                           " WHERE request_id = ? ORDER BY id"),
            {QString::fromLatin1(r.header("x-request-id"))}, "audit rows");
        QList<AuditRow> rows;
        while (q.next())
            rows << AuditRow{q.value(0).toString(), q.value(1).toString(),
                             QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object()};
        return rows;
    }

    test::FakeHttpServer m_fake;
    std::unique_ptr<test::TestServer> m_server;
    UserView m_holder;
    UserView m_noDocument;
};

QTEST_GUILESS_MAIN(TestIdentityVerification)
#include "tst_identityverification.moc"
