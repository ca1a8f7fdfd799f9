#pragma once

namespace reserva {

class Router;
struct ServerServices;

// /v1/reservations
void registerReservationRoutes(Router &router, ServerServices &services);

} // namespace reserva
