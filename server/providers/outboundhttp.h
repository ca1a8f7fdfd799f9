#pragma once

#include "http/httprequest.h"

#include <QByteArray>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>
#include <optional>

namespace reserva {

struct OutboundRequest
{
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    int timeoutMs = 5000;
    // Client certificate and trust for mutual TLS (the Pix PSP); default: the
    // system's trust store, no client certificate.
    std::optional<QSslConfiguration> ssl;
};

struct OutboundResponse
{
    bool completed = false; // a full HTTP answer arrived (any status)
    bool timedOut = false;
    int status = 0;
    QByteArray body;
    QString error; // transport error, for the log only
};

// Outbound HTTP(S) for provider and identity APIs. The request runs on a
// dedicated thread with its own QNetworkAccessManager; the calling worker
// blocks on the answer without spinning its own event loop (a nested loop on
// a worker would re-enter other requests' handlers mid-transaction).
// Thread-safe; never call it from its own thread.
class OutboundHttp
{
public:
    OutboundHttp();
    ~OutboundHttp();
    Q_DISABLE_COPY_MOVE(OutboundHttp)

    OutboundResponse send(const OutboundRequest &request);

private:
    class Engine;
    std::unique_ptr<Engine> m_engine;
};

} // namespace reserva
