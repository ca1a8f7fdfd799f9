#include "tlstestserver.h"

#include <QFile>
#include <QProcess>
#include <QSslSocket>

#include <memory>

namespace reserva::test {

TlsTestServer::TlsTestServer()
{
    listen(QHostAddress::LocalHost);
}

bool TlsTestServer::useNewCertificate(const QString &commonName, QString *error)
{
    const QString base = m_dir.filePath(QString::number(++m_generation));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=") + commonName + QStringLiteral("/O=Reserva tests"),
                   QStringLiteral("-keyout"), base + QStringLiteral(".key"), QStringLiteral("-out"),
                   base + QStringLiteral(".crt")});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl failed: ") +
                 QString::fromLocal8Bit(openssl.readAllStandardError());
        return false;
    }
    QFile certFile(base + QStringLiteral(".crt"));
    QFile keyFile(base + QStringLiteral(".key"));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the generated certificate");
        return false;
    }
    m_certificate = QSslCertificate(certFile.readAll(), QSsl::Pem);
    m_key = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    return !m_certificate.isNull() && !m_key.isNull();
}

void TlsTestServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setLocalCertificate(m_certificate);
    socket->setPrivateKey(m_key);
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    auto request = std::make_shared<QByteArray>();
    connect(socket, &QSslSocket::readyRead, socket, [socket, request] {
        request->append(socket->readAll());
        if (!request->contains("\r\n\r\n"))
            return;
        const QByteArray body = R"({"status":"ok"})";
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                      "Content-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    });
    socket->startServerEncryption();
}

} // namespace reserva::test
