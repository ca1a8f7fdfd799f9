#pragma once

#include "http/requesthandler.h"

#include <QHostAddress>

#include <memory>

namespace reserva {

class HttpServer;

// GET /metrics (Prometheus text format 0.0.4) on its own listener, apart from
// the API port: no authentication (it is the operator's network; the address
// is loopback unless the operator allows otherwise) and no database. It
// answers nothing else (404; 405 for another method on /metrics). Runs on the
// same HTTP engine as the API, with one worker thread of its own, so a busy
// API never delays a scrape.
class MetricsEndpoint final : public RequestHandler
{
public:
    MetricsEndpoint();
    ~MetricsEndpoint() override;
    Q_DISABLE_COPY_MOVE(MetricsEndpoint)

    bool start(const QHostAddress &address, quint16 port, QString *error);
    void stop();
    quint16 port() const;

    HttpResponse handle(HttpRequest &request, DbConnection *db) override;
    HttpResponse reject(const HttpRequest &partial, const Problem &problem) override;

private:
    std::unique_ptr<HttpServer> m_http;
};

} // namespace reserva
