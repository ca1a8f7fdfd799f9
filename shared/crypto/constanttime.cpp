#include "constanttime.h"

#include <openssl/crypto.h>

namespace reserva {

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // Lengths are not secret (a MAC or a signature has a public, fixed size);
    // the contents are compared without an early exit, so a forger cannot learn
    // a valid MAC byte by byte from response times.
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

} // namespace reserva
