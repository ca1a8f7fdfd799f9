#pragma once

#include "bookingfixture.h"
#include "fakehttpserver.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QTemporaryFile>

#include <optional>

namespace reserva {
struct ServerConfig;
}

namespace reserva::test {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// Credentials and webhook secrets the payment suites configure.
struct PaymentSecrets
{
    static const QByteArray kStripe;         // the current whsec_
    static const QByteArray kStripePrevious; // still accepted during a rotation
    static const QByteArray kMercadoPago;
    static const QByteArray kPix; // the ?hmac= secret registered with the PSP
    static const QString kStripeApiKey;
    static const QString kMercadoPagoToken;
    static const QString kPixClientId;
    static const QString kPixClientSecret;
    static const QString kPixKey;
};

// Stripe, Mercado Pago and a BCB Pix PSP on one fake HTTP server, each on its
// documented paths and answering like the real API: Stripe and Mercado Pago
// replay their answer for a repeated idempotency key (so a retry after a lost
// answer reaches the same object), the PSP requires the OAuth token it issued
// and answers a PUT for an existing txid with that charge. The tests put the
// payments and charges the webhook routes fetch in place, and inject failures.
class FakePaymentApis
{
public:
    FakePaymentApis();

    QByteArray baseUrl() const { return m_http.baseUrl(); }

    // Requests with this method whose path starts with `pathPrefix` get `reply`
    // (an error, Hang, Close) until clearFailures().
    void failWith(const QByteArray &method, const QByteArray &pathPrefix,
                  FakeHttpServer::Reply reply);
    // Requests with this method and path prefix are carried out (the object
    // is created) but their answer is lost: the connection hangs.
    void loseAnswers(const QByteArray &method, const QByteArray &pathPrefix);
    void clearFailures();

    // The id of the next Stripe PaymentIntent (e.g. a vector's pi_...).
    void setNextStripeId(const QString &id);
    // What GET /v1/payments/{id} answers (Mercado Pago); removed when empty.
    void setPayment(const QString &id, const QJsonObject &payment);
    // What GET /v2/cob/{txid} answers (the PSP).
    void setCob(const QString &txid, const QJsonObject &cob);
    std::optional<QJsonObject> cob(const QString &txid) const;
    // The PSP's state once `endToEndId` paid `valor` into the charge.
    void concludeCob(const QString &txid, const QString &endToEndId, const QString &valor);
    // The external_reference the preference was created with (what Mercado
    // Pago copies into the payments made through it).
    QString preferenceReference(const QString &preferenceId) const;

    // Received requests with this method (any when empty) and path prefix, in order.
    QList<FakeHttpServer::Received> received(const QByteArray &method,
                                             const QByteArray &pathPrefix) const;
    void clearReceived() { m_http.clearReceived(); }

    // application/x-www-form-urlencoded fields, decoded ('+' is a space).
    static QHash<QString, QString> parseForm(const QByteArray &body);
    // A Mercado Pago payment as GET /v1/payments/{id} returns it; the amount
    // in major units as a JSON number, as Mercado Pago sends it.
    static QJsonObject mercadoPagoPayment(const QString &id, const QString &status,
                                          double transactionAmount, const QString &currency,
                                          const QString &externalReference);

private:
    FakeHttpServer::Reply answer(const FakeHttpServer::Received &request);
    FakeHttpServer::Reply route(const FakeHttpServer::Received &request, const QByteArray &path);
    FakeHttpServer::Reply stripeCreate(const FakeHttpServer::Received &request);
    FakeHttpServer::Reply preferenceCreate(const FakeHttpServer::Received &request);
    FakeHttpServer::Reply pixToken();
    FakeHttpServer::Reply cobPut(const FakeHttpServer::Received &request, const QString &txid);

    struct Failure
    {
        QByteArray method;
        QByteArray pathPrefix;
        FakeHttpServer::Reply reply;
        bool carriedOut = false;
    };

    mutable QMutex m_mutex;
    QList<Failure> m_failures;
    QString m_nextStripeId;
    int m_counter = 0;
    QHash<QByteArray, QByteArray> m_stripeByKey;     // Idempotency-Key -> answer
    QHash<QByteArray, QByteArray> m_preferenceByKey; // X-Idempotency-Key -> answer
    QHash<QString, QString> m_preferenceReference;
    QHash<QString, QJsonObject> m_payments;
    QHash<QString, QJsonObject> m_cobs;
    QList<QByteArray> m_tokens;
    // Last, so it stops (and its handler with it) before the state above goes.
    FakeHttpServer m_http;
};

// The counts and states a refused or failed delivery must leave alone.
struct PaymentCounts
{
    qint64 deliveries = 0;
    qint64 events = 0;
    qint64 auditRows = 0;
    qint64 seatsTaken = 0;
    qint64 idempotencyKeys = 0;
    QString intents;      // every intent's status, refund flag and refunded amount
    QString reservations; // every reservation's status and paying intent

    bool operator==(const PaymentCounts &) const = default;
};
char *toString(const PaymentCounts &counts);

// A pending reservation with an intent to pay it.
struct Payable
{
    QUuid reservation;
    QUuid slot;
    QUuid intent;
    QString ref; // the provider's: pi_..., the preference id, the txid
    qint64 amount = 0;
};

// Payment helpers on top of BookingFixture: provider configuration, signed
// deliveries built the way each provider builds them, and the SQL invariants
// (read straight from the database, not through the code under test).
class PaymentFixture
{
public:
    explicit PaymentFixture(TestServer &server)
        : m_server(server)
    {
    }

    // Every provider pointed at `apis`, with the secrets above (Stripe with
    // the current and the previous secret, plus `extraStripeSecret`...).
    static void configure(ServerConfig &c, const FakePaymentApis &apis,
                          const QList<QByteArray> &extraStripeSecrets = {},
                          const QList<QByteArray> &extraMercadoPagoSecrets = {},
                          int timeoutMs = 1000);

    // POST /v1/reservations/{id}/payment-intents {"provider"} with an
    // Idempotency-Key (a fresh one when `key` is empty).
    TestResponse createIntent(const QString &token, const QUuid &reservation,
                              const QString &provider, const QByteArray &key = {},
                              const QJsonObject &extra = {}) const;

    // Books `quantity` seats on `slot` as the tenant's staff and opens an
    // intent at `provider`; what failed stays null (and is warned about).
    Payable payable(const BookingTenant &tenant, const QUuid &slot, const QString &provider,
                    int quantity = 1) const;
    // Another intent for `p`'s reservation (a second attempt at paying);
    // false (warned) when it was refused.
    bool addIntent(const BookingTenant &tenant, Payable &p, const QString &provider) const;

    TestResponse postStripe(const QByteArray &body, const QByteArray &signatureHeader,
                            const Headers &extra = {}) const;
    // Signed with `secret` at `at`, as Stripe does.
    TestResponse postStripeSigned(const QByteArray &body, const QDateTime &at,
                                  const QByteArray &secret = PaymentSecrets::kStripe) const;
    // POST /v1/webhooks/mercadopago?data.id=..&type=.. (parts left out when null).
    TestResponse postMercadoPago(const QString &dataId, const QByteArray &requestId,
                                 const QByteArray &signatureHeader,
                                 const QString &type = QStringLiteral("payment"),
                                 const QByteArray &body = {}) const;
    TestResponse postMercadoPagoSigned(const QString &dataId, const QDateTime &at,
                                       const QByteArray &secret = PaymentSecrets::kMercadoPago,
                                       bool milliseconds = false) const;
    // POST /v1/webhooks/pix?hmac=<secret> (no parameter when secret is null).
    TestResponse postPix(const QByteArray &body,
                         const QByteArray &secret = PaymentSecrets::kPix) const;

    // A Stripe event envelope around `object`, as Stripe serializes it.
    static QByteArray stripeEvent(const QString &eventId, const QString &type,
                                  const QJsonObject &object, bool livemode = false);
    static QJsonObject stripeIntentObject(const QString &providerRef, qint64 amount,
                                          const QString &currency, const QString &status);
    static QJsonObject stripeChargeObject(const QString &providerRef, qint64 amount,
                                          qint64 amountRefunded, bool refunded,
                                          const QString &currency);
    // A BCB Pix callback body with one entry per (endToEndId, txid, valor).
    static QByteArray pixCallback(const QList<std::tuple<QString, QString, QString>> &entries);
    static QString newEndToEndId();

    // The webhook invariants, as SQL: every paid reservation is paid by a
    // succeeded (or partially refunded) intent of its own with an applied,
    // verified webhook event; every succeeded intent paid its reservation or
    // is flagged for refund; a refunded paying intent left no paid
    // reservation; a refund flag comes from a refund_required event; every
    // event row comes from a verified delivery; plus
    // BookingFixture's seat invariant. Empty when they hold.
    static QString invariantViolations(DbConnection &db);
    static PaymentCounts counts(DbConnection &db);
    static QString intentStatus(DbConnection &db, const QUuid &intent);
    static QString outcomeOf(const TestResponse &r);
    // The verification recorded for the delivery that answered `r`.
    static QString verificationOf(DbConnection &db, const TestResponse &r);
    static QUuid paidBy(DbConnection &db, const QUuid &reservation);

private:
    TestServer &m_server;
};

// Everything the process writes to stdout while it lives (the server's JSON
// log lines, alerts included). Restores stdout when destroyed or on text().
class StdoutCapture
{
public:
    StdoutCapture();
    ~StdoutCapture();
    Q_DISABLE_COPY_MOVE(StdoutCapture)
    QByteArray text();

private:
    void restore();
    QTemporaryFile m_file;
    int m_saved = -1;
};

} // namespace reserva::test
