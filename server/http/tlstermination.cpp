#include "tlstermination.h"

#include "clientcertificateverifier.h"

#include <QSslSocket>

namespace reserva {

TlsTermination::TlsTermination(const TlsSettings &settings)
    : m_configuration(settings.serverConfiguration())
{
    if (settings.requestsClientCertificates())
        m_verifier = std::make_unique<ClientCertificateVerifier>(settings.clientCaCertificates);
}

TlsTermination::~TlsTermination() = default;

QSslSocket *TlsTermination::adopt(qintptr descriptor, QString *error) const
{
    auto *socket = new QSslSocket;
    socket->setSslConfiguration(m_configuration);
    if (!socket->setSocketDescriptor(descriptor)) {
        *error = socket->errorString();
        delete socket;
        return nullptr;
    }
    return socket;
}

ClientCertificate TlsTermination::clientCertificateOf(const QSslSocket &socket) const
{
    if (!m_verifier)
        return {};
    // The leaf first, then what the client sent with it. Qt puts the leaf
    // at the head of the server side's chain; be explicit rather than rely on it.
    const QSslCertificate leaf = socket.peerCertificate();
    if (leaf.isNull())
        return m_verifier->verify({});
    QList<QSslCertificate> chain{leaf};
    const QList<QSslCertificate> sent = socket.peerCertificateChain();
    for (const QSslCertificate &certificate : sent) {
        if (certificate != leaf)
            chain << certificate;
    }
    return m_verifier->verify(chain);
}

} // namespace reserva
