#pragma once

#include "providercharge.h"

#include <QByteArray>

namespace reserva {

// Mercado Pago's answer to GET /v1/payments/{id}, read into the facts a
// webhook is decided on: id, status, amount in minor units, currency and our
// external_reference. Found only when all of them are readable; an amount
// with digits below the currency's minor unit, or an id that is not a whole
// number within 2^53, makes the whole answer unreadable (Unavailable: the
// notification is retried, never decided on a guess).
ProviderPaymentState readMercadoPagoPayment(const QByteArray &body);

} // namespace reserva
