#include "testhttpclient.h"

#include "contractrecorder.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSslSocket>

namespace reserva::test {

QByteArray TestResponse::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first == name)
            return h.second;
    }
    return {};
}

QJsonObject TestResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}
QJsonArray TestResponse::jsonArray() const
{
    return QJsonDocument::fromJson(body).array();
}

QString TestResponse::problemSlug() const
{
    const QString type = json().value(QStringLiteral("type")).toString();
    const QString prefix = QStringLiteral("urn:reserva:problem:");
    return type.startsWith(prefix) ? type.mid(prefix.size()) : QString();
}

TestHttpClient::TestHttpClient(quint16 port, QString host)
    : m_port(port)
    , m_host(std::move(host))
{
}

TestHttpClient::~TestHttpClient() = default;

void TestHttpClient::setTls(const QSslConfiguration &configuration, const QString &peerName)
{
    m_tls = configuration;
    m_tlsPeerName = peerName;
    m_socket.reset();
}

bool TestHttpClient::ensureConnected()
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        return true;
    if (m_tls) {
        auto socket = std::make_unique<QSslSocket>();
        socket->setSslConfiguration(*m_tls);
        socket->connectToHostEncrypted(m_host, m_port, m_tlsPeerName);
        const bool encrypted = socket->waitForEncrypted(10000);
        m_socket = std::move(socket);
        if (!encrypted)
            m_socket.reset();
        return encrypted;
    }
    m_socket = std::make_unique<QTcpSocket>();
    m_socket->connectToHost(m_host, m_port);
    return m_socket->waitForConnected(5000);
}

TestResponse TestHttpClient::parseResponse(const QByteArray &raw, qsizetype *consumed)
{
    TestResponse r;
    qsizetype offset = 0;
    for (;;) {
        const qsizetype headEnd = raw.indexOf("\r\n\r\n", offset);
        if (headEnd < 0)
            return {};
        const QList<QByteArray> lines = raw.mid(offset, headEnd - offset).split('\n');
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        if (statusLine.size() < 2)
            return {};
        r.status = statusLine.at(1).toInt();
        r.headers.clear();
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
        offset = headEnd + 4;
        if (r.status == 100)
            continue; // interim answer to Expect: 100-continue
        if (raw.size() < offset + length)
            return {};
        r.body = raw.mid(offset, length);
        if (consumed)
            *consumed = offset + length;
        return r;
    }
}

TestResponse TestHttpClient::request(const QByteArray &method, const QString &target,
                                     const QByteArray &body,
                                     QList<QPair<QByteArray, QByteArray>> headers)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!ensureConnected())
            return {};
        QByteArray out =
            method + ' ' + target.toUtf8() + " HTTP/1.1\r\nHost: " + m_host.toUtf8() + "\r\n";
        bool hasContentType = false;
        for (const auto &[name, value] : headers) {
            out += name + ": " + value + "\r\n";
            hasContentType |= name.toLower() == "content-type";
        }
        if (!m_bearer.isEmpty())
            out += "Authorization: Bearer " + m_bearer.toUtf8() + "\r\n";
        if (!body.isEmpty() && !hasContentType)
            out += "Content-Type: application/json\r\n";
        if (!body.isEmpty() || method == "POST" || method == "PATCH" || method == "PUT")
            out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        out += "\r\n" + body;
        m_socket->write(out);
        m_socket->waitForBytesWritten(5000);
        QByteArray received;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30000) {
            qsizetype consumed = 0;
            const TestResponse r = parseResponse(received, &consumed);
            if (r.status != 0) {
                if (r.header("connection") == "close")
                    m_socket.reset();
                if (ContractRecorder::isEnabled())
                    ContractRecorder::record(method, target, r);
                return r;
            }
            if (m_socket->state() != QAbstractSocket::ConnectedState &&
                m_socket->bytesAvailable() == 0)
                break;
            if (m_socket->waitForReadyRead(1000) || m_socket->bytesAvailable() > 0)
                received += m_socket->readAll();
        }
        m_socket.reset();
        if (!received.isEmpty())
            return {};
        // The server closed an idle keep-alive connection: retry once, fresh.
    }
    return {};
}

TestResponse TestHttpClient::get(const QString &target)
{
    return request("GET", target);
}

TestResponse TestHttpClient::post(const QString &target, const QJsonObject &body)
{
    return request("POST", target, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

TestResponse TestHttpClient::patch(const QString &target, const QJsonObject &body)
{
    return request("PATCH", target, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QByteArray TestHttpClient::rawExchange(const QByteArray &bytes, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(m_host, m_port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(bytes);
    socket.waitForBytesWritten(5000);
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(100))
            received += socket.readAll();
    }
    received += socket.readAll();
    return received;
}

} // namespace reserva::test
