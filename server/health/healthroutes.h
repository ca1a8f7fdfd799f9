#pragma once

namespace reserva {

class Router;
struct ServerServices;

// GET /healthz (alive) and GET /readyz (database reachable), both public.
void registerHealthRoutes(Router &router, ServerServices &services);

} // namespace reserva
