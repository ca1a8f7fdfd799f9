#pragma once

#include "paymentsettings.h"
#include "providercharge.h"

namespace reserva {

class OutboundHttp;

// Mercado Pago: Checkout Pro preferences (POST /checkout/preferences, with
// external_reference naming our intent) and payments (GET /v1/payments/{id}),
// which is the only source we trust for a payment's status, amount and
// currency: a notification carries nothing but an id.
class MercadoPagoClient
{
public:
    MercadoPagoClient(OutboundHttp &http, const MercadoPagoSettings &settings, int timeoutMs);
    ChargeResult createPreference(const ChargeRequest &request);
    ProviderPaymentState fetchPayment(const QString &paymentId);

private:
    OutboundHttp &m_http;
    MercadoPagoSettings m_settings;
    int m_timeoutMs;
};

} // namespace reserva
