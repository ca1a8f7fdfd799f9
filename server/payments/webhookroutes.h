#pragma once

namespace reserva {

class Router;
struct ServerServices;

// POST /v1/webhooks/stripe, /v1/webhooks/mercadopago, /v1/webhooks/pix (public:
// they authenticate by signature or secret) and GET /v1/webhook-events (admin).
void registerWebhookRoutes(Router &router, ServerServices &services);

} // namespace reserva
