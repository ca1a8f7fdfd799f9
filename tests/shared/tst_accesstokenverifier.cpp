#include "crypto/base64url.h"
#include "crypto/digest.h"
#include "crypto/threadcleanup.h"
#include "token/accesstokensigner.h"
#include "token/accesstokenverifier.h"
#include "token/jws.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace reserva;

namespace {

constexpr qint64 kStart = 1764000000; // 2025-11-24T16:00:00Z
constexpr qint64 kLifetime = 900;
constexpr int kSkew = 60;

QDateTime utcFromSecs(qint64 seconds)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::UTC);
#else
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
#endif
}

// Same contract as reserva::test::ManualClock (tests/support/manualclock.h),
// which does not compile on Qt 6.4 yet (QTimeZone::UTC arrived in 6.5).
class TestClock final : public Clock
{
public:
    QDateTime now() const override
    {
        QMutexLocker lock(&m_mutex);
        return m_now;
    }
    void set(qint64 seconds)
    {
        QMutexLocker lock(&m_mutex);
        m_now = utcFromSecs(seconds);
    }
    void advance(qint64 seconds)
    {
        QMutexLocker lock(&m_mutex);
        m_now = m_now.addSecs(seconds);
    }

private:
    mutable QMutex m_mutex;
    QDateTime m_now = utcFromSecs(kStart);
};

const QString kIssuer = QStringLiteral("https://reserva.example");
const QString kAudience = QStringLiteral("reserva-api");

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject standardHeader(const QString &kid = QStringLiteral("k1"))
{
    return QJsonObject{{QStringLiteral("alg"), QStringLiteral("EdDSA")},
                       {QStringLiteral("typ"), QStringLiteral("at+jwt")},
                       {QStringLiteral("kid"), kid}};
}

// "pass" or the rejection's name, so a failure prints what actually happened.
QString outcome(const TokenVerification &verification)
{
    if (const auto *rejection = std::get_if<TokenRejection>(&verification))
        return tokenRejectionName(*rejection);
    return QStringLiteral("accepted");
}

QString rejected(TokenRejection rejection)
{
    return tokenRejectionName(rejection);
}

const QString kAccepted = QStringLiteral("accepted");

} // namespace

class TestAccessTokenVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    // What the signer writes.
    void signerWritesExactHeaderAndIntegerDates();
    void validTokenIsAccepted();
    void typVariantsAreAccepted_data();
    void typVariantsAreAccepted();

    // Algorithm and key selection (RFC 8725 section 3.1).
    void rejectsAlgNone();
    void rejectsHs256SignedWithThePublicKey_data();
    void rejectsHs256SignedWithThePublicKey();
    void rejectsOtherAlgorithms_data();
    void rejectsOtherAlgorithms();
    void rejectsMissingAlg();
    void rejectsWrongTyp_data();
    void rejectsWrongTyp();
    void rejectsMissingTyp();
    void rejectsUnknownKid();
    void rejectsMissingKid();
    void rejectsHeaderSuppliedKeys_data();
    void rejectsHeaderSuppliedKeys();
    void rejectsCritHeader();
    void rejectsBadSignature();
    void rejectsTamperedPayload();

    // Structure.
    void rejectsMalformed_data();
    void rejectsMalformed();
    void rejectsNonObjectPayload_data();
    void rejectsNonObjectPayload();
    void rejectsOversizedToken();

    // Claims.
    void rejectsMissingOrMistypedClaims_data();
    void rejectsMissingOrMistypedClaims();
    void rejectsWrongIssuer();
    void rejectsWrongAudience();
    void acceptsAudienceArrayContainingOurs();
    void rejectsAudienceArrayWithoutOurs();

    // Time, with the skew edges on both sides.
    void expiredAtExactlyExpPlusSkew_data();
    void expiredAtExactlyExpPlusSkew();
    void nbfInTheFutureBeyondSkew_data();
    void nbfInTheFutureBeyondSkew();
    void iatInTheFutureBeyondSkew_data();
    void iatInTheFutureBeyondSkew();

    // Cache.
    void cachedTokenStillExpires();
    void cachedTokenBecomesUnknownKeyAfterSetKeys();
    void cachedTokenIsNotServedAfterKidIsReusedForAnotherKey();
    void cacheIsBounded();
    void cacheCapacityZeroDisablesTheCache();
    void concurrentVerifyWhileKeysRotate();

private:
    AccessTokenClaims claims() const;
    QByteArray sign(const QJsonObject &header, const QJsonObject &payload) const;
    QByteArray sign(const QJsonObject &header, const QJsonObject &payload,
                    const Ed25519PrivateKey &key) const;
    QJsonObject payload() const { return accessTokenClaimsToJson(claims()); }
    std::unique_ptr<AccessTokenVerifier> verifier(int cacheCapacity = 1000) const;

    TestClock m_clock;
    Ed25519PrivateKey m_key = Ed25519PrivateKey::generate();
    Ed25519PrivateKey m_key2 = Ed25519PrivateKey::generate();
    Ed25519PrivateKey m_attackerKey = Ed25519PrivateKey::generate();
};

void TestAccessTokenVerifier::init()
{
    m_clock.set(kStart);
}

AccessTokenClaims TestAccessTokenVerifier::claims() const
{
    AccessTokenClaims c;
    c.subject = QStringLiteral("3f1c9a4e-2b7d-4c61-9a0e-5d8f7b6a1c20");
    c.roles = {QStringLiteral("partner_manager")};
    c.tenant = QStringLiteral("7b2e1d4c-0a9f-4e3b-8c5d-6f1a2b3c4d5e");
    c.issuer = kIssuer;
    c.audience = kAudience;
    c.clientId = QStringLiteral("reserva-desktop");
    c.tokenId = QStringLiteral("jti-0001");
    c.issuedAt = utcFromSecs(kStart);
    c.notBefore = utcFromSecs(kStart);
    c.expiresAt = utcFromSecs(kStart + kLifetime);
    return c;
}

QByteArray TestAccessTokenVerifier::sign(const QJsonObject &header,
                                         const QJsonObject &payload) const
{
    return sign(header, payload, m_key);
}

QByteArray TestAccessTokenVerifier::sign(const QJsonObject &header, const QJsonObject &payload,
                                         const Ed25519PrivateKey &key) const
{
    return signJwsCompactEdDsa(compactJson(header), compactJson(payload), key);
}

std::unique_ptr<AccessTokenVerifier> TestAccessTokenVerifier::verifier(int cacheCapacity) const
{
    AccessTokenVerifierOptions options;
    options.issuer = kIssuer;
    options.audience = kAudience;
    options.clockSkewSeconds = kSkew;
    options.cacheCapacity = cacheCapacity;
    auto v = std::make_unique<AccessTokenVerifier>(options, m_clock);
    JwksKeySet keys;
    keys.insert(QStringLiteral("k1"), m_key.publicKey());
    keys.insert(QStringLiteral("k2"), m_key2.publicKey());
    v->setKeys(keys);
    return v;
}

void TestAccessTokenVerifier::signerWritesExactHeaderAndIntegerDates()
{
    const QByteArray token = signAccessToken(claims(), QStringLiteral("k1"), m_key);
    const auto parts = parseJwsCompact(token);
    QVERIFY(parts);
    QCOMPARE(*base64UrlDecode(token.first(token.indexOf('.'))),
             QByteArray(R"({"alg":"EdDSA","typ":"at+jwt","kid":"k1"})"));
    QVERIFY(parts->payload.contains(R"("exp":1764000900)"));
    QVERIFY(parts->payload.contains(R"("iat":1764000000)"));
    QVERIFY(parts->payload.contains(R"("nbf":1764000000)"));
    QVERIFY(parts->payload.contains(R"("roles":["partner_manager"])"));
    QVERIFY(parts->payload.contains(R"("aud":"reserva-api")"));

    // Invariant 10: only these claims; tenant and client_id left out when empty.
    AccessTokenClaims global = claims();
    global.tenant.clear();
    global.clientId.clear();
    global.roles = {QStringLiteral("admin")};
    const QJsonObject json = accessTokenClaimsToJson(global);
    QCOMPARE(json.keys(),
             (QStringList{QStringLiteral("aud"), QStringLiteral("exp"), QStringLiteral("iat"),
                          QStringLiteral("iss"), QStringLiteral("jti"), QStringLiteral("nbf"),
                          QStringLiteral("roles"), QStringLiteral("sub")}));
    // A kid that needs escaping still gives valid JSON.
    const QByteArray odd = signAccessToken(claims(), QStringLiteral("k\"1\\"), m_key);
    const auto oddParts = parseJwsCompact(odd);
    QVERIFY(oddParts);
    QCOMPARE(oddParts->header.value(QLatin1StringView("kid")).toString(), QStringLiteral("k\"1\\"));
}

void TestAccessTokenVerifier::validTokenIsAccepted()
{
    const auto v = verifier();
    const QByteArray token = signAccessToken(claims(), QStringLiteral("k1"), m_key);
    for (int pass = 0; pass < 2; ++pass) { // cold, then from the cache
        const TokenVerification result = v->verify(token);
        QCOMPARE(outcome(result), kAccepted);
        const auto &got = std::get<AccessTokenClaims>(result);
        const AccessTokenClaims want = claims();
        QCOMPARE(got.subject, want.subject);
        QCOMPARE(got.roles, want.roles);
        QCOMPARE(got.tenant, want.tenant);
        QCOMPARE(got.issuer, want.issuer);
        QCOMPARE(got.audience, want.audience);
        QCOMPARE(got.clientId, want.clientId);
        QCOMPARE(got.tokenId, want.tokenId);
        QCOMPARE(got.issuedAt, want.issuedAt);
        QCOMPARE(got.notBefore, want.notBefore);
        QCOMPARE(got.expiresAt, want.expiresAt);
        QVERIFY(got.hasRole(QStringLiteral("partner_manager")));
    }
    QCOMPARE(v->cachedTokenCount(), 1);
    // Signed with the second trusted key.
    QCOMPARE(outcome(v->verify(signAccessToken(claims(), QStringLiteral("k2"), m_key2))),
             kAccepted);
}

void TestAccessTokenVerifier::typVariantsAreAccepted_data()
{
    QTest::addColumn<QString>("typ");
    QTest::newRow("at+jwt") << QStringLiteral("at+jwt");
    QTest::newRow("upper case") << QStringLiteral("AT+JWT");
    QTest::newRow("full media type") << QStringLiteral("application/at+jwt");
    QTest::newRow("full media type, mixed case") << QStringLiteral("Application/AT+jwt");
}

void TestAccessTokenVerifier::typVariantsAreAccepted()
{
    QFETCH(QString, typ);
    QJsonObject header = standardHeader();
    header.insert(QStringLiteral("typ"), typ);
    QCOMPARE(outcome(verifier()->verify(sign(header, payload()))), kAccepted);
}

void TestAccessTokenVerifier::rejectsAlgNone()
{
    QJsonObject header = standardHeader();
    header.insert(QStringLiteral("alg"), QStringLiteral("none"));
    const QByteArray unsecured =
        base64UrlEncode(compactJson(header)) + '.' + base64UrlEncode(compactJson(payload()));
    const auto v = verifier();
    // RFC 7519 section 6.1 shape: empty signature.
    QCOMPARE(outcome(v->verify(QByteArray(unsecured + '.'))), rejected(TokenRejection::Malformed));
    // With some signature attached, the algorithm itself is refused.
    QCOMPARE(outcome(v->verify(QByteArray(unsecured + '.' + base64UrlEncode(QByteArray(64, 'A'))))),
             rejected(TokenRejection::UnsupportedAlgorithm));
    // And with a real EdDSA signature over that input too: alg is not advisory.
    QCOMPARE(outcome(v->verify(sign(header, payload()))),
             rejected(TokenRejection::UnsupportedAlgorithm));
}

void TestAccessTokenVerifier::rejectsHs256SignedWithThePublicKey_data()
{
    QTest::addColumn<QByteArray>("secret");
    const QByteArray raw = m_key.publicKey().raw();
    JwksKeySet keys;
    keys.insert(QStringLiteral("k1"), m_key.publicKey());
    QTest::newRow("raw public key") << raw;
    QTest::newRow("x, base64url") << base64UrlEncode(raw);
    QTest::newRow("the JWKS document") << keys.toJson();
}

// The classic confusion attack: the public key is public, so if a verifier
// let the header pick HMAC, anyone could sign with it as the HMAC secret.
void TestAccessTokenVerifier::rejectsHs256SignedWithThePublicKey()
{
    QFETCH(QByteArray, secret);
    QJsonObject header = standardHeader();
    header.insert(QStringLiteral("alg"), QStringLiteral("HS256"));
    const QByteArray input =
        base64UrlEncode(compactJson(header)) + '.' + base64UrlEncode(compactJson(payload()));
    const QByteArray forged = input + '.' + base64UrlEncode(hmacSha256(secret, input));
    QCOMPARE(outcome(verifier()->verify(forged)), rejected(TokenRejection::UnsupportedAlgorithm));
}

void TestAccessTokenVerifier::rejectsOtherAlgorithms_data()
{
    QTest::addColumn<QJsonValue>("alg");
    QTest::newRow("RS256") << QJsonValue(QStringLiteral("RS256"));
    QTest::newRow("ES256") << QJsonValue(QStringLiteral("ES256"));
    QTest::newRow("PS256") << QJsonValue(QStringLiteral("PS256"));
    QTest::newRow("Ed25519 (not a JWS alg)") << QJsonValue(QStringLiteral("Ed25519"));
    QTest::newRow("eddsa (case)") << QJsonValue(QStringLiteral("eddsa"));
    QTest::newRow("EDDSA (case)") << QJsonValue(QStringLiteral("EDDSA"));
    QTest::newRow("trailing space") << QJsonValue(QStringLiteral("EdDSA "));
    QTest::newRow("empty") << QJsonValue(QString());
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("array") << QJsonValue(QJsonArray{QStringLiteral("EdDSA")});
}

void TestAccessTokenVerifier::rejectsOtherAlgorithms()
{
    QFETCH(QJsonValue, alg);
    QJsonObject header = standardHeader();
    header.insert(QStringLiteral("alg"), alg);
    // Validly signed with a trusted Ed25519 key: only alg is wrong.
    QCOMPARE(outcome(verifier()->verify(sign(header, payload()))),
             rejected(TokenRejection::UnsupportedAlgorithm));
}

void TestAccessTokenVerifier::rejectsMissingAlg()
{
    QJsonObject header = standardHeader();
    header.remove(QStringLiteral("alg"));
    QCOMPARE(outcome(verifier()->verify(sign(header, payload()))),
             rejected(TokenRejection::UnsupportedAlgorithm));
}

void TestAccessTokenVerifier::rejectsWrongTyp_data()
{
    QTest::addColumn<QJsonValue>("typ");
    // An ID token or another JWT from the same issuer must not pass as an
    // access token (RFC 8725 section 3.11).
    QTest::newRow("JWT") << QJsonValue(QStringLiteral("JWT"));
    QTest::newRow("application/jwt") << QJsonValue(QStringLiteral("application/jwt"));
    QTest::newRow("secevent+jwt") << QJsonValue(QStringLiteral("secevent+jwt"));
    QTest::newRow("at+jwt with suffix") << QJsonValue(QStringLiteral("at+jwt2"));
    QTest::newRow("text/at+jwt") << QJsonValue(QStringLiteral("text/at+jwt"));
    QTest::newRow("empty") << QJsonValue(QString());
    QTest::newRow("number") << QJsonValue(1);
}

void TestAccessTokenVerifier::rejectsWrongTyp()
{
    QFETCH(QJsonValue, typ);
    QJsonObject header = standardHeader();
    header.insert(QStringLiteral("typ"), typ);
    QCOMPARE(outcome(verifier()->verify(sign(header, payload()))),
             rejected(TokenRejection::WrongType));
}

void TestAccessTokenVerifier::rejectsMissingTyp()
{
    QJsonObject header = standardHeader();
    header.remove(QStringLiteral("typ"));
    QCOMPARE(outcome(verifier()->verify(sign(header, payload()))),
             rejected(TokenRejection::WrongType));
}

void TestAccessTokenVerifier::rejectsUnknownKid()
{
    QCOMPARE(outcome(verifier()->verify(sign(standardHeader(QStringLiteral("k9")), payload()))),
             rejected(TokenRejection::UnknownKey));
    // A kid that differs only in case is another kid.
    QCOMPARE(outcome(verifier()->verify(sign(standardHeader(QStringLiteral("K1")), payload()))),
             rejected(TokenRejection::UnknownKey));
}

void TestAccessTokenVerifier::rejectsMissingKid()
{
    QJsonObject header = standardHeader();
    header.remove(QStringLiteral("kid"));
    QCOMPARE(outcome(verifier()->verify(sign(header, payload()))),
             rejected(TokenRejection::UnknownKey));
    header.insert(QStringLiteral("kid"), 1);
    QCOMPARE(outcome(verifier()->verify(sign(header, payload()))),
             rejected(TokenRejection::UnknownKey));
}

void TestAccessTokenVerifier::rejectsHeaderSuppliedKeys_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonValue>("value");
    const QString attackerX = QString::fromLatin1(base64UrlEncode(m_attackerKey.publicKey().raw()));
    QTest::newRow("jwk") << QStringLiteral("jwk")
                         << QJsonValue(
                                QJsonObject{{QStringLiteral("kty"), QStringLiteral("OKP")},
                                            {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                                            {QStringLiteral("x"), attackerX}});
    QTest::newRow("jku") << QStringLiteral("jku")
                         << QJsonValue(QStringLiteral("https://attacker.example/jwks.json"));
    QTest::newRow("x5u") << QStringLiteral("x5u")
                         << QJsonValue(QStringLiteral("https://attacker.example/cert.pem"));
    QTest::newRow("x5c") << QStringLiteral("x5c") << QJsonValue(QJsonArray{attackerX});
}

// The attacker signs with their own key and offers it in the header, naming
// a trusted kid or none: the key must come from our set only.
void TestAccessTokenVerifier::rejectsHeaderSuppliedKeys()
{
    QFETCH(QString, name);
    QFETCH(QJsonValue, value);
    QJsonObject header = standardHeader();
    header.insert(name, value);
    const auto v = verifier();
    const TokenVerification withKid = v->verify(sign(header, payload(), m_attackerKey));
    QVERIFY(std::holds_alternative<TokenRejection>(withKid));
    header.remove(QStringLiteral("kid"));
    const TokenVerification withoutKid = v->verify(sign(header, payload(), m_attackerKey));
    QVERIFY(std::holds_alternative<TokenRejection>(withoutKid));
    QCOMPARE(outcome(withKid), rejected(TokenRejection::UnknownKey));
    QCOMPARE(outcome(withoutKid), rejected(TokenRejection::UnknownKey));
}

void TestAccessTokenVerifier::rejectsCritHeader()
{
    // RFC 7797 "b64":false would make the signature cover the raw payload;
    // we understand no extension, so any "crit" is refused (RFC 7515 4.1.11).
    QJsonObject header = standardHeader();
    header.insert(QStringLiteral("crit"), QJsonArray{QStringLiteral("b64")});
    header.insert(QStringLiteral("b64"), false);
    QCOMPARE(outcome(verifier()->verify(sign(header, payload()))),
             rejected(TokenRejection::Malformed));
    header.insert(QStringLiteral("crit"), QJsonArray());
    header.remove(QStringLiteral("b64"));
    QCOMPARE(outcome(verifier()->verify(sign(header, payload()))),
             rejected(TokenRejection::Malformed));
}

void TestAccessTokenVerifier::rejectsBadSignature()
{
    const auto v = verifier();
    // A well-formed token naming our kid, signed by another key.
    QCOMPARE(outcome(v->verify(sign(standardHeader(), payload(), m_attackerKey))),
             rejected(TokenRejection::BadSignature));
    // k2's token presented under k1.
    QCOMPARE(outcome(v->verify(sign(standardHeader(QStringLiteral("k1")), payload(), m_key2))),
             rejected(TokenRejection::BadSignature));
    // One flipped signature bit.
    const QByteArray token = signAccessToken(claims(), QStringLiteral("k1"), m_key);
    const qsizetype dot = token.lastIndexOf('.');
    QByteArray signature = *base64UrlDecode(token.sliced(dot + 1));
    signature[5] = char(signature[5] ^ 0x20);
    QCOMPARE(outcome(v->verify(QByteArray(token.first(dot + 1) + base64UrlEncode(signature)))),
             rejected(TokenRejection::BadSignature));
    // Truncated signature.
    QCOMPARE(
        outcome(v->verify(QByteArray(token.first(dot + 1) + base64UrlEncode(signature.first(63))))),
        rejected(TokenRejection::BadSignature));
}

void TestAccessTokenVerifier::rejectsTamperedPayload()
{
    const auto v = verifier();
    const QByteArray token = signAccessToken(claims(), QStringLiteral("k1"), m_key);
    QCOMPARE(outcome(v->verify(token)), kAccepted); // now cached
    const QList<QByteArray> parts = token.split('.');
    QJsonObject elevated = payload();
    elevated.insert(QStringLiteral("roles"), QJsonArray{QStringLiteral("admin")});
    const QByteArray tampered =
        parts[0] + '.' + base64UrlEncode(compactJson(elevated)) + '.' + parts[2];
    QCOMPARE(outcome(v->verify(tampered)), rejected(TokenRejection::BadSignature));
    // Re-encoding the same header bytes differently is impossible with strict
    // base64url; a header re-serialized with other bytes breaks the signature.
    const QByteArray reheadered = base64UrlEncode(R"({"kid":"k1","alg":"EdDSA","typ":"at+jwt"})") +
                                  '.' + parts[1] + '.' + parts[2];
    QCOMPARE(outcome(v->verify(reheadered)), rejected(TokenRejection::BadSignature));
}

void TestAccessTokenVerifier::rejectsMalformed_data()
{
    const QByteArray token = signAccessToken(claims(), QStringLiteral("k1"), m_key);
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("not a token");
    QTest::newRow("two parts") << token.first(token.lastIndexOf('.'));
    QTest::newRow("four parts") << token + ".e30";
    QTest::newRow("padding") << token + "==";
    QTest::newRow("leading space") << ' ' + token;
    QTest::newRow("trailing newline") << token + '\n';
    QTest::newRow("JSON serialization") << QByteArray(R"({"payload":"e30","signatures":[]})");
}

void TestAccessTokenVerifier::rejectsMalformed()
{
    QFETCH(QByteArray, token);
    QCOMPARE(outcome(verifier()->verify(token)), rejected(TokenRejection::Malformed));
}

void TestAccessTokenVerifier::rejectsNonObjectPayload_data()
{
    QTest::addColumn<QByteArray>("payloadBytes");
    QTest::newRow("array") << QByteArray(R"([{"sub":"x"}])");
    QTest::newRow("string") << QByteArray(R"("sub")");
    QTest::newRow("number") << QByteArray("42");
    QTest::newRow("not JSON") << QByteArray("Example of Ed25519 signing");
    QTest::newRow("truncated object") << QByteArray(R"({"sub":"x")");
    QTest::newRow("empty") << QByteArray();
}

void TestAccessTokenVerifier::rejectsNonObjectPayload()
{
    QFETCH(QByteArray, payloadBytes);
    // Correctly signed: the structure alone is wrong.
    const QByteArray token =
        signJwsCompactEdDsa(compactJson(standardHeader()), payloadBytes, m_key);
    QCOMPARE(outcome(verifier()->verify(token)), rejected(TokenRejection::Malformed));
}

void TestAccessTokenVerifier::rejectsOversizedToken()
{
    QJsonObject big = payload();
    big.insert(QStringLiteral("pad"), QString(7000, u'x'));
    const QByteArray token = sign(standardHeader(), big); // validly signed, > 8 KiB
    QVERIFY(token.size() > 8192);
    QCOMPARE(outcome(verifier()->verify(token)), rejected(TokenRejection::Malformed));
    // Just under the limit is fine: the cap is on size, not on content.
    big.insert(QStringLiteral("pad"), QString(5000, u'x'));
    const QByteArray large = sign(standardHeader(), big);
    QVERIFY(large.size() <= 8192);
    QCOMPARE(outcome(verifier()->verify(large)), kAccepted);
    // Megabytes of garbage are refused before any decoding.
    QCOMPARE(outcome(verifier()->verify(QByteArray(4 * 1024 * 1024, 'A'))),
             rejected(TokenRejection::Malformed));
}

void TestAccessTokenVerifier::rejectsMissingOrMistypedClaims_data()
{
    QTest::addColumn<QString>("claim");
    QTest::addColumn<QJsonValue>("value"); // Undefined: removed
    const QJsonValue removed(QJsonValue::Undefined);
    QTest::newRow("sub missing") << QStringLiteral("sub") << removed;
    QTest::newRow("sub empty") << QStringLiteral("sub") << QJsonValue(QString());
    QTest::newRow("sub a number") << QStringLiteral("sub") << QJsonValue(17);
    QTest::newRow("jti missing") << QStringLiteral("jti") << removed;
    QTest::newRow("jti empty") << QStringLiteral("jti") << QJsonValue(QString());
    QTest::newRow("exp missing") << QStringLiteral("exp") << removed;
    QTest::newRow("exp a string") << QStringLiteral("exp")
                                  << QJsonValue(QStringLiteral("1764000900"));
    QTest::newRow("exp null") << QStringLiteral("exp") << QJsonValue(QJsonValue::Null);
    QTest::newRow("exp negative") << QStringLiteral("exp") << QJsonValue(-1);
    QTest::newRow("exp absurd") << QStringLiteral("exp") << QJsonValue(1e300);
    QTest::newRow("iat missing") << QStringLiteral("iat") << removed;
    QTest::newRow("iat a bool") << QStringLiteral("iat") << QJsonValue(true);
    QTest::newRow("nbf a string") << QStringLiteral("nbf") << QJsonValue(QStringLiteral("0"));
    QTest::newRow("iss missing") << QStringLiteral("iss") << removed;
    QTest::newRow("iss an array") << QStringLiteral("iss") << QJsonValue(QJsonArray{kIssuer});
    QTest::newRow("aud missing") << QStringLiteral("aud") << removed;
    QTest::newRow("aud an object")
        << QStringLiteral("aud") << QJsonValue(QJsonObject{{kAudience, true}});
    QTest::newRow("aud array with a number")
        << QStringLiteral("aud") << QJsonValue(QJsonArray{kAudience, 3});
    QTest::newRow("roles a string")
        << QStringLiteral("roles") << QJsonValue(QStringLiteral("admin"));
    QTest::newRow("roles with a non-string")
        << QStringLiteral("roles") << QJsonValue(QJsonArray{QStringLiteral("admin"), true});
    QTest::newRow("tenant a number") << QStringLiteral("tenant") << QJsonValue(5);
    QTest::newRow("client_id an object")
        << QStringLiteral("client_id") << QJsonValue(QJsonObject());
}

void TestAccessTokenVerifier::rejectsMissingOrMistypedClaims()
{
    QFETCH(QString, claim);
    QFETCH(QJsonValue, value);
    QJsonObject body = payload();
    if (value.isUndefined())
        body.remove(claim);
    else
        body.insert(claim, value);
    QCOMPARE(outcome(verifier()->verify(sign(standardHeader(), body))),
             rejected(TokenRejection::MissingClaim));
}

void TestAccessTokenVerifier::rejectsWrongIssuer()
{
    QJsonObject body = payload();
    body.insert(QStringLiteral("iss"), QStringLiteral("https://reserva.example.attacker"));
    QCOMPARE(outcome(verifier()->verify(sign(standardHeader(), body))),
             rejected(TokenRejection::WrongIssuer));
    body.insert(QStringLiteral("iss"), QStringLiteral("https://RESERVA.example"));
    QCOMPARE(outcome(verifier()->verify(sign(standardHeader(), body))),
             rejected(TokenRejection::WrongIssuer));
}

void TestAccessTokenVerifier::rejectsWrongAudience()
{
    QJsonObject body = payload();
    body.insert(QStringLiteral("aud"), QStringLiteral("reserva-reporting"));
    QCOMPARE(outcome(verifier()->verify(sign(standardHeader(), body))),
             rejected(TokenRejection::WrongAudience));
}

void TestAccessTokenVerifier::acceptsAudienceArrayContainingOurs()
{
    QJsonObject body = payload();
    body.insert(QStringLiteral("aud"), QJsonArray{QStringLiteral("reserva-reporting"), kAudience});
    const TokenVerification result = verifier()->verify(sign(standardHeader(), body));
    QCOMPARE(outcome(result), kAccepted);
    QCOMPARE(std::get<AccessTokenClaims>(result).audience, kAudience);
}

void TestAccessTokenVerifier::rejectsAudienceArrayWithoutOurs()
{
    QJsonObject body = payload();
    body.insert(QStringLiteral("aud"), QJsonArray{QStringLiteral("reserva-reporting")});
    QCOMPARE(outcome(verifier()->verify(sign(standardHeader(), body))),
             rejected(TokenRejection::WrongAudience));
    body.insert(QStringLiteral("aud"), QJsonArray());
    QCOMPARE(outcome(verifier()->verify(sign(standardHeader(), body))),
             rejected(TokenRejection::WrongAudience));
}

void TestAccessTokenVerifier::expiredAtExactlyExpPlusSkew_data()
{
    QTest::addColumn<int>("cacheCapacity");
    QTest::newRow("no cache") << 0;
    QTest::newRow("cache") << 100;
}

void TestAccessTokenVerifier::expiredAtExactlyExpPlusSkew()
{
    QFETCH(int, cacheCapacity);
    const auto v = verifier(cacheCapacity);
    const QByteArray token = signAccessToken(claims(), QStringLiteral("k1"), m_key);
    const qint64 exp = kStart + kLifetime;
    m_clock.set(exp + kSkew - 1); // last accepted second
    QCOMPARE(outcome(v->verify(token)), kAccepted);
    m_clock.set(exp + kSkew); // RFC 7519 4.1.4: "on or after"
    QCOMPARE(outcome(v->verify(token)), rejected(TokenRejection::Expired));
    m_clock.set(exp + 86400);
    QCOMPARE(outcome(v->verify(token)), rejected(TokenRejection::Expired));
    // A fractional exp counts as its whole second: never valid longer.
    QJsonObject body = payload();
    body.insert(QStringLiteral("exp"), double(exp) + 0.9);
    m_clock.set(exp + kSkew);
    QCOMPARE(outcome(v->verify(sign(standardHeader(), body))), rejected(TokenRejection::Expired));
}

void TestAccessTokenVerifier::nbfInTheFutureBeyondSkew_data()
{
    QTest::addColumn<int>("cacheCapacity");
    QTest::newRow("no cache") << 0;
    QTest::newRow("cache") << 100;
}

void TestAccessTokenVerifier::nbfInTheFutureBeyondSkew()
{
    QFETCH(int, cacheCapacity);
    const auto v = verifier(cacheCapacity);
    QJsonObject body = payload();
    body.insert(QStringLiteral("nbf"), kStart + kSkew); // at the edge: accepted
    QCOMPARE(outcome(v->verify(sign(standardHeader(), body))), kAccepted);
    body.insert(QStringLiteral("nbf"), kStart + kSkew + 1);
    const QByteArray early = sign(standardHeader(), body);
    QCOMPARE(outcome(v->verify(early)), rejected(TokenRejection::NotYetValid));
    m_clock.advance(1); // now it is within the skew
    QCOMPARE(outcome(v->verify(early)), kAccepted);
}

void TestAccessTokenVerifier::iatInTheFutureBeyondSkew_data()
{
    QTest::addColumn<int>("cacheCapacity");
    QTest::newRow("no cache") << 0;
    QTest::newRow("cache") << 100;
}

void TestAccessTokenVerifier::iatInTheFutureBeyondSkew()
{
    QFETCH(int, cacheCapacity);
    const auto v = verifier(cacheCapacity);
    QJsonObject body = payload();
    body.remove(QStringLiteral("nbf")); // nbf is optional
    body.insert(QStringLiteral("iat"), kStart + kSkew);
    QCOMPARE(outcome(v->verify(sign(standardHeader(), body))), kAccepted);
    body.insert(QStringLiteral("iat"), kStart + kSkew + 1);
    QCOMPARE(outcome(v->verify(sign(standardHeader(), body))),
             rejected(TokenRejection::NotYetValid));
}

void TestAccessTokenVerifier::cachedTokenStillExpires()
{
    const auto v = verifier();
    const QByteArray token = signAccessToken(claims(), QStringLiteral("k1"), m_key);
    QCOMPARE(outcome(v->verify(token)), kAccepted);
    QCOMPARE(v->cachedTokenCount(), 1);
    m_clock.advance(kLifetime - 1);
    QCOMPARE(outcome(v->verify(token)), kAccepted);
    m_clock.advance(kSkew + 1);
    QCOMPARE(outcome(v->verify(token)), rejected(TokenRejection::Expired));
}

void TestAccessTokenVerifier::cachedTokenBecomesUnknownKeyAfterSetKeys()
{
    const auto v = verifier();
    const QByteArray token = signAccessToken(claims(), QStringLiteral("k1"), m_key);
    const QByteArray other = signAccessToken(claims(), QStringLiteral("k2"), m_key2);
    QCOMPARE(outcome(v->verify(token)), kAccepted);
    QCOMPARE(outcome(v->verify(other)), kAccepted);
    QCOMPARE(v->cachedTokenCount(), 2);

    JwksKeySet withoutK1;
    withoutK1.insert(QStringLiteral("k2"), m_key2.publicKey());
    v->setKeys(withoutK1);
    QCOMPARE(v->cachedTokenCount(), 1); // k1's entry dropped, k2's kept
    QCOMPARE(outcome(v->verify(token)), rejected(TokenRejection::UnknownKey));
    QCOMPARE(outcome(v->verify(other)), kAccepted);
    QCOMPARE(v->keys().kids(), QStringList{QStringLiteral("k2")});
}

// Reusing a kid for another key (a botched rotation, or a key replaced after
// a compromise) must not let tokens verified under the old key through.
void TestAccessTokenVerifier::cachedTokenIsNotServedAfterKidIsReusedForAnotherKey()
{
    const auto v = verifier();
    const QByteArray token = signAccessToken(claims(), QStringLiteral("k1"), m_key);
    QCOMPARE(outcome(v->verify(token)), kAccepted);
    JwksKeySet replaced;
    replaced.insert(QStringLiteral("k1"), m_key2.publicKey());
    v->setKeys(replaced);
    QCOMPARE(outcome(v->verify(token)), rejected(TokenRejection::BadSignature));
}

void TestAccessTokenVerifier::cacheIsBounded()
{
    const auto v = verifier(40);
    QList<QByteArray> tokens;
    AccessTokenClaims c = claims();
    for (int i = 0; i < 300; ++i) {
        c.tokenId = QStringLiteral("jti-%1").arg(i);
        tokens.append(signAccessToken(c, QStringLiteral("k1"), m_key));
    }
    for (int round = 0; round < 2; ++round) {
        for (const QByteArray &token : tokens) {
            QCOMPARE(outcome(v->verify(token)), kAccepted);
            QVERIFY(v->cachedTokenCount() <= 40);
        }
    }
    QVERIFY(v->cachedTokenCount() > 0);
}

void TestAccessTokenVerifier::cacheCapacityZeroDisablesTheCache()
{
    const auto v = verifier(0);
    const QByteArray token = signAccessToken(claims(), QStringLiteral("k1"), m_key);
    QCOMPARE(outcome(v->verify(token)), kAccepted);
    QCOMPARE(outcome(v->verify(token)), kAccepted);
    QCOMPARE(v->cachedTokenCount(), 0);
    QCOMPARE(outcome(verifier(-5)->verify(token)), kAccepted);
}

// Workers verify while the key set flips between "k1 is key A" and "k1 is key
// B" (k2 fixed). Tokens under k2 must always pass with their own claims;
// tokens under k1 (signed by A) may pass or fail with BadSignature, nothing
// else; once the flipping stops on B, no thread may still accept them.
void TestAccessTokenVerifier::concurrentVerifyWhileKeysRotate()
{
    const auto v = verifier(64); // small: exercises eviction under contention too
    const Ed25519PrivateKey keyB = Ed25519PrivateKey::generate();
    JwksKeySet stateA;
    stateA.insert(QStringLiteral("k1"), m_key.publicKey());
    stateA.insert(QStringLiteral("k2"), m_key2.publicKey());
    JwksKeySet stateB;
    stateB.insert(QStringLiteral("k1"), keyB.publicKey());
    stateB.insert(QStringLiteral("k2"), m_key2.publicKey());

    QList<QByteArray> k1Tokens;
    QList<QByteArray> k2Tokens;
    AccessTokenClaims c = claims();
    for (int i = 0; i < 50; ++i) {
        c.subject = QStringLiteral("user-%1").arg(i);
        k1Tokens.append(signAccessToken(c, QStringLiteral("k1"), m_key));
        k2Tokens.append(signAccessToken(c, QStringLiteral("k2"), m_key2));
    }

    std::atomic<bool> stop = false;
    std::atomic<int> violations = 0;
    std::atomic<int> verifications = 0;
    const auto work = [&](int seed) {
        int i = seed;
        while (!stop.load()) {
            const int n = i % 50;
            const TokenVerification k2 = v->verify(k2Tokens[n]);
            const auto *claimsK2 = std::get_if<AccessTokenClaims>(&k2);
            if (!claimsK2 || claimsK2->subject != QStringLiteral("user-%1").arg(n))
                ++violations;
            const QString k1 = outcome(v->verify(k1Tokens[n]));
            if (k1 != kAccepted && k1 != rejected(TokenRejection::BadSignature))
                ++violations;
            verifications += 2;
            i += 7;
        }
        releaseThreadCryptoState();
    };
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads.append(QThread::create(work, t));
        threads.last()->start();
    }
    // Flip for a second, or until the workers have done plenty: long enough for
    // verifications that read one key set to finish after the next was set.
    QElapsedTimer timer;
    timer.start();
    int flips = 0;
    while (timer.elapsed() < 1500 && (flips < 400 || verifications.load() < 20000)) {
        v->setKeys(flips++ % 2 ? stateB : stateA);
        QThread::usleep(100);
    }
    v->setKeys(stateB);
    // After setKeys() returned, every thread must see state B.
    std::atomic<int> stale = 0;
    const auto afterRotation = [&] {
        for (const QByteArray &token : k1Tokens) {
            if (outcome(v->verify(token)) != rejected(TokenRejection::BadSignature))
                ++stale;
        }
        releaseThreadCryptoState();
    };
    QList<QThread *> checkers;
    for (int t = 0; t < 2; ++t) {
        checkers.append(QThread::create(afterRotation));
        checkers.last()->start();
    }
    for (QThread *checker : checkers) {
        QVERIFY(checker->wait(60000));
        delete checker;
    }
    stop = true;
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(60000));
        delete thread;
    }
    QCOMPARE(violations.load(), 0);
    QCOMPARE(stale.load(), 0);
    QVERIFY(verifications.load() > 0);
    QVERIFY(v->cachedTokenCount() <= 64);
    qInfo("%d verifications during %d key-set changes", verifications.load(), flips);
}

QTEST_GUILESS_MAIN(TestAccessTokenVerifier)
#include "tst_accesstokenverifier.moc"
