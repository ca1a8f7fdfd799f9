#pragma once

#include "httpserveroptions.h"
#include "requesthandler.h"

#include <QObject>
#include <QSet>

#include <memory>

namespace reserva {

class ConnectionAdmission;
class DbConnection;
class HttpConnection;
class TlsTermination;

// One worker thread's state: its event loop runs the connections handed to
// it, its own database connection (QtSql connections are thread-affine), and
// the handler it calls synchronously. A blocking transaction or a lock wait
// stalls only this worker.
class HttpWorker final : public QObject
{
    Q_OBJECT
public:
    // `tls`: shared by every worker; null for plain HTTP. `admission`
    // counted each connection handed here in; the worker counts it out.
    HttpWorker(int index, const HttpServerOptions &options, RequestHandler &handler,
               const TlsTermination *tls, ConnectionAdmission &admission);
    ~HttpWorker() override;

    const HttpServerOptions &options() const { return m_options; }
    RequestHandler &handler() { return m_handler; }
    const TlsTermination *tls() const { return m_tls; }
    DbConnection *database();

    // Called on the worker thread (queued).
    void openDatabase();
    void adoptSocket(qintptr descriptor);
    void drain();

Q_SIGNALS:
    void drained();

private:
    void connectionClosed(HttpConnection *connection);
    void finishIfDrained();

    int m_index;
    const HttpServerOptions &m_options;
    RequestHandler &m_handler;
    const TlsTermination *m_tls;
    ConnectionAdmission &m_admission;
    std::unique_ptr<DbConnection> m_db;
    QSet<HttpConnection *> m_connections;
    bool m_draining = false;
    bool m_finished = false;
};

} // namespace reserva
