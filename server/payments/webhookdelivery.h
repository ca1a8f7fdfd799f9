#pragma once

#include "domain/paymentstatus.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace reserva {

// One HTTP delivery to a webhook route, as kept for forensics.
struct WebhookDelivery
{
    QString provider;
    QDateTime receivedAt;
    QString requestId;
    QString verification; // verified | bad_signature | stale | malformed | unauthenticated
    QJsonObject headers;  // redacted
    QJsonObject query;    // the URL's query parameters, redacted
    QByteArray body;      // raw bytes as received
    QString eventId;      // as the delivery claims it (trusted only when verified)
};

// A provider event reduced to what the payment state machine needs. Built only
// from verified data: a signed body (Stripe) or the provider's own API answer
// (Mercado Pago, Pix), never from an unsigned notification.
struct VerifiedPaymentEvent
{
    QString provider;
    QString eventId;     // unique per provider: the dedupe key
    QString eventType;   // for the record
    QString providerRef; // the intent's provider_ref (pi_..., txid); empty when looked up by id
    QUuid intentId;      // our id when the provider carries it back (Mercado Pago)
    std::optional<PaymentStatus> target; // nullopt: an event we do not act on
    qint64 amountMinor = -1;             // what was paid; for refunds, the refunded total
    QString currency;
    QString providerPaymentRef; // Mercado Pago payment id
};

enum class WebhookOutcome {
    Applied,
    Duplicate,
    Ignored,
    StaleState, // out of order: would move the intent backwards
    UnknownIntent,
    RejectedAmount,
    RejectedCurrency,
    RefundRequired, // paid, but the seats were gone: flagged for refund
};

QString webhookOutcomeName(WebhookOutcome outcome);

} // namespace reserva
