#include "router.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRouter, "reserva.http.router")

namespace reserva {

const QList<RouteKey> &Router::publicRoutes()
{
    static const QList<RouteKey> list{
        {"GET", QStringLiteral("/healthz")},
        {"GET", QStringLiteral("/readyz")},
        {"GET", QStringLiteral("/.well-known/jwks.json")},
        // The API contract: it describes the routes, not any data, and a client
        // (or a code generator) needs it before it has a token.
        {"GET", QStringLiteral("/openapi.json")},
        {"POST", QStringLiteral("/v1/auth/login")},
        {"POST", QStringLiteral("/v1/auth/refresh")},
        {"POST", QStringLiteral("/v1/webhooks/stripe")},
        {"POST", QStringLiteral("/v1/webhooks/mercadopago")},
        {"POST", QStringLiteral("/v1/webhooks/pix")},
    };
    return list;
}

bool Router::insert(Route route)
{
    route.segments = route.key.pattern.split(u'/');
    for (const Route &existing : std::as_const(m_routes)) {
        if (existing.key == route.key) {
            qCCritical(lcRouter, "route %s %s registered twice", route.key.method.constData(),
                       qUtf8Printable(route.key.pattern));
            return false;
        }
    }
    m_routes.append(std::move(route));
    return true;
}

void Router::add(const QByteArray &method, const QString &pattern, const QStringList &roles,
                 RouteHandler handler)
{
    Route route;
    route.key = {method, pattern};
    route.roles = roles;
    route.handler = std::move(handler);
    insert(std::move(route));
}

bool Router::addPublic(const QByteArray &method, const QString &pattern, RouteHandler handler)
{
    const RouteKey key{method, pattern};
    if (!publicRoutes().contains(key)) {
        qCCritical(lcRouter, "refused to register %s %s as public: it is not on the public list",
                   method.constData(), qUtf8Printable(pattern));
        return false;
    }
    Route route;
    route.key = key;
    route.isPublic = true;
    route.handler = std::move(handler);
    return insert(std::move(route));
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    // A literal segment wins over a parameter ("/v1/reservations/changes"
    // before "/v1/reservations/{id}"), whatever the registration order.
    Match result;
    int bestParams = -1;
    const QStringList segments = path.split(u'/');
    for (const Route &route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        QHash<QString, QString> params;
        bool ok = true;
        for (qsizetype i = 0; i < segments.size() && ok; ++i) {
            const QString &p = route.segments[i];
            if (p.startsWith(u'{') && p.endsWith(u'}')) {
                if (segments[i].isEmpty())
                    ok = false;
                else
                    params.insert(p.mid(1, p.size() - 2), segments[i]);
            } else {
                ok = p == segments[i];
            }
        }
        if (!ok)
            continue;
        if (route.key.method != method) {
            if (!result.allowedMethods.contains(route.key.method))
                result.allowedMethods.append(route.key.method);
            continue;
        }
        if (result.route && bestParams <= int(params.size()))
            continue;
        bestParams = int(params.size());
        result.route = &route;
        result.params = std::move(params);
    }
    if (result.route)
        result.allowedMethods.clear();
    return result;
}

} // namespace reserva
