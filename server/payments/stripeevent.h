#pragma once

#include "webhookdelivery.h"

#include <QJsonObject>

#include <optional>

namespace reserva {

// The payment facts of a verified Stripe event (its signature already
// checked over the raw body): id, type, the PaymentIntent it concerns, the
// amount and currency. nullopt when the body is not a Stripe event object,
// or names a status change without the intent it changes. An amount that is
// not a whole number of minor units in [0, 2^53] reads as -1 (unreadable),
// which the payment rules refuse: it is never rounded or wrapped.
std::optional<VerifiedPaymentEvent> readStripeEvent(const QJsonObject &body);

} // namespace reserva
