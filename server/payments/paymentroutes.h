#pragma once

namespace reserva {

class Router;
struct ServerServices;

// /v1/reservations/{id}/payment-intents, /v1/payment-intents/{id}
void registerPaymentRoutes(Router &router, ServerServices &services);

} // namespace reserva
