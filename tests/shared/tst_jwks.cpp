#include "crypto/base64url.h"
#include "token/jwks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace reserva;

namespace {

QByteArray jwksOf(const QJsonArray &keys)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject okp(const QString &kid, const Ed25519PublicKey &key)
{
    return QJsonObject{
        {QStringLiteral("kty"), QStringLiteral("OKP")},
        {QStringLiteral("crv"), QStringLiteral("Ed25519")},
        {QStringLiteral("x"), QString::fromLatin1(base64UrlEncode(key.raw()))},
        {QStringLiteral("kid"), kid},
    };
}

QJsonObject with(QJsonObject object, const QString &name, const QJsonValue &value)
{
    object.insert(name, value);
    return object;
}

} // namespace

class TestJwks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips();
    void documentIsStableAndMinimal();
    void acceptsMinimalOkpEntry();
    void skipsEntriesThatAreNotEd25519SignatureKeys_data();
    void skipsEntriesThatAreNotEd25519SignatureKeys();
    void skipsDuplicateKids();
    void rejectsDocumentsThatAreNotJwks_data();
    void rejectsDocumentsThatAreNotJwks();

private:
    Ed25519PublicKey m_a = Ed25519PrivateKey::generate().publicKey();
    Ed25519PublicKey m_b = Ed25519PrivateKey::generate().publicKey();
};

void TestJwks::roundTrips()
{
    JwksKeySet set;
    set.insert(QStringLiteral("2025-06"), m_b);
    set.insert(QStringLiteral("2025-01"), m_a);
    const auto parsed = JwksKeySet::fromJson(set.toJson());
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 2);
    QCOMPARE(parsed->kids(), (QStringList{QStringLiteral("2025-01"), QStringLiteral("2025-06")}));
    QVERIFY(parsed->find(QStringLiteral("2025-01")));
    QVERIFY(*parsed->find(QStringLiteral("2025-01")) == m_a);
    QVERIFY(*parsed->find(QStringLiteral("2025-06")) == m_b);
    QVERIFY(!parsed->find(QStringLiteral("2025-02")));
    QCOMPARE(parsed->toJson(), set.toJson());
}

void TestJwks::documentIsStableAndMinimal()
{
    JwksKeySet set;
    set.insert(QStringLiteral("k2"), m_b);
    set.insert(QStringLiteral("k1"), m_a);
    const QJsonArray keys =
        QJsonDocument::fromJson(set.toJson()).object().value(QLatin1StringView("keys")).toArray();
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(0).toObject().value(QLatin1StringView("kid")).toString(),
             QStringLiteral("k1"));
    const QJsonObject first = keys.at(0).toObject();
    QCOMPARE(first.value(QLatin1StringView("kty")).toString(), QStringLiteral("OKP"));
    QCOMPARE(first.value(QLatin1StringView("crv")).toString(), QStringLiteral("Ed25519"));
    QCOMPARE(first.value(QLatin1StringView("use")).toString(), QStringLiteral("sig"));
    QCOMPARE(first.value(QLatin1StringView("alg")).toString(), QStringLiteral("EdDSA"));
    QVERIFY(!first.contains(QLatin1StringView("d"))); // never the private half
    QCOMPARE(JwksKeySet().toJson(), QByteArray(R"({"keys":[]})"));
}

void TestJwks::acceptsMinimalOkpEntry()
{
    // RFC 8037 appendix A.2: kty, crv and x (plus the kid we select by).
    const QByteArray json = R"({"keys":[{"kty":"OKP","crv":"Ed25519",)"
                            R"("x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","kid":"a2"}]})";
    const auto parsed = JwksKeySet::fromJson(json);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
    QCOMPARE(parsed->find(QStringLiteral("a2"))->raw().toHex(),
             QByteArray("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
}

void TestJwks::skipsEntriesThatAreNotEd25519SignatureKeys_data()
{
    QTest::addColumn<QJsonObject>("entry");
    const QJsonObject good = okp(QStringLiteral("bad"), m_b);
    const QString x = good.value(QLatin1StringView("x")).toString();
    QTest::newRow("RSA") << QJsonObject{
        {QStringLiteral("kty"), QStringLiteral("RSA")},
        {QStringLiteral("kid"), QStringLiteral("bad")},
        {QStringLiteral("n"),
         QStringLiteral("0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4")},
        {QStringLiteral("e"), QStringLiteral("AQAB")},
        {QStringLiteral("alg"), QStringLiteral("RS256")}};
    QTest::newRow("EC P-256") << QJsonObject{{QStringLiteral("kty"), QStringLiteral("EC")},
                                             {QStringLiteral("crv"), QStringLiteral("P-256")},
                                             {QStringLiteral("kid"), QStringLiteral("bad")},
                                             {QStringLiteral("x"), x},
                                             {QStringLiteral("y"), x}};
    // A symmetric key in a JWKS is the setup of the HS256 confusion attack.
    QTest::newRow("oct") << QJsonObject{{QStringLiteral("kty"), QStringLiteral("oct")},
                                        {QStringLiteral("kid"), QStringLiteral("bad")},
                                        {QStringLiteral("k"), x}};
    QTest::newRow("OKP X25519") << with(good, QStringLiteral("crv"), QStringLiteral("X25519"));
    QTest::newRow("OKP Ed448") << with(good, QStringLiteral("crv"), QStringLiteral("Ed448"));
    QTest::newRow("use enc") << with(good, QStringLiteral("use"), QStringLiteral("enc"));
    QTest::newRow("alg RS256") << with(good, QStringLiteral("alg"), QStringLiteral("RS256"));
    QTest::newRow("alg none") << with(good, QStringLiteral("alg"), QStringLiteral("none"));
    QTest::newRow("key_ops sign only")
        << with(good, QStringLiteral("key_ops"), QJsonArray{QStringLiteral("sign")});
    QTest::newRow("x of 31 bytes") << with(
        good, QStringLiteral("x"), QString::fromLatin1(base64UrlEncode(m_b.raw().first(31))));
    QTest::newRow("x of 33 bytes")
        << with(good, QStringLiteral("x"),
                QString::fromLatin1(base64UrlEncode(QByteArray(m_b.raw() + 'A'))));
    QTest::newRow("x padded") << with(good, QStringLiteral("x"), QString(x + u'='));
    QTest::newRow("x standard base64")
        << with(good, QStringLiteral("x"), QString::fromLatin1(m_b.raw().toBase64()));
    QTest::newRow("x not a string") << with(good, QStringLiteral("x"), 42);
    QTest::newRow("x missing") << QJsonObject{{QStringLiteral("kty"), QStringLiteral("OKP")},
                                              {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                                              {QStringLiteral("kid"), QStringLiteral("bad")}};
    QTest::newRow("kid missing") << QJsonObject{{QStringLiteral("kty"), QStringLiteral("OKP")},
                                                {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                                                {QStringLiteral("x"), x}};
    QTest::newRow("kid not a string") << with(good, QStringLiteral("kid"), 7);
    QTest::newRow("private key published") << with(
        good, QStringLiteral("d"), QStringLiteral("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"));
}

void TestJwks::skipsEntriesThatAreNotEd25519SignatureKeys()
{
    QFETCH(QJsonObject, entry);
    const auto parsed = JwksKeySet::fromJson(jwksOf({okp(QStringLiteral("good"), m_a), entry}));
    QVERIFY(parsed);
    QCOMPARE(parsed->kids(), QStringList{QStringLiteral("good")});
    QVERIFY(!parsed->find(QStringLiteral("bad")));
}

void TestJwks::skipsDuplicateKids()
{
    // Two Ed25519 keys under one kid: which one is meant cannot be known.
    const auto parsed = JwksKeySet::fromJson(
        jwksOf({okp(QStringLiteral("k"), m_a), okp(QStringLiteral("other"), m_b),
                okp(QStringLiteral("k"), m_b), okp(QStringLiteral("k"), m_a)}));
    QVERIFY(parsed);
    QCOMPARE(parsed->kids(), QStringList{QStringLiteral("other")});

    // The same kid on a key of another type is allowed (RFC 7517 section 4.5).
    const QJsonObject rsa{{QStringLiteral("kty"), QStringLiteral("RSA")},
                          {QStringLiteral("kid"), QStringLiteral("k")},
                          {QStringLiteral("n"), QStringLiteral("AQAB")},
                          {QStringLiteral("e"), QStringLiteral("AQAB")}};
    const auto mixed = JwksKeySet::fromJson(jwksOf({rsa, okp(QStringLiteral("k"), m_a)}));
    QVERIFY(mixed);
    QCOMPARE(mixed->kids(), QStringList{QStringLiteral("k")});
}

void TestJwks::rejectsDocumentsThatAreNotJwks_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("keys");
    QTest::newRow("array") << QByteArray(R"([{"kty":"OKP"}])");
    QTest::newRow("no keys") << QByteArray(R"({"kty":"OKP"})");
    QTest::newRow("keys an object") << QByteArray(R"({"keys":{}})");
    QTest::newRow("keys a string") << QByteArray(R"({"keys":"[]"})");
}

void TestJwks::rejectsDocumentsThatAreNotJwks()
{
    QFETCH(QByteArray, json);
    QVERIFY(!JwksKeySet::fromJson(json));
    const auto empty = JwksKeySet::fromJson(R"({"keys":[]})");
    QVERIFY(empty && empty->isEmpty());
}

QTEST_GUILESS_MAIN(TestJwks)
#include "tst_jwks.moc"
