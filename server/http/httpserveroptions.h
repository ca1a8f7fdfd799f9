#pragma once

#include "httprequestparser.h"
#include "tlssettings.h"

#include <QHostAddress>

#include <functional>
#include <memory>
#include <optional>

namespace reserva {

class DbConnection;

struct HttpServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080; // 0: any free port (tests)
    int workers = 0;     // 0: 4 x cores
    HttpRequestParser::Limits limits;
    // A connection with no request in progress is closed after this.
    int idleTimeoutMs = 15000;
    // The head must arrive within this from its first byte (slowloris), and
    // the body within bodyTimeoutMs after the head. On TLS the deadline runs
    // from the accept: the handshake and the first head share it.
    int headerTimeoutMs = 10000;
    int bodyTimeoutMs = 30000;
    int maxRequestsPerConnection = 10000;
    // Open client connections at most, lowered to fit the open-file limit
    // (ConnectionAdmission); one more is answered 503 and closed.
    int maxConnections = 10000;
    // How long a graceful stop waits for requests already being received.
    int drainTimeoutMs = 10000;
    // HTTPS on every connection when set; plain HTTP otherwise.
    std::optional<TlsSettings> tls;
    // Opens the worker's database connection on the worker's thread.
    std::function<std::unique_ptr<DbConnection>(const QString &name)> openDatabase;
};

} // namespace reserva
