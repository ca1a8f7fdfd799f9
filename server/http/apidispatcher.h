#pragma once

#include "core/clock.h"
#include "requesthandler.h"
#include "router.h"
#include "token/accesstokenverifier.h"

#include <functional>

namespace reserva {

// Verifies a bearer token (with this worker's connection, for key reloads).
using TokenCheck = std::function<TokenVerification(QByteArrayView token, DbConnection *db)>;

// The middleware chain every request passes, in order: request id, route
// match (404/405), authentication (401) unless the route is public, role
// check (403), database health (503), the handler, and the error boundary
// that turns any failure into a problem+json with no technical detail
// (invariant 13) while the detail goes to the log under the request id.
class ApiDispatcher final : public RequestHandler
{
public:
    ApiDispatcher(const Router &router, TokenCheck verifyToken, const Clock &clock);

    HttpResponse handle(HttpRequest &request, DbConnection *db) override;
    HttpResponse reject(const HttpRequest &partial, const Problem &problem) override;

private:
    HttpResponse route(HttpRequest &request, DbConnection *db, const QString &requestId,
                       const Route **matched, QString *actor, QString *tenant);
    void finish(HttpResponse &response, const QString &requestId) const;

    const Router &m_router;
    TokenCheck m_verifyToken;
    const Clock &m_clock;
};

} // namespace reserva
