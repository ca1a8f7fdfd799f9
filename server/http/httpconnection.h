#pragma once

#include "clientcertificate.h"
#include "httprequestparser.h"
#include "httpserveroptions.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace reserva {

class HttpWorker;

// One client connection on a worker thread: reads, parses, hands each whole
// request to the worker's handler synchronously, writes the answer. Requests
// on one connection are answered in order (pipelining safe). Nothing here
// outlives the socket: when the client goes away mid-request the connection
// simply deletes itself; no response is ever written to a dead socket later.
// On TLS the socket is a QSslSocket whose handshake runs on this worker's
// event loop; the head deadline starts at the accept, so a client that stalls
// the handshake is cut like one that stalls its head.
class HttpConnection final : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, HttpWorker &worker);
    ~HttpConnection() override;

    // Graceful stop: close now if idle, else after the request being received.
    void drain();
    bool isIdle() const;

Q_SIGNALS:
    void closed();

private:
    void onReadyRead();
    void processBuffer();
    void respondAndMaybeClose(const QByteArray &bytes, bool keepAlive);
    void rejectAndClose(const Problem &problem);
    void closeAfterFlush();
    void onTimeout();
    void onEncrypted();
    void closeConnection();

    QTcpSocket *m_socket;
    HttpWorker &m_worker;
    HttpRequestParser m_parser;
    QByteArray m_buffer;
    QTimer m_timer;
    int m_requestsServed = 0;
    bool m_closing = false;
    bool m_closed = false;
    bool m_draining = false;
    bool m_inHandler = false;
    // TLS: the handshake has not finished yet.
    bool m_handshaking = false;
    // TLS: the deadline started at the accept also covers the first head.
    bool m_firstHeadOnAcceptDeadline = false;
    ClientCertificate m_clientCertificate;
};

} // namespace reserva
