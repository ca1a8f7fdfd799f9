#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSslConfiguration>
#include <QString>
#include <QTcpSocket>

#include <memory>
#include <optional>

namespace reserva::test {

struct TestResponse
{
    int status = 0;                               // 0: no answer (connection closed or timed out)
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;

    QByteArray header(QByteArrayView lowerCaseName) const;
    QJsonObject json() const;
    QJsonArray jsonArray() const;
    // The problem+json "type" slug ("validation-failed"...), or empty.
    QString problemSlug() const;
};

// A small blocking HTTP/1.1 client for tests: one keep-alive connection to
// 127.0.0.1:port, reopened when the server closes it. Independent of the
// server's HTTP code, so it can catch its mistakes.
class TestHttpClient
{
public:
    explicit TestHttpClient(quint16 port, QString host = QStringLiteral("127.0.0.1"));
    ~TestHttpClient();
    TestHttpClient(TestHttpClient &&) = default;
    TestHttpClient &operator=(TestHttpClient &&) = default;

    // HTTPS from the next connection on: a QSslSocket with `configuration`
    // (the CA to trust, perhaps a client certificate), checking that the
    // server's certificate names `peerName`. A failed handshake is a request
    // with no answer (status 0).
    void setTls(const QSslConfiguration &configuration,
                const QString &peerName = QStringLiteral("localhost"));

    void setBearer(const QString &accessToken) { m_bearer = accessToken; }
    void clearBearer() { m_bearer.clear(); }

    TestResponse request(const QByteArray &method, const QString &target,
                         const QByteArray &body = {},
                         QList<QPair<QByteArray, QByteArray>> headers = {});
    TestResponse get(const QString &target);
    TestResponse post(const QString &target, const QJsonObject &body);
    TestResponse patch(const QString &target, const QJsonObject &body);

    // Sends raw bytes on a fresh connection and returns everything the server
    // wrote before closing (or until timeoutMs).
    QByteArray rawExchange(const QByteArray &bytes, int timeoutMs = 5000);

    static TestResponse parseResponse(const QByteArray &raw, qsizetype *consumed = nullptr);

private:
    bool ensureConnected();

    quint16 m_port;
    QString m_host;
    QString m_bearer;
    std::optional<QSslConfiguration> m_tls;
    QString m_tlsPeerName;
    std::unique_ptr<QTcpSocket> m_socket;
};

} // namespace reserva::test
