#include "fakehttpserver.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace reserva::test {

QByteArray FakeHttpServer::Received::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key == name)
            return value;
    }
    return {};
}

class FakeHttpServer::Engine final : public QObject
{
public:
    quint16 listen()
    {
        m_server = new QTcpServer(this);
        m_server->listen(QHostAddress::LocalHost, 0);
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return m_server->serverPort();
    }

    mutable QMutex mutex;
    Mode mode = Mode::Respond;
    int status = 200;
    QByteArray body = "{}";
    QByteArray contentType = "application/json";
    QList<Received> received;
    Handler handler;

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        for (;;) {
            const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                break;
            const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
            const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
            Received r;
            r.method = requestLine.value(0);
            r.path = requestLine.value(1);
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = lines[i].left(colon).trimmed().toLower();
                const QByteArray value = lines[i].mid(colon + 1).trimmed();
                r.headers.append({name, value});
                if (name == "content-length")
                    length = value.toLongLong();
            }
            if (buffer.size() < headEnd + 4 + length)
                break;
            r.body = buffer.mid(headEnd + 4, length);
            buffer.remove(0, headEnd + 4 + length);
            Reply reply;
            Handler current;
            {
                QMutexLocker lock(&mutex);
                received.append(r);
                reply = {status, body, contentType, mode};
                current = handler;
            }
            if (current)
                reply = current(r);
            const Mode currentMode = reply.mode;
            const QByteArray answer =
                "HTTP/1.1 " + QByteArray::number(reply.status) +
                " Fake\r\nContent-Type: " + reply.contentType +
                "\r\nContent-Length: " + QByteArray::number(reply.body.size()) + "\r\n\r\n" +
                reply.body;
            if (currentMode == Mode::Close) {
                socket->abort();
                return;
            }
            if (currentMode == Mode::Respond)
                socket->write(answer);
        }
        socket->setProperty("buffer", buffer);
    }

    QTcpServer *m_server = nullptr;
};

FakeHttpServer::FakeHttpServer()
{
    m_engine = new Engine;
    m_engine->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_engine, [this] { m_port = m_engine->listen(); }, Qt::BlockingQueuedConnection);
}

FakeHttpServer::~FakeHttpServer()
{
    QMetaObject::invokeMethod(
        m_engine, [this] { delete m_engine; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QByteArray FakeHttpServer::baseUrl() const
{
    return "http://127.0.0.1:" + QByteArray::number(m_port) + '/';
}

void FakeHttpServer::respond(int status, const QByteArray &body, const QByteArray &contentType)
{
    QMutexLocker lock(&m_engine->mutex);
    m_engine->mode = Mode::Respond;
    m_engine->status = status;
    m_engine->body = body;
    m_engine->contentType = contentType;
}

void FakeHttpServer::setHandler(Handler handler)
{
    QMutexLocker lock(&m_engine->mutex);
    m_engine->handler = std::move(handler);
}

void FakeHttpServer::setMode(Mode mode)
{
    QMutexLocker lock(&m_engine->mutex);
    m_engine->mode = mode;
}

QList<FakeHttpServer::Received> FakeHttpServer::received() const
{
    QMutexLocker lock(&m_engine->mutex);
    return m_engine->received;
}

void FakeHttpServer::clearReceived()
{
    QMutexLocker lock(&m_engine->mutex);
    m_engine->received.clear();
}

} // namespace reserva::test
