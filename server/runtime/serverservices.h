#pragma once

#include "booking/idempotency.h"
#include "core/clock.h"
#include "providers/paymentsettings.h"

#include <QString>

#include <functional>

namespace reserva {

class AuthService;
class ReservationService;
class PaymentService;
class TokenService;
class OutboundHttp;

// The long-lived, thread-safe services route handlers use. Owned by
// ReservaServer; handlers get their per-request state from RequestContext.
struct ServerServices
{
    const Clock &clock;
    TokenService &tokens;
    AuthService &auth;
    ReservationService &reservations;
    IdempotencySettings idempotency;
    PaymentService &payments;
    PaymentSettings paymentSettings;
    // Whether the background jobs (audit sealer...) are alive, for /readyz.
    std::function<bool()> backgroundHealthy;
};

} // namespace reserva
