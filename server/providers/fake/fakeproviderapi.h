#pragma once

#include "http/requesthandler.h"
#include "simulatedoutcome.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QSet>

namespace reserva {

// In-memory stand-ins for the payment providers' APIs, so the whole payment
// flow runs on one machine without accounts or network: the subset of each
// documented API our provider clients speak, answering in the providers' own
// shapes, plus one control route that plays the customer.
//
// Stripe:        POST /v1/payment_intents (form-encoded; Idempotency-Key replays
//                the first answer, another payload under the same key is 400),
//                GET /v1/payment_intents/{id}
// Mercado Pago:  POST /checkout/preferences (X-Idempotency-Key), GET /v1/payments/{id}
// Pix PSP (BCB): POST /oauth/token (client credentials, Basic), PUT /v2/cob/{txid},
//                GET /v2/cob/{txid} (both with a token this fake issued)
// Control:       POST /_simulate/{stripe|mercadopago|pix}/{ref} {"outcome":
//                "succeeded|failed|refunded"}: settles the payment (ref: the pi_...,
//                the preference id, the txid) and answers what the provider's
//                webhook then needs (the Mercado Pago payment id; the pix
//                endToEndId and valor).
//
// Credentials are required to be present, never checked against anything: it
// is a fake. Runs on the HttpServer's workers, so every call takes the lock.
class FakeProviderApi final : public RequestHandler
{
public:
    FakeProviderApi() = default;
    Q_DISABLE_COPY_MOVE(FakeProviderApi)

    HttpResponse handle(HttpRequest &request, DbConnection *db) override;
    HttpResponse reject(const HttpRequest &partial, const Problem &problem) override;

private:
    struct StripeIntent
    {
        QString id;
        qint64 amount = 0;
        QString currency; // lower case, as Stripe speaks it
        QString description;
        QJsonObject metadata;
        QString clientSecret;
        QString status; // requires_payment_method | succeeded | canceled
        qint64 created = 0;
        QString latestCharge;
        qint64 amountRefunded = 0;
        QJsonObject lastPaymentError;
        QJsonObject toJson() const;
    };
    struct MercadoPagoPreference
    {
        QString id;
        qint64 amountMinor = 0;
        QString currency;
        QString externalReference;
        QString initPoint;
        QJsonArray items;
        QDateTime created;
        QJsonObject toJson() const;
    };
    struct MercadoPagoPayment
    {
        qint64 id = 0;
        QString preferenceId;
        QString status; // approved | rejected | refunded
        QString statusDetail;
        qint64 amountMinor = 0;
        QString currency;
        QString externalReference;
        QDateTime created;
        QDateTime lastUpdated;
        QJsonObject toJson() const;
    };
    struct PixEntry
    {
        QString endToEndId;
        qint64 valorMinor = 0;
        QDateTime horario;
        QJsonArray devolucoes;
    };
    struct PixCharge
    {
        QString txid;
        QString status; // ATIVA | CONCLUIDA | REMOVIDA_PELO_PSP
        qint64 originalMinor = 0;
        QString chave;
        QString solicitacaoPagador;
        int expiracao = 3600;
        QDateTime created;
        QString location;
        QString copyPaste;
        QList<PixEntry> pix;
        QJsonObject toJson() const;
    };
    // A replayable answer for an idempotency key, with the request it answered.
    struct StoredAnswer
    {
        QByteArray requestHash;
        HttpResponse response;
    };

    HttpResponse route(HttpRequest &request, const QStringList &segments);
    HttpResponse createStripeIntent(const HttpRequest &request);
    HttpResponse createPreference(const HttpRequest &request);
    HttpResponse issuePixToken(const HttpRequest &request);
    HttpResponse putPixCharge(const HttpRequest &request, const QString &txid);
    bool pixAuthorized(const HttpRequest &request) const;
    HttpResponse simulate(const HttpRequest &request, const QString &provider, const QString &ref);
    HttpResponse settleStripe(const QString &ref, SimulatedOutcome outcome);
    HttpResponse settleMercadoPago(const QString &ref, SimulatedOutcome outcome);
    HttpResponse settlePix(const QString &ref, SimulatedOutcome outcome);

    mutable QMutex m_mutex;
    QHash<QString, StripeIntent> m_stripeIntents;
    QHash<QByteArray, StoredAnswer> m_stripeIdempotency;
    QHash<QString, MercadoPagoPreference> m_preferences;
    QHash<QByteArray, StoredAnswer> m_preferenceIdempotency;
    QHash<qint64, MercadoPagoPayment> m_payments;
    qint64 m_nextPaymentId = 1319000000; // Mercado Pago ids are plain integers of this size
    QHash<QString, PixCharge> m_charges;
    QSet<QByteArray> m_pixTokens;
};

} // namespace reserva
