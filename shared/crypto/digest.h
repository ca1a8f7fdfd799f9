#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace reserva {

// Raw 32-byte digests (OpenSSL 3 EVP).
QByteArray sha256(QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView message);

} // namespace reserva
