#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

namespace reserva {

// Ed25519 (RFC 8032) keys over OpenSSL 3 EVP. Immutable after creation and
// safe to share between threads (each sign/verify uses its own EVP_MD_CTX).
class Ed25519PublicKey
{
public:
    static std::optional<Ed25519PublicKey> fromRaw(QByteArrayView raw32);
    QByteArray raw() const { return m_raw; } // 32 bytes
    // True only for a 64-byte signature valid for `message` under this key.
    bool verify(QByteArrayView message, QByteArrayView signature) const;
    bool operator==(const Ed25519PublicKey &other) const { return m_raw == other.m_raw; }

private:
    Ed25519PublicKey(std::shared_ptr<EVP_PKEY> key, QByteArray raw)
        : m_key(std::move(key))
        , m_raw(std::move(raw))
    {
    }
    std::shared_ptr<EVP_PKEY> m_key;
    // The encoded point, kept beside the EVP_PKEY so comparing keys (a cache
    // hit checks its key is still the trusted one) costs no OpenSSL call.
    QByteArray m_raw;
    friend class Ed25519PrivateKey;
};

class Ed25519PrivateKey
{
public:
    static Ed25519PrivateKey generate();
    // The 32-byte seed ("d" in a JWK).
    static std::optional<Ed25519PrivateKey> fromRaw(QByteArrayView seed32);
    QByteArray rawSeed() const; // 32 bytes: a secret, never log it
    Ed25519PublicKey publicKey() const;
    // 64 bytes. Aborts if OpenSSL cannot sign (out of memory): a token must
    // never leave unsigned or with a truncated signature.
    QByteArray sign(QByteArrayView message) const;

private:
    explicit Ed25519PrivateKey(std::shared_ptr<EVP_PKEY> key)
        : m_key(std::move(key))
    {
    }
    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace reserva
