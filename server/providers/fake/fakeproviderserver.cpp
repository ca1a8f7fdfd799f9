#include "fakeproviderserver.h"

#include "http/httpserver.h"

namespace reserva {

FakeProviderServer::FakeProviderServer() = default;

FakeProviderServer::~FakeProviderServer()
{
    stop();
}

bool FakeProviderServer::start(const QHostAddress &address, quint16 port, QString *error,
                               int workers)
{
    HttpServerOptions options;
    options.address = address;
    options.port = port;
    options.workers = workers;
    options.drainTimeoutMs = 1000;
    m_http = std::make_unique<HttpServer>(options, m_api);
    if (m_http->start(error))
        return true;
    m_http.reset();
    return false;
}

void FakeProviderServer::stop()
{
    if (m_http) {
        m_http->stop();
        m_http.reset();
    }
}

quint16 FakeProviderServer::port() const
{
    return m_http ? m_http->port() : 0;
}

QUrl FakeProviderServer::baseUrl() const
{
    if (!m_http)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_http->address().toString());
    url.setPort(m_http->port());
    url.setPath(QStringLiteral("/"));
    return url;
}

} // namespace reserva
