#pragma once

namespace reserva {

class Router;
struct ServerServices;

// GET /v1/audit (JSON or CSV) and GET /v1/audit/verify (admin, auditor)
void registerAuditRoutes(Router &router, ServerServices &services);

} // namespace reserva
