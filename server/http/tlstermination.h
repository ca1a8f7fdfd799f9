#pragma once

#include "clientcertificate.h"
#include "tlssettings.h"

#include <QSslConfiguration>

#include <memory>

class QSslSocket;

namespace reserva {

class ClientCertificateVerifier;

// TLS for accepted connections: the server configuration every worker's
// QSslSocket gets and the client certificate verifier, both built once on
// the thread that starts the server and only read afterwards, so every
// worker shares them.
class TlsTermination final
{
public:
    explicit TlsTermination(const TlsSettings &settings);
    ~TlsTermination();
    Q_DISABLE_COPY_MOVE(TlsTermination)

    // A QSslSocket configured for the server side and bound to `descriptor`;
    // the caller owns it and starts the handshake (startServerEncryption)
    // once it listens to the socket's signals. Null when the descriptor is
    // unusable.
    QSslSocket *adopt(qintptr descriptor, QString *error) const;

    // After the handshake: what the client's certificate establishes.
    ClientCertificate clientCertificateOf(const QSslSocket &socket) const;

private:
    QSslConfiguration m_configuration;
    std::unique_ptr<ClientCertificateVerifier> m_verifier; // null: none requested
};

} // namespace reserva
