#include "httpresponse.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

namespace reserva {

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpResponse HttpResponse::json(int status, const QJsonObject &body)
{
    return raw(status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse HttpResponse::json(int status, const QJsonArray &body)
{
    return raw(status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse HttpResponse::raw(int status, const QByteArray &contentType, QByteArray body)
{
    HttpResponse r;
    r.status = status;
    r.headers.append({"Content-Type", contentType});
    r.body = std::move(body);
    return r;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse r;
    r.status = 204;
    return r;
}

HttpResponse HttpResponse::problem(const Problem &problem, const QString &requestId)
{
    HttpResponse r = raw(problem.status(), "application/problem+json",
                         QJsonDocument(problem.toJson(requestId)).toJson(QJsonDocument::Compact));
    if (problem.retryAfterSeconds)
        r.setHeader("Retry-After", QByteArray::number(qMax(1, *problem.retryAfterSeconds)));
    if (problem.type == ProblemType::Unauthorized)
        r.setHeader("WWW-Authenticate", "Bearer");
    else if (problem.type == ProblemType::InvalidToken)
        r.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    return r;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

namespace {

// The Date header's value (RFC 9110 5.6.7, IMF-fixdate), formatted once a
// second per thread: QLocale's formatting was about 1 % of the server's CPU
// when it ran for every answer.
QByteArray httpDate()
{
    thread_local qint64 second = -1;
    thread_local QByteArray text;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != second) {
        second = now;
        text = QLocale::c()
                   .toString(QDateTime::fromSecsSinceEpoch(now, Qt::UTC),
                             QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
                   .toLatin1() +
               " GMT";
    }
    return text;
}

} // namespace

QByteArray HttpResponse::serialize(bool keepAlive) const
{
    QByteArray out;
    out.reserve(256 + body.size());
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    // No Content-Length on 1xx, 204 and 304 (RFC 9110 8.6).
    if (status >= 200 && status != 204 && status != 304)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Date: " + httpDate() + "\r\n";
    if (!keepAlive)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += body;
    return out;
}

} // namespace reserva
