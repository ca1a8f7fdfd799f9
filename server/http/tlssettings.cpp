#include "tlssettings.h"

#include <QFile>
#include <QSslCipher>
#include <QSslSocket>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <vector>

namespace reserva {

namespace {

// A certificate or key file is a few KiB; refusing anything larger keeps a
// mistaken path (a log, /dev/zero) from being read whole.
constexpr qint64 kMaxFileSize = 1024 * 1024;

struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
struct X509Free
{
    void operator()(X509 *x) const { X509_free(x); }
};
struct PkeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;

// Key bytes are wiped from our buffers once parsed; QSslKey keeps its own copy.
struct CleansedBytes
{
    QByteArray bytes;
    ~CleansedBytes()
    {
        if (!bytes.isEmpty())
            OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    }
};

bool readSmallFile(const QString &path, const QString &what, QByteArray *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            QStringLiteral("cannot read the %1 file %2: %3").arg(what, path, file.errorString());
        return false;
    }
    *out = file.read(kMaxFileSize + 1);
    if (out->size() > kMaxFileSize) {
        *error =
            QStringLiteral("the %1 file %2 is larger than 1 MiB: not a PEM file").arg(what, path);
        return false;
    }
    return true;
}

BioPtr memoryBio(const QByteArray &bytes)
{
    return BioPtr(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

// Every "CERTIFICATE" block of a PEM file, in order; other blocks are skipped.
std::vector<X509Ptr> readCertificates(const QByteArray &pem)
{
    std::vector<X509Ptr> out;
    BioPtr bio = memoryBio(pem);
    while (bio) {
        X509 *x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
        if (!x)
            break;
        out.push_back(X509Ptr(x));
    }
    ERR_clear_error(); // the read past the last block always fails
    return out;
}

QSslCertificate toQt(X509 *x)
{
    unsigned char *der = nullptr;
    const int length = i2d_X509(x, &der);
    if (length <= 0)
        return QSslCertificate();
    QSslCertificate certificate(QByteArray(reinterpret_cast<const char *>(der), length), QSsl::Der);
    OPENSSL_free(der);
    return certificate;
}

bool isPem(const QByteArray &bytes)
{
    return bytes.contains("-----BEGIN ");
}

// Loading an encrypted key would need a passphrase at every start, typed by
// nobody; OpenSSL's default callback would even prompt on the terminal.
int refusePassphrase(char *, int, int, void *asked)
{
    *static_cast<bool *>(asked) = true;
    return -1;
}

std::optional<QList<QSslCertificate>> loadCertificates(const QString &path, const QString &what,
                                                       std::vector<X509Ptr> *parsed, QString *error)
{
    QByteArray bytes;
    if (!readSmallFile(path, what, &bytes, error))
        return std::nullopt;
    if (!isPem(bytes)) {
        *error = QStringLiteral("the %1 file %2 is not PEM (no \"-----BEGIN CERTIFICATE-----\")")
                     .arg(what, path);
        return std::nullopt;
    }
    *parsed = readCertificates(bytes);
    if (parsed->empty()) {
        *error = QStringLiteral("the %1 file %2 holds no PEM certificate").arg(what, path);
        return std::nullopt;
    }
    QList<QSslCertificate> out;
    for (const X509Ptr &x : *parsed) {
        out << toQt(x.get());
        if (out.last().isNull()) {
            *error = QStringLiteral("the %1 file %2 holds a certificate that does not decode")
                         .arg(what, path);
            return std::nullopt;
        }
    }
    return out;
}

QSslConfiguration baseConfiguration()
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_2OrLater);
    // TLS 1.3's suites are all AEAD with forward secrecy (and Qt's cipher
    // list does not govern them). For TLS 1.2: ECDHE key exchange with an
    // AEAD cipher only; no static RSA, no CBC (Lucky13-style padding
    // oracles), no PSK, no export or NULL suites that a permissive default
    // might keep.
    QList<QSslCipher> ciphers;
    const QList<QSslCipher> supported = QSslConfiguration::supportedCiphers();
    for (const QSslCipher &cipher : supported) {
        const QString name = cipher.name();
        const bool tls13 = cipher.protocol() == QSsl::TlsV1_3;
        const bool modern12 = name.startsWith(QLatin1String("ECDHE-")) &&
                              !name.contains(QLatin1String("PSK")) &&
                              (name.contains(QLatin1String("-GCM-")) ||
                               name.contains(QLatin1String("CHACHA20-POLY1305")));
        if (tls13 || modern12)
            ciphers << cipher;
    }
    c.setCiphers(ciphers);
    c.setSslOption(QSsl::SslOptionDisableCompression, true);
    c.setSslOption(QSsl::SslOptionDisableLegacyRenegotiation, true);
    c.setSslOption(QSsl::SslOptionDisableEmptyFragments, true);
    return c;
}

} // namespace

std::optional<TlsSettings> TlsSettings::fromFiles(const QString &certificateFile,
                                                  const QString &keyFile,
                                                  const QString &clientCaFile, QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("this build has no TLS backend (Qt's OpenSSL plugin is missing)");
        return std::nullopt;
    }
    TlsSettings settings;

    // The certificate, with the intermediates clients need after it.
    std::vector<X509Ptr> chain;
    const QString certWhat = QStringLiteral("TLS certificate");
    const auto certificates = loadCertificates(certificateFile, certWhat, &chain, error);
    if (!certificates)
        return std::nullopt;
    settings.certificateChain = *certificates;
    X509 *leaf = chain.front().get();
    if (X509_cmp_current_time(X509_get0_notAfter(leaf)) <= 0) {
        *error = QStringLiteral("the TLS certificate in %1 expired on %2")
                     .arg(certificateFile,
                          settings.certificateChain.first().expiryDate().toString(Qt::ISODate));
        return std::nullopt;
    }
    if (X509_cmp_current_time(X509_get0_notBefore(leaf)) >= 0) {
        *error = QStringLiteral("the TLS certificate in %1 is not valid before %2")
                     .arg(certificateFile,
                          settings.certificateChain.first().effectiveDate().toString(Qt::ISODate));
        return std::nullopt;
    }

    // The private key: PEM, unencrypted, RSA or EC, and the certificate's.
    {
        CleansedBytes keyBytes;
        if (!readSmallFile(keyFile, QStringLiteral("TLS key"), &keyBytes.bytes, error))
            return std::nullopt;
        if (!isPem(keyBytes.bytes)) {
            *error = QStringLiteral("the TLS key file %1 is not PEM (no \"-----BEGIN ... PRIVATE "
                                    "KEY-----\")")
                         .arg(keyFile);
            return std::nullopt;
        }
        bool passphraseAsked = false;
        BioPtr bio = memoryBio(keyBytes.bytes);
        std::unique_ptr<EVP_PKEY, PkeyFree> key(
            bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, &passphraseAsked)
                : nullptr);
        ERR_clear_error();
        if (!key) {
            *error =
                passphraseAsked
                    ? QStringLiteral("the TLS key file %1 is encrypted: give reservad an "
                                     "unencrypted key and protect the file instead (mode "
                                     "0600, or a systemd credential)")
                          .arg(keyFile)
                    : QStringLiteral("the TLS key file %1 holds no PEM private key").arg(keyFile);
            return std::nullopt;
        }
        if (X509_check_private_key(leaf, key.get()) != 1) {
            ERR_clear_error();
            *error = QStringLiteral("the TLS key in %1 does not match the certificate in %2")
                         .arg(keyFile, certificateFile);
            return std::nullopt;
        }
        QSsl::KeyAlgorithm algorithm = QSsl::Opaque;
        switch (EVP_PKEY_get_base_id(key.get())) {
        case EVP_PKEY_RSA:
            algorithm = QSsl::Rsa;
            break;
        case EVP_PKEY_EC:
            algorithm = QSsl::Ec;
            break;
        default:
            *error = QStringLiteral("the TLS key in %1 is neither RSA nor EC").arg(keyFile);
            return std::nullopt;
        }
        // Re-encoded unencrypted PKCS#8 in memory, whatever PEM flavour the
        // file used, for QSslKey.
        BioPtr out(BIO_new(BIO_s_mem()));
        if (!out || PEM_write_bio_PrivateKey(out.get(), key.get(), nullptr, nullptr, 0, nullptr,
                                             nullptr) != 1) {
            ERR_clear_error();
            *error = QStringLiteral("the TLS key in %1 cannot be used").arg(keyFile);
            return std::nullopt;
        }
        char *data = nullptr;
        const long size = BIO_get_mem_data(out.get(), &data);
        CleansedBytes pem;
        pem.bytes = QByteArray(data, qsizetype(size));
        OPENSSL_cleanse(data, size_t(size));
        settings.privateKey = QSslKey(pem.bytes, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (settings.privateKey.isNull()) {
            *error = QStringLiteral("the TLS key in %1 cannot be used").arg(keyFile);
            return std::nullopt;
        }
    }

    // The client CA: only CA certificates, each one an anchor.
    if (!clientCaFile.isEmpty()) {
        std::vector<X509Ptr> anchors;
        const auto ca =
            loadCertificates(clientCaFile, QStringLiteral("TLS client CA"), &anchors, error);
        if (!ca)
            return std::nullopt;
        for (size_t i = 0; i < anchors.size(); ++i) {
            if (X509_check_ca(anchors[i].get()) < 1) {
                *error = QStringLiteral("certificate %1 in the TLS client CA file %2 is not a CA "
                                        "certificate")
                             .arg(qulonglong(i + 1))
                             .arg(clientCaFile);
                return std::nullopt;
            }
        }
        settings.clientCaCertificates = *ca;
    }
    return settings;
}

QSslConfiguration TlsSettings::serverConfiguration() const
{
    QSslConfiguration c = baseConfiguration();
    c.setLocalCertificateChain(certificateChain);
    c.setPrivateKey(privateKey);
    if (requestsClientCertificates()) {
        // QueryPeer: ask for a certificate but finish the handshake without
        // one (or with one that does not verify); our own verifier decides
        // per connection, and only the routes that need it refuse.
        c.setPeerVerifyMode(QSslSocket::QueryPeer);
        // Also keeps Qt from loading the system roots for this check.
        c.setCaCertificates(clientCaCertificates);
    } else {
        c.setPeerVerifyMode(QSslSocket::VerifyNone);
        c.setCaCertificates({});
    }
    return c;
}

} // namespace reserva
