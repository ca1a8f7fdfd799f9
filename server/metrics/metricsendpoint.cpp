#include "metricsendpoint.h"

#include "http/httpserver.h"
#include "servermetrics.h"

namespace reserva {

namespace {

HttpResponse plain(int status, const QByteArray &text)
{
    HttpResponse response =
        HttpResponse::raw(status, QByteArrayLiteral("text/plain; charset=utf-8"), text + '\n');
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    return response;
}

} // namespace

MetricsEndpoint::MetricsEndpoint() = default;

MetricsEndpoint::~MetricsEndpoint()
{
    stop();
}

bool MetricsEndpoint::start(const QHostAddress &address, quint16 port, QString *error)
{
    HttpServerOptions options;
    options.address = address;
    options.port = port;
    options.workers = 1;
    // A scraper sends one small GET: tight limits cost nothing.
    options.maxRequestsPerConnection = 100;
    options.drainTimeoutMs = 1000;
    m_http = std::make_unique<HttpServer>(options, *this);
    if (!m_http->start(error)) {
        m_http.reset();
        return false;
    }
    return true;
}

void MetricsEndpoint::stop()
{
    if (m_http) {
        m_http->stop();
        m_http.reset();
    }
}

quint16 MetricsEndpoint::port() const
{
    return m_http ? m_http->port() : 0;
}

HttpResponse MetricsEndpoint::handle(HttpRequest &request, DbConnection *db)
{
    Q_UNUSED(db)
    if (request.path != u"/metrics")
        return plain(404, QByteArrayLiteral("Not found: this listener serves GET /metrics only."));
    if (request.method != "GET" && request.method != "HEAD") {
        HttpResponse response = plain(405, QByteArrayLiteral("Method not allowed."));
        response.setHeader("Allow", "GET, HEAD");
        return response;
    }
    HttpResponse response =
        HttpResponse::raw(200, QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                          serverMetrics().render());
    response.setHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse MetricsEndpoint::reject(const HttpRequest &partial, const Problem &problem)
{
    Q_UNUSED(partial)
    return plain(problem.status(), HttpResponse::reasonPhrase(problem.status()));
}

} // namespace reserva
