#pragma once

namespace reserva {

class Router;
struct ServerServices;

// /v1/auth/login, /v1/auth/refresh, /v1/auth/logout, /.well-known/jwks.json
void registerAuthRoutes(Router &router, ServerServices &services);

} // namespace reserva
