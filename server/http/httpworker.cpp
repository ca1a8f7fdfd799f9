#include "httpworker.h"

#include "connectionadmission.h"
#include "crypto/threadcleanup.h"
#include "db/dbconnection.h"
#include "httpconnection.h"
#include "tlstermination.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHttpWorker, "reserva.http.worker")

namespace reserva {

HttpWorker::HttpWorker(int index, const HttpServerOptions &options, RequestHandler &handler,
                       const TlsTermination *tls, ConnectionAdmission &admission)
    : m_index(index)
    , m_options(options)
    , m_handler(handler)
    , m_tls(tls)
    , m_admission(admission)
{
}

HttpWorker::~HttpWorker() = default;

DbConnection *HttpWorker::database()
{
    return m_db.get();
}

void HttpWorker::openDatabase()
{
    if (!m_options.openDatabase)
        return;
    m_db = m_options.openDatabase(QStringLiteral("worker-%1").arg(m_index));
}

void HttpWorker::adoptSocket(qintptr descriptor)
{
    QTcpSocket *socket = nullptr;
    QString error;
    if (m_tls) {
        socket = m_tls->adopt(descriptor, &error);
    } else {
        socket = new QTcpSocket;
        if (!socket->setSocketDescriptor(descriptor)) {
            error = socket->errorString();
            delete socket;
            socket = nullptr;
        }
    }
    if (!socket) {
        qCWarning(lcHttpWorker, "cannot adopt a connection: %s", qUtf8Printable(error));
        m_admission.release();
        return;
    }
    if (m_draining) {
        socket->abort();
        delete socket;
        m_admission.release();
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto *connection = new HttpConnection(socket, *this); // child of this worker
    m_connections.insert(connection);
    connect(connection, &HttpConnection::closed, this,
            [this, connection] { connectionClosed(connection); });
    // Only now, with the connection listening: the handshake runs on this
    // worker's event loop, never blocking it, under the head deadline.
    if (auto *tls = qobject_cast<QSslSocket *>(socket))
        tls->startServerEncryption();
}

void HttpWorker::connectionClosed(HttpConnection *connection)
{
    if (m_connections.remove(connection))
        m_admission.release();
    finishIfDrained();
}

void HttpWorker::drain()
{
    m_draining = true;
    const auto connections = m_connections; // drain() may remove entries
    for (HttpConnection *c : connections)
        c->drain();
    QTimer::singleShot(m_options.drainTimeoutMs, this, [this] {
        // Clients still sending after the drain period lose their connection.
        const auto remaining = m_connections;
        m_connections.clear();
        for (HttpConnection *c : remaining) {
            delete c;
            m_admission.release();
        }
        finishIfDrained();
    });
    finishIfDrained();
}

void HttpWorker::finishIfDrained()
{
    if (!m_draining || !m_connections.isEmpty() || m_finished)
        return;
    m_finished = true;
    // The database connection belongs to this thread: close it here.
    m_db.reset();
    releaseThreadCryptoState();
    Q_EMIT drained();
    QThread::currentThread()->quit();
}

} // namespace reserva
