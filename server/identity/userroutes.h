#pragma once

namespace reserva {

class Router;
struct ServerServices;

// /v1/users (admin everywhere; partner_manager within its own tenant)
void registerUserRoutes(Router &router, ServerServices &services);

} // namespace reserva
