// Login, refresh and logout through the API: the token pair's shape, what an
// access token may carry (invariant 10), one answer for every bad credential,
// input validation at the edge, audit rows (invariant 11), refresh rotation
// with reuse detection, refresh expiry, and logout.
#include "crypto/base64url.h"
#include "domain/role.h"
#include "manualclock.h"
#include "metrics/counters.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QSet>
#include <QtTest>

#include <latch>
#include <thread>
#include <vector>

using namespace reserva;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");
// Looks like an email on purpose: invariant 10 says it never enters a token.
const QString kPartnerName = QStringLiteral("ana.perez@example.com");
const QString kDocumentNumber = QStringLiteral("30111222");

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// One part of a compact JWS, decoded independently of the server's code.
QByteArray tokenPart(const QString &token, int index)
{
    const QStringList parts = token.split(u'.');
    if (parts.size() != 3)
        return {};
    return base64UrlDecode(parts.at(index).toLatin1()).value_or(QByteArray());
}

QJsonObject tokenJson(const QString &token, int index)
{
    return QJsonDocument::fromJson(tokenPart(token, index)).object();
}

QSet<QString> keysOf(const QJsonObject &o)
{
    const QStringList keys = o.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

test::TestResponse postLogin(test::TestHttpClient &http, const QString &username,
                             const QString &password)
{
    return http.post(QStringLiteral("/v1/auth/login"), {{QStringLiteral("username"), username},
                                                        {QStringLiteral("password"), password}});
}

test::TestResponse postRefresh(test::TestHttpClient &http, const QString &refreshToken)
{
    return http.post(QStringLiteral("/v1/auth/refresh"),
                     {{QStringLiteral("refresh_token"), refreshToken}});
}

QString firstErrorField(const test::TestResponse &r)
{
    return r.json()
        .value(QStringLiteral("errors"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("field"))
        .toString();
}

struct AuditRow
{
    QString action;
    QString outcome;
    QString actor;
    QString resource;
    QJsonObject detail;
    QString detailText;
};

} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Generous throttles: this suite logs in far more often than a person
        // would; tst_throttle covers the limits themselves.
        m_server = std::make_unique<test::TestServer>(m_clock, [](ServerConfig &c) {
            c.throttle.loginPerAddress = {100000, 60};
            c.throttle.loginFailuresPerUser = {100000, 900};
            c.throttle.refreshPerAddress = {100000, 60};
        });
        m_tenant = m_server->createTenant(QStringLiteral("andes-tours"));
        m_admin = m_server->createUser(QStringLiteral("root.admin"), kPassword, {role::kAdmin});
        m_partner = m_server->createUser(kPartnerName, kPassword, {role::kPartnerManager},
                                         m_tenant.id, QStringLiteral("dni"), kDocumentNumber);
        m_other = m_server->createUser(QStringLiteral("other.staff"), kPassword,
                                       {role::kPartnerStaff}, m_tenant.id);
        m_disabled = m_server->createUser(QStringLiteral("gone.user"), kPassword,
                                          {role::kPartnerStaff}, m_tenant.id);
        m_server->appDb().exec(QStringLiteral("UPDATE users SET active = false WHERE id = ?::uuid"),
                               {uuidText(m_disabled.id)}, "disable user");
    }
    void cleanupTestCase() { m_server.reset(); }

    void loginAnswersATokenPair()
    {
        test::TestHttpClient http = m_server->client();
        const test::TestResponse r = postLogin(http, kPartnerName, kPassword);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        // Tokens must not be cached by a browser or a proxy (RFC 6749 5.1).
        QCOMPARE(r.header("cache-control"), QByteArray("no-store"));
        const QJsonObject body = r.json();
        QCOMPARE(keysOf(body),
                 (QSet<QString>{QStringLiteral("access_token"), QStringLiteral("refresh_token"),
                                QStringLiteral("token_type"), QStringLiteral("expires_in")}));
        QCOMPARE(body.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(body.value(QStringLiteral("expires_in")).toInt(), 900);
        QVERIFY(body.value(QStringLiteral("expires_in")).isDouble());
        QVERIFY(body.value(QStringLiteral("refresh_token")).toString().size() >= 32);
        QCOMPARE(body.value(QStringLiteral("access_token")).toString().count(u'.'), 2);
    }

    void accessTokenCarriesOnlyItsClaims_data()
    {
        QTest::addColumn<bool>("partner");
        QTest::newRow("partner user") << true;
        QTest::newRow("global admin") << false;
    }

    // Invariant 10: sub, roles, tenant, exp and the JWT housekeeping; nothing
    // that names the person.
    void accessTokenCarriesOnlyItsClaims()
    {
        QFETCH(bool, partner);
        const UserView &user = partner ? m_partner : m_admin;
        const TokenPair pair = m_server->login(user.username, kPassword);

        const QJsonObject header = tokenJson(pair.accessToken, 0);
        QCOMPARE(keysOf(header), (QSet<QString>{QStringLiteral("alg"), QStringLiteral("typ"),
                                                QStringLiteral("kid")}));
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("EdDSA"));
        QCOMPARE(header.value(QStringLiteral("typ")).toString(), QStringLiteral("at+jwt"));
        const QString kid = header.value(QStringLiteral("kid")).toString();
        QVERIFY(!kid.isEmpty());
        test::TestHttpClient http = m_server->client();
        const QJsonArray jwks =
            http.get(QStringLiteral("/.well-known/jwks.json")).json().value(u"keys").toArray();
        QStringList kids;
        for (const QJsonValue &k : jwks)
            kids << k.toObject().value(QStringLiteral("kid")).toString();
        QVERIFY(kids.contains(kid));

        const QJsonObject claims = tokenJson(pair.accessToken, 1);
        QSet<QString> expected{
            QStringLiteral("sub"), QStringLiteral("roles"), QStringLiteral("iss"),
            QStringLiteral("aud"), QStringLiteral("iat"),   QStringLiteral("nbf"),
            QStringLiteral("exp"), QStringLiteral("jti"),   QStringLiteral("client_id")};
        if (partner)
            expected.insert(QStringLiteral("tenant"));
        QCOMPARE(keysOf(claims), expected);
        QCOMPARE(claims.value(QStringLiteral("sub")).toString(), uuidText(user.id));
        QCOMPARE(claims.value(QStringLiteral("roles")).toArray(),
                 QJsonArray::fromStringList(user.roles));
        if (partner)
            QCOMPARE(claims.value(QStringLiteral("tenant")).toString(), uuidText(m_tenant.id));
        QCOMPARE(claims.value(QStringLiteral("iss")).toString(), QStringLiteral("reservad"));
        QCOMPARE(claims.value(QStringLiteral("aud")).toString(), QStringLiteral("reserva-api"));
        QCOMPARE(claims.value(QStringLiteral("client_id")).toString(), QStringLiteral("reserva"));
        const qint64 iat = claims.value(QStringLiteral("iat")).toInteger();
        QCOMPARE(iat, m_clock.nowSecs());
        QCOMPARE(claims.value(QStringLiteral("nbf")).toInteger(), iat);
        QCOMPARE(claims.value(QStringLiteral("exp")).toInteger(), iat + 900);
        QVERIFY(!claims.value(QStringLiteral("jti")).toString().isEmpty());

        // Nothing that identifies the person, anywhere in the token.
        const QString decoded =
            QString::fromUtf8(tokenPart(pair.accessToken, 0) + tokenPart(pair.accessToken, 1));
        for (const QString &pii : {user.username, QStringLiteral("example.com"), kDocumentNumber,
                                   QStringLiteral("dni")}) {
            QVERIFY2(!decoded.contains(pii, Qt::CaseInsensitive), qPrintable(pii));
        }
        // The raw token is base64url: short words like "dni" turn up in it by
        // chance, so only identifiers long enough not to are looked for there.
        for (const QString &pii : {user.username, kDocumentNumber})
            QVERIFY2(!pair.accessToken.contains(pii), qPrintable(pii));
        // The opaque refresh token is random, not an encoding of the user.
        QVERIFY(!pair.refreshToken.contains(u'.'));
    }

    // One answer for every bad credential: no way to learn which usernames
    // exist or which accounts are disabled.
    void badCredentialsAllLookTheSame()
    {
        test::TestHttpClient http = m_server->client();
        const test::TestResponse wrongPassword =
            postLogin(http, kPartnerName, QStringLiteral("not the password"));
        const test::TestResponse unknownUser =
            postLogin(http, QStringLiteral("nobody.here"), kPassword);
        const test::TestResponse disabledUser = postLogin(http, m_disabled.username, kPassword);
        QList<QJsonObject> bodies;
        for (const test::TestResponse *r : {&wrongPassword, &unknownUser, &disabledUser}) {
            QCOMPARE(r->status, 401);
            QCOMPARE(r->header("content-type"), QByteArray("application/problem+json"));
            QCOMPARE(r->problemSlug(), QStringLiteral("invalid-credentials"));
            QJsonObject body = r->json();
            QCOMPARE(body.value(QStringLiteral("request_id")).toString(),
                     QString::fromLatin1(r->header("x-request-id")));
            body.remove(QStringLiteral("request_id"));
            bodies << body;
        }
        QCOMPARE(bodies.at(1), bodies.at(0));
        QCOMPARE(bodies.at(2), bodies.at(0));
    }

    void loginRejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("field");

        const QByteArray json = "application/json";
        QTest::newRow("malformed json")
            << QByteArray(R"({"username": "root.admin", "password":)") << json << 400
            << QStringLiteral("bad-request") << QString();
        QTest::newRow("not an object") << QByteArray(R"(["root.admin"])") << json << 400
                                       << QStringLiteral("bad-request") << QString();
        QTest::newRow("empty body")
            << QByteArray(" ") << json << 400 << QStringLiteral("bad-request") << QString();
        QTest::newRow("username a number")
            << QByteArray(R"({"username": 12345, "password": "x"})") << json << 400
            << QStringLiteral("validation-failed") << QStringLiteral("username");
        QTest::newRow("password a boolean")
            << QByteArray(R"({"username": "root.admin", "password": true})") << json << 400
            << QStringLiteral("validation-failed") << QStringLiteral("password");
        QTest::newRow("password null")
            << QByteArray(R"({"username": "root.admin", "password": null})") << json << 400
            << QStringLiteral("validation-failed") << QStringLiteral("password");
        QTest::newRow("unknown field")
            << QByteArray(R"({"username": "root.admin", "password": "x", "remember_me": true})")
            << json << 400 << QStringLiteral("validation-failed") << QStringLiteral("remember_me");
        QTest::newRow("missing password")
            << QByteArray(R"({"username": "root.admin"})") << json << 400
            << QStringLiteral("validation-failed") << QStringLiteral("password");
        QTest::newRow("missing username")
            << QByteArray(R"({"password": "x"})") << json << 400
            << QStringLiteral("validation-failed") << QStringLiteral("username");
        QTest::newRow("username too short")
            << QByteArray(R"({"username": "ab", "password": "x"})") << json << 400
            << QStringLiteral("validation-failed") << QStringLiteral("username");
        QTest::newRow("form encoded") << QByteArray("username=root.admin&password=x")
                                      << QByteArray("application/x-www-form-urlencoded") << 415
                                      << QStringLiteral("unsupported-media-type") << QString();
        QTest::newRow("json as text/plain")
            << QByteArray(R"({"username": "root.admin", "password": "x"})")
            << QByteArray("text/plain") << 415 << QStringLiteral("unsupported-media-type")
            << QString();
    }

    void loginRejectsBadInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, slug);
        QFETCH(QString, field);
        test::TestHttpClient http = m_server->client();
        const test::TestResponse r = http.request("POST", QStringLiteral("/v1/auth/login"), body,
                                                  {{"Content-Type", contentType}});
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("content-type"), QByteArray("application/problem+json"));
        QCOMPARE(r.problemSlug(), slug);
        if (!field.isEmpty())
            QCOMPARE(firstErrorField(r), field);
        // Invariant 13: no parser internals or SQL in the answer.
        QVERIFY(!r.body.contains("QJson"));
        QVERIFY(!r.body.contains("SELECT"));
    }

    // Invariant 11: each login leaves an audit row, success or not, that names
    // the account by id and never carries the username or the password.
    void loginWritesAuditRows()
    {
        test::TestHttpClient http = m_server->client();
        const QString wrongPassword = QStringLiteral("Wrong-Password-7431");
        const test::TestResponse ok = postLogin(http, kPartnerName, kPassword);
        const test::TestResponse bad = postLogin(http, kPartnerName, wrongPassword);
        const test::TestResponse unknown =
            postLogin(http, QStringLiteral("ghost.user"), wrongPassword);
        QCOMPARE(ok.status, 200);
        QCOMPARE(bad.status, 401);
        QCOMPARE(unknown.status, 401);

        const QList<AuditRow> okRows = auditRows(ok);
        QCOMPARE(okRows.size(), 1);
        QCOMPARE(okRows.at(0).action, QStringLiteral("auth.login"));
        QCOMPARE(okRows.at(0).outcome, QStringLiteral("success"));
        QCOMPARE(okRows.at(0).actor, uuidText(m_partner.id));
        QCOMPARE(okRows.at(0).resource, QStringLiteral("user:") + uuidText(m_partner.id));
        QVERIFY(!okRows.at(0).detail.value(QStringLiteral("token_family")).toString().isEmpty());

        const QList<AuditRow> badRows = auditRows(bad);
        QCOMPARE(badRows.size(), 1);
        QCOMPARE(badRows.at(0).action, QStringLiteral("auth.login"));
        QCOMPARE(badRows.at(0).outcome, QStringLiteral("failure"));
        QCOMPARE(badRows.at(0).actor, uuidText(m_partner.id));
        QCOMPARE(badRows.at(0).detail.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("bad_password"));

        const QList<AuditRow> unknownRows = auditRows(unknown);
        QCOMPARE(unknownRows.size(), 1);
        QCOMPARE(unknownRows.at(0).outcome, QStringLiteral("failure"));
        QVERIFY(unknownRows.at(0).actor.isEmpty());
        QCOMPARE(unknownRows.at(0).detail.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("unknown_user"));

        for (const AuditRow &row : okRows + badRows + unknownRows) {
            for (const QString &secret : {kPartnerName, QStringLiteral("ghost.user"), kPassword,
                                          wrongPassword, kDocumentNumber}) {
                QVERIFY2(!row.detailText.contains(secret), qPrintable(row.detailText));
                QVERIFY2(!row.resource.contains(secret), qPrintable(row.resource));
                QVERIFY2(!row.actor.contains(secret), qPrintable(row.actor));
            }
        }
    }

    void refreshRotatesTheToken()
    {
        const TokenPair first = m_server->login(m_other.username, kPassword);
        test::TestHttpClient http = m_server->client();
        const test::TestResponse r = postRefresh(http, first.refreshToken);
        QCOMPARE(r.status, 200);
        const auto second = TokenPair::fromJson(r.json());
        QVERIFY(second);
        QCOMPARE(r.json().value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(second->expiresIn, 900);
        QVERIFY(second->refreshToken != first.refreshToken);
        QVERIFY(second->accessToken != first.accessToken);
        QCOMPARE(tokenJson(second->accessToken, 1).value(QStringLiteral("sub")).toString(),
                 uuidText(m_other.id));

        // The new access token works; the old refresh token is spent.
        http.setBearer(second->accessToken);
        QCOMPARE(http.get(QStringLiteral("/v1/users/") + uuidText(m_other.id)).status, 200);
        http.clearBearer();
        QCOMPARE(postRefresh(http, second->refreshToken).status, 200);
    }

    // RFC 9700 4.14.2: a spent refresh token presented again means a copy is
    // in someone else's hands; the whole family dies, including the newest.
    void reusedRefreshTokenRevokesTheFamily()
    {
        const TokenPair login = m_server->login(m_other.username, kPassword);
        const TokenPair unrelated = m_server->login(m_other.username, kPassword);
        test::TestHttpClient http = m_server->client();
        const test::TestResponse rotated = postRefresh(http, login.refreshToken);
        QCOMPARE(rotated.status, 200);
        const TokenPair newest = *TokenPair::fromJson(rotated.json());
        const quint64 reuseBefore = counters().refreshTokenReuseDetected.load();

        const test::TestResponse replay = postRefresh(http, login.refreshToken);
        QCOMPARE(replay.status, 401);
        QCOMPARE(replay.problemSlug(), QStringLiteral("invalid-token"));
        QCOMPARE(counters().refreshTokenReuseDetected.load(), reuseBefore + 1);

        const test::TestResponse newestAfter = postRefresh(http, newest.refreshToken);
        QCOMPARE(newestAfter.status, 401);
        QCOMPARE(newestAfter.problemSlug(), QStringLiteral("invalid-token"));

        const QList<AuditRow> rows = auditRows(replay);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).action, QStringLiteral("auth.token_family.revoke"));
        QCOMPARE(rows.at(0).actor, uuidText(m_other.id));
        QVERIFY(rows.at(0).resource.startsWith(QStringLiteral("token_family:")));
        QCOMPARE(rows.at(0).detail.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("reuse_detected"));

        // Another login of the same user is another family: untouched.
        QCOMPARE(postRefresh(http, unrelated.refreshToken).status, 200);
    }

    // The token row is locked while it is exchanged: of several concurrent
    // exchanges of one token at most one can win.
    void concurrentRefreshesOfOneTokenAtMostOneSucceeds()
    {
        const TokenPair login = m_server->login(m_other.username, kPassword);
        constexpr int kRacers = 6;
        std::latch ready(kRacers);
        std::vector<int> statuses(kRacers, 0);
        std::vector<std::thread> threads;
        const quint16 port = m_server->port();
        for (int i = 0; i < kRacers; ++i) {
            threads.emplace_back([&, i] {
                test::TestHttpClient http(port);
                http.request("GET", QStringLiteral("/healthz")); // connect before the race
                ready.arrive_and_wait();
                statuses[size_t(i)] = postRefresh(http, login.refreshToken).status;
            });
        }
        for (std::thread &t : threads)
            t.join();
        const auto wins = std::count(statuses.begin(), statuses.end(), 200);
        const auto losses = std::count(statuses.begin(), statuses.end(), 401);
        QVERIFY2(wins <= 1, qPrintable(QString::number(wins)));
        QCOMPARE(wins + losses, qsizetype(kRacers));
        // Exactly one exchange happened: one child token in the family.
        DbRows q = m_server->appDb().exec(
            QStringLiteral("SELECT count(*) FILTER (WHERE rotated_at IS NOT NULL), count(*)"
                           " FROM refresh_tokens t JOIN token_families f ON f.id = t.family_id"
                           " WHERE f.id = (SELECT family_id FROM refresh_tokens WHERE"
                           " token_hash = sha256(convert_to(?, 'UTF8')))"),
            {login.refreshToken}, "family tokens");
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), int(wins));
        QCOMPARE(q.value(1).toInt(), 1 + int(wins));
    }

    // A refresh token lives 30 days (TokenSettings::refreshTokenSeconds).
    void refreshTokenExpiresAfterThirtyDays()
    {
        const TokenPair early = m_server->login(m_other.username, kPassword);
        const TokenPair late = m_server->login(m_other.username, kPassword);
        test::TestHttpClient http = m_server->client();
        m_clock.advance(30 * 24 * 3600 - 10);
        QCOMPARE(postRefresh(http, early.refreshToken).status, 200);
        m_clock.advance(20);
        const test::TestResponse expired = postRefresh(http, late.refreshToken);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.problemSlug(), QStringLiteral("invalid-token"));
    }

    void logoutRevokesTheFamily()
    {
        const TokenPair login = m_server->login(m_other.username, kPassword);
        test::TestHttpClient http = m_server->client();
        const test::TestResponse rotated = postRefresh(http, login.refreshToken);
        QCOMPARE(rotated.status, 200);
        const TokenPair current = *TokenPair::fromJson(rotated.json());

        http.setBearer(current.accessToken);
        const test::TestResponse out =
            http.post(QStringLiteral("/v1/auth/logout"),
                      {{QStringLiteral("refresh_token"), current.refreshToken}});
        QCOMPARE(out.status, 204);
        QVERIFY(out.body.isEmpty());
        const QList<AuditRow> rows = auditRows(out);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).action, QStringLiteral("auth.logout"));
        QCOMPARE(rows.at(0).actor, uuidText(m_other.id));

        http.clearBearer();
        QCOMPARE(postRefresh(http, current.refreshToken).status, 401);
        QCOMPARE(countReuseRevocations(rows.at(0).resource), 0); // logout, not reuse
    }

    // Someone else's refresh token is "unknown" to you: 404, and their
    // session survives.
    void logoutWithSomeoneElsesTokenIsNotFound()
    {
        const TokenPair victim = m_server->login(m_other.username, kPassword);
        const TokenPair caller = m_server->login(m_admin.username, kPassword);
        test::TestHttpClient http = m_server->client();
        http.setBearer(caller.accessToken);
        const test::TestResponse r =
            http.post(QStringLiteral("/v1/auth/logout"),
                      {{QStringLiteral("refresh_token"), victim.refreshToken}});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.problemSlug(), QStringLiteral("not-found"));
        http.clearBearer();
        QCOMPARE(postRefresh(http, victim.refreshToken).status, 200);
    }

    void logoutValidatesItsBody()
    {
        const TokenPair login = m_server->login(m_other.username, kPassword);
        test::TestHttpClient http = m_server->client();
        http.setBearer(login.accessToken);
        const test::TestResponse missing = http.post(QStringLiteral("/v1/auth/logout"), {});
        QCOMPARE(missing.status, 400);
        const test::TestResponse extra =
            http.post(QStringLiteral("/v1/auth/logout"),
                      {{QStringLiteral("refresh_token"), login.refreshToken},
                       {QStringLiteral("everywhere"), true}});
        QCOMPARE(extra.status, 400);
        QCOMPARE(firstErrorField(extra), QStringLiteral("everywhere"));
        http.clearBearer();
        QCOMPARE(postRefresh(http, login.refreshToken).status, 200);
    }

private:
    QList<AuditRow> auditRows(const test::TestResponse &r)
    {
        DbRows q = m_server->appDb().exec(
            QStringLiteral("SELECT action, outcome, COALESCE(actor, ''), COALESCE(resource, ''),"
                           " detail::text FROM audit_log WHERE request_id = ? ORDER BY id"),
            {QString::fromLatin1(r.header("x-request-id"))}, "audit rows");
        QList<AuditRow> rows;
        while (q.next()) {
            AuditRow row{q.value(0).toString(),
                         q.value(1).toString(),
                         q.value(2).toString(),
                         q.value(3).toString(),
                         {},
                         q.value(4).toString()};
            row.detail = QJsonDocument::fromJson(row.detailText.toUtf8()).object();
            rows << row;
        }
        return rows;
    }

    int countReuseRevocations(const QString &familyResource)
    {
        DbRows q = m_server->appDb().exec(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE resource = ?"
                           " AND action = 'auth.token_family.revoke'"),
            {familyResource}, "reuse rows");
        return q.next() ? q.value(0).toInt() : -1;
    }

    test::ManualClock m_clock;
    std::unique_ptr<test::TestServer> m_server;
    TenantView m_tenant;
    UserView m_admin;
    UserView m_partner;
    UserView m_other;
    UserView m_disabled;
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
