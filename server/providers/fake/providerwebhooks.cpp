#include "providerwebhooks.h"

#include "webhooks/mercadopagosignature.h"
#include "webhooks/stripesignature.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace reserva::providerwebhooks {

namespace {

QString randomAlnum(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(62)]);
    return out;
}

QJsonObject stripePaymentIntentObject(SimulatedOutcome outcome, const StripePayment &p,
                                      const QString &chargeId, qint64 created)
{
    const bool succeeded = outcome != SimulatedOutcome::Failed;
    QJsonObject pi{
        {QStringLiteral("id"), p.paymentIntentId},
        {QStringLiteral("object"), QStringLiteral("payment_intent")},
        {QStringLiteral("amount"), p.amountMinor},
        {QStringLiteral("amount_capturable"), 0},
        {QStringLiteral("amount_details"), QJsonObject{{QStringLiteral("tip"), QJsonObject()}}},
        {QStringLiteral("amount_received"), succeeded ? p.amountMinor : 0},
        {QStringLiteral("application"), QJsonValue()},
        {QStringLiteral("application_fee_amount"), QJsonValue()},
        {QStringLiteral("automatic_payment_methods"),
         QJsonObject{{QStringLiteral("allow_redirects"), QStringLiteral("always")},
                     {QStringLiteral("enabled"), true}}},
        {QStringLiteral("canceled_at"), QJsonValue()},
        {QStringLiteral("cancellation_reason"), QJsonValue()},
        {QStringLiteral("capture_method"), QStringLiteral("automatic_async")},
        {QStringLiteral("client_secret"),
         QString(p.paymentIntentId + QStringLiteral("_secret_") + randomAlnum(25))},
        {QStringLiteral("confirmation_method"), QStringLiteral("automatic")},
        {QStringLiteral("created"), created - 60},
        {QStringLiteral("currency"), p.currency.toLower()},
        {QStringLiteral("customer"), QJsonValue()},
        {QStringLiteral("description"), QStringLiteral("Reserva")},
        {QStringLiteral("invoice"), QJsonValue()},
        {QStringLiteral("last_payment_error"), QJsonValue()},
        {QStringLiteral("latest_charge"), chargeId},
        {QStringLiteral("livemode"), false},
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("next_action"), QJsonValue()},
        {QStringLiteral("on_behalf_of"), QJsonValue()},
        {QStringLiteral("payment_method"), QString(QStringLiteral("pm_") + randomAlnum(24))},
        {QStringLiteral("payment_method_configuration_details"), QJsonValue()},
        {QStringLiteral("payment_method_options"),
         QJsonObject{
             {QStringLiteral("card"), QJsonObject{{QStringLiteral("installments"), QJsonValue()},
                                                  {QStringLiteral("mandate_options"), QJsonValue()},
                                                  {QStringLiteral("network"), QJsonValue()},
                                                  {QStringLiteral("request_three_d_secure"),
                                                   QStringLiteral("automatic")}}}}},
        {QStringLiteral("payment_method_types"), QJsonArray{QStringLiteral("card")}},
        {QStringLiteral("processing"), QJsonValue()},
        {QStringLiteral("receipt_email"), QJsonValue()},
        {QStringLiteral("review"), QJsonValue()},
        {QStringLiteral("setup_future_usage"), QJsonValue()},
        {QStringLiteral("shipping"), QJsonValue()},
        {QStringLiteral("source"), QJsonValue()},
        {QStringLiteral("statement_descriptor"), QJsonValue()},
        {QStringLiteral("statement_descriptor_suffix"), QJsonValue()},
        {QStringLiteral("status"),
         succeeded ? QStringLiteral("succeeded") : QStringLiteral("requires_payment_method")},
        {QStringLiteral("transfer_data"), QJsonValue()},
        {QStringLiteral("transfer_group"), QJsonValue()},
    };
    if (!succeeded) {
        pi.insert(
            QStringLiteral("last_payment_error"),
            QJsonObject{{QStringLiteral("charge"), chargeId},
                        {QStringLiteral("code"), QStringLiteral("card_declined")},
                        {QStringLiteral("decline_code"), QStringLiteral("generic_decline")},
                        {QStringLiteral("message"), QStringLiteral("Your card was declined.")},
                        {QStringLiteral("type"), QStringLiteral("card_error")}});
        pi.insert(QStringLiteral("payment_method"), QJsonValue());
    }
    return pi;
}

QJsonObject stripeChargeObject(const StripePayment &p, const QString &chargeId, qint64 created)
{
    return {
        {QStringLiteral("id"), chargeId},
        {QStringLiteral("object"), QStringLiteral("charge")},
        {QStringLiteral("amount"), p.amountMinor},
        {QStringLiteral("amount_captured"), p.amountMinor},
        {QStringLiteral("amount_refunded"), p.amountMinor},
        {QStringLiteral("balance_transaction"), QString(QStringLiteral("txn_") + randomAlnum(24))},
        {QStringLiteral("captured"), true},
        {QStringLiteral("created"), created - 60},
        {QStringLiteral("currency"), p.currency.toLower()},
        {QStringLiteral("disputed"), false},
        {QStringLiteral("livemode"), false},
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("paid"), true},
        {QStringLiteral("payment_intent"), p.paymentIntentId},
        {QStringLiteral("payment_method"), QString(QStringLiteral("pm_") + randomAlnum(24))},
        {QStringLiteral("refunded"), true},
        {QStringLiteral("status"), QStringLiteral("succeeded")},
    };
}

} // namespace

QUrl endpoint(const QUrl &base, const QString &provider)
{
    QUrl url = base;
    if (url.path().isEmpty() || url.path() == u"/")
        url.setPath(QStringLiteral("/v1/webhooks/") + provider);
    return url;
}

QString newStripeEventId()
{
    return QStringLiteral("evt_") + randomAlnum(24);
}

QString stripeEventType(SimulatedOutcome outcome)
{
    switch (outcome) {
    case SimulatedOutcome::Succeeded:
        return QStringLiteral("payment_intent.succeeded");
    case SimulatedOutcome::Failed:
        return QStringLiteral("payment_intent.payment_failed");
    case SimulatedOutcome::Refunded:
        return QStringLiteral("charge.refunded");
    }
    return {};
}

QByteArray stripeEvent(const QString &eventId, SimulatedOutcome outcome,
                       const StripePayment &payment, qint64 createdSeconds)
{
    const QString chargeId =
        payment.chargeId.isEmpty() ? QStringLiteral("ch_") + randomAlnum(24) : payment.chargeId;
    const QJsonObject object =
        outcome == SimulatedOutcome::Refunded
            ? stripeChargeObject(payment, chargeId, createdSeconds)
            : stripePaymentIntentObject(outcome, payment, chargeId, createdSeconds);
    const QJsonObject event{
        {QStringLiteral("id"), eventId},
        {QStringLiteral("object"), QStringLiteral("event")},
        {QStringLiteral("api_version"), QStringLiteral("2024-06-20")},
        {QStringLiteral("created"), createdSeconds},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), object}}},
        {QStringLiteral("livemode"), false},
        {QStringLiteral("pending_webhooks"), 1},
        {QStringLiteral("request"), QJsonObject{{QStringLiteral("id"), QJsonValue()},
                                                {QStringLiteral("idempotency_key"), QJsonValue()}}},
        {QStringLiteral("type"), stripeEventType(outcome)},
    };
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

ProviderDelivery stripeDelivery(const QUrl &endpoint, const QByteArray &secret,
                                const QByteArray &body, qint64 timestamp)
{
    ProviderDelivery d;
    d.url = endpoint;
    d.body = body;
    d.headers = {{"Content-Type", "application/json; charset=utf-8"},
                 {"User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)"},
                 {"Stripe-Signature", StripeSignatureVerifier::sign(secret, body, timestamp)}};
    return d;
}

ProviderDelivery mercadoPagoDelivery(const QUrl &endpoint, const QByteArray &secret,
                                     const QString &paymentId, const QString &requestId,
                                     const QDateTime &now)
{
    ProviderDelivery d;
    d.url = endpoint;
    QUrlQuery query(d.url);
    query.removeAllQueryItems(QStringLiteral("data.id"));
    query.removeAllQueryItems(QStringLiteral("type"));
    query.addQueryItem(QStringLiteral("data.id"), paymentId);
    query.addQueryItem(QStringLiteral("type"), QStringLiteral("payment"));
    d.url.setQuery(query);
    const QJsonObject body{
        {QStringLiteral("action"), QStringLiteral("payment.updated")},
        {QStringLiteral("api_version"), QStringLiteral("v1")},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("id"), paymentId}}},
        {QStringLiteral("date_created"), now.toString(Qt::ISODate)},
        {QStringLiteral("id"), now.toMSecsSinceEpoch()},
        {QStringLiteral("live_mode"), false},
        {QStringLiteral("type"), QStringLiteral("payment")},
        {QStringLiteral("user_id"), QStringLiteral("1234567890")},
    };
    d.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QByteArray ts = QByteArray::number(now.toMSecsSinceEpoch());
    const QByteArray requestIdBytes = requestId.toUtf8();
    d.headers = {
        {"Content-Type", "application/json"},
        {"x-request-id", requestIdBytes},
        {"x-signature", MercadoPagoSignatureVerifier::sign(secret, paymentId, requestIdBytes, ts)},
    };
    return d;
}

ProviderDelivery pixDelivery(const QUrl &endpoint, const QByteArray &secret, const PixPayment &pix)
{
    ProviderDelivery d;
    d.url = endpoint;
    QUrlQuery query(d.url);
    query.removeAllQueryItems(QStringLiteral("hmac"));
    query.addQueryItem(QStringLiteral("hmac"),
                       QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(secret))));
    d.url.setQuery(query);
    QJsonObject entry{{QStringLiteral("endToEndId"), pix.endToEndId},
                      {QStringLiteral("txid"), pix.txid},
                      {QStringLiteral("valor"), pix.valor},
                      {QStringLiteral("horario"), pix.horario},
                      {QStringLiteral("infoPagador"), QStringLiteral("Reserva")}};
    if (!pix.devolucoes.isEmpty())
        entry.insert(QStringLiteral("devolucoes"), pix.devolucoes);
    d.body = QJsonDocument(QJsonObject{{QStringLiteral("pix"), QJsonArray{entry}}})
                 .toJson(QJsonDocument::Compact);
    d.headers = {{"Content-Type", "application/json"}};
    return d;
}

} // namespace reserva::providerwebhooks
