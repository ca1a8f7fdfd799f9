#pragma once

#include "httpserveroptions.h"
#include "requesthandler.h"

#include <QObject>
#include <QSet>

#include <memory>

namespace reserva {

class DbConnection;
class HttpConnection;

// One worker thread's state: its event loop runs the connections handed to
// it, its own database connection (QtSql connections are thread-affine), and
// the handler it calls synchronously. A blocking transaction or a lock wait
// stalls only this worker.
class HttpWorker final : public QObject
{
    Q_OBJECT
public:
    HttpWorker(int index, const HttpServerOptions &options, RequestHandler &handler);
    ~HttpWorker() override;

    const HttpServerOptions &options() const { return m_options; }
    RequestHandler &handler() { return m_handler; }
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
    std::unique_ptr<DbConnection> m_db;
    QSet<HttpConnection *> m_connections;
    bool m_draining = false;
    bool m_finished = false;
};

} // namespace reserva
