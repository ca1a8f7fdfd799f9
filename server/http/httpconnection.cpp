#include "httpconnection.h"

#include "httpworker.h"
#include "metrics/counters.h"
#include "tlstermination.h"

#include <QLoggingCategory>
#include <QSslSocket>

// Debug only: failed handshakes are mostly scanners and plain-HTTP clients,
// counted in counters() rather than logged one line each.
Q_LOGGING_CATEGORY(lcTls, "reserva.http.tls", QtInfoMsg)

namespace reserva {

HttpConnection::HttpConnection(QTcpSocket *socket, HttpWorker &worker)
    : QObject(&worker)
    , m_socket(socket)
    , m_worker(worker)
    , m_parser(worker.options().limits)
{
    m_socket->setParent(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::closeConnection);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (m_handshaking) {
            // Refused (an old protocol, no shared cipher, plain HTTP) or
            // abandoned: closed without a word, since there is no channel
            // to answer on.
            m_handshaking = false;
            counters().tlsHandshakesFailed++;
            qCDebug(lcTls, "handshake with %s failed: %s",
                    qUtf8Printable(m_socket->peerAddress().toString()),
                    qUtf8Printable(m_socket->errorString()));
            closeConnection();
            return;
        }
        if (error != QAbstractSocket::RemoteHostClosedError)
            closeConnection();
    });
    if (auto *tls = qobject_cast<QSslSocket *>(m_socket)) {
        m_handshaking = true;
        m_firstHeadOnAcceptDeadline = true;
        connect(tls, &QSslSocket::encrypted, this, &HttpConnection::onEncrypted);
        m_timer.start(m_worker.options().headerTimeoutMs);
    } else {
        m_timer.start(m_worker.options().idleTimeoutMs);
    }
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::onEncrypted()
{
    m_handshaking = false;
    counters().tlsHandshakesCompleted++;
    // Once per connection: every request on it carries the result. The
    // timer keeps running: the first head must arrive within what is left.
    if (const TlsTermination *tls = m_worker.tls())
        m_clientCertificate = tls->clientCertificateOf(*static_cast<QSslSocket *>(m_socket));
}

bool HttpConnection::isIdle() const
{
    return !m_inHandler && !m_parser.started() && m_buffer.isEmpty();
}

void HttpConnection::drain()
{
    m_draining = true;
    if (isIdle())
        closeAfterFlush();
}

void HttpConnection::onReadyRead()
{
    if (m_closing) {
        m_socket->readAll(); // discard: we are closing after an answer
        return;
    }
    m_buffer += m_socket->readAll();
    processBuffer();
}

void HttpConnection::processBuffer()
{
    while (!m_closing && !m_buffer.isEmpty()) {
        const bool wasStarted = m_parser.started();
        const auto state = m_parser.feed(m_buffer);
        if (!wasStarted && m_parser.started()) {
            if (m_firstHeadOnAcceptDeadline)
                m_firstHeadOnAcceptDeadline = false; // already running since the accept
            else
                m_timer.start(m_worker.options().headerTimeoutMs);
        }
        switch (state) {
        case HttpRequestParser::State::NeedMore:
            return;
        case HttpRequestParser::State::HeadersComplete:
            m_timer.start(m_worker.options().bodyTimeoutMs);
            // HTTP/1.0 clients do not know 100 Continue (RFC 9110 15.2.1).
            if (m_parser.expectsContinue() && m_parser.headHttpMinorVersion() >= 1)
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            continue;
        case HttpRequestParser::State::Error:
            rejectAndClose(m_parser.error());
            return;
        case HttpRequestParser::State::Complete: {
            HttpRequest request = m_parser.takeRequest();
            request.peerAddress = m_socket->peerAddress();
            request.clientCertificate = m_clientCertificate;
            ++m_requestsServed;
            const bool keepAlive = request.keepAlive && !m_draining &&
                                   m_requestsServed < m_worker.options().maxRequestsPerConnection;
            m_inHandler = true;
            HttpResponse response = m_worker.handler().handle(request, m_worker.database());
            m_inHandler = false;
            // An HTTP/1.0 client keeps the connection only when the answer
            // says so (RFC 9112 appendix C.2.2); without it, it waits for a close.
            if (keepAlive && request.httpMinorVersion == 0)
                response.setHeader("Connection", "keep-alive");
            QByteArray bytes = response.serialize(keepAlive);
            // The answer to HEAD has GET's headers but never content (RFC 9110
            // section 9.3.2): the client would read it as the next response.
            if (request.method == "HEAD")
                bytes.chop(response.body.size());
            respondAndMaybeClose(bytes, keepAlive);
            if (keepAlive)
                m_timer.start(m_worker.options().idleTimeoutMs);
            continue;
        }
        }
    }
    if (m_draining && isIdle())
        closeAfterFlush();
}

void HttpConnection::respondAndMaybeClose(const QByteArray &bytes, bool keepAlive)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        closeConnection();
        return;
    }
    m_socket->write(bytes);
    // Hand the answer to the kernel now rather than on the event loop's next
    // turn: write() only buffers, and waiting for the write notification
    // costs each request another poll round (and, with glib, a wake-up).
    // What the kernel does not take now is sent on that notification.
    m_socket->flush();
    if (!keepAlive)
        closeAfterFlush();
}

void HttpConnection::closeAfterFlush()
{
    if (m_closing)
        return;
    m_closing = true;
    // QTcpSocket::write() only buffers: abort() now would drop the answer just
    // written. disconnectFromHost() sends it first, then closes, and
    // `disconnected` deletes us. A client that stops reading gets no longer
    // than an idle connection would (onTimeout aborts).
    m_timer.start(m_worker.options().idleTimeoutMs);
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        closeConnection();
}

void HttpConnection::rejectAndClose(const Problem &problem)
{
    HttpRequest partial = m_parser.takeRequest();
    partial.peerAddress = m_socket->peerAddress();
    partial.clientCertificate = m_clientCertificate;
    const HttpResponse response = m_worker.handler().reject(partial, problem);
    respondAndMaybeClose(response.serialize(false), false);
}

void HttpConnection::onTimeout()
{
    if (m_closing) {
        closeConnection(); // the client did not take the last answer in time
        return;
    }
    if (m_handshaking) {
        // A handshake stalled or trickled past the head deadline (slowloris
        // on TLS): dropped, nothing to answer on.
        m_handshaking = false;
        counters().tlsHandshakesTimedOut++;
        qCDebug(lcTls, "handshake with %s timed out",
                qUtf8Printable(m_socket->peerAddress().toString()));
        closeConnection();
        return;
    }
    if (m_parser.started() || !m_buffer.isEmpty()) {
        rejectAndClose(Problem(ProblemType::RequestTimeout,
                               QStringLiteral("The request was not received in time.")));
        // Do not wait for a client that stopped reading either.
        QTimer::singleShot(2000, this, &HttpConnection::closeConnection);
        return;
    }
    closeConnection(); // idle keep-alive connection
}

void HttpConnection::closeConnection()
{
    if (m_closed)
        return;
    m_closed = true;
    m_closing = true;
    m_timer.stop();
    m_socket->abort();
    Q_EMIT closed();
    deleteLater();
}

} // namespace reserva
