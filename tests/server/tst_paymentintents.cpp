// POST /v1/reservations/{id}/payment-intents against fake Stripe, Mercado
// Pago and Pix PSP APIs: each provider receives the server-computed amount in
// its own format (invariant 7), the answer carries what the payer needs, a
// retry is the same intent and the same provider object, and a provider that
// is down or refuses leaves nothing behind.
#include "contract/timeformat.h"
#include "contractrecorder.h"
#include "manualclock.h"
#include "paymentfixture.h"
#include "webhooks/stripesignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;
using test::FakeHttpServer;
using test::PaymentCounts;
using test::PaymentFixture;
using test::PaymentSecrets;

namespace {

constexpr int kHoldSeconds = 900;

QString idOf(const test::TestResponse &r)
{
    return r.json().value(QStringLiteral("id")).toString();
}

FakeHttpServer::Reply status(int code, const QByteArray &body = "{}")
{
    FakeHttpServer::Reply r;
    r.status = code;
    r.body = body;
    return r;
}

FakeHttpServer::Reply mode(FakeHttpServer::Mode m)
{
    FakeHttpServer::Reply r;
    r.mode = m;
    return r;
}

} // namespace

class TestPaymentIntents : public QObject
{
    Q_OBJECT

private:
    DbConnection &db() { return m_server->appDb(); }

    QUuid newSlot(const QUuid &product, int capacity = 10)
    {
        return m_booking->createSlot(m_tenant.managerToken, product,
                                     m_clock.now().addDays(10 + m_slots++), capacity);
    }

    // A pending reservation of `quantity` seats on a fresh slot of `product`.
    QUuid book(const QUuid &product, int quantity = 1, const QString &token = {},
               const QString &managerToken = {})
    {
        const QUuid slot =
            m_booking->createSlot(managerToken.isEmpty() ? m_tenant.managerToken : managerToken,
                                  product, m_clock.now().addDays(10 + m_slots++), 10);
        const test::TestResponse r = BookingFixture::book(
            *m_booking->clientAs(token.isEmpty() ? m_tenant.staffToken : token), slot, quantity,
            QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        if (r.status != 201)
            qWarning("book: %d %s", r.status, r.body.constData());
        return QUuid::fromString(idOf(r));
    }

    test::TestResponse create(const QUuid &reservation, const QString &provider,
                              const QByteArray &key = {}, const QJsonObject &extra = {})
    {
        return m_payments->createIntent(m_tenant.staffToken, reservation, provider, key, extra);
    }

    qint64 intentRows(const QUuid &reservation)
    {
        return BookingFixture::count(
            db(),
            QStringLiteral("SELECT count(*) FROM payment_intents WHERE reservation_id = ?::uuid"),
            {BookingFixture::idText(reservation)});
    }

    qint64 providerCalls() { return m_apis.received({}, {}).size(); }
    int calls(const QByteArray &method, const QByteArray &prefix)
    {
        return int(m_apis.received(method, prefix).size());
    }

    // The intent's answer and its row agree, and the row is the server's
    // amount for the reservation.
    void verifyIntent(const test::TestResponse &r, const QUuid &reservation,
                      const QString &provider, qint64 amount, const QString &currency)
    {
        QCOMPARE(r.status, 201);
        const QJsonObject v = r.json();
        QVERIFY(!QUuid::fromString(v.value(QStringLiteral("id")).toString()).isNull());
        QCOMPARE(v.value(QStringLiteral("reservation_id")).toString(),
                 BookingFixture::idText(reservation));
        QCOMPARE(v.value(QStringLiteral("provider")).toString(), provider);
        QCOMPARE(v.value(QStringLiteral("status")).toString(), QStringLiteral("created"));
        QCOMPARE(v.value(QStringLiteral("amount_minor")).toInteger(), amount);
        QCOMPARE(v.value(QStringLiteral("currency")).toString(), currency);
        QVERIFY(!v.value(QStringLiteral("provider_ref")).toString().isEmpty());
        DbRows q = db().exec(
            QStringLiteral("SELECT amount_minor, currency, status, provider_ref, created_by"
                           " FROM payment_intents WHERE id = ?::uuid"),
            {v.value(QStringLiteral("id")).toString()}, "intent row");
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), amount);
        QCOMPARE(q.value(1).toString(), currency);
        QCOMPARE(q.value(2).toString(), QStringLiteral("created"));
        QCOMPARE(q.value(3).toString(), v.value(QStringLiteral("provider_ref")).toString());
        QCOMPARE(
            BookingFixture::count(db(),
                                  QStringLiteral("SELECT count(*) FROM audit_log WHERE action ="
                                                 " 'payment.intent_create' AND resource = ?"),
                                  {QString(QStringLiteral("payment_intent:") +
                                           v.value(QStringLiteral("id")).toString())}),
            1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Every response of this suite must be one the OpenAPI document allows.
        test::ContractRecorder::enable();
        m_server = std::make_unique<test::TestServer>(m_clock, [this](ServerConfig &c) {
            c.runBackgroundJobs = false;
            c.holdSeconds = kHoldSeconds;
            c.tokens.accessTokenSeconds = 7 * 24 * 3600;
            PaymentFixture::configure(c, m_apis);
        });
        m_booking = std::make_unique<BookingFixture>(*m_server);
        m_payments = std::make_unique<PaymentFixture>(*m_server);
        m_tenant = m_booking->addTenant(QStringLiteral("intents"));
        m_other = m_booking->addTenant(QStringLiteral("intents-other"));
        m_usd = m_booking->createProduct(m_tenant.managerToken,
                                         {{QStringLiteral("price_minor"), 12500},
                                          {QStringLiteral("currency"), QStringLiteral("USD")}});
        m_brl = m_booking->createProduct(m_tenant.managerToken,
                                         {{QStringLiteral("price_minor"), 11000},
                                          {QStringLiteral("currency"), QStringLiteral("BRL")}});
        m_clp = m_booking->createProduct(m_tenant.managerToken,
                                         {{QStringLiteral("price_minor"), 12500},
                                          {QStringLiteral("currency"), QStringLiteral("CLP")}});
        m_foreignProduct = m_booking->createProduct(m_other.managerToken);
        QVERIFY(!m_usd.isNull() && !m_brl.isNull() && !m_clp.isNull());
    }
    void cleanupTestCase()
    {
        m_payments.reset();
        m_booking.reset();
        m_server.reset();
        RESERVA_VERIFY_RECORDED_RESPONSES();
    }
    void cleanup() { m_apis.clearFailures(); }

    // First in the suite: the PSP's OAuth token is fetched once and then
    // reused for every call while it is valid.
    void pixChargeCarriesTheAmountUnderTheCachedToken()
    {
        const QUuid first = book(m_brl, 2);
        const test::TestResponse r = create(first, QStringLiteral("pix"));
        verifyIntent(r, first, QStringLiteral("pix"), 22000, QStringLiteral("BRL"));
        const QString txid = r.json().value(QStringLiteral("provider_ref")).toString();
        // BCB rule for a cob txid: 26 to 35 letters and digits.
        QVERIFY(QRegularExpression(QStringLiteral("^[a-zA-Z0-9]{26,35}$")).match(txid).hasMatch());

        const auto tokens = m_apis.received("POST", "/oauth/token");
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(tokens.first().header("authorization"),
                 QByteArray("Basic " + QString(PaymentSecrets::kPixClientId + u':' +
                                               PaymentSecrets::kPixClientSecret)
                                           .toUtf8()
                                           .toBase64()));
        QCOMPARE(formOf(tokens.first().body).value(QStringLiteral("grant_type")),
                 QStringLiteral("client_credentials"));

        const auto puts = m_apis.received("PUT", "/v2/cob/");
        QCOMPARE(puts.size(), 1);
        QCOMPARE(puts.first().path, QByteArray("/v2/cob/" + txid.toLatin1()));
        const QByteArray bearer = puts.first().header("authorization");
        QVERIFY(bearer.startsWith("Bearer pix-token-"));
        const QJsonObject cob = QJsonDocument::fromJson(puts.first().body).object();
        QCOMPARE(cob.value(QStringLiteral("valor")).toObject().value(QStringLiteral("original")),
                 QJsonValue(QStringLiteral("220.00")));
        QCOMPARE(cob.value(QStringLiteral("chave")).toString(), PaymentSecrets::kPixKey);
        QCOMPARE(r.json().value(QStringLiteral("pix_copy_paste")).toString(),
                 m_apis.cob(txid)->value(QStringLiteral("pixCopiaECola")).toString());
        QVERIFY(r.json().value(QStringLiteral("client_secret")).isNull());
        QVERIFY(r.json().value(QStringLiteral("checkout_url")).isNull());

        // A second charge: no new token, the same Bearer.
        const QUuid second = book(m_brl, 1);
        const test::TestResponse again = create(second, QStringLiteral("pix"));
        verifyIntent(again, second, QStringLiteral("pix"), 11000, QStringLiteral("BRL"));
        QCOMPARE(m_apis.received("POST", "/oauth/token").size(), 1);
        QCOMPARE(m_apis.received("PUT", "/v2/cob/").last().header("authorization"), bearer);
        QCOMPARE(QJsonDocument::fromJson(m_apis.received("PUT", "/v2/cob/").last().body)
                     .object()
                     .value(QStringLiteral("valor"))
                     .toObject()
                     .value(QStringLiteral("original")),
                 QJsonValue(QStringLiteral("110.00")));
    }

    void stripeIntentCarriesTheAmountMetadataAndIdempotencyKey()
    {
        const QUuid reservation = book(m_usd, 2);
        const int before = calls("POST", "/v1/payment_intents");
        const test::TestResponse r = create(reservation, QStringLiteral("stripe"), "client-key-1");
        verifyIntent(r, reservation, QStringLiteral("stripe"), 25000, QStringLiteral("USD"));
        QVERIFY(r.json().value(QStringLiteral("provider_ref")).toString().startsWith(u"pi_"));
        QCOMPARE(r.json().value(QStringLiteral("client_secret")).toString(),
                 r.json().value(QStringLiteral("provider_ref")).toString() +
                     QStringLiteral("_secret_fake"));
        QVERIFY(r.json().value(QStringLiteral("checkout_url")).isNull());
        QVERIFY(r.json().value(QStringLiteral("pix_copy_paste")).isNull());

        const auto sent = m_apis.received("POST", "/v1/payment_intents");
        QCOMPARE(sent.size(), before + 1);
        const FakeHttpServer::Received &call = sent.last();
        QCOMPARE(call.header("authorization"),
                 QByteArray("Bearer " + PaymentSecrets::kStripeApiKey.toUtf8()));
        QCOMPARE(call.header("content-type"), QByteArray("application/x-www-form-urlencoded"));
        const QByteArray providerKey = call.header("idempotency-key");
        QVERIFY(!providerKey.isEmpty());
        // Derived from the client's key, not the client's key itself.
        QVERIFY(providerKey != "client-key-1");
        const auto form = formOf(call.body);
        QCOMPARE(form.value(QStringLiteral("amount")), QStringLiteral("25000"));
        QCOMPARE(form.value(QStringLiteral("currency")), QStringLiteral("usd"));
        QCOMPARE(form.value(QStringLiteral("metadata[payment_intent_id]")), idOf(r));
        QCOMPARE(form.value(QStringLiteral("metadata[reservation_id]")),
                 BookingFixture::idText(reservation));
        QCOMPARE(form.value(QStringLiteral("metadata[tenant_id]")),
                 BookingFixture::idText(m_tenant.id));
    }

    void mercadoPagoPreferenceCarriesTheAmountAndOurReference_data()
    {
        QTest::addColumn<int>("quantity");
        QTest::addColumn<bool>("clp");
        QTest::addColumn<double>("unitPrice");
        QTest::addColumn<qint64>("amount");
        QTest::newRow("USD, exponent 2") << 2 << false << 250.0 << qint64(25000);
        QTest::newRow("CLP, exponent 0") << 1 << true << 12500.0 << qint64(12500);
    }
    void mercadoPagoPreferenceCarriesTheAmountAndOurReference()
    {
        QFETCH(int, quantity);
        QFETCH(bool, clp);
        QFETCH(double, unitPrice);
        QFETCH(qint64, amount);
        const QString currency = clp ? QStringLiteral("CLP") : QStringLiteral("USD");
        const QUuid reservation = book(clp ? m_clp : m_usd, quantity);
        const test::TestResponse r = create(reservation, QStringLiteral("mercadopago"));
        verifyIntent(r, reservation, QStringLiteral("mercadopago"), amount, currency);
        const QString checkout = r.json().value(QStringLiteral("checkout_url")).toString();
        QVERIFY(checkout.startsWith(u"https://"));
        QVERIFY(checkout.endsWith(r.json().value(QStringLiteral("provider_ref")).toString()));
        QVERIFY(r.json().value(QStringLiteral("client_secret")).isNull());

        const FakeHttpServer::Received call =
            m_apis.received("POST", "/checkout/preferences").last();
        QCOMPARE(call.header("authorization"),
                 QByteArray("Bearer " + PaymentSecrets::kMercadoPagoToken.toUtf8()));
        QVERIFY(!call.header("x-idempotency-key").isEmpty());
        const QJsonObject body = QJsonDocument::fromJson(call.body).object();
        QCOMPARE(body.value(QStringLiteral("external_reference")).toString(), idOf(r));
        const QJsonArray items = body.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject item = items.first().toObject();
        QCOMPARE(item.value(QStringLiteral("unit_price")).toDouble(), unitPrice);
        QCOMPARE(item.value(QStringLiteral("quantity")).toInt(), 1);
        QCOMPARE(item.value(QStringLiteral("currency_id")).toString(), currency);
    }

    // The same Idempotency-Key: the first answer again, the provider not
    // asked a second time, one intent row.
    void retryWithTheSameKeyIsTheSameIntent_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::newRow("stripe") << QStringLiteral("stripe");
        QTest::newRow("mercadopago") << QStringLiteral("mercadopago");
        QTest::newRow("pix") << QStringLiteral("pix");
    }
    void retryWithTheSameKeyIsTheSameIntent()
    {
        QFETCH(QString, provider);
        const QUuid reservation = book(provider == u"pix" ? m_brl : m_usd);
        const QByteArray key = "retry-" + provider.toLatin1();
        const test::TestResponse first = create(reservation, provider, key);
        QCOMPARE(first.status, 201);
        const qint64 called = providerCalls();
        const test::TestResponse second = create(reservation, provider, key);
        QCOMPARE(second.status, 201);
        QCOMPARE(second.body, first.body);
        QCOMPARE(second.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(providerCalls(), called);
        QCOMPARE(intentRows(reservation), 1);
        // Another key is another intent (a second attempt at paying).
        const test::TestResponse other = create(reservation, provider);
        QCOMPARE(other.status, 201);
        QVERIFY(idOf(other) != idOf(first));
        QCOMPARE(intentRows(reservation), 2);
    }

    // Provider down (5xx, connection closed, no answer within the timeout):
    // 503, nothing stored (no intent, no audit row, no idempotency record),
    // and a retry with the same key then succeeds.
    void providerDownIs503AndWritesNothing_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("failure"); // 0: 500, 1: close, 2: hang, 3: 429
        QTest::newRow("stripe 500") << QStringLiteral("stripe") << QByteArray("POST")
                                    << QByteArray("/v1/payment_intents") << 0;
        QTest::newRow("stripe 429") << QStringLiteral("stripe") << QByteArray("POST")
                                    << QByteArray("/v1/payment_intents") << 3;
        QTest::newRow("stripe hang") << QStringLiteral("stripe") << QByteArray("POST")
                                     << QByteArray("/v1/payment_intents") << 2;
        QTest::newRow("mercadopago 502") << QStringLiteral("mercadopago") << QByteArray("POST")
                                         << QByteArray("/checkout/preferences") << 0;
        QTest::newRow("mercadopago close") << QStringLiteral("mercadopago") << QByteArray("POST")
                                           << QByteArray("/checkout/preferences") << 1;
        QTest::newRow("pix 500") << QStringLiteral("pix") << QByteArray("PUT")
                                 << QByteArray("/v2/cob/") << 0;
        QTest::newRow("pix hang") << QStringLiteral("pix") << QByteArray("PUT")
                                  << QByteArray("/v2/cob/") << 2;
    }
    void providerDownIs503AndWritesNothing()
    {
        QFETCH(QString, provider);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(int, failure);
        const QUuid reservation = book(provider == u"pix" ? m_brl : m_usd);
        const QList<FakeHttpServer::Reply> replies{status(500), mode(FakeHttpServer::Mode::Close),
                                                   mode(FakeHttpServer::Mode::Hang), status(429)};
        m_apis.failWith(method, path, replies.at(failure));
        const int before = calls(method, path);
        const PaymentCounts counts = PaymentFixture::counts(db());
        const QByteArray key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const test::TestResponse down = create(reservation, provider, key);
        QCOMPARE(down.status, 503);
        QCOMPARE(down.problemSlug(), QStringLiteral("service-unavailable"));
        QVERIFY(calls(method, path) > before); // it was asked
        QCOMPARE(PaymentFixture::counts(db()), counts);
        QCOMPARE(intentRows(reservation), 0);

        m_apis.clearFailures();
        const test::TestResponse retry = create(reservation, provider, key);
        QCOMPARE(retry.status, 201);
        QCOMPARE(intentRows(reservation), 1);
    }

    // When the provider's answer was lost (it may well have created the
    // object), the retry must reach the SAME provider object and that object
    // must name the intent we store: Stripe and Mercado Pago get the same
    // idempotency key, Pix the same txid, and a Mercado Pago preference
    // replayed by its idempotency key carries the external_reference of the
    // first attempt, which is what its payments will carry back to us.
    void retryAfterALostAnswerReachesTheSameProviderObject_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("stripe") << QStringLiteral("stripe") << QByteArray("POST")
                                << QByteArray("/v1/payment_intents");
        QTest::newRow("mercadopago") << QStringLiteral("mercadopago") << QByteArray("POST")
                                     << QByteArray("/checkout/preferences");
        QTest::newRow("pix") << QStringLiteral("pix") << QByteArray("PUT")
                             << QByteArray("/v2/cob/");
    }
    void retryAfterALostAnswerReachesTheSameProviderObject()
    {
        QFETCH(QString, provider);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        const QUuid reservation = book(provider == u"pix" ? m_brl : m_usd);
        const QByteArray key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        // The provider does the work, then its answer never arrives.
        int seen = calls(method, path);
        m_apis.loseAnswers(method, path);
        QCOMPARE(create(reservation, provider, key).status, 503);
        const FakeHttpServer::Received lost = m_apis.received(method, path).at(seen);
        m_apis.clearFailures();
        seen = calls(method, path);
        const test::TestResponse retry = create(reservation, provider, key);
        QCOMPARE(retry.status, 201);
        const FakeHttpServer::Received again = m_apis.received(method, path).at(seen);
        const QString intentId = idOf(retry);
        const QString ref = retry.json().value(QStringLiteral("provider_ref")).toString();
        if (provider == u"stripe") {
            QCOMPARE(again.header("idempotency-key"), lost.header("idempotency-key"));
        } else if (provider == u"mercadopago") {
            QCOMPARE(again.header("x-idempotency-key"), lost.header("x-idempotency-key"));
            QCOMPARE(QJsonDocument::fromJson(lost.body)
                         .object()
                         .value(QStringLiteral("external_reference"))
                         .toString(),
                     intentId);
        } else {
            QCOMPARE(again.path, lost.path);
            QCOMPARE(lost.path, QByteArray("/v2/cob/" + ref.toLatin1()));
        }
        // Whatever the provider object is, it names the intent we stored.
        if (provider == u"mercadopago")
            QCOMPARE(m_apis.preferenceReference(ref), intentId);
        QCOMPARE(intentRows(reservation), 1);
    }

    void providerRefusalIs422_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("code");
        QTest::newRow("stripe 402") << QStringLiteral("stripe") << QByteArray("POST")
                                    << QByteArray("/v1/payment_intents") << 402;
        QTest::newRow("stripe 400") << QStringLiteral("stripe") << QByteArray("POST")
                                    << QByteArray("/v1/payment_intents") << 400;
        QTest::newRow("mercadopago 400") << QStringLiteral("mercadopago") << QByteArray("POST")
                                         << QByteArray("/checkout/preferences") << 400;
        QTest::newRow("pix 400") << QStringLiteral("pix") << QByteArray("PUT")
                                 << QByteArray("/v2/cob/") << 400;
    }
    void providerRefusalIs422()
    {
        QFETCH(QString, provider);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(int, code);
        const QUuid reservation = book(provider == u"pix" ? m_brl : m_usd);
        m_apis.failWith(method, path,
                        status(code, R"({"error":{"code":"card_declined","message":"secret"}})"));
        const test::TestResponse r = create(reservation, provider);
        QCOMPARE(r.status, 422);
        QVERIFY(!r.body.contains("card_declined")); // the provider's words stay in the log
        QCOMPARE(intentRows(reservation), 0);
    }

    void pixIsRefusedForAnotherCurrency()
    {
        const QUuid reservation = book(m_usd);
        const int before = calls("PUT", "/v2/cob/");
        const test::TestResponse r = create(reservation, QStringLiteral("pix"));
        QCOMPARE(r.status, 422);
        const QJsonArray errors = r.json().value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().toObject().value(QStringLiteral("field")).toString(),
                 QStringLiteral("provider"));
        QVERIFY(errors.first()
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("BRL")));
        QCOMPARE(calls("PUT", "/v2/cob/"), before);
        QCOMPARE(intentRows(reservation), 0);
    }

    void reservationNotPendingOrHoldExpiredIs409()
    {
        // Cancelled.
        const QUuid cancelled = book(m_usd);
        QCOMPARE(m_booking->clientAs(m_tenant.staffToken)
                     ->request("POST", QStringLiteral("/v1/reservations/") +
                                           BookingFixture::idText(cancelled) +
                                           QStringLiteral("/cancel"))
                     .status,
                 200);
        const qint64 called = providerCalls();
        test::TestResponse r = create(cancelled, QStringLiteral("stripe"));
        QCOMPARE(r.status, 409);
        QCOMPARE(intentRows(cancelled), 0);

        // Hold ran out (no sweeper has run: the reservation still says pending).
        const QUuid lapsing = book(m_usd);
        m_clock.advance(kHoldSeconds - 1);
        QCOMPARE(create(lapsing, QStringLiteral("stripe"), "lapsing-1").status, 201);
        m_clock.advance(1);
        r = create(lapsing, QStringLiteral("mercadopago"));
        QCOMPARE(r.status, 409);
        QCOMPARE(intentRows(lapsing), 1);
        QCOMPARE(providerCalls(), called + 1);
    }

    void anotherTenantsReservationIs404()
    {
        const QUuid foreign = book(m_foreignProduct, 1, m_other.staffToken, m_other.managerToken);
        QVERIFY(!foreign.isNull());
        const qint64 called = providerCalls();
        const test::TestResponse r = create(foreign, QStringLiteral("stripe"));
        QCOMPARE(r.status, 404);
        QVERIFY(!r.body.contains(BookingFixture::idText(foreign).toLatin1()));
        QCOMPARE(create(QUuid::createUuid(), QStringLiteral("stripe")).status, 404);
        QCOMPARE(providerCalls(), called);
        QCOMPARE(intentRows(foreign), 0);
        // Nor can its intents be read.
        const test::TestResponse own =
            m_payments->createIntent(m_other.staffToken, foreign, QStringLiteral("stripe"));
        QCOMPARE(own.status, 201);
        const auto http = m_booking->clientAs(m_tenant.staffToken);
        QCOMPARE(http->get(QStringLiteral("/v1/payment-intents/") + idOf(own)).status, 404);
        QCOMPARE(http->get(QStringLiteral("/v1/reservations/") + BookingFixture::idText(foreign) +
                           QStringLiteral("/payment-intents"))
                     .status,
                 404);
        const auto owner = m_booking->clientAs(m_other.staffToken);
        QCOMPARE(owner->get(QStringLiteral("/v1/payment-intents/") + idOf(own)).json(), own.json());
        const test::TestResponse list =
            owner->get(QStringLiteral("/v1/reservations/") + BookingFixture::idText(foreign) +
                       QStringLiteral("/payment-intents"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(QStringLiteral("items")).toArray(), QJsonArray{own.json()});
    }

    // Invariant 7: the client names the provider, never the price.
    void clientSentAmountIs400_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("amount_minor") << QStringLiteral("amount_minor") << QJsonValue(1);
        QTest::newRow("amount") << QStringLiteral("amount") << QJsonValue(1.0);
        QTest::newRow("currency") << QStringLiteral("currency")
                                  << QJsonValue(QStringLiteral("CLP"));
        QTest::newRow("status") << QStringLiteral("status")
                                << QJsonValue(QStringLiteral("succeeded"));
        QTest::newRow("amount_minor zero") << QStringLiteral("amount_minor") << QJsonValue(0);
    }
    void clientSentAmountIs400()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        const QUuid reservation = book(m_usd);
        const qint64 called = providerCalls();
        const PaymentCounts counts = PaymentFixture::counts(db());
        const test::TestResponse r =
            create(reservation, QStringLiteral("stripe"), {}, {{field, value}});
        QCOMPARE(r.status, 400);
        QCOMPARE(BookingFixture::problemField(r), field);
        QCOMPARE(providerCalls(), called);
        QCOMPARE(intentRows(reservation), 0);
        // Only the idempotency record of the refused request was added.
        PaymentCounts after = PaymentFixture::counts(db());
        after.idempotencyKeys = counts.idempotencyKeys;
        QCOMPARE(after, counts);
    }

    void unknownProviderOrMissingKeyIs400()
    {
        const QUuid reservation = book(m_usd);
        const qint64 called = providerCalls();
        for (const QString &provider :
             {QStringLiteral("paypal"), QStringLiteral("Stripe"), QString()}) {
            const test::TestResponse r = create(reservation, provider);
            QCOMPARE(r.status, 400);
            QCOMPARE(BookingFixture::problemField(r), QStringLiteral("provider"));
        }
        createWithoutKey(reservation);
        QCOMPARE(providerCalls(), called);
        QCOMPARE(intentRows(reservation), 0);
    }

    // A provider without settings is not offered: 400 naming the field, and
    // its webhook route answers 503 (it cannot verify anything).
    void unconfiguredProviderIs400()
    {
        test::FakePaymentApis stripeOnly;
        test::TestServer server(m_clock, [&stripeOnly](ServerConfig &c) {
            c.runBackgroundJobs = false;
            c.tokens.accessTokenSeconds = 7 * 24 * 3600;
            PaymentFixture::configure(c, stripeOnly);
            c.payments.mercadoPago = {};
            c.payments.pix = {};
        });
        BookingFixture booking(server);
        PaymentFixture payments(server);
        const test::BookingTenant tenant = booking.addTenant(QStringLiteral("stripe-only"));
        const QUuid product = booking.createProduct(tenant.managerToken);
        const QUuid slot =
            booking.createSlot(tenant.managerToken, product, m_clock.now().addDays(3), 5);
        const test::TestResponse booked =
            BookingFixture::book(*booking.clientAs(tenant.staffToken), slot, 1, "only-1");
        QCOMPARE(booked.status, 201);
        const QUuid reservation = QUuid::fromString(idOf(booked));
        for (const QString &provider : {QStringLiteral("mercadopago"), QStringLiteral("pix")}) {
            const test::TestResponse r =
                payments.createIntent(tenant.staffToken, reservation, provider);
            QCOMPARE(r.status, 400);
            QCOMPARE(BookingFixture::problemField(r), QStringLiteral("provider"));
        }
        QCOMPARE(stripeOnly.received({}, {}).size(), 0);
        QCOMPARE(
            payments.createIntent(tenant.staffToken, reservation, QStringLiteral("stripe")).status,
            201);
        QCOMPARE(payments.postPix(PaymentFixture::pixCallback({})).status, 503);
        QCOMPARE(payments.postMercadoPagoSigned(QStringLiteral("1"), m_clock.now()).status, 503);
        QCOMPARE(BookingFixture::count(server.appDb(),
                                       QStringLiteral("SELECT count(*) FROM webhook_deliveries")),
                 0);
    }

    void auditorsCannotCreateIntents()
    {
        const QString auditor = m_booking->addUser(QStringLiteral("intents-auditor"),
                                                   {QStringLiteral("auditor")}, m_tenant.id);
        const QUuid reservation = book(m_usd);
        QCOMPARE(m_payments->createIntent(auditor, reservation, QStringLiteral("stripe")).status,
                 403);
        QCOMPARE(intentRows(reservation), 0);
    }

private:
    static QHash<QString, QString> formOf(const QByteArray &body)
    {
        return test::FakePaymentApis::parseForm(body);
    }
    void createWithoutKey(const QUuid &reservation)
    {
        test::TestHttpClient http = m_server->client();
        http.setBearer(m_tenant.staffToken);
        const test::TestResponse r =
            http.request("POST",
                         QStringLiteral("/v1/reservations/") + BookingFixture::idText(reservation) +
                             QStringLiteral("/payment-intents"),
                         R"({"provider":"stripe"})");
        QCOMPARE(r.status, 400);
    }

    test::ManualClock m_clock;
    test::FakePaymentApis m_apis;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_booking;
    std::unique_ptr<PaymentFixture> m_payments;
    test::BookingTenant m_tenant;
    test::BookingTenant m_other;
    QUuid m_usd;
    QUuid m_brl;
    QUuid m_clp;
    QUuid m_foreignProduct;
    int m_slots = 0;
};

QTEST_GUILESS_MAIN(TestPaymentIntents)
#include "tst_paymentintents.moc"
