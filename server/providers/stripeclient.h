#pragma once

#include "paymentsettings.h"
#include "providercharge.h"

namespace reserva {

class OutboundHttp;

// Stripe's PaymentIntents API (form-encoded requests, JSON answers):
// POST /v1/payment_intents with the amount in minor units, the currency in
// lower case, our ids in metadata and our Idempotency-Key, so a retry after a
// crash returns the same PaymentIntent instead of charging twice.
class StripeClient
{
public:
    StripeClient(OutboundHttp &http, const StripeSettings &settings, int timeoutMs);
    ChargeResult createPaymentIntent(const ChargeRequest &request);

private:
    OutboundHttp &m_http;
    StripeSettings m_settings;
    int m_timeoutMs;
};

} // namespace reserva
