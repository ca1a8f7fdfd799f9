#pragma once

#include "db/dbconnection.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

namespace reserva::test {

class TestHttpClient;

// What Stripe sends for one reservation, in the order it sends it: the
// crash suites stream these at a real reservad, kill it, and replay them all.
enum class StripePlan {
    Paid,                  // succeeded
    PaidWithDuplicate,     // succeeded, the same event again
    Failed,                // payment_failed
    Refunded,              // succeeded, charge.refunded
    RefundedWithDuplicate, // succeeded, charge.refunded, the refund again
};
constexpr int kStripePlans = 5;

struct StripeDeliveryBytes
{
    QString eventId;
    QByteArray body; // the exact bytes, the same on every (re)delivery
};

// A pending reservation, its Stripe intent, and the deliveries its plan makes.
struct PlannedPayment
{
    QUuid reservation;
    QString intentId;
    QString paymentIntent; // pi_...
    qint64 amountMinor = 0;
    StripePlan plan = StripePlan::Paid;
    QList<StripeDeliveryBytes> deliveries;

    QString expectedReservation() const;
    QString expectedIntent() const;
};

// The events `plan` makes for the intent `paymentIntent` of `amountMinor` USD.
QList<StripeDeliveryBytes> stripeDeliveriesFor(StripePlan plan, const QString &paymentIntent,
                                               qint64 amountMinor, qint64 createdSeconds);

// POSTs one delivery to /v1/webhooks/stripe, signed now with `secret` (as
// Stripe signs each attempt afresh). The status; 0: no answer.
int deliverStripe(TestHttpClient &http, const QByteArray &secret, const StripeDeliveryBytes &d);

// Each payment ended exactly once in its plan's state (reservation, intent,
// refunded amount, one audit row per change), and webhook_events holds one
// applied row per distinct event id. Empty when so; otherwise what is not.
QString plannedPaymentProblems(DbConnection &db, const QList<PlannedPayment> &payments);

} // namespace reserva::test
