#pragma once

namespace reserva {

class Router;
struct ServerServices;

void registerCatalogImportRoutes(Router &router, ServerServices &services);

} // namespace reserva
