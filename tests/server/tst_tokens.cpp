// Access tokens as the API sees them: every way a token can be wrong is a 401
// invalid-token at a real route (not only in the unit verifier), and signing
// keys rotate without breaking the tokens already out, across instances that
// share one database.
#include "crypto/base64url.h"
#include "crypto/digest.h"
#include "crypto/randombytes.h"
#include "db/transaction.h"
#include "domain/role.h"
#include "identity/signingkeystore.h"
#include "identity/tokenservice.h"
#include "manualclock.h"
#include "testserver.h"
#include "token/accesstokensigner.h"
#include "token/jws.h"

#include <QJsonDocument>
#include <QtTest>

using namespace reserva;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString tokenKid(const QString &token)
{
    const QStringList parts = token.split(u'.');
    return QJsonDocument::fromJson(
               base64UrlDecode(parts.value(0).toLatin1()).value_or(QByteArray()))
        .object()
        .value(QStringLiteral("kid"))
        .toString();
}

// The claims the server itself would issue for `user` at `now`.
AccessTokenClaims claimsFor(const UserView &user, const QDateTime &now)
{
    AccessTokenClaims c;
    c.subject = uuidText(user.id);
    c.roles = user.roles;
    c.tenant = user.tenantId.isNull() ? QString() : uuidText(user.tenantId);
    c.issuer = QStringLiteral("reservad");
    c.audience = QStringLiteral("reserva-api");
    c.clientId = QStringLiteral("reserva");
    c.tokenId = QString::fromLatin1(base64UrlEncode(randomBytes(16)));
    c.issuedAt = now;
    c.notBefore = now;
    c.expiresAt = now.addSecs(900);
    return c;
}

// A JWS with a hand-written header over `payload`, unsigned: for the
// algorithms the server must refuse.
QByteArray unsignedJws(const QJsonObject &header, const QByteArray &payload,
                       const QByteArray &signature)
{
    return base64UrlEncode(compactJson(header)) + '.' + base64UrlEncode(payload) + '.' +
           base64UrlEncode(signature);
}

QStringList jwksKids(test::TestServer &server)
{
    test::TestHttpClient http = server.client();
    QStringList kids;
    const QJsonArray keys =
        http.get(QStringLiteral("/.well-known/jwks.json")).json().value(u"keys").toArray();
    for (const QJsonValue &k : keys)
        kids << k.toObject().value(QStringLiteral("kid")).toString();
    return kids;
}

// The status of a token-protected route that any authenticated user may call.
int statusWithToken(test::TestServer &server, const QUuid &self, const QByteArray &token)
{
    test::TestHttpClient http = server.client();
    http.setBearer(QString::fromLatin1(token));
    return http.get(QStringLiteral("/v1/users/") + uuidText(self)).status;
}

// Background jobs (key reload, audit sealer) only on the server that needs
// them: BackgroundJobs names its QtSql connection "background-jobs" in every
// instance, so two running in one process take each other's connection.
void noBackgroundJobs(ServerConfig &c)
{
    c.runBackgroundJobs = false;
}

} // namespace

class TestTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::TestServer>(m_clock, noBackgroundJobs);
        m_admin = m_server->createUser(QStringLiteral("root.admin"), kPassword, {role::kAdmin});
        m_key =
            signingkeystore::loadActive(m_server->appDb(), m_server->server().tokens().secretBox());
        QVERIFY(m_key);
        // Another deployment: its own database and master key.
        m_foreign = std::make_unique<test::TestServer>(m_clock, noBackgroundJobs);
        m_foreignKey = signingkeystore::loadActive(m_foreign->appDb(),
                                                   m_foreign->server().tokens().secretBox());
        QVERIFY(m_foreignKey);
        QVERIFY(m_foreignKey->kid != m_key->kid);
    }
    void cleanupTestCase()
    {
        m_foreign.reset();
        m_server.reset();
    }

    // The control for every rejection below: the same construction with
    // nothing wrong is accepted, so each 401 is due to its one defect.
    void wellFormedTokenSignedWithTheServerKeyIsAccepted()
    {
        const QByteArray token =
            signAccessToken(claimsFor(m_admin, m_clock.now()), m_key->kid, m_key->key);
        QCOMPARE(statusWithToken(*m_server, m_admin.id, token), 200);
        const TokenPair login = m_server->login(m_admin.username, kPassword);
        QCOMPARE(statusWithToken(*m_server, m_admin.id, login.accessToken.toLatin1()), 200);
    }

    void rejectedTokens_data()
    {
        QTest::addColumn<QByteArray>("token");
        const QDateTime now = m_clock.now();
        const AccessTokenClaims good = claimsFor(m_admin, now);
        const QByteArray goodPayload = compactJson(accessTokenClaimsToJson(good));
        const QJsonObject goodHeader{{QStringLiteral("alg"), QStringLiteral("EdDSA")},
                                     {QStringLiteral("typ"), QStringLiteral("at+jwt")},
                                     {QStringLiteral("kid"), m_key->kid}};

        AccessTokenClaims c = good;
        c.issuer = QStringLiteral("https://evil.example");
        QTest::newRow("wrong issuer") << signAccessToken(c, m_key->kid, m_key->key);
        c = good;
        c.audience = QStringLiteral("payments-api");
        QTest::newRow("wrong audience") << signAccessToken(c, m_key->kid, m_key->key);
        c = good;
        c.issuedAt = c.notBefore = now.addSecs(120); // beyond the 60 s skew
        c.expiresAt = now.addSecs(1020);
        QTest::newRow("not yet valid") << signAccessToken(c, m_key->kid, m_key->key);
        c = good;
        c.notBefore = now.addSecs(300);
        QTest::newRow("nbf in the future") << signAccessToken(c, m_key->kid, m_key->key);
        c = good;
        c.issuedAt = c.notBefore = now.addSecs(-1000);
        c.expiresAt = now.addSecs(-100);
        QTest::newRow("expired when minted") << signAccessToken(c, m_key->kid, m_key->key);

        QTest::newRow("unknown kid")
            << signAccessToken(good, QStringLiteral("no-such-key-id-0001"), m_key->key);
        QJsonObject noKid = goodHeader;
        noKid.remove(QStringLiteral("kid"));
        QTest::newRow("no kid") << signJwsCompactEdDsa(compactJson(noKid), goodPayload, m_key->key);

        const QByteArray valid = signAccessToken(good, m_key->kid, m_key->key);
        const QList<QByteArray> parts = valid.split('.');
        QJsonObject escalated = accessTokenClaimsToJson(good);
        escalated.insert(QStringLiteral("sub"), uuidText(QUuid::createUuid()));
        QTest::newRow("tampered payload")
            << parts.at(0) + '.' + base64UrlEncode(compactJson(escalated)) + '.' + parts.at(2);
        QByteArray signature = base64UrlDecode(parts.at(2)).value_or(QByteArray());
        signature[0] = char(signature.at(0) ^ 0x01);
        QTest::newRow("tampered signature")
            << parts.at(0) + '.' + parts.at(1) + '.' + base64UrlEncode(signature);
        QTest::newRow("signature dropped") << parts.at(0) + '.' + parts.at(1) + '.';

        QJsonObject none = goodHeader;
        none.insert(QStringLiteral("alg"), QStringLiteral("none"));
        QTest::newRow("alg none") << unsignedJws(none, goodPayload, {});
        QTest::newRow("alg none with a signature")
            << unsignedJws(none, goodPayload, base64UrlDecode(parts.at(2)).value_or(QByteArray()));
        // The classic confusion: HMAC keyed with the public key everyone can
        // read from the JWKS.
        QJsonObject hs256 = goodHeader;
        hs256.insert(QStringLiteral("alg"), QStringLiteral("HS256"));
        const QByteArray hsInput =
            base64UrlEncode(compactJson(hs256)) + '.' + base64UrlEncode(goodPayload);
        QTest::newRow("alg HS256 keyed with the public key")
            << hsInput + '.' + base64UrlEncode(hmacSha256(m_key->key.publicKey().raw(), hsInput));
        QJsonObject plainJwt = goodHeader;
        plainJwt.insert(QStringLiteral("typ"), QStringLiteral("JWT"));
        QTest::newRow("typ JWT, not an access token")
            << signJwsCompactEdDsa(compactJson(plainJwt), goodPayload, m_key->key);

        // The attacker's own key, offered in the header or passed off under
        // our kid.
        const Ed25519PrivateKey attacker = Ed25519PrivateKey::generate();
        QJsonObject embedded = goodHeader;
        embedded.insert(QStringLiteral("jwk"),
                        QJsonObject{{QStringLiteral("kty"), QStringLiteral("OKP")},
                                    {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                                    {QStringLiteral("x"), QString::fromLatin1(base64UrlEncode(
                                                              attacker.publicKey().raw()))}});
        QTest::newRow("embedded jwk")
            << signJwsCompactEdDsa(compactJson(embedded), goodPayload, attacker);
        QTest::newRow("another key under our kid") << signAccessToken(good, m_key->kid, attacker);
        QTest::newRow("another server's key")
            << signAccessToken(good, m_foreignKey->kid, m_foreignKey->key);

        QJsonObject noExp = accessTokenClaimsToJson(good);
        noExp.remove(QStringLiteral("exp"));
        QTest::newRow("no exp") << signJwsCompactEdDsa(compactJson(goodHeader), compactJson(noExp),
                                                       m_key->key);
        QTest::newRow("garbage") << QByteArray("not-a-token");
        QTest::newRow("two parts") << parts.at(0) + '.' + parts.at(1);
    }

    void rejectedTokens()
    {
        QFETCH(QByteArray, token);
        test::TestHttpClient http = m_server->client();
        http.setBearer(QString::fromLatin1(token));
        const test::TestResponse r = http.get(QStringLiteral("/v1/users/") + uuidText(m_admin.id));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.problemSlug(), QStringLiteral("invalid-token"));
        QCOMPARE(r.header("content-type"), QByteArray("application/problem+json"));
        // Invariant 13: the client is not told which check failed; every
        // rejection reads the same.
        QJsonObject body = r.json();
        QVERIFY(!body.value(QStringLiteral("request_id")).toString().isEmpty());
        body.remove(QStringLiteral("request_id"));
        QCOMPARE(body,
                 (QJsonObject{
                     {QStringLiteral("type"), QStringLiteral("urn:reserva:problem:invalid-token")},
                     {QStringLiteral("title"), QStringLiteral("The token is invalid or expired")},
                     {QStringLiteral("status"), 401}}));
    }

    void tokenFromAnotherServerIsRejected()
    {
        const UserView there =
            m_foreign->createUser(QStringLiteral("root.admin"), kPassword, {role::kAdmin});
        const TokenPair login = m_foreign->login(there.username, kPassword);
        QCOMPARE(statusWithToken(*m_foreign, there.id, login.accessToken.toLatin1()), 200);
        QCOMPARE(statusWithToken(*m_server, there.id, login.accessToken.toLatin1()), 401);
    }

    // The 60 s skew tolerates clock differences between instances.
    void slightlyEarlyTokenIsAcceptedWithinSkew()
    {
        AccessTokenClaims c = claimsFor(m_admin, m_clock.now().addSecs(30));
        QCOMPARE(statusWithToken(*m_server, m_admin.id, signAccessToken(c, m_key->kid, m_key->key)),
                 200);
    }

    // Last in this suite: it moves the shared clock.
    void expiredTokenIsRejected()
    {
        const TokenPair login = m_server->login(m_admin.username, kPassword);
        const QByteArray token = login.accessToken.toLatin1();
        QCOMPARE(statusWithToken(*m_server, m_admin.id, token), 200); // now also cached
        // exp is iat + 900; the skew keeps it usable until exp + 60 s.
        m_clock.advance(900 + 59);
        QCOMPARE(statusWithToken(*m_server, m_admin.id, token), 200);
        m_clock.advance(1);
        QCOMPARE(statusWithToken(*m_server, m_admin.id, token), 401);
    }

    // `reservad keys rotate` on a shared database: old tokens keep working
    // until they expire, new ones carry the new kid, and an instance that has
    // not reloaded yet accepts them at once (an unknown kid triggers a reload).
    void keyRotationAcrossInstances()
    {
        test::ManualClock clock;
        test::TestServer first(clock, [](ServerConfig &c) { c.keyReloadIntervalMs = 100; });
        // The second instance runs no periodic reload: only the unknown-kid
        // path can teach it the new key.
        test::TestServer second(first, clock, noBackgroundJobs);
        const UserView admin =
            first.createUser(QStringLiteral("root.admin"), kPassword, {role::kAdmin});
        const TokenPair before = first.login(admin.username, kPassword);
        const QString oldKid = tokenKid(before.accessToken);
        QCOMPARE(jwksKids(first), QStringList{oldKid});
        QCOMPARE(statusWithToken(second, admin.id, before.accessToken.toLatin1()), 200);

        QString newKid;
        {
            Transaction tx(first.appDb());
            newKid = signingkeystore::rotate(first.appDb(), first.server().tokens().secretBox(),
                                             clock.now(), 900 + 60);
            tx.commit();
        }
        QVERIFY(newKid != oldKid);
        QTRY_COMPARE_WITH_TIMEOUT(jwksKids(first).size(), 2, 10000);
        QVERIFY(jwksKids(first).contains(newKid));

        const TokenPair after = first.login(admin.username, kPassword);
        QCOMPARE(tokenKid(after.accessToken), newKid);
        QCOMPARE(statusWithToken(first, admin.id, before.accessToken.toLatin1()), 200);
        QCOMPARE(statusWithToken(first, admin.id, after.accessToken.toLatin1()), 200);

        QCOMPARE(jwksKids(second).size(), 1);
        QCOMPARE(statusWithToken(second, admin.id, after.accessToken.toLatin1()), 200);
        QCOMPARE(jwksKids(second).size(), 2);
        QCOMPARE(statusWithToken(second, admin.id, before.accessToken.toLatin1()), 200);

        // Once every token the old key signed has expired, it leaves the JWKS.
        clock.advance(900 + 61);
        QCOMPARE(statusWithToken(first, admin.id, before.accessToken.toLatin1()), 401);
        QTRY_COMPARE_WITH_TIMEOUT(jwksKids(first), QStringList{newKid}, 10000);
        const TokenPair later = first.login(admin.username, kPassword);
        QCOMPARE(statusWithToken(first, admin.id, later.accessToken.toLatin1()), 200);
        QCOMPARE(statusWithToken(second, admin.id, later.accessToken.toLatin1()), 200);
    }

    // A token with an unknown kid makes the server reload keys before any
    // handler runs; a dead database connection at that moment (e.g. right
    // after a database restart) must cost a 401, not the process.
    void unknownKidWithADeadConnectionIsA401()
    {
        test::TestServer server(SystemClock::instance(), noBackgroundJobs);
        const UserView admin =
            server.createUser(QStringLiteral("root.admin"), kPassword, {role::kAdmin});
        const TokenPair login = server.login(admin.username, kPassword);
        DbRows q = server.superDb().exec(
            QStringLiteral("SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity"
                           " WHERE datname = current_database() AND pid <> pg_backend_pid()"),
            {}, "terminate backends");
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() > 0);

        const Ed25519PrivateKey stranger = Ed25519PrivateKey::generate();
        const QByteArray token = signAccessToken(claimsFor(admin, QDateTime::currentDateTimeUtc()),
                                                 QStringLiteral("never-seen-kid-0001"), stranger);
        QCOMPARE(statusWithToken(server, admin.id, token), 401);
        // Still serving; each worker reconnects after its first failure.
        test::TestHttpClient http = server.client();
        QCOMPARE(http.get(QStringLiteral("/healthz")).status, 200);
        QVERIFY(QTest::qWaitFor(
            [&] { return statusWithToken(server, admin.id, login.accessToken.toLatin1()) == 200; },
            10000));
    }

private:
    test::ManualClock m_clock;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<test::TestServer> m_foreign;
    UserView m_admin;
    std::optional<ActiveSigningKey> m_key;
    std::optional<ActiveSigningKey> m_foreignKey;
};

QTEST_GUILESS_MAIN(TestTokens)
#include "tst_tokens.moc"
