#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

#include <optional>

namespace reserva {

// The server's TLS material: `--tls-cert`, `--tls-key` and, for mutual TLS,
// `--tls-client-ca`, loaded and checked once at startup so that a bad file
// stops the server with a message naming it, instead of every handshake
// failing later. Holds no file names and is never logged.
struct TlsSettings
{
    QList<QSslCertificate> certificateChain; // the server's certificate first
    QSslKey privateKey;
    // Client certificates are requested (never required at the handshake)
    // when this is not empty, and verified against these anchors only.
    QList<QSslCertificate> clientCaCertificates;

    bool requestsClientCertificates() const { return !clientCaCertificates.isEmpty(); }

    // Reads and checks the PEM files: readable, PEM, a certificate within its
    // validity period, an unencrypted RSA or EC key that matches it, and
    // (when `clientCaFile` is not empty) CA certificates. nullopt with
    // `error` naming the file and the problem, never the key's content.
    static std::optional<TlsSettings> fromFiles(const QString &certificateFile,
                                                const QString &keyFile, const QString &clientCaFile,
                                                QString *error);

    // What every accepted connection's QSslSocket is configured with: TLS 1.2
    // or later, forward-secret AEAD cipher suites only, our chain and key,
    // and QueryPeer with the client CA when there is one (a client without a
    // certificate still connects; routes decide what they require).
    QSslConfiguration serverConfiguration() const;
};

} // namespace reserva
