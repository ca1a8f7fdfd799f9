#pragma once

#include <QByteArray>

namespace reserva {

// Cryptographically secure random bytes (OpenSSL RAND_bytes). Aborts the
// process if the generator fails: continuing without randomness is never safe.
QByteArray randomBytes(qsizetype count);
// 32 random bytes, base64url: refresh tokens, secrets.
QByteArray randomToken();

} // namespace reserva
