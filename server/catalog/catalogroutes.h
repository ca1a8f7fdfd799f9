#pragma once

namespace reserva {

class Router;
struct ServerServices;

// /v1/products, /v1/products/{id}/slots, /v1/slots/{id}, /v1/availability
void registerCatalogRoutes(Router &router, ServerServices &services);

} // namespace reserva
