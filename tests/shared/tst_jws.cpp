#include "crypto/base64url.h"
#include "testdata.h"
#include "token/jws.h"

#include <QJsonObject>
#include <QTest>

using namespace reserva;

class TestJws : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signReproducesRfc8037VectorByteForByte();
    void parseSplitsTheVector();
    void vectorSignatureVerifiesWithX();
    void flippedBitFails();
    void parseRejectsMalformed_data();
    void parseRejectsMalformed();

private:
    QJsonObject m_vector;
    std::optional<Ed25519PrivateKey> m_key;
    std::optional<Ed25519PublicKey> m_publicKey;
};

void TestJws::initTestCase()
{
    m_vector = test::loadVector(QStringLiteral("jwt-eddsa.json"))
                   .value(QLatin1StringView("jwt_eddsa_rfc8037_a4"))
                   .toObject();
    QVERIFY(!m_vector.isEmpty());
    const QJsonObject jwk = m_vector.value(QLatin1StringView("jwk_private")).toObject();
    const auto d = base64UrlDecode(jwk.value(QLatin1StringView("d")).toString().toLatin1());
    const auto x = base64UrlDecode(jwk.value(QLatin1StringView("x")).toString().toLatin1());
    QVERIFY(d && x);
    m_key = Ed25519PrivateKey::fromRaw(*d);
    m_publicKey = Ed25519PublicKey::fromRaw(*x);
    QVERIFY(m_key && m_publicKey);
    // The JWK's x is the public half of its d (RFC 8037 appendix A.1).
    QVERIFY(m_key->publicKey() == *m_publicKey);
}

void TestJws::signReproducesRfc8037VectorByteForByte()
{
    const QByteArray header =
        m_vector.value(QLatin1StringView("protected_header")).toString().toUtf8();
    const QByteArray payload = m_vector.value(QLatin1StringView("payload")).toString().toUtf8();
    const QByteArray compact = m_vector.value(QLatin1StringView("compact")).toString().toLatin1();
    QCOMPARE(signJwsCompactEdDsa(header, payload, *m_key), compact);
}

void TestJws::parseSplitsTheVector()
{
    const QByteArray compact = m_vector.value(QLatin1StringView("compact")).toString().toLatin1();
    const auto parts = parseJwsCompact(compact);
    QVERIFY(parts);
    QCOMPARE(parts->signingInput,
             m_vector.value(QLatin1StringView("signing_input")).toString().toLatin1());
    QCOMPARE(parts->header.value(QLatin1StringView("alg")).toString(), QStringLiteral("EdDSA"));
    QCOMPARE(parts->header.size(), 1);
    QCOMPARE(parts->payload, QByteArray("Example of Ed25519 signing"));
    QCOMPARE(base64UrlEncode(parts->signature),
             m_vector.value(QLatin1StringView("signature_b64url")).toString().toLatin1());
}

void TestJws::vectorSignatureVerifiesWithX()
{
    const auto parts =
        parseJwsCompact(m_vector.value(QLatin1StringView("compact")).toString().toLatin1());
    QVERIFY(parts);
    QVERIFY(m_publicKey->verify(parts->signingInput, parts->signature));
}

void TestJws::flippedBitFails()
{
    const auto parts =
        parseJwsCompact(m_vector.value(QLatin1StringView("compact")).toString().toLatin1());
    QVERIFY(parts);
    QByteArray signature = parts->signature;
    signature[10] = char(signature[10] ^ 0x04);
    QVERIFY(!m_publicKey->verify(parts->signingInput, signature));
    QByteArray input = parts->signingInput;
    input[input.size() - 1] = char(input[input.size() - 1] ^ 0x01);
    QVERIFY(!m_publicKey->verify(input, parts->signature));
}

void TestJws::parseRejectsMalformed_data()
{
    const QByteArray header = base64UrlEncode(R"({"alg":"EdDSA"})");
    const QByteArray payload = base64UrlEncode("x");
    const QByteArray signature = base64UrlEncode(QByteArray(64, '\x01'));
    QTest::addColumn<QByteArray>("compact");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one part") << header;
    QTest::newRow("two parts") << header + '.' + payload;
    QTest::newRow("four parts") << header + '.' + payload + '.' + signature + '.' + signature;
    QTest::newRow("JWE, five parts") << header + "...." + signature;
    QTest::newRow("empty signature (alg none shape)") << header + '.' + payload + '.';
    QTest::newRow("padded header") << header + "=." + payload + '.' + signature;
    QTest::newRow("standard base64 signature")
        << header + '.' + payload + '.' + QByteArray(64, '\xff').toBase64();
    QTest::newRow("header not JSON")
        << base64UrlEncode("alg=EdDSA") + '.' + payload + '.' + signature;
    QTest::newRow("header is an array") << base64UrlEncode("[]") + '.' + payload + '.' + signature;
    QTest::newRow("header is a string")
        << base64UrlEncode(R"("EdDSA")") + '.' + payload + '.' + signature;
    QTest::newRow("whitespace inside") << header + ". " + payload + '.' + signature;
}

void TestJws::parseRejectsMalformed()
{
    QFETCH(QByteArray, compact);
    QVERIFY(!parseJwsCompact(compact));
}

QTEST_GUILESS_MAIN(TestJws)
#include "tst_jws.moc"
