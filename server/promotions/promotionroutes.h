#pragma once

namespace reserva {

class Router;
struct ServerServices;

// /v1/promotions: codes per tenant, their redemptions, and the tenant's
// promotion settings.
void registerPromotionRoutes(Router &router, ServerServices &services);

} // namespace reserva
