#include "testpki.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSslSocket>

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace reserva::test {

namespace {

constexpr long kHour = 3600;
constexpr long kDay = 24 * kHour;

EVP_PKEY *newKey()
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    if (!key)
        qFatal("TestPki: EC key generation failed");
    return key;
}

void addExtension(X509 *certificate, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!extension || X509_add_ext(certificate, extension, -1) != 1)
        qFatal("TestPki: extension %d = %s refused", nid, value);
    X509_EXTENSION_free(extension);
}

// An unsigned certificate for `key` named `commonName`, issued by `issuer`
// (self-issued when null), valid from `from` to `to` seconds relative to now.
X509 *makeCertificate(EVP_PKEY *key, const QString &commonName, X509 *issuer, long from, long to,
                      int serial)
{
    X509 *x = X509_new();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
    X509_gmtime_adj(X509_getm_notBefore(x), from);
    X509_gmtime_adj(X509_getm_notAfter(x), to);
    X509_set_pubkey(x, key);
    X509_NAME *name = X509_get_subject_name(x);
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>("Reserva tests"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer) : name);
    return x;
}

void sign(X509 *x, EVP_PKEY *key)
{
    if (X509_sign(x, key, EVP_sha256()) <= 0)
        qFatal("TestPki: signing failed");
}

QByteArray certificatePem(X509 *x)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, x);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray out(data, qsizetype(size));
    BIO_free(bio);
    return out;
}

QByteArray keyPem(EVP_PKEY *key, const QByteArray &passphrase = {})
{
    BIO *bio = BIO_new(BIO_s_mem());
    if (passphrase.isEmpty())
        PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    else
        PEM_write_bio_PKCS8PrivateKey(bio, key, EVP_aes_256_cbc(), passphrase.constData(),
                                      int(passphrase.size()), nullptr, nullptr);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray out(data, qsizetype(size));
    BIO_free(bio);
    return out;
}

} // namespace

struct TestPki::Keys
{
    EVP_PKEY *caKey = nullptr;
    X509 *caCertificate = nullptr;
    QHash<QString, QByteArray> issuedKeys; // key file -> PEM, for writeEncryptedKey

    ~Keys()
    {
        X509_free(caCertificate);
        EVP_PKEY_free(caKey);
    }
};

TestPki::TestPki(const QString &commonName)
    : m_dir(std::make_unique<QTemporaryDir>())
    , m_keys(std::make_unique<Keys>())
{
    if (!m_dir->isValid())
        qFatal("TestPki: no temporary directory");
    m_keys->caKey = newKey();
    X509 *ca = makeCertificate(m_keys->caKey, commonName, nullptr, -kHour, 30 * kDay, m_serial++);
    addExtension(ca, ca, NID_basic_constraints, "critical,CA:TRUE");
    addExtension(ca, ca, NID_key_usage, "critical,keyCertSign,cRLSign");
    addExtension(ca, ca, NID_subject_key_identifier, "hash");
    addExtension(ca, ca, NID_authority_key_identifier, "keyid:always");
    sign(ca, m_keys->caKey);
    m_keys->caCertificate = ca;
    const QByteArray pem = certificatePem(ca);
    m_caFile = writeFile(QStringLiteral("ca.pem"), pem);
    m_caCertificate = QSslCertificate(pem, QSsl::Pem);
}

TestPki::~TestPki() = default;

QString TestPki::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size())
        qFatal("TestPki: cannot write %s", qPrintable(path));
    return path;
}

TestPki::Issued TestPki::issue(const QString &commonName, Usage usage, Validity validity)
{
    EVP_PKEY *key = newKey();
    const bool expired = validity == Validity::Expired;
    X509 *x = makeCertificate(key, commonName, m_keys->caCertificate, expired ? -2 * kDay : -kHour,
                              expired ? -kDay : kDay, m_serial++);
    addExtension(x, m_keys->caCertificate, NID_basic_constraints, "critical,CA:FALSE");
    addExtension(x, m_keys->caCertificate, NID_key_usage, "critical,digitalSignature");
    addExtension(x, m_keys->caCertificate, NID_subject_key_identifier, "hash");
    addExtension(x, m_keys->caCertificate, NID_authority_key_identifier, "keyid:always");
    switch (usage) {
    case Usage::Server:
        addExtension(x, m_keys->caCertificate, NID_ext_key_usage, "serverAuth");
        addExtension(x, m_keys->caCertificate, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1");
        break;
    case Usage::Client:
        addExtension(x, m_keys->caCertificate, NID_ext_key_usage, "clientAuth");
        break;
    case Usage::ServerOnly:
        addExtension(x, m_keys->caCertificate, NID_ext_key_usage, "serverAuth");
        break;
    }
    sign(x, m_keys->caKey);
    const QString base = QStringLiteral("%1-%2").arg(m_serial).arg(commonName).replace(u' ', u'-');
    Issued issued;
    const QByteArray certificate = certificatePem(x);
    const QByteArray privateKey = keyPem(key);
    issued.certificateFile = writeFile(base + QStringLiteral(".crt.pem"), certificate);
    issued.keyFile = writeFile(base + QStringLiteral(".key.pem"), privateKey);
    issued.certificate = QSslCertificate(certificate, QSsl::Pem);
    issued.key = QSslKey(privateKey, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    m_keys->issuedKeys.insert(issued.keyFile, privateKey);
    X509_free(x);
    EVP_PKEY_free(key);
    if (issued.certificate.isNull() || issued.key.isNull())
        qFatal("TestPki: Qt does not read what OpenSSL wrote");
    return issued;
}

QString TestPki::writeEncryptedKey(const Issued &issued, const QByteArray &passphrase)
{
    const QByteArray pem = m_keys->issuedKeys.value(issued.keyFile);
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!key)
        qFatal("TestPki: cannot read back %s", qPrintable(issued.keyFile));
    const QString path = writeFile(QFileInfo(issued.keyFile).fileName() + QStringLiteral(".enc"),
                                   keyPem(key, passphrase));
    EVP_PKEY_free(key);
    return path;
}

QSslConfiguration TestPki::clientConfiguration(const Issued *clientCertificate) const
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_2OrLater);
    c.setCaCertificates({m_caCertificate});
    c.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (clientCertificate) {
        c.setLocalCertificate(clientCertificate->certificate);
        c.setPrivateKey(clientCertificate->key);
    }
    return c;
}

} // namespace reserva::test
