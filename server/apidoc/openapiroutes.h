#pragma once

namespace reserva {

class Router;

// GET /openapi.json (public): the API contract, resources/openapi.json as
// compiled into this binary, so a client reads the contract of the very
// server it talks to.
void registerOpenApiRoutes(Router &router);

} // namespace reserva
