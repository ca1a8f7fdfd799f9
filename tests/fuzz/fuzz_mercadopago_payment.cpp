// Mercado Pago's answer to GET /v1/payments/{id} (server/providers/
// mercadopagopayment.h). It arrives over TLS from the provider, but it is
// still outside input, and a webhook is decided on it: a Found answer has an
// id, a status, a known currency and an amount of whole minor units; any
// other answer is not found (retried), never a guess.

#include "domain/currency.h"
#include "fuzzsupport.h"
#include "providers/mercadopagopayment.h"

using namespace reserva;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ProviderPaymentState state = readMercadoPagoPayment(fuzz::bytesOf(data, size));
    if (state.fetch != ProviderPaymentState::Fetch::Found) {
        RESERVA_FUZZ_CHECK(state.fetch == ProviderPaymentState::Fetch::Unavailable);
        return 0;
    }
    RESERVA_FUZZ_CHECK(!state.id.isEmpty());
    RESERVA_FUZZ_CHECK(!state.status.isEmpty());
    RESERVA_FUZZ_CHECK(currency::exponent(state.currency).has_value());
    RESERVA_FUZZ_CHECK(state.amountMinor >= 0);
    return 0;
}
