#include "healthroutes.h"

#include "db/dbconnection.h"
#include "http/requestcontext.h"
#include "http/router.h"
#include "runtime/serverservices.h"

namespace reserva {

void registerHealthRoutes(Router &router, ServerServices &services)
{
    // GET /healthz (public) -> 200 {"status":"ok"} while the process serves.
    (void)router.addPublic("GET", QStringLiteral("/healthz"), [](RequestContext &) {
        return HttpResponse::json(200,
                                  QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });

    // GET /readyz (public) -> 200 {"status":"ready"} when this worker's database
    // connection answers and the background jobs run; 503 problem otherwise.
    (void)router.addPublic("GET", QStringLiteral("/readyz"), [&services](RequestContext &ctx) {
        DbRows q = ctx.db().exec(QStringLiteral("SELECT 1"), {}, "readiness probe");
        const bool database = q.next();
        const bool background = !services.backgroundHealthy || services.backgroundHealthy();
        if (!database || !background)
            return ctx.problem(
                Problem(ProblemType::ServiceUnavailable, QStringLiteral("Not ready.")));
        return HttpResponse::json(200,
                                  QJsonObject{{QStringLiteral("status"), QStringLiteral("ready")}});
    });
}

} // namespace reserva
