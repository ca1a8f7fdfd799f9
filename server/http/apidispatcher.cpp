#include "apidispatcher.h"

#include "contract/timeformat.h"
#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "jsonwriter.h"
#include "log/jsonlog.h"
#include "metrics/servermetrics.h"
#include "requestcontext.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcDispatch, "reserva.http")

namespace reserva {

namespace {

// A 503 for a database that is down, restarting, or holding a lock past
// lock_timeout: nothing is wrong with the request, so the client is told when
// to send it again (with the same Idempotency-Key: nothing was committed).
// A second is about what a restart or a released lock takes; longer would
// idle the clients, shorter would add load to a database that is recovering.
Problem databaseUnavailable(const QString &detail)
{
    Problem p(ProblemType::ServiceUnavailable, detail);
    p.retryAfterSeconds = 1;
    return p;
}

// One access log line per request, written directly (a QJsonObject per
// request cost more than some of the reads it logged). The members in
// QJsonObject's sorted order, as every other line. The route pattern, not
// the raw path: no identifiers or query values.
void writeAccessLine(const HttpRequest &request, const QString &requestId, const Route *matched,
                     int status, double durationMs, const QString &actor, const QString &tenant)
{
    JsonWriter json;
    json.beginObject();
    if (!actor.isEmpty()) {
        json.key(QLatin1StringView("actor"));
        json.string(actor);
    }
    json.key(QLatin1StringView("duration_ms"));
    json.number(durationMs);
    json.key(QLatin1StringView("kind"));
    json.string(QLatin1StringView("access"));
    json.key(QLatin1StringView("level"));
    json.string(QLatin1StringView("info"));
    json.key(QLatin1StringView("method"));
    json.string(QLatin1StringView(request.method));
    json.key(QLatin1StringView("request_id"));
    json.string(requestId);
    json.key(QLatin1StringView("route"));
    if (matched)
        json.string(matched->key.pattern);
    else
        json.string(QLatin1StringView("(unmatched)"));
    json.key(QLatin1StringView("status"));
    json.integer(status);
    if (!tenant.isEmpty()) {
        json.key(QLatin1StringView("tenant"));
        json.string(tenant);
    }
    json.key(QLatin1StringView("time"));
    json.string(toRfc3339(QDateTime::currentDateTimeUtc()));
    json.endObject();
    jsonlog::writeInfoLine(json.take());
}

} // namespace

ApiDispatcher::ApiDispatcher(const Router &router, TokenCheck verifyToken, const Clock &clock)
    : m_router(router)
    , m_verifyToken(std::move(verifyToken))
    , m_clock(clock)
{
}

void ApiDispatcher::finish(HttpResponse &response, const QString &requestId) const
{
    response.setHeader("X-Request-Id", requestId.toLatin1());
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (response.header("Cache-Control").isEmpty())
        response.setHeader("Cache-Control", "no-store");
}

HttpResponse ApiDispatcher::handle(HttpRequest &request, DbConnection *db)
{
    QElapsedTimer timer;
    timer.start();
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const Route *matched = nullptr;
    QString actor;
    QString tenant;
    if (db)
        metrics::setWorkerConnectionInUse(true);
    HttpResponse response = route(request, db, requestId, &matched, &actor, &tenant);
    if (db) {
        metrics::setWorkerConnectionInUse(false);
        metrics::setWorkerConnectionOpen(db->db().isOpen());
    }
    finish(response, requestId);
    // Labelled by the route PATTERN: a raw path would mint a series per id.
    metrics::recordRequest(matched ? matched->key.pattern : QStringLiteral("unmatched"),
                           request.method, response.status, timer.nsecsElapsed());

    if (jsonlog::infoWanted())
        writeAccessLine(request, requestId, matched, response.status,
                        double(timer.nsecsElapsed()) / 1e6, actor, tenant);
    return response;
}

HttpResponse ApiDispatcher::route(HttpRequest &request, DbConnection *db, const QString &requestId,
                                  const Route **matched, QString *actor, QString *tenant)
{
    const Router::Match match = m_router.match(request.method, request.path);
    if (!match.route) {
        if (!match.allowedMethods.isEmpty()) {
            HttpResponse r =
                HttpResponse::problem(Problem(ProblemType::MethodNotAllowed), requestId);
            r.setHeader("Allow", match.allowedMethods.join(", "));
            return r;
        }
        return HttpResponse::problem(Problem(ProblemType::NotFound), requestId);
    }
    *matched = match.route;
    const Route &route = *match.route;

    RequestContext context(request, requestId, db, m_clock.now());
    context.params = match.params;

    if (!route.isPublic) {
        const QByteArray authorization = request.header("authorization");
        if (authorization.isEmpty())
            return context.problem(Problem(ProblemType::Unauthorized,
                                           QStringLiteral("Send an access token as Bearer.")));
        if (authorization.size() < 8 || authorization.left(7).toLower() != "bearer ")
            return context.problem(
                Problem(ProblemType::InvalidToken, QStringLiteral("Use the Bearer scheme.")));
        const TokenVerification verification = m_verifyToken(authorization.mid(7).trimmed(), db);
        if (const auto *rejection = std::get_if<TokenRejection>(&verification)) {
            qCInfo(lcDispatch, "request %s: token rejected (%s)", qUtf8Printable(requestId),
                   qUtf8Printable(tokenRejectionName(*rejection)));
            return context.problem(Problem(ProblemType::InvalidToken));
        }
        context.principal = Principal::fromClaims(std::get<AccessTokenClaims>(verification));
        if (!context.principal)
            return context.problem(Problem(ProblemType::InvalidToken));
        *actor = context.principal->subject();
        if (!context.principal->tenantId.isNull())
            *tenant = context.principal->tenantId.toString(QUuid::WithoutBraces);
        if (!route.roles.isEmpty() && !context.principal->hasAnyRole(route.roles))
            return context.problem(
                Problem(ProblemType::Forbidden, QStringLiteral("Your role does not allow this.")));
    }

    if (db) {
        QString error;
        if (!db->ensureHealthy(&error)) {
            qCWarning(lcDispatch, "request %s: database unavailable: %s", qUtf8Printable(requestId),
                      qUtf8Printable(error));
            return context.problem(
                databaseUnavailable(QStringLiteral("The database is unavailable; retry later.")));
        }
    }

    try {
        return route.handler(context);
    } catch (const DatabaseFailure &failure) {
        qCWarning(lcDispatch, "request %s: database failure: %s", qUtf8Printable(requestId),
                  failure.what());
        if (db)
            db->markSuspect();
        return context.problem(failure.isTransient()
                                   ? databaseUnavailable(QStringLiteral(
                                         "The database is busy or unavailable; retry later."))
                                   : Problem(ProblemType::InternalError));
    } catch (const std::exception &e) {
        qCCritical(lcDispatch, "request %s: unexpected failure: %s", qUtf8Printable(requestId),
                   e.what());
        return context.problem(Problem(ProblemType::InternalError));
    }
}

HttpResponse ApiDispatcher::reject(const HttpRequest &partial, const Problem &problem)
{
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    HttpResponse response = HttpResponse::problem(problem, requestId);
    finish(response, requestId);
    serverMetrics().httpRequests.increment({QByteArrayLiteral("unmatched"),
                                            metrics::methodLabel(partial.method),
                                            QByteArray::number(response.status)});
    jsonlog::write({
        {QStringLiteral("level"), QStringLiteral("info")},
        {QStringLiteral("kind"), QStringLiteral("access")},
        {QStringLiteral("request_id"), requestId},
        {QStringLiteral("method"), QString::fromLatin1(partial.method.left(16))},
        {QStringLiteral("route"), QStringLiteral("(rejected)")},
        {QStringLiteral("status"), response.status},
    });
    return response;
}

} // namespace reserva
