#pragma once

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace reserva::test {

// A throwaway PKI made at test time with OpenSSL's APIs: a CA (EC P-256) and
// the certificates it issues, each written as PEM into a temporary
// directory. No private key is ever committed; each suite makes its own.
class TestPki
{
public:
    enum class Usage {
        Server,    // serverAuth, SAN localhost and 127.0.0.1
        Client,    // clientAuth
        ServerOnly // serverAuth only: not for a TLS client
    };
    enum class Validity {
        Current, // from an hour ago for a day
        Expired, // ended yesterday
    };

    struct Issued
    {
        QString certificateFile; // PEM: the certificate
        QString keyFile;         // PEM: its unencrypted key
        QSslCertificate certificate;
        QSslKey key;
    };

    // A new CA named `commonName`, its files in a temporary directory.
    explicit TestPki(const QString &commonName);
    ~TestPki();
    Q_DISABLE_COPY_MOVE(TestPki)

    QString caFile() const { return m_caFile; }
    QSslCertificate caCertificate() const { return m_caCertificate; }

    Issued issue(const QString &commonName, Usage usage, Validity validity = Validity::Current);
    // The key of `issued`, written again encrypted under a passphrase.
    QString writeEncryptedKey(const Issued &issued, const QByteArray &passphrase);
    // A file in this PKI's directory with `content`.
    QString writeFile(const QString &name, const QByteArray &content);

    // A client configuration that trusts only this CA (and checks the
    // server's name), optionally presenting `clientCertificate`.
    QSslConfiguration clientConfiguration(const Issued *clientCertificate = nullptr) const;

private:
    struct Keys;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Keys> m_keys;
    QString m_caFile;
    QSslCertificate m_caCertificate;
    int m_serial = 1;
};

} // namespace reserva::test
