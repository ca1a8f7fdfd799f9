#pragma once

#include <QByteArrayView>

namespace reserva {

// Compares secrets (signatures, MACs, token hashes) in time that depends only
// on the lengths, never on where the first difference is (OpenSSL CRYPTO_memcmp).
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace reserva
