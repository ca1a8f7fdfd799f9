#include "ed25519key.h"

#include <QtGlobal>

#include <openssl/evp.h>

namespace reserva {

namespace {

constexpr size_t kKeySize = 32;
constexpr size_t kSignatureSize = 64;

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

std::shared_ptr<EVP_PKEY> adopt(EVP_PKEY *key)
{
    if (!key)
        return {};
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

const unsigned char *bytesOf(QByteArrayView data)
{
    static const unsigned char empty = 0;
    return data.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(data.data());
}

QByteArray rawPublicKeyOf(EVP_PKEY *key)
{
    QByteArray raw(kKeySize, Qt::Uninitialized);
    size_t length = kKeySize;
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(raw.data()), &length) !=
            1 ||
        length != kKeySize)
        return {};
    return raw;
}

} // namespace

std::optional<Ed25519PublicKey> Ed25519PublicKey::fromRaw(QByteArrayView raw32)
{
    if (raw32.size() != qsizetype(kKeySize))
        return std::nullopt;
    auto key =
        adopt(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytesOf(raw32), kKeySize));
    if (!key)
        return std::nullopt;
    return Ed25519PublicKey(std::move(key), raw32.toByteArray());
}

bool Ed25519PublicKey::verify(QByteArrayView message, QByteArrayView signature) const
{
    // Ed25519 signatures have one size (RFC 8032 section 5.1.6); anything else
    // is refused before OpenSSL sees it.
    if (!m_key || signature.size() != qsizetype(kSignatureSize))
        return false;
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx)
        return false;
    // PureEdDSA hashes internally: the digest must be NULL (RFC 8032 section 5.1).
    if (EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, m_key.get()) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), bytesOf(signature), kSignatureSize, bytesOf(message),
                            static_cast<size_t>(message.size())) == 1;
}

Ed25519PrivateKey Ed25519PrivateKey::generate()
{
    auto key = adopt(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!key)
        qFatal("reserva: Ed25519 key generation failed in OpenSSL");
    return Ed25519PrivateKey(std::move(key));
}

std::optional<Ed25519PrivateKey> Ed25519PrivateKey::fromRaw(QByteArrayView seed32)
{
    if (seed32.size() != qsizetype(kKeySize))
        return std::nullopt;
    auto key =
        adopt(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytesOf(seed32), kKeySize));
    if (!key)
        return std::nullopt;
    return Ed25519PrivateKey(std::move(key));
}

QByteArray Ed25519PrivateKey::rawSeed() const
{
    QByteArray seed(kKeySize, Qt::Uninitialized);
    size_t length = kKeySize;
    if (EVP_PKEY_get_raw_private_key(m_key.get(), reinterpret_cast<unsigned char *>(seed.data()),
                                     &length) != 1 ||
        length != kKeySize)
        qFatal("reserva: cannot export an Ed25519 private key");
    return seed;
}

Ed25519PublicKey Ed25519PrivateKey::publicKey() const
{
    const QByteArray raw = rawPublicKeyOf(m_key.get());
    auto key =
        raw.isEmpty()
            ? std::shared_ptr<EVP_PKEY>()
            : adopt(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytesOf(raw), kKeySize));
    if (!key)
        qFatal("reserva: cannot derive an Ed25519 public key");
    // A key holding only the public half: verifiers never share the secret's EVP_PKEY.
    return Ed25519PublicKey(std::move(key), raw);
}

QByteArray Ed25519PrivateKey::sign(QByteArrayView message) const
{
    MdCtxPtr ctx(EVP_MD_CTX_new());
    QByteArray signature(kSignatureSize, Qt::Uninitialized);
    size_t length = kSignatureSize;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       bytesOf(message), static_cast<size_t>(message.size())) != 1 ||
        length != kSignatureSize)
        qFatal("reserva: Ed25519 signing failed in OpenSSL");
    return signature;
}

} // namespace reserva
