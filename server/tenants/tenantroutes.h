#pragma once

namespace reserva {

class Router;
struct ServerServices;

// /v1/tenants (admin)
void registerTenantRoutes(Router &router, ServerServices &services);

} // namespace reserva
