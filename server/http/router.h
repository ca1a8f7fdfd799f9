#pragma once

#include "httpresponse.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace reserva {

class RequestContext;

using RouteHandler = std::function<HttpResponse(RequestContext &)>;

struct RouteKey
{
    QByteArray method;
    QString pattern; // "/v1/users/{id}"
    bool operator==(const RouteKey &) const = default;
};

struct Route
{
    RouteKey key;
    bool isPublic = false;
    QStringList roles; // authenticated routes: any of these; empty = any valid token
    RouteHandler handler;
    QStringList segments; // pattern split on '/'
};

// The route table. Secure by default (invariant 12): add() registers an
// authenticated route; addPublic() only accepts a route that is on the one
// explicit public list below, so a route can never become public by accident
// or by omission.
class Router
{
public:
    // The public list: login, refresh, JWKS, health, the OpenAPI document and
    // the provider webhooks (which authenticate by signature).
    static const QList<RouteKey> &publicRoutes();

    void add(const QByteArray &method, const QString &pattern, const QStringList &roles,
             RouteHandler handler);
    // Returns false (and registers nothing) when the route is not on the list.
    [[nodiscard]] bool addPublic(const QByteArray &method, const QString &pattern,
                                 RouteHandler handler);

    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QList<QByteArray> allowedMethods; // when the path exists with other methods
    };
    Match match(const QByteArray &method, const QString &path) const;

    const QList<Route> &routes() const { return m_routes; }

private:
    bool insert(Route route);
    QList<Route> m_routes;
};

} // namespace reserva
