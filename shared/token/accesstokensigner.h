#pragma once

#include "accesstokenclaims.h"
#include "crypto/ed25519key.h"

namespace reserva {

// Issues access tokens: header {"alg":"EdDSA","typ":"at+jwt","kid":kid} and the
// claims of AccessTokenClaims as NumericDate / string claims. "tenant" is left
// out when empty; "roles" is always an array.
QByteArray signAccessToken(const AccessTokenClaims &claims, const QString &kid,
                           const Ed25519PrivateKey &key);

} // namespace reserva
