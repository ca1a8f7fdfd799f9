#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QThread>

#include <functional>
#include <memory>

class QTcpServer;

namespace reserva::test {

// A stand-in for an outside HTTP API (identity verification, payment
// providers) on 127.0.0.1, on its own thread, written independently of the
// server's HTTP code. Its behaviour can be switched while it runs.
class FakeHttpServer
{
public:
    enum class Mode {
        Respond, // answer with the configured status and body
        Hang,    // read the request, never answer
        Close,   // close the connection without answering
    };

    struct Received
    {
        QByteArray method;
        QByteArray path;
        QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
        QByteArray body;

        // The first header called `name` (lower case), or empty.
        QByteArray header(QByteArrayView name) const;
    };

    struct Reply
    {
        int status = 200;
        QByteArray body = "{}";
        QByteArray contentType = "application/json";
        Mode mode = Mode::Respond;
    };
    // Answers per request (route-aware fakes: OAuth, create, fetch...). Runs
    // on the fake's thread; must be thread-safe with respect to the test.
    using Handler = std::function<Reply(const Received &)>;

    FakeHttpServer();
    ~FakeHttpServer();

    quint16 port() const { return m_port; }
    QByteArray baseUrl() const;

    void respond(int status, const QByteArray &body,
                 const QByteArray &contentType = "application/json");
    void setMode(Mode mode);
    void setHandler(Handler handler);
    QList<Received> received() const;
    void clearReceived();

private:
    class Engine;
    QThread m_thread;
    Engine *m_engine = nullptr;
    quint16 m_port = 0;
};

} // namespace reserva::test
