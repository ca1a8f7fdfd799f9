#pragma once

#include "http/httprequest.h"
#include "simulatedoutcome.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrl>

namespace reserva {

// One webhook delivery as a provider sends it: where, which headers, which bytes.
struct ProviderDelivery
{
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
};

// Deliveries built the way Stripe, Mercado Pago and a Pix PSP build theirs,
// signed or authenticated with the given secret: what `reservad
// simulate-webhook`, the crash test and the benchmarks send. The signature
// code is the verifiers' own (shared/webhooks), so a change to a scheme shows
// up here and in the verifier together.
namespace providerwebhooks {

// "http://host:port" (no path) becomes ".../v1/webhooks/<provider>"; a URL
// with a path is taken as the full endpoint.
QUrl endpoint(const QUrl &base, const QString &provider);

struct StripePayment
{
    QString paymentIntentId; // pi_...
    qint64 amountMinor = 0;
    QString currency; // ISO 4217; Stripe writes it in lower case
    QString chargeId; // ch_...; one is made up when empty
};

QString newStripeEventId();
// payment_intent.succeeded, payment_intent.payment_failed or charge.refunded
// (a full refund).
QString stripeEventType(SimulatedOutcome outcome);
// The event object (API version 2024-06-20 shapes) for `payment`.
QByteArray stripeEvent(const QString &eventId, SimulatedOutcome outcome,
                       const StripePayment &payment, qint64 createdSeconds);
// POST with Stripe-Signature: t=<timestamp>,v1=HMAC-SHA256(secret, "t.body").
ProviderDelivery stripeDelivery(const QUrl &endpoint, const QByteArray &secret,
                                const QByteArray &body, qint64 timestamp);

// The notification Mercado Pago posts when payment `paymentId` changes:
// ?data.id=<id>&type=payment, a small JSON body, x-request-id and
// x-signature: ts=<milliseconds>,v1=HMAC over the documented manifest.
ProviderDelivery mercadoPagoDelivery(const QUrl &endpoint, const QByteArray &secret,
                                     const QString &paymentId, const QString &requestId,
                                     const QDateTime &now);

struct PixPayment
{
    QString txid;
    QString endToEndId;
    QString valor;   // "123.45"
    QString horario; // RFC 3339
    QJsonArray devolucoes;
};
// The BCB API Pix callback {"pix": [...]} at the registered URL, which
// carries the static secret in ?hmac= (the BCB scheme signs nothing).
ProviderDelivery pixDelivery(const QUrl &endpoint, const QByteArray &secret, const PixPayment &pix);

} // namespace providerwebhooks
} // namespace reserva
