#pragma once

#include "httpserveroptions.h"
#include "requesthandler.h"

#include <QObject>
#include <QTcpServer>

#include <memory>
#include <vector>

class QThread;

namespace reserva {

class ConnectionAdmission;
class HttpWorker;
class TlsTermination;

// The listening socket and the worker threads. The listener accepts on its
// own acceptor thread (never blocked by a GUI or a test) and hands each
// connection's descriptor round-robin to a worker, which wraps it in its own
// QTcpSocket, or QSslSocket with TLS (portable: the same on Linux, macOS and
// Windows, which matters for the embedded desktop mode). The acceptor never
// touches TLS: handshakes run on the workers, bounded by the head timeout.
class HttpServer final : public QObject
{
    Q_OBJECT
public:
    HttpServer(HttpServerOptions options, RequestHandler &handler, QObject *parent = nullptr);
    ~HttpServer() override;

    bool start(QString *error);
    // Graceful: stop accepting, let every worker finish what it is receiving
    // and answering, close keep-alive connections, close the database
    // connections, join the threads. Blocks until done (bounded by drainTimeoutMs).
    void stop();

    quint16 port() const;
    QHostAddress address() const;
    int workerCount() const { return int(m_workers.size()); }

private:
    class Listener;
    void dispatch(qintptr descriptor);
    // Drains every worker and joins its thread.
    void stopWorkers();

    HttpServerOptions m_options;
    RequestHandler &m_handler;
    QThread *m_acceptorThread = nullptr;
    Listener *m_listener = nullptr;        // lives on the acceptor thread
    std::unique_ptr<TlsTermination> m_tls; // null: plain HTTP
    std::unique_ptr<ConnectionAdmission> m_admission;
    bool m_refusing = false; // acceptor thread: over the cap since the last admission
    quint16 m_port = 0;
    QHostAddress m_boundAddress;
    std::vector<std::unique_ptr<HttpWorker>> m_workers;
    std::vector<QThread *> m_threads;
    size_t m_next = 0;
};

} // namespace reserva
