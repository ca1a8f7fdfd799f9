#include "threadcleanup.h"

#include <openssl/crypto.h>

namespace reserva {

void releaseThreadCryptoState()
{
    OPENSSL_thread_stop();
}

} // namespace reserva
