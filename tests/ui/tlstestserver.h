#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>

namespace reserva::test {

// An HTTPS server on 127.0.0.1 that answers every request with 200 and a
// small JSON body, presenting a self-signed certificate made for the test
// (openssl req -x509), which can be replaced by another one while it runs.
class TlsTestServer final : public QTcpServer
{
    Q_OBJECT
public:
    TlsTestServer();

    // Makes a new self-signed certificate with this common name and presents
    // it from now on. False (with *error) when openssl fails.
    bool useNewCertificate(const QString &commonName, QString *error);
    QSslCertificate certificate() const { return m_certificate; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
    int m_generation = 0;
};

} // namespace reserva::test
