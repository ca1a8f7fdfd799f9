// Hostile credentials against a real `reservad serve` process (issue 8):
// forged and misused access tokens, another tenant's valid token, and
// replayed, re-signed, stale and forged webhook deliveries for every provider
// with a webhook route. Every case must get its 4xx (problem+json) or, for a
// verified duplicate, its acknowledgement; the server must serve a normal
// request right after; and the database must be unchanged table by table
// except for the one row the design writes for the case: a webhook delivery
// is always kept for forensics (webhook_deliveries, invariant 3 makes it the
// only row), an idempotent route stores its answer under the key.
// tst_tokens and the tst_*webhooks suites check each rule in process; this
// suite checks them end to end, against the binary an operator runs.
#include "abusefixture.h"
#include "bookingfixture.h"
#include "crypto/base64url.h"
#include "crypto/digest.h"
#include "crypto/randombytes.h"
#include "identity/secretbox.h"
#include "identity/signingkeystore.h"
#include "paymentfixture.h"
#include "providers/fake/providerwebhooks.h"
#include "token/accesstokensigner.h"
#include "token/jws.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QtTest>

using namespace reserva;
using test::AbuseFixture;
using test::BookingFixture;
using test::DbFingerprint;
using test::PaymentSecrets;
using test::TestResponse;

namespace {

QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString idText(const QUuid &id)
{
    return BookingFixture::idText(id);
}

QString targetOf(const QUrl &url)
{
    return url.path() + (url.hasQuery() ? u'?' + url.query(QUrl::FullyEncoded) : QString());
}

// A paid reservation and what its provider knows about the payment.
struct Paid
{
    QUuid reservation;
    QString ref; // pi_..., the preference id, the txid
    qint64 amount = 0;
    QString paymentId; // Mercado Pago
    providerwebhooks::PixPayment pix;
    QByteArray stripeEventId;
    QByteArray stripeBody;
};

} // namespace

class TestAbuseAuth : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<AbuseFixture> m_f;
    std::optional<ActiveSigningKey> m_key;
    QByteArray m_publicKey; // the JWKS "x", decoded
    Paid m_stripe;
    Paid m_mercadoPago;
    Paid m_pix;

    QString reservationPath() const
    {
        return QStringLiteral("/v1/reservations/") + idText(m_f->reservationA());
    }

    // The claims the server itself issues to tenant A's manager.
    AccessTokenClaims goodClaims() const
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        AccessTokenClaims c;
        c.subject = idText(m_f->tenantA().managerId);
        c.roles = {QStringLiteral("partner_manager")};
        c.tenant = idText(m_f->tenantA().id);
        c.issuer = QStringLiteral("reservad");
        c.audience = QStringLiteral("reserva-api");
        c.clientId = QStringLiteral("reserva");
        c.tokenId = QString::fromLatin1(base64UrlEncode(randomBytes(16)));
        c.issuedAt = now;
        c.notBefore = now;
        c.expiresAt = now.addSecs(900);
        return c;
    }
    QByteArray sign(const AccessTokenClaims &c) const
    {
        return signAccessToken(c, m_key->kid, m_key->key);
    }

    // `r` refused with `status`/`slug`, nothing written, the server up.
    void expectRefusedUnchanged(const DbFingerprint &before, const TestResponse &r, int status,
                                const QString &slug)
    {
        const QString problem = AbuseFixture::isProblem(r, status, slug);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString unchanged = m_f->unchangedSince(before);
        QVERIFY2(unchanged.isEmpty(), qPrintable(unchanged));
        const QString serves = m_f->serverServes();
        QVERIFY2(serves.isEmpty(), qPrintable(serves));
    }

    // Exactly one new webhook_deliveries row, the one that answered `r`, with
    // this verification, outcome and status; nothing else anywhere.
    void expectOnlyDeliveryRow(const DbFingerprint &before, const TestResponse &r,
                               const QString &provider, const QString &verification,
                               const QString &outcome)
    {
        const QString row = m_f->onlyNewRowSince(
            before, QStringLiteral("webhook_deliveries"),
            QStringLiteral("t.request_id = ? AND t.provider = ? AND t.verification = ?"
                           " AND t.outcome = ? AND t.http_status = ?"),
            {QString::fromLatin1(r.header("x-request-id")), provider, verification, outcome,
             r.status});
        QVERIFY2(row.isEmpty(), qPrintable(row));
        const QString serves = m_f->serverServes();
        QVERIFY2(serves.isEmpty(), qPrintable(serves));
    }

    TestResponse send(const ProviderDelivery &d) const
    {
        auto http = m_f->client();
        return http->request("POST", targetOf(d.url), d.body, d.headers);
    }

    QUrl endpoint(const QString &provider) const
    {
        return providerwebhooks::endpoint(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_f->port())), provider);
    }

    // Books a seat as tenant A and opens an intent at `provider`.
    Paid payable(const QString &provider)
    {
        Paid p;
        auto http = m_f->client(m_f->tenantA().token);
        const TestResponse booked =
            BookingFixture::book(*http, m_f->slot(), 1, "abuse-pay-" + provider.toLatin1());
        if (booked.status != 201)
            qWarning("booking: %s", booked.body.constData());
        p.reservation = QUuid::fromString(booked.json().value(QStringLiteral("id")).toString());
        const TestResponse intent =
            http->request("POST",
                          QStringLiteral("/v1/reservations/") + idText(p.reservation) +
                              QStringLiteral("/payment-intents"),
                          compactJson({{QStringLiteral("provider"), provider}}),
                          {{"Idempotency-Key", "abuse-intent-" + provider.toLatin1()}});
        if (intent.status != 201)
            qWarning("intent: %s", intent.body.constData());
        p.ref = intent.json().value(QStringLiteral("provider_ref")).toString();
        p.amount = intent.json().value(QStringLiteral("amount_minor")).toInteger();
        return p;
    }

    // Settles the payment at the fake provider, as the customer would.
    QJsonObject settle(const QString &provider, const QString &ref)
    {
        test::TestHttpClient fake(quint16(m_f->fakeProvidersBase().port()));
        const TestResponse r =
            fake.request("POST", QStringLiteral("/_simulate/") + provider + u'/' + ref,
                         compactJson({{QStringLiteral("outcome"), QStringLiteral("succeeded")}}),
                         {{"Content-Type", "application/json"}});
        if (r.status != 200)
            qWarning("simulate: %d %s", r.status, r.body.constData());
        return r.json();
    }

    ProviderDelivery stripeDelivery(const QByteArray &body, qint64 at,
                                    const QByteArray &secret = PaymentSecrets::kStripe) const
    {
        return providerwebhooks::stripeDelivery(endpoint(QStringLiteral("stripe")), secret, body,
                                                at);
    }
    ProviderDelivery
    mercadoPagoDelivery(const QDateTime &at, const QByteArray &requestId,
                        const QByteArray &secret = PaymentSecrets::kMercadoPago) const
    {
        return providerwebhooks::mercadoPagoDelivery(endpoint(QStringLiteral("mercadopago")),
                                                     secret, m_mercadoPago.paymentId,
                                                     QString::fromLatin1(requestId), at);
    }
    ProviderDelivery pixDelivery(const providerwebhooks::PixPayment &pix,
                                 const QByteArray &secret = PaymentSecrets::kPix) const
    {
        return providerwebhooks::pixDelivery(endpoint(QStringLiteral("pix")), secret, pix);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_f = std::make_unique<AbuseFixture>(QStringLiteral(RESERVAD_PATH));
        QString error = m_f->setUp();
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // The server's own signing key, from the database and the master key
        // in its data directory: what a forger with a stolen key would have,
        // to show that the time, issuer and audience checks hold even then.
        const auto master = readMasterKey(m_f->dataDir() + QStringLiteral("/master.key"), &error);
        QVERIFY2(master, qPrintable(error));
        m_key = signingkeystore::loadActive(m_f->db(), SecretBox(*master));
        QVERIFY(m_key);
        // The public key, as anyone reads it.
        auto http = m_f->client();
        const QJsonArray keys = http->get(QStringLiteral("/.well-known/jwks.json"))
                                    .json()
                                    .value(QStringLiteral("keys"))
                                    .toArray();
        QVERIFY(!keys.isEmpty());
        m_publicKey = base64UrlDecode(
                          keys.first().toObject().value(QStringLiteral("x")).toString().toLatin1())
                          .value_or(QByteArray());
        QCOMPARE(m_publicKey.size(), 32);

        // One reservation paid through each provider, by a first valid delivery.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        m_stripe = payable(QStringLiteral("stripe"));
        QVERIFY(m_stripe.ref.startsWith(u"pi_"));
        m_stripe.stripeEventId = providerwebhooks::newStripeEventId().toLatin1();
        m_stripe.stripeBody = providerwebhooks::stripeEvent(
            QString::fromLatin1(m_stripe.stripeEventId), SimulatedOutcome::Succeeded,
            {m_stripe.ref, m_stripe.amount, QStringLiteral("brl"), {}}, now);
        TestResponse r = send(stripeDelivery(m_stripe.stripeBody, now));
        QVERIFY2(r.status == 200 && r.body.contains("applied"), r.body.constData());

        m_mercadoPago = payable(QStringLiteral("mercadopago"));
        m_mercadoPago.paymentId = settle(QStringLiteral("mercadopago"), m_mercadoPago.ref)
                                      .value(u"payment_id")
                                      .toString();
        QVERIFY(!m_mercadoPago.paymentId.isEmpty());
        r = send(mercadoPagoDelivery(QDateTime::currentDateTimeUtc(), "abuse-mp-first"));
        QVERIFY2(r.status == 200 && r.body.contains("applied"), r.body.constData());

        m_pix = payable(QStringLiteral("pix"));
        const QJsonObject cob = settle(QStringLiteral("pix"), m_pix.ref);
        m_pix.pix = {m_pix.ref,
                     cob.value(u"endToEndId").toString(),
                     cob.value(u"valor").toString(),
                     cob.value(u"horario").toString(),
                     {}};
        r = send(pixDelivery(m_pix.pix));
        QVERIFY2(r.status == 200 && r.body.contains("applied"), r.body.constData());

        for (const Paid *p : {&m_stripe, &m_mercadoPago, &m_pix})
            QCOMPARE(BookingFixture::statusOf(m_f->db(), p->reservation), QStringLiteral("paid"));
    }

    void cleanupTestCase() { m_f.reset(); }

    // --- tokens ------------------------------------------------------------

    // The control: a token built the same way with nothing wrong is served,
    // so each refusal below is due to its one defect.
    void wellFormedForgedTokenIsTheControl()
    {
        auto http = m_f->client(QString::fromLatin1(sign(goodClaims())));
        QCOMPARE(http->get(reservationPath()).status, 200);
    }

    void hostileTokensAreRefused_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        const AccessTokenClaims good = goodClaims();
        const QByteArray payload = compactJson(accessTokenClaimsToJson(good));
        const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("EdDSA")},
                                 {QStringLiteral("typ"), QStringLiteral("at+jwt")},
                                 {QStringLiteral("kid"), m_key->kid}};
        auto withAlg = [&](const QString &alg) -> QByteArray {
            QJsonObject h = header;
            h.insert(QStringLiteral("alg"), alg);
            return base64UrlEncode(compactJson(h)) + '.' + base64UrlEncode(payload);
        };
        QTest::newRow("alg none") << "Bearer " + withAlg(QStringLiteral("none")) + '.';
        QTest::newRow("alg NONE, a signature kept")
            << "Bearer " + withAlg(QStringLiteral("NONE")) + '.' + sign(good).split('.').at(2);
        const QByteArray hs = withAlg(QStringLiteral("HS256"));
        QTest::newRow("alg HS256 keyed with the public key bytes")
            << "Bearer " + hs + '.' + base64UrlEncode(hmacSha256(m_publicKey, hs));
        QTest::newRow("alg HS256 keyed with the JWKS x text")
            << "Bearer " + hs + '.' + base64UrlEncode(hmacSha256(base64UrlEncode(m_publicKey), hs));

        // Tenant A's real token, its payload moved to tenant B (or made admin).
        const QList<QByteArray> real = m_f->tenantA().token.toLatin1().split('.');
        QJsonObject moved =
            QJsonDocument::fromJson(base64UrlDecode(real.at(1)).value_or("")).object();
        moved.insert(QStringLiteral("tenant"), idText(m_f->tenantB().id));
        QTest::newRow("tampered payload: another tenant")
            << "Bearer " + real.at(0) + '.' + base64UrlEncode(compactJson(moved)) + '.' +
                   real.at(2);
        QJsonObject admin =
            QJsonDocument::fromJson(base64UrlDecode(real.at(1)).value_or("")).object();
        admin.insert(QStringLiteral("roles"), QJsonArray{QStringLiteral("admin")});
        admin.remove(QStringLiteral("tenant"));
        QTest::newRow("tampered payload: admin") << "Bearer " + real.at(0) + '.' +
                                                        base64UrlEncode(compactJson(admin)) + '.' +
                                                        real.at(2);

        const QDateTime now = QDateTime::currentDateTimeUtc();
        AccessTokenClaims c = good;
        c.issuedAt = c.notBefore = now.addSecs(-2000);
        c.expiresAt = now.addSecs(-300); // beyond the 60 s skew
        QTest::newRow("expired") << "Bearer " + sign(c);
        c = good;
        c.issuedAt = c.notBefore = now.addSecs(600);
        c.expiresAt = now.addSecs(1500);
        QTest::newRow("not yet valid") << "Bearer " + sign(c);
        c = good;
        c.issuer = QStringLiteral("https://evil.example");
        QTest::newRow("wrong issuer") << "Bearer " + sign(c);
        c = good;
        c.audience = QStringLiteral("payments-api");
        QTest::newRow("wrong audience") << "Bearer " + sign(c);
        // Refresh tokens are opaque, one-use secrets for /v1/auth/refresh only.
        QTest::newRow("refresh token as an access token")
            << "Bearer " + m_f->tenantA().refreshToken.toLatin1();
        QTest::newRow("valid token, Basic scheme") << "Basic " + m_f->tenantA().token.toLatin1();
    }

    void hostileTokensAreRefused()
    {
        QFETCH(QByteArray, authorization);
        const DbFingerprint before = m_f->quiescentFingerprint();
        auto http = m_f->client();
        const TestResponse r =
            http->request("GET", reservationPath(), {}, {{"Authorization", authorization}});
        expectRefusedUnchanged(before, r, 401, QStringLiteral("invalid-token"));
    }

    // The same forged tokens cannot write either: a cancel is refused before
    // its handler runs.
    void forgedTokenCannotCancel()
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        AccessTokenClaims c = goodClaims();
        c.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-300);
        c.issuedAt = c.notBefore = c.expiresAt.addSecs(-900);
        auto http = m_f->client(QString::fromLatin1(sign(c)));
        const TestResponse r = http->request("POST", reservationPath() + QStringLiteral("/cancel"));
        expectRefusedUnchanged(before, r, 401, QStringLiteral("invalid-token"));
    }

    // --- another tenant's valid token ----------------------------------------

    // Another tenant's reservation does not exist for the caller (404, as the
    // routes' contracts say: no 403 that would confirm the id), for reads and
    // for writes; nothing is written.
    void anotherTenantsTokenSeesNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("target");
        QTest::newRow("read") << QByteArray("GET") << reservationPath();
        QTest::newRow("audit trail")
            << QByteArray("GET") << reservationPath() + QStringLiteral("/audit");
        QTest::newRow("cancel") << QByteArray("POST")
                                << reservationPath() + QStringLiteral("/cancel");
    }

    void anotherTenantsTokenSeesNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, target);
        const DbFingerprint before = m_f->quiescentFingerprint();
        auto http = m_f->client(m_f->tenantB().token);
        const TestResponse r = http->request(method, target);
        expectRefusedUnchanged(before, r, 404, QStringLiteral("not-found"));
        QCOMPARE(BookingFixture::statusOf(m_f->db(), m_f->reservationA()),
                 QStringLiteral("pending_payment"));
    }

    // Idempotent writes store their answer under the caller's own key
    // (invariant 5): the 404 is that row, scoped to tenant B's subject, and
    // nothing of tenant A's changes.
    void anotherTenantsTokenCannotWriteThroughIdempotentRoutes_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("payment intent on A's reservation")
            << reservationPath() + QStringLiteral("/payment-intents")
            << compactJson({{QStringLiteral("provider"), QStringLiteral("stripe")}});
        QTest::newRow("booking on A's slot")
            << QStringLiteral("/v1/reservations") << m_f->bookingJson();
    }

    void anotherTenantsTokenCannotWriteThroughIdempotentRoutes()
    {
        QFETCH(QString, target);
        QFETCH(QByteArray, body);
        const QByteArray key = "cross-tenant-" + QByteArray(QTest::currentDataTag()).toHex();
        const DbFingerprint before = m_f->quiescentFingerprint();
        auto http = m_f->client(m_f->tenantB().token);
        const TestResponse r = http->request("POST", target, body, {{"Idempotency-Key", key}});
        const QString problem = AbuseFixture::isProblem(r, 404, QStringLiteral("not-found"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString only = m_f->onlyNewRowSince(
            before, QStringLiteral("idempotency_keys"),
            QStringLiteral("t.idempotency_key = ? AND t.subject = ? AND t.response_status = 404"),
            {QString::fromLatin1(key), idText(m_f->tenantB().managerId)});
        QVERIFY2(only.isEmpty(), qPrintable(only));
        const QString serves = m_f->serverServes();
        QVERIFY2(serves.isEmpty(), qPrintable(serves));
    }

    // --- Stripe ---------------------------------------------------------------

    // Stripe retries what it did not see acknowledged: the same event, signed
    // afresh, is acknowledged and applied no second time.
    void stripeReplayIsAcknowledgedOnce()
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        const TestResponse r =
            send(stripeDelivery(m_stripe.stripeBody, QDateTime::currentSecsSinceEpoch()));
        QVERIFY2(r.status == 200 && r.body.contains("\"duplicate\""), r.body.constData());
        expectOnlyDeliveryRow(before, r, QStringLiteral("stripe"), QStringLiteral("verified"),
                              QStringLiteral("duplicate"));
    }

    // A validly signed delivery (a leaked secret, or a provider bug) reusing
    // the event id with another body: the first body under an id is the one
    // applied; here a refund of the paid reservation that must not happen.
    void stripeChangedBodyUnderTheSameEventIdIsNotApplied()
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray refund = providerwebhooks::stripeEvent(
            QString::fromLatin1(m_stripe.stripeEventId), SimulatedOutcome::Refunded,
            {m_stripe.ref, m_stripe.amount, QStringLiteral("brl"), {}}, now);
        QVERIFY(refund != m_stripe.stripeBody);
        const TestResponse r = send(stripeDelivery(refund, now));
        QVERIFY2(r.status == 200 && r.body.contains("\"duplicate\""), r.body.constData());
        expectOnlyDeliveryRow(before, r, QStringLiteral("stripe"), QStringLiteral("verified"),
                              QStringLiteral("duplicate"));
        QCOMPARE(BookingFixture::statusOf(m_f->db(), m_stripe.reservation), QStringLiteral("paid"));
    }

    void stripeOldTimestampIsRefused()
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        // A fresh event, so only the timestamp stands between it and a refund.
        const qint64 old = QDateTime::currentSecsSinceEpoch() - 3600;
        const QByteArray refund = providerwebhooks::stripeEvent(
            providerwebhooks::newStripeEventId(), SimulatedOutcome::Refunded,
            {m_stripe.ref, m_stripe.amount, QStringLiteral("brl"), {}}, old);
        const TestResponse r = send(stripeDelivery(refund, old));
        QVERIFY2(AbuseFixture::isProblem(r, 401, QStringLiteral("unauthorized")).isEmpty(),
                 r.body.constData());
        expectOnlyDeliveryRow(before, r, QStringLiteral("stripe"), QStringLiteral("stale"),
                              QStringLiteral("rejected"));
    }

    void stripeWrongSecretIsRefused()
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray refund = providerwebhooks::stripeEvent(
            providerwebhooks::newStripeEventId(), SimulatedOutcome::Refunded,
            {m_stripe.ref, m_stripe.amount, QStringLiteral("brl"), {}}, now);
        const TestResponse r = send(stripeDelivery(refund, now, "whsec_not_the_right_one"));
        QVERIFY2(AbuseFixture::isProblem(r, 401, QStringLiteral("unauthorized")).isEmpty(),
                 r.body.constData());
        expectOnlyDeliveryRow(before, r, QStringLiteral("stripe"), QStringLiteral("bad_signature"),
                              QStringLiteral("rejected"));
    }

    // --- Mercado Pago ----------------------------------------------------------

    // Mercado Pago signs the payment id, x-request-id and a timestamp, not the
    // body; the event is the payment the server fetches (id and status).
    void mercadoPagoReplayIsAcknowledgedOnce()
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        const TestResponse r =
            send(mercadoPagoDelivery(QDateTime::currentDateTimeUtc(), "abuse-mp-first"));
        QVERIFY2(r.status == 200 && r.body.contains("\"duplicate\""), r.body.constData());
        expectOnlyDeliveryRow(before, r, QStringLiteral("mercadopago"), QStringLiteral("verified"),
                              QStringLiteral("duplicate"));
    }

    void mercadoPagoChangedBodyUnderTheSameEventIsNotApplied()
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        ProviderDelivery d = mercadoPagoDelivery(QDateTime::currentDateTimeUtc(), "abuse-mp-body");
        d.body =
            compactJson({{QStringLiteral("action"), QStringLiteral("payment.refunded")},
                         {QStringLiteral("type"), QStringLiteral("payment")},
                         {QStringLiteral("data"),
                          QJsonObject{{QStringLiteral("id"), m_mercadoPago.paymentId},
                                      {QStringLiteral("status"), QStringLiteral("refunded")}}}});
        const TestResponse r = send(d);
        QVERIFY2(r.status == 200 && r.body.contains("\"duplicate\""), r.body.constData());
        expectOnlyDeliveryRow(before, r, QStringLiteral("mercadopago"), QStringLiteral("verified"),
                              QStringLiteral("duplicate"));
        QCOMPARE(BookingFixture::statusOf(m_f->db(), m_mercadoPago.reservation),
                 QStringLiteral("paid"));
    }

    void mercadoPagoOldTimestampIsRefused()
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        const TestResponse r = send(
            mercadoPagoDelivery(QDateTime::currentDateTimeUtc().addSecs(-3600), "abuse-mp-old"));
        QVERIFY2(AbuseFixture::isProblem(r, 401, QStringLiteral("unauthorized")).isEmpty(),
                 r.body.constData());
        expectOnlyDeliveryRow(before, r, QStringLiteral("mercadopago"), QStringLiteral("stale"),
                              QStringLiteral("rejected"));
    }

    void mercadoPagoWrongSecretIsRefused()
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        const TestResponse r = send(mercadoPagoDelivery(QDateTime::currentDateTimeUtc(),
                                                        "abuse-mp-forged", "not-the-secret"));
        QVERIFY2(AbuseFixture::isProblem(r, 401, QStringLiteral("unauthorized")).isEmpty(),
                 r.body.constData());
        expectOnlyDeliveryRow(before, r, QStringLiteral("mercadopago"),
                              QStringLiteral("bad_signature"), QStringLiteral("rejected"));
    }

    // --- Pix -------------------------------------------------------------------

    // The BCB callback is not signed and carries no timestamp (so there is no
    // stale case): it is authenticated by the secret registered with its URL
    // (and mTLS where configured) and only ever a hint, each pix confirmed
    // with the PSP and deduplicated on its endToEndId.
    void pixReplayIsAcknowledgedOnce()
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        const TestResponse r = send(pixDelivery(m_pix.pix));
        QVERIFY2(r.status == 200 && r.body.contains("\"duplicate\""), r.body.constData());
        expectOnlyDeliveryRow(before, r, QStringLiteral("pix"), QStringLiteral("verified"),
                              QStringLiteral("duplicate"));
    }

    // The same endToEndId with a devolução the PSP never made: the PSP's
    // charge says nothing was refunded, so it is the payment again.
    void pixChangedBodyUnderTheSameEndToEndIdIsNotApplied()
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        providerwebhooks::PixPayment forged = m_pix.pix;
        forged.devolucoes = QJsonArray{QJsonObject{
            {QStringLiteral("id"), QStringLiteral("D00000000000000000001")},
            {QStringLiteral("rtrId"), QStringLiteral("D1823612020261125000000000000001")},
            {QStringLiteral("valor"), m_pix.pix.valor},
            {QStringLiteral("status"), QStringLiteral("DEVOLVIDO")}}};
        const TestResponse r = send(pixDelivery(forged));
        QVERIFY2(r.status == 200 && r.body.contains("\"duplicate\""), r.body.constData());
        expectOnlyDeliveryRow(before, r, QStringLiteral("pix"), QStringLiteral("verified"),
                              QStringLiteral("duplicate"));
        QCOMPARE(BookingFixture::statusOf(m_f->db(), m_pix.reservation), QStringLiteral("paid"));
    }

    void pixWrongSecretIsRefused()
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        const TestResponse r = send(pixDelivery(m_pix.pix, "not-the-callback-secret"));
        QVERIFY2(AbuseFixture::isProblem(r, 401, QStringLiteral("unauthorized")).isEmpty(),
                 r.body.constData());
        expectOnlyDeliveryRow(before, r, QStringLiteral("pix"), QStringLiteral("unauthenticated"),
                              QStringLiteral("rejected"));
    }
};

QTEST_GUILESS_MAIN(TestAbuseAuth)
#include "tst_abuseauth.moc"
