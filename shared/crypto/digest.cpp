#include "digest.h"

#include <QtGlobal>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <memory>

namespace reserva {

namespace {

struct MacDeleter
{
    void operator()(EVP_MAC *mac) const { EVP_MAC_free(mac); }
};
struct MacCtxDeleter
{
    void operator()(EVP_MAC_CTX *ctx) const { EVP_MAC_CTX_free(ctx); }
};

// OpenSSL treats a null pointer with a zero length as "no input" in some
// paths and as an error in others; an empty view always gets a real address.
const unsigned char *bytesOf(QByteArrayView data)
{
    static const unsigned char empty = 0;
    return data.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(data.data());
}

} // namespace

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(bytesOf(data), static_cast<size_t>(data.size()),
                   reinterpret_cast<unsigned char *>(out.data()), &length, EVP_sha256(),
                   nullptr) != 1 ||
        length != 32) {
        // Only a broken OpenSSL installation gets here; a wrong digest would
        // silently break every signature and hash comparison built on it.
        qFatal("reserva: SHA-256 failed in OpenSSL");
    }
    return out;
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView message)
{
    std::unique_ptr<EVP_MAC, MacDeleter> mac(EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr));
    std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter> ctx(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
    if (!ctx)
        qFatal("reserva: HMAC is not available in OpenSSL");

    char digestName[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digestName, 0),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(32, Qt::Uninitialized);
    size_t length = 0;
    if (EVP_MAC_init(ctx.get(), bytesOf(key), static_cast<size_t>(key.size()), params) != 1 ||
        EVP_MAC_update(ctx.get(), bytesOf(message), static_cast<size_t>(message.size())) != 1 ||
        EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &length,
                      static_cast<size_t>(out.size())) != 1 ||
        length != 32) {
        qFatal("reserva: HMAC-SHA256 failed in OpenSSL");
    }
    return out;
}

} // namespace reserva
