#pragma once

#include <QObject>
#include <QTcpServer>

namespace reserva::test {

// A TCP proxy on 127.0.0.1 in front of a real server that can lose answers:
// while dropping, each request reaches the server and is processed, but the
// client's connection is closed before the answer arrives, as when a network
// drops at the worst moment (QNetworkAccessManager's own silent resend on a
// closed keep-alive connection is dropped too). Runs on the test's event loop.
class DroppingProxy final : public QObject
{
    Q_OBJECT
public:
    explicit DroppingProxy(quint16 upstreamPort, QObject *parent = nullptr);

    quint16 port() const { return m_server.serverPort(); }
    // Answers from the server are thrown away and the client cut off.
    void setDropping(bool dropping) { m_dropping = dropping; }
    int droppedAnswers() const { return m_dropped; }

private:
    void accept();

    QTcpServer m_server;
    quint16 m_upstreamPort;
    bool m_dropping = false;
    int m_dropped = 0;
};

} // namespace reserva::test
