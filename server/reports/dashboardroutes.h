#pragma once

namespace reserva {

class Router;
struct ServerServices;

// GET /v1/dashboard (admin, partner_manager, partner_staff)
void registerDashboardRoutes(Router &router, ServerServices &services);

} // namespace reserva
