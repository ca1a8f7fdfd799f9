#include "crypto/digest.h"
#include "testdata.h"
#include "webhooks/mercadopagosignature.h"
#include "webhooks/signatureheader.h"
#include "webhooks/stripesignature.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

namespace reserva {

// Lets QCOMPARE print the result names on a failure (found by ADL).
char *toString(SignatureCheck check)
{
    switch (check) {
    case SignatureCheck::Valid:
        return qstrdup("Valid");
    case SignatureCheck::Malformed:
        return qstrdup("Malformed");
    case SignatureCheck::Stale:
        return qstrdup("Stale");
    case SignatureCheck::Mismatch:
        return qstrdup("Mismatch");
    }
    return qstrdup("?");
}

} // namespace reserva

using namespace reserva;
using reserva::test::loadVector;

namespace {

QByteArray utf8(const QJsonValue &value)
{
    return value.toString().toUtf8();
}

// The single case of standard-webhooks.json.
struct StandardVector
{
    QByteArray secret;
    QByteArray id;
    qint64 timestamp = 0;
    QByteArray ts;
    QByteArray payload;
    QByteArray signature;
    QByteArray signedContent;
    qint64 tolerance = 0;
};

StandardVector loadStandardVector()
{
    const QJsonObject vector = loadVector(QStringLiteral("standard-webhooks.json"));
    StandardVector v;
    v.secret = utf8(vector.value(u"secret"));
    v.id = utf8(vector.value(u"webhook_id"));
    v.timestamp = vector.value(u"webhook_timestamp").toInteger();
    v.ts = QByteArray::number(v.timestamp);
    v.payload = utf8(vector.value(u"payload"));
    v.signature = utf8(vector.value(u"webhook_signature"));
    v.signedContent = utf8(vector.value(u"signed_content"));
    v.tolerance = vector.value(u"tolerance_seconds").toInteger();
    return v;
}

// The "ts=" digits of an x-signature / Stripe-Signature value, to derive a
// fixed "now" for vector cases that do not carry one.
QByteArray timestampOf(const QByteArray &header, const QByteArray &key)
{
    for (const QByteArray &item : header.split(',')) {
        const QByteArray trimmed = item.trimmed();
        if (trimmed.startsWith(QByteArray(key + '=')))
            return trimmed.sliced(key.size() + 1);
    }
    return {};
}

qint64 mercadoPagoNow(const QByteArray &ts)
{
    const qint64 value = ts.toLongLong();
    return (ts.size() >= 13 ? value / 1000 : value) + 10;
}

// Applies one random edit: replace, insert, delete, duplicate a slice or cut.
QByteArray mutate(QByteArray header, QRandomGenerator &rng)
{
    static const QByteArray alphabet("tsv01=, ;.abcdefABCDEF0123456789\t\r\n\x7f\xff");
    const int op = int(rng.bounded(6));
    const qsizetype at = header.isEmpty() ? 0 : qsizetype(rng.bounded(int(header.size())));
    const char c = rng.bounded(4) == 0 ? char(rng.bounded(256))
                                       : alphabet[qsizetype(rng.bounded(int(alphabet.size())))];
    switch (op) {
    case 0:
        if (!header.isEmpty())
            header[at] = c;
        break;
    case 1:
        header.insert(at, c);
        break;
    case 2:
        if (!header.isEmpty())
            header.remove(at, 1 + qsizetype(rng.bounded(8)));
        break;
    case 3:
        header.insert(at, header.mid(at, 1 + qsizetype(rng.bounded(80))));
        break;
    case 4:
        header.truncate(at);
        break;
    default:
        header.append(",v1=").append(QByteArray::number(rng.generate64(), 16).repeated(4));
        break;
    }
    return header;
}

QByteArray randomGarbage(QRandomGenerator &rng)
{
    QByteArray out(qsizetype(rng.bounded(rng.bounded(10) == 0 ? 9000 : 200)), Qt::Uninitialized);
    for (char &c : out)
        c = rng.bounded(2) == 0 ? char(rng.bounded(256)) : "t=v1,s 0a"[rng.bounded(9)];
    return out;
}

// A mutated header may still verify only if the genuine MAC and timestamp
// survived the edit (a space inserted, hex re-cased, an unknown key added);
// a header that lost or changed either must never be Valid.
bool carriesGenuineSignature(const QByteArray &header, const QByteArray &macHex,
                             const QByteArray &timestamp)
{
    QByteArray compact = header.toLower();
    compact.replace(' ', QByteArray()).replace('\t', QByteArray());
    return compact.contains(macHex) && compact.contains(QByteArray('=' + timestamp));
}

} // namespace

class TestWebhookSignatures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stripeVectors_data();
    void stripeVectors();
    void stripeSignReproducesVector();
    void stripeSignRoundTrips();
    void stripeRotatedSecrets();
    void stripeToleranceBothWays();
    void stripeTamperedBodyByOneByte();
    void stripeHeaderParsing_data();
    void stripeHeaderParsing();
    void stripeHeaderLimits();
    void stripeEmptyOrNoSecretNeverValid();
    void stripeHeaderFuzz();
    void bodyFlagsChangeNothing();

    void mercadoPagoVectors_data();
    void mercadoPagoVectors();
    void mercadoPagoRotatedSecrets();
    void mercadoPagoMillisecondFreshness();
    void mercadoPagoRejectsManifestInjection();
    void mercadoPagoHeaderFuzz();

    void standardWebhooksVector();
    void standardWebhooksSignatureList();
    void standardWebhooksSecrets();
    void standardWebhooksFuzz();
};

// ---- Stripe -----------------------------------------------------------------

void TestWebhookSignatures::stripeVectors_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<bool>("expectValid");

    const QJsonObject vector = loadVector(QStringLiteral("stripe-webhook.json"));
    const QJsonArray cases = vector.value(u"cases").toArray();
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue &entry : cases) {
        const QJsonObject c = entry.toObject();
        const QString expect = c.value(u"expect").toString();
        QVERIFY(expect == u"valid" || expect == u"invalid");
        const QByteArray payload = c.contains(u"payload_override")
                                       ? utf8(c.value(u"payload_override"))
                                       : utf8(vector.value(u"payload"));
        QTest::newRow(qPrintable(c.value(u"name").toString()))
            << utf8(c.value(u"header")) << payload << qint64(c.value(u"now").toInteger())
            << (expect == u"valid");
    }
}

void TestWebhookSignatures::stripeVectors()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, payload);
    QFETCH(qint64, now);
    QFETCH(bool, expectValid);

    const QJsonObject vector = loadVector(QStringLiteral("stripe-webhook.json"));
    StripeSignatureVerifier verifier;
    verifier.secrets = {utf8(vector.value(u"secret"))};
    const SignatureCheck result = verifier.verify(header, payload, now);
    QCOMPARE(result == SignatureCheck::Valid, expectValid);
}

void TestWebhookSignatures::stripeSignReproducesVector()
{
    const QJsonObject vector = loadVector(QStringLiteral("stripe-webhook.json"));
    const QByteArray expected = utf8(vector.value(u"cases").toArray().first()[u"header"]);
    QCOMPARE(StripeSignatureVerifier::sign(utf8(vector.value(u"secret")),
                                           utf8(vector.value(u"payload")),
                                           vector.value(u"timestamp").toInteger()),
             expected);
}

void TestWebhookSignatures::stripeSignRoundTrips()
{
    QRandomGenerator rng(20251124);
    for (int i = 0; i < 50; ++i) {
        QByteArray secret("whsec_");
        secret.append(QByteArray::number(rng.generate64(), 36));
        QByteArray body(qsizetype(rng.bounded(2000)), Qt::Uninitialized);
        for (char &c : body)
            c = char(rng.bounded(256));
        const qint64 t = 1700000000 + qint64(rng.bounded(100000000));
        StripeSignatureVerifier verifier;
        verifier.secrets = {secret};
        QCOMPARE(verifier.verify(StripeSignatureVerifier::sign(secret, body, t), body, t + 5),
                 SignatureCheck::Valid);
    }
}

void TestWebhookSignatures::stripeRotatedSecrets()
{
    const QByteArray oldSecret("whsec_old_0001");
    const QByteArray newSecret("whsec_new_0002");
    const QByteArray body(R"({"id":"evt_1","type":"payment_intent.succeeded"})");
    const qint64 t = 1764000000;
    const QByteArray byOld = StripeSignatureVerifier::sign(oldSecret, body, t);
    const QByteArray byNew = StripeSignatureVerifier::sign(newSecret, body, t);

    // During the rotation window both secrets are configured: either signs.
    StripeSignatureVerifier rotating;
    rotating.secrets = {newSecret, oldSecret};
    QCOMPARE(rotating.verify(byOld, body, t), SignatureCheck::Valid);
    QCOMPARE(rotating.verify(byNew, body, t), SignatureCheck::Valid);

    // Stripe then sends one v1 per active secret in one header.
    const QByteArray both = QByteArray(byNew + ",v1=" + byOld.sliced(byOld.indexOf("v1=") + 3));
    StripeSignatureVerifier newOnly;
    newOnly.secrets = {newSecret};
    QCOMPARE(newOnly.verify(both, body, t), SignatureCheck::Valid);

    // Once the old secret is removed, what it signs is refused.
    QCOMPARE(newOnly.verify(byOld, body, t), SignatureCheck::Mismatch);
}

void TestWebhookSignatures::stripeToleranceBothWays()
{
    const QByteArray secret("whsec_tolerance");
    const QByteArray body("{}");
    const qint64 now = 1764000000;
    StripeSignatureVerifier verifier;
    verifier.secrets = {secret};

    QCOMPARE(verifier.verify(StripeSignatureVerifier::sign(secret, body, now - 300), body, now),
             SignatureCheck::Valid);
    QCOMPARE(verifier.verify(StripeSignatureVerifier::sign(secret, body, now + 300), body, now),
             SignatureCheck::Valid);
    QCOMPARE(verifier.verify(StripeSignatureVerifier::sign(secret, body, now - 301), body, now),
             SignatureCheck::Stale);
    // A delivery dated in the future (a held-back replay) is refused as well.
    QCOMPARE(verifier.verify(StripeSignatureVerifier::sign(secret, body, now + 301), body, now),
             SignatureCheck::Stale);
    QCOMPARE(verifier.verify(StripeSignatureVerifier::sign(secret, body, 0), body, now),
             SignatureCheck::Stale);
    QCOMPARE(verifier.verify("t=999999999999999999,v1=00", body, now), SignatureCheck::Stale);
    // Extreme clocks must not overflow into "fresh".
    QCOMPARE(
        verifier.verify("t=999999999999999999,v1=00", body, std::numeric_limits<qint64>::min()),
        SignatureCheck::Stale);
    QCOMPARE(verifier.verify("t=0,v1=00", body, std::numeric_limits<qint64>::max()),
             SignatureCheck::Stale);
}

void TestWebhookSignatures::stripeTamperedBodyByOneByte()
{
    const QJsonObject vector = loadVector(QStringLiteral("stripe-webhook.json"));
    const QByteArray secret = utf8(vector.value(u"secret"));
    const QByteArray body = utf8(vector.value(u"payload"));
    const qint64 t = vector.value(u"timestamp").toInteger();
    const QByteArray header = StripeSignatureVerifier::sign(secret, body, t);
    StripeSignatureVerifier verifier;
    verifier.secrets = {secret};
    QCOMPARE(verifier.verify(header, body, t), SignatureCheck::Valid);

    for (qsizetype i = 0; i < body.size(); ++i) {
        QByteArray tampered = body;
        tampered[i] = char(tampered[i] ^ 0x01);
        QCOMPARE(verifier.verify(header, tampered, t), SignatureCheck::Mismatch);
    }
    QCOMPARE(verifier.verify(header, QByteArray(body + ' '), t), SignatureCheck::Mismatch);
    QCOMPARE(verifier.verify(header, body.chopped(1), t), SignatureCheck::Mismatch);
}

void TestWebhookSignatures::stripeHeaderParsing_data()
{
    const QByteArray secret("whsec_parse");
    const QByteArray body("{}");
    const qint64 t = 1764000000;
    const QByteArray mac = StripeSignatureVerifier::sign(secret, body, t).sliced(16);
    QCOMPARE(mac.size(), 64);
    const QByteArray other(64, 'a');

    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<SignatureCheck>("expected");
    auto row = [](const char *name, const QByteArray &header, SignatureCheck expected) {
        QTest::newRow(name) << header << expected;
    };
    row("plain", QByteArray("t=1764000000,v1=" + mac), SignatureCheck::Valid);
    row("spaces around items, keys and values",
        QByteArray("  t = 1764000000 ,\tv1 = " + mac + " , "), SignatureCheck::Valid);
    row("v1 before t", QByteArray("v1=" + mac + ",t=1764000000"), SignatureCheck::Valid);
    row("several v1, the good one last",
        QByteArray("t=1764000000,v1=" + other + ",v1=zz,v1=" + mac), SignatureCheck::Valid);
    row("unknown keys and v0", QByteArray("t=1764000000,v0=" + mac + ",foo=bar,v2=x,v1=" + mac),
        SignatureCheck::Valid);
    row("empty items", QByteArray(",,t=1764000000,,v1=" + mac + ",,"), SignatureCheck::Valid);
    row("upper-case hex", QByteArray("t=1764000000,v1=" + mac.toUpper()), SignatureCheck::Valid);

    row("empty header", QByteArray(), SignatureCheck::Malformed);
    row("no t", QByteArray("v1=" + mac), SignatureCheck::Malformed);
    row("no v1", QByteArray("t=1764000000,v0=" + mac), SignatureCheck::Malformed);
    row("item without =", QByteArray("t=1764000000,v1=" + mac + ",junk"),
        SignatureCheck::Malformed);
    row("repeated t", QByteArray("t=1764000000,t=1764000000,v1=" + mac), SignatureCheck::Malformed);
    row("empty t", QByteArray("t=,v1=" + mac), SignatureCheck::Malformed);
    row("negative t", QByteArray("t=-1764000000,v1=" + mac), SignatureCheck::Malformed);
    row("signed t", QByteArray("t=+1764000000,v1=" + mac), SignatureCheck::Malformed);
    row("exponent t", QByteArray("t=1.764e9,v1=" + mac), SignatureCheck::Malformed);
    row("hex t", QByteArray("t=0x6923,v1=" + mac), SignatureCheck::Malformed);
    row("space inside t", QByteArray("t=1764 000000,v1=" + mac), SignatureCheck::Malformed);
    row("19-digit t", QByteArray("t=1764000000000000000,v1=" + mac), SignatureCheck::Malformed);
    row("upper-case key", QByteArray("T=1764000000,V1=" + mac), SignatureCheck::Malformed);

    row("non-hex v1", QByteArray("t=1764000000,v1=" + mac.chopped(1) + 'g'),
        SignatureCheck::Mismatch);
    row("short v1", QByteArray("t=1764000000,v1=" + mac.chopped(2)), SignatureCheck::Mismatch);
    row("long v1", QByteArray("t=1764000000,v1=" + mac + "00"), SignatureCheck::Mismatch);
    row("v1 with inner space",
        QByteArray("t=1764000000,v1=" + mac.first(32) + ' ' + mac.sliced(32)),
        SignatureCheck::Mismatch);
    row("empty v1", QByteArrayLiteral("t=1764000000,v1="), SignatureCheck::Mismatch);
}

void TestWebhookSignatures::stripeHeaderParsing()
{
    QFETCH(QByteArray, header);
    QFETCH(SignatureCheck, expected);
    StripeSignatureVerifier verifier;
    verifier.secrets = {QByteArrayLiteral("whsec_parse")};
    QCOMPARE(verifier.verify(header, "{}", 1764000000), expected);
}

void TestWebhookSignatures::stripeHeaderLimits()
{
    const QByteArray secret("whsec_limits");
    const QByteArray body("{}");
    const qint64 t = 1764000000;
    const QByteArray valid = StripeSignatureVerifier::sign(secret, body, t);
    StripeSignatureVerifier verifier;
    verifier.secrets = {secret};

    // 8 KiB is accepted, one byte more is not.
    QByteArray padded = valid + ",x=";
    padded.append(QByteArray(kMaxSignatureHeaderBytes - padded.size(), 'p'));
    QCOMPARE(padded.size(), kMaxSignatureHeaderBytes);
    QCOMPARE(verifier.verify(padded, body, t), SignatureCheck::Valid);
    QCOMPARE(verifier.verify(QByteArray(padded + 'p'), body, t), SignatureCheck::Malformed);

    // 32 signatures are accepted, a 33rd is refused even when one is genuine.
    const QByteArray decoy = QByteArray(",v1=" + QByteArray(64, '0'));
    QByteArray many = valid + decoy.repeated(kMaxSignaturesPerHeader - 1);
    QCOMPARE(verifier.verify(many, body, t), SignatureCheck::Valid);
    many.append(decoy);
    QCOMPARE(verifier.verify(many, body, t), SignatureCheck::Malformed);
}

void TestWebhookSignatures::stripeEmptyOrNoSecretNeverValid()
{
    const QByteArray body("{}");
    const qint64 t = 1764000000;
    // An unset RESERVA_STRIPE_WEBHOOK_SECRET must not turn into an HMAC key
    // that everybody knows.
    const QByteArray forged = StripeSignatureVerifier::sign(QByteArrayView(), body, t);
    StripeSignatureVerifier emptySecret;
    emptySecret.secrets = {QByteArray()};
    QCOMPARE(emptySecret.verify(forged, body, t), SignatureCheck::Mismatch);
    StripeSignatureVerifier noSecret;
    QCOMPARE(noSecret.verify(forged, body, t), SignatureCheck::Mismatch);
}

void TestWebhookSignatures::stripeHeaderFuzz()
{
    const QByteArray secret("whsec_fuzz");
    const QByteArray body(R"({"id":"evt_fuzz"})");
    const qint64 t = 1764000000;
    const QByteArray valid = StripeSignatureVerifier::sign(secret, body, t);
    const QByteArray macHex = valid.sliced(16);
    const QByteArray forged = StripeSignatureVerifier::sign("whsec_attacker", body, t);
    StripeSignatureVerifier verifier;
    verifier.secrets = {secret};

    QRandomGenerator rng(4242);
    int validSeen = 0;
    for (int i = 0; i < 600; ++i) {
        const int kind = i % 3;
        QByteArray header = kind == 0 ? valid : kind == 1 ? forged : randomGarbage(rng);
        const int edits = 1 + int(rng.bounded(4));
        for (int e = 0; e < edits; ++e)
            header = mutate(header, rng);
        const SignatureCheck result = verifier.verify(header, body, t);
        if (result == SignatureCheck::Valid) {
            ++validSeen;
            QVERIFY2(kind == 0 && carriesGenuineSignature(header, macHex, "1764000000"),
                     header.toHex().constData());
        }
    }
    qDebug("stripe fuzz: %d of 600 mutated headers still carried the genuine MAC", validSeen);
}

// Invariant 8: the body's flags (Stripe livemode, Standard Webhooks payload
// fields, Mercado Pago live_mode) never switch verification off.
void TestWebhookSignatures::bodyFlagsChangeNothing()
{
    const QByteArray secret("whsec_flags");
    const qint64 t = 1764000000;
    const QByteArray live(R"({"id":"evt_1","livemode":true,"type":"payment_intent.succeeded"})");
    const QByteArray test(R"({"id":"evt_1","livemode":false,"type":"payment_intent.succeeded"})");
    StripeSignatureVerifier stripe;
    stripe.secrets = {secret};

    QCOMPARE(stripe.verify(StripeSignatureVerifier::sign(secret, test, t), test, t),
             SignatureCheck::Valid);
    QCOMPARE(stripe.verify(StripeSignatureVerifier::sign(secret, live, t), test, t),
             SignatureCheck::Mismatch);
    QCOMPARE(stripe.verify(StripeSignatureVerifier::sign("whsec_test_mode", test, t), test, t),
             SignatureCheck::Mismatch);
    QCOMPARE(stripe.verify("t=1764000000,v0=00", test, t), SignatureCheck::Malformed);
    QCOMPARE(stripe.verify(QByteArrayView(), test, t), SignatureCheck::Malformed);

    // Mercado Pago's live_mode travels in the body, which the verifier never
    // reads: a test-mode notification with a wrong MAC is refused all the same.
    MercadoPagoSignatureVerifier mp;
    mp.secrets = {secret};
    const QByteArray mpForged = MercadoPagoSignatureVerifier::sign("sandbox", QStringLiteral("123"),
                                                                   "req-1", QByteArray::number(t));
    QCOMPARE(mp.verify(mpForged, QStringLiteral("123"), "req-1", t), SignatureCheck::Mismatch);

    StandardWebhookVerifier standard;
    standard.secrets = {QByteArrayLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")};
    QCOMPARE(standard.verify("msg_1", "1764000000",
                             "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                             R"({"livemode":false,"test":true,"sandbox":true})", t),
             SignatureCheck::Mismatch);
}

// ---- Mercado Pago -------------------------------------------------------------

void TestWebhookSignatures::mercadoPagoVectors_data()
{
    QTest::addColumn<QString>("dataId");
    QTest::addColumn<QByteArray>("requestId");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QByteArray>("manifest");
    QTest::addColumn<bool>("expectValid");

    const QJsonArray cases =
        loadVector(QStringLiteral("mercadopago-webhook.json")).value(u"cases").toArray();
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue &entry : cases) {
        const QJsonObject c = entry.toObject();
        const QString expect = c.value(u"expect").toString();
        QVERIFY(expect == u"valid" || expect == u"invalid");
        const QJsonValue dataId = c.value(u"query_data_id");
        const QJsonValue requestId = c.value(u"x_request_id");
        QTest::newRow(qPrintable(c.value(u"name").toString()))
            << (dataId.isString() ? dataId.toString() : QString())
            << (requestId.isString() ? utf8(requestId) : QByteArray())
            << utf8(c.value(u"x_signature")) << utf8(c.value(u"manifest")) << (expect == u"valid");
    }
}

void TestWebhookSignatures::mercadoPagoVectors()
{
    QFETCH(QString, dataId);
    QFETCH(QByteArray, requestId);
    QFETCH(QByteArray, signature);
    QFETCH(QByteArray, manifest);
    QFETCH(bool, expectValid);

    const QJsonObject vector = loadVector(QStringLiteral("mercadopago-webhook.json"));
    const QByteArray secret = utf8(vector.value(u"secret"));
    const QByteArray ts = timestampOf(signature, "ts");
    if (!manifest.isEmpty())
        QCOMPARE(MercadoPagoSignatureVerifier::manifest(dataId, requestId, ts), manifest);

    MercadoPagoSignatureVerifier verifier;
    verifier.secrets = {secret};
    const SignatureCheck result = verifier.verify(signature, dataId, requestId, mercadoPagoNow(ts));
    QCOMPARE(result == SignatureCheck::Valid, expectValid);
    if (expectValid)
        QCOMPARE(MercadoPagoSignatureVerifier::sign(secret, dataId, requestId, ts), signature);
}

void TestWebhookSignatures::mercadoPagoRotatedSecrets()
{
    const QString dataId = QStringLiteral("999999999");
    const QByteArray requestId("2066ca19-c6f1-498a-be75-1923005edd06");
    const QByteArray ts("1704908010");
    const QByteArray byOld = MercadoPagoSignatureVerifier::sign("mp_old", dataId, requestId, ts);
    const QByteArray byNew = MercadoPagoSignatureVerifier::sign("mp_new", dataId, requestId, ts);

    MercadoPagoSignatureVerifier rotating;
    rotating.secrets = {QByteArrayLiteral("mp_new"), QByteArrayLiteral("mp_old")};
    QCOMPARE(rotating.verify(byOld, dataId, requestId, 1704908010), SignatureCheck::Valid);
    QCOMPARE(rotating.verify(byNew, dataId, requestId, 1704908010), SignatureCheck::Valid);

    MercadoPagoSignatureVerifier newOnly;
    newOnly.secrets = {QByteArrayLiteral("mp_new")};
    QCOMPARE(newOnly.verify(byOld, dataId, requestId, 1704908010), SignatureCheck::Mismatch);
    // Spaces and a repeated v1 are tolerated here too.
    const QByteArray spaced = QByteArray(" ts = 1704908010 , v1 = " + QByteArray(64, 'f') +
                                         " , v1 = " + byNew.sliced(byNew.indexOf("v1=") + 3));
    QCOMPARE(newOnly.verify(spaced, dataId, requestId, 1704908010), SignatureCheck::Valid);
}

void TestWebhookSignatures::mercadoPagoMillisecondFreshness()
{
    const QByteArray secret("mp_secret");
    const QString dataId = QStringLiteral("123");
    const QByteArray requestId("req");
    const qint64 now = 1764000000;
    MercadoPagoSignatureVerifier verifier;
    verifier.secrets = {secret};
    auto check = [&](const QByteArray &ts) {
        return verifier.verify(MercadoPagoSignatureVerifier::sign(secret, dataId, requestId, ts),
                               dataId, requestId, now);
    };

    // Milliseconds (13 digits), within and beyond 300 s, both directions.
    QCOMPARE(check(QByteArray::number(now * 1000 + 299999)), SignatureCheck::Valid);
    QCOMPARE(check(QByteArray::number((now - 300) * 1000)), SignatureCheck::Valid);
    QCOMPARE(check(QByteArray::number((now + 301) * 1000)), SignatureCheck::Stale);
    QCOMPARE(check(QByteArray::number((now - 301) * 1000)), SignatureCheck::Stale);
    // Seconds (10 digits).
    QCOMPARE(check(QByteArray::number(now - 300)), SignatureCheck::Valid);
    QCOMPARE(check(QByteArray::number(now + 301)), SignatureCheck::Stale);
    QCOMPARE(check(QByteArray::number(now - 301)), SignatureCheck::Stale);
    // Seconds and milliseconds are told apart by length only: a 7-digit
    // value is seconds (1970), not a recent millisecond count.
    QCOMPARE(check(QByteArray::number(now / 1000)), SignatureCheck::Stale);

    // The manifest keeps ts exactly as received (leading zeros included).
    QCOMPARE(MercadoPagoSignatureVerifier::manifest(dataId, requestId, "01764000000"),
             QByteArray("id:123;request-id:req;ts:01764000000;"));
    QCOMPARE(check("01764000000"), SignatureCheck::Valid);

    // Missing or malformed ts.
    QCOMPARE(verifier.verify(QByteArray("v1=" + QByteArray(64, 'a')), dataId, requestId, now),
             SignatureCheck::Malformed);
    QCOMPARE(verifier.verify(QByteArray("ts=17640000a0,v1=" + QByteArray(64, 'a')), dataId,
                             requestId, now),
             SignatureCheck::Malformed);
    QCOMPARE(verifier.verify(QByteArrayView(), dataId, requestId, now), SignatureCheck::Malformed);
}

void TestWebhookSignatures::mercadoPagoRejectsManifestInjection()
{
    // Signed for data.id "a", request id "b": the manifest is
    // "id:a;request-id:b;ts:T;". Without a check, data.id "a;request-id:b"
    // with no request id would rebuild the same bytes.
    const QByteArray secret("mp_secret");
    const QByteArray ts("1764000000");
    const QByteArray header =
        MercadoPagoSignatureVerifier::sign(secret, QStringLiteral("a"), "b", ts);
    QCOMPARE(MercadoPagoSignatureVerifier::manifest(QStringLiteral("a;request-id:b"), {}, ts),
             MercadoPagoSignatureVerifier::manifest(QStringLiteral("a"), "b", ts));
    MercadoPagoSignatureVerifier verifier;
    verifier.secrets = {secret};
    QCOMPARE(verifier.verify(header, QStringLiteral("a"), "b", 1764000000), SignatureCheck::Valid);
    QCOMPARE(verifier.verify(header, QStringLiteral("a;request-id:b"), QByteArray(), 1764000000),
             SignatureCheck::Malformed);
    QCOMPARE(verifier.verify(header, QString(), "b;x", 1764000000), SignatureCheck::Malformed);
}

void TestWebhookSignatures::mercadoPagoHeaderFuzz()
{
    const QByteArray secret("mp_fuzz");
    const QString dataId = QStringLiteral("999999999");
    const QByteArray requestId("req-fuzz");
    const QByteArray ts("1764000000123");
    const QByteArray valid = MercadoPagoSignatureVerifier::sign(secret, dataId, requestId, ts);
    const QByteArray macHex = valid.sliced(valid.indexOf("v1=") + 3);
    MercadoPagoSignatureVerifier verifier;
    verifier.secrets = {secret};

    QRandomGenerator rng(777);
    for (int i = 0; i < 400; ++i) {
        const bool fromValid = i % 2 == 0;
        QByteArray header = fromValid ? valid : randomGarbage(rng);
        const int edits = 1 + int(rng.bounded(4));
        for (int e = 0; e < edits; ++e)
            header = mutate(header, rng);
        if (verifier.verify(header, dataId, requestId, 1764000000) == SignatureCheck::Valid)
            QVERIFY2(fromValid && carriesGenuineSignature(header, macHex, ts),
                     header.toHex().constData());
    }
}

// ---- Standard Webhooks ----------------------------------------------------------

void TestWebhookSignatures::standardWebhooksVector()
{
    const StandardVector v = loadStandardVector();
    const qint64 tolerance = v.tolerance;
    QCOMPARE(QByteArray(v.id + '.' + v.ts + '.' + v.payload), v.signedContent);

    StandardWebhookVerifier verifier;
    verifier.secrets = {v.secret};
    verifier.toleranceSeconds = tolerance;
    QCOMPARE(verifier.verify(v.id, v.ts, v.signature, v.payload, v.timestamp),
             SignatureCheck::Valid);
    QCOMPARE(verifier.verify(v.id, v.ts, v.signature, v.payload, v.timestamp + tolerance),
             SignatureCheck::Valid);
    QCOMPARE(verifier.verify(v.id, v.ts, v.signature, v.payload, v.timestamp + tolerance + 1),
             SignatureCheck::Stale);
    QCOMPARE(verifier.verify(v.id, v.ts, v.signature, v.payload, v.timestamp - tolerance - 1),
             SignatureCheck::Stale);

    QByteArray tampered = v.payload;
    tampered[tampered.size() - 2] = '5';
    QCOMPARE(verifier.verify(v.id, v.ts, v.signature, tampered, v.timestamp),
             SignatureCheck::Mismatch);
    QCOMPARE(verifier.verify("msg_other", v.ts, v.signature, v.payload, v.timestamp),
             SignatureCheck::Mismatch);
    QCOMPARE(verifier.verify(v.id, QByteArray::number(v.timestamp + 1), v.signature, v.payload,
                             v.timestamp),
             SignatureCheck::Mismatch);
}

void TestWebhookSignatures::standardWebhooksSignatureList()
{
    const StandardVector v = loadStandardVector();
    StandardWebhookVerifier verifier;
    verifier.secrets = {v.secret};
    auto check = [&](const QByteArray &header) {
        return verifier.verify(v.id, v.ts, header, v.payload, v.timestamp);
    };
    const QByteArray zero("v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

    // Other versions (v1a is Ed25519) are skipped; any v1 may match.
    QCOMPARE(check(QByteArray("v1a,bm90IGEgc2lnbmF0dXJl " + zero + ' ' + v.signature)),
             SignatureCheck::Valid);
    QCOMPARE(check(QByteArray("  " + v.signature + "   v2,xyz  ")), SignatureCheck::Valid);
    QCOMPARE(check(zero), SignatureCheck::Mismatch);
    // Not base64, or not 32 bytes: never compared.
    QCOMPARE(check(QByteArray(v.signature.chopped(2) + "!=")), SignatureCheck::Mismatch);
    QCOMPARE(check("v1,AAAA"), SignatureCheck::Mismatch);
    QCOMPARE(check("v1,"), SignatureCheck::Mismatch);
    // Another spelling of the same 32 bytes is not the signature: the unused
    // low bits of the last character set ("...1OE=" -> "...1OG="), or no padding.
    QByteArray paddingBits = v.signature;
    QCOMPARE(paddingBits.at(paddingBits.size() - 2), 'E');
    paddingBits[paddingBits.size() - 2] = 'G';
    QCOMPARE(check(paddingBits), SignatureCheck::Mismatch);
    QCOMPARE(check(v.signature.chopped(1)), SignatureCheck::Mismatch);
    // URL-safe alphabet is not the spec's: '+' and '/' spelt '-' and '_' do not decode.
    QByteArray urlSafe = v.signature;
    urlSafe.replace('+', '-').replace('/', '_');
    QCOMPARE(check(urlSafe), SignatureCheck::Mismatch);

    QCOMPARE(check("v1a,abc v2,def"), SignatureCheck::Malformed);
    QCOMPARE(check(QByteArray(v.signature + " nocomma")), SignatureCheck::Malformed);
    QCOMPARE(check(QByteArray()), SignatureCheck::Malformed);
    QCOMPARE(check(QByteArray(zero + ' ').repeated(kMaxSignaturesPerHeader) + v.signature),
             SignatureCheck::Malformed);
    QCOMPARE(check(QByteArray(zero + ' ').repeated(kMaxSignaturesPerHeader - 1) + v.signature),
             SignatureCheck::Valid);
    QCOMPARE(verifier.verify(QByteArrayView(), v.ts, v.signature, v.payload, v.timestamp),
             SignatureCheck::Malformed);
    QCOMPARE(verifier.verify(v.id, QByteArrayView(), v.signature, v.payload, v.timestamp),
             SignatureCheck::Malformed);
    QCOMPARE(verifier.verify(v.id, "1614265330.0", v.signature, v.payload, v.timestamp),
             SignatureCheck::Malformed);
    QCOMPARE(verifier.verify(v.id, " 1614265330", v.signature, v.payload, v.timestamp),
             SignatureCheck::Malformed);
}

void TestWebhookSignatures::standardWebhooksSecrets()
{
    const StandardVector v = loadStandardVector();
    auto check = [&](const QList<QByteArray> &secrets) {
        StandardWebhookVerifier verifier;
        verifier.secrets = secrets;
        return verifier.verify(v.id, v.ts, v.signature, v.payload, v.timestamp);
    };

    // The reference libraries accept the bare base64 key as well.
    QCOMPARE(check({v.secret.sliced(6)}), SignatureCheck::Valid);
    // Rotation: the old key still listed next to a new one.
    QCOMPARE(check({QByteArrayLiteral("whsec_bmV3IGtleSBieXRlcw=="), v.secret}),
             SignatureCheck::Valid);
    QCOMPARE(check({QByteArrayLiteral("whsec_bmV3IGtleSBieXRlcw==")}), SignatureCheck::Mismatch);
    // Keyed with the whole string (Stripe's way) is another key.
    const QByteArray signedContent = QByteArray(v.id + '.' + v.ts + '.' + v.payload);
    StandardWebhookVerifier wholeString;
    wholeString.secrets = {v.secret};
    QCOMPARE(wholeString.verify(v.id, v.ts,
                                QByteArray("v1," + hmacSha256(v.secret, signedContent).toBase64()),
                                v.payload, v.timestamp),
             SignatureCheck::Mismatch);
    // Secrets that do not decode, or decode to nothing, never verify anything.
    QCOMPARE(check({QByteArrayLiteral("whsec_!!!"), QByteArrayLiteral("whsec_"), QByteArray()}),
             SignatureCheck::Mismatch);
    QCOMPARE(check({}), SignatureCheck::Mismatch);
}

void TestWebhookSignatures::standardWebhooksFuzz()
{
    const StandardVector v = loadStandardVector();
    StandardWebhookVerifier verifier;
    verifier.secrets = {v.secret};

    QRandomGenerator rng(31337);
    for (int i = 0; i < 400; ++i) {
        const bool fromValid = i % 2 == 0;
        QByteArray header = fromValid ? v.signature : randomGarbage(rng);
        const int edits = 1 + int(rng.bounded(4));
        for (int e = 0; e < edits; ++e)
            header = mutate(header, rng);
        QByteArray mutatedTs = v.ts;
        if (rng.bounded(4) == 0)
            mutatedTs = mutate(mutatedTs, rng);
        if (verifier.verify(v.id, mutatedTs, header, v.payload, v.timestamp) ==
            SignatureCheck::Valid) {
            QVERIFY2(fromValid && mutatedTs == v.ts && header.contains(v.signature.sliced(3)),
                     header.toHex().constData());
        }
    }
}

QTEST_GUILESS_MAIN(TestWebhookSignatures)
#include "tst_webhooksignatures.moc"
