#include "clientcertificateverifier.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <memory>

namespace reserva {

namespace {

// Longer chains than this are refused before any signature is checked: a
// PSP's chain is leaf, perhaps one or two intermediates, then our anchor.
constexpr int kMaxChainLength = 8;

struct X509Free
{
    void operator()(X509 *x) const { X509_free(x); }
};
struct X509StackFree
{
    void operator()(STACK_OF(X509) * s) const { sk_X509_pop_free(s, X509_free); }
};
struct StoreContextFree
{
    void operator()(X509_STORE_CTX *c) const { X509_STORE_CTX_free(c); }
};
struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr fromDer(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &p, long(der.size())));
}

QString subjectOf(X509 *x)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), X509_get_subject_name(x), 0, XN_FLAG_RFC2253) < 0)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, qsizetype(size)).left(512);
}

} // namespace

ClientCertificateVerifier::ClientCertificateVerifier(const QList<QSslCertificate> &trustAnchors)
    : m_store(X509_STORE_new())
{
    if (!m_store)
        qFatal("out of memory: X509_STORE_new");
    for (const QSslCertificate &anchor : trustAnchors) {
        X509Ptr x = fromDer(anchor);
        // The files were parsed at startup: a certificate that does not
        // decode again would be a bug, and trusting less is the safe side.
        if (x)
            X509_STORE_add_cert(m_store, x.get()); // takes its own reference
    }
    // PARTIAL_CHAIN: every configured certificate is an anchor, so a PSP's
    // issuing intermediate can be pinned without trusting its whole root.
    // X509_STRICT: no lenient parsing of the chain's certificates.
    X509_STORE_set_flags(m_store, X509_V_FLAG_PARTIAL_CHAIN | X509_V_FLAG_X509_STRICT);
    X509_STORE_set_purpose(m_store, X509_PURPOSE_SSL_CLIENT);
    X509_STORE_set_depth(m_store, kMaxChainLength);
    ERR_clear_error();
}

ClientCertificateVerifier::~ClientCertificateVerifier()
{
    X509_STORE_free(m_store);
}

ClientCertificate ClientCertificateVerifier::verify(const QList<QSslCertificate> &peerChain) const
{
    ClientCertificate result;
    if (peerChain.isEmpty() || peerChain.first().isNull()) {
        result.state = ClientCertificate::State::Absent;
        return result;
    }
    result.state = ClientCertificate::State::Untrusted;
    if (peerChain.size() > kMaxChainLength) {
        result.failure = QStringLiteral("certificate chain too long");
        return result;
    }
    const X509Ptr leaf = fromDer(peerChain.first());
    std::unique_ptr<STACK_OF(X509), X509StackFree> untrusted(sk_X509_new_null());
    if (!leaf || !untrusted) {
        result.failure = QStringLiteral("certificate does not decode");
        ERR_clear_error();
        return result;
    }
    result.subject = subjectOf(leaf.get());
    // What the client sent beyond its leaf may help build the path, but is
    // never trusted for being sent.
    for (qsizetype i = 1; i < peerChain.size(); ++i) {
        X509Ptr x = fromDer(peerChain.at(i));
        if (x && sk_X509_push(untrusted.get(), x.get()) > 0)
            (void)x.release();
    }
    std::unique_ptr<X509_STORE_CTX, StoreContextFree> ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), m_store, leaf.get(), untrusted.get()) != 1) {
        result.failure = QStringLiteral("verification could not start");
        ERR_clear_error();
        return result;
    }
    X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SSL_CLIENT);
    if (X509_verify_cert(ctx.get()) == 1) {
        result.state = ClientCertificate::State::Verified;
    } else {
        result.failure =
            QString::fromLatin1(X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get())));
    }
    ERR_clear_error();
    return result;
}

} // namespace reserva
