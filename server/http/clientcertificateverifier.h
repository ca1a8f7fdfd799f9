#pragma once

#include "clientcertificate.h"

#include <QList>
#include <QSslCertificate>

typedef struct x509_store_st X509_STORE;

namespace reserva {

// Verifies a TLS client's certificate chain against the configured client
// CA certificates and nothing else: not the system store, not what the
// client sends as trusted. Qt's own verification in QueryPeer mode only
// reports; this is the check a route relies on. The store is built once and
// only read afterwards, so one verifier serves every worker thread.
class ClientCertificateVerifier final
{
public:
    // `trustAnchors`: the CA certificates from --tls-client-ca (roots or
    // intermediates; each one is a trust anchor on its own).
    explicit ClientCertificateVerifier(const QList<QSslCertificate> &trustAnchors);
    ~ClientCertificateVerifier();
    Q_DISABLE_COPY_MOVE(ClientCertificateVerifier)

    // `peerChain`: the leaf first, then whatever intermediates the client
    // sent (QSslSocket::peerCertificateChain() on the server side). Verified
    // only when a path from the leaf reaches an anchor, every certificate is
    // within its validity period now, and the purpose (key usage, extended
    // key usage, basic constraints) allows TLS client authentication.
    ClientCertificate verify(const QList<QSslCertificate> &peerChain) const;

private:
    X509_STORE *m_store = nullptr;
};

} // namespace reserva
