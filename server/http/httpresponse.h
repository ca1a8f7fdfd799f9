#pragma once

#include "contract/problem.h"
#include "httprequest.h"

#include <QJsonArray>
#include <QJsonObject>

namespace reserva {

struct HttpResponse
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;

    static HttpResponse json(int status, const QJsonObject &body);
    static HttpResponse json(int status, const QJsonArray &body);
    static HttpResponse raw(int status, const QByteArray &contentType, QByteArray body);
    static HttpResponse noContent();
    // application/problem+json (RFC 9457) with the request id; adds
    // Retry-After for throttling and WWW-Authenticate for 401.
    static HttpResponse problem(const Problem &problem, const QString &requestId);

    static QByteArray reasonPhrase(int status);
    // Status line, headers (with Content-Length and Date) and body.
    QByteArray serialize(bool keepAlive) const;
};

} // namespace reserva
