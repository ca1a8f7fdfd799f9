#pragma once

#include "contract/paymenttypes.h"
#include "core/clock.h"
#include "core/result.h"
#include "identity/principal.h"
#include "refusedwebhookbudget.h"
#include "webhookdelivery.h"

#include <memory>

namespace reserva {

class DbConnection;
class MercadoPagoClient;
class OutboundHttp;
class PixClient;
class ReservationService;
class StripeClient;
struct PaymentSettings;

// Payment intents and the one path to "paid" (invariant 2): a verified
// provider event applied in one transaction with its dedupe row, the intent's
// state change, the reservation's and the audit rows (invariants 3, 6, 11).
class PaymentService
{
public:
    PaymentService(const Clock &clock, OutboundHttp &http, const PaymentSettings &settings,
                   ReservationService &reservations);
    ~PaymentService();

    bool isConfigured(const QString &provider) const;
    StripeClient *stripe() { return m_stripe.get(); }
    MercadoPagoClient *mercadoPago() { return m_mercadoPago.get(); }
    PixClient *pix() { return m_pix.get(); }

    // Inside the caller's (idempotency) transaction: the reservation must be
    // pending with its hold still running; the amount is the reservation's.
    // The provider is called with an idempotency key derived from the
    // client's, so a retried request reaches the same provider object.
    Result<PaymentIntentView> createIntent(DbConnection &db, const Principal &caller,
                                           const QUuid &reservationId, const QString &provider,
                                           const QByteArray &providerIdempotencyKey,
                                           const QString &requestId);

    // Its own transaction. Returns the outcome recorded for the delivery.
    WebhookOutcome applyVerifiedEvent(DbConnection &db, const VerifiedPaymentEvent &event,
                                      WebhookDelivery delivery);
    // A delivery refused before any state change (bad signature, malformed,
    // unknown secret): kept for forensics, its own short transaction, within
    // the per-minute budget of refused deliveries (RefusedWebhookLimits) for
    // `peer`. False when over budget: nothing was written, it was counted.
    bool recordRefusedDelivery(DbConnection &db, const WebhookDelivery &delivery, int httpStatus,
                               const QString &reason, const QHostAddress &peer);

private:
    WebhookOutcome applyToReservation(DbConnection &db, const struct PaymentIntentRecord &intent,
                                      PaymentStatus target, const QString &requestId,
                                      QJsonObject &detail);

    const Clock &m_clock;
    ReservationService &m_reservations;
    std::unique_ptr<StripeClient> m_stripe;
    std::unique_ptr<MercadoPagoClient> m_mercadoPago;
    std::unique_ptr<PixClient> m_pix;
    RefusedWebhookBudget m_refusedBudget;
};

} // namespace reserva
