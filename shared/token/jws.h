#pragma once

#include "crypto/ed25519key.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace reserva {

// A JWS in compact serialization (RFC 7515 section 7.1), split but NOT verified.
struct JwsCompactParts
{
    QByteArray signingInput; // BASE64URL(header) '.' BASE64URL(payload), as received
    QJsonObject header;      // the decoded protected header
    QByteArray payload;      // the decoded payload bytes
    QByteArray signature;    // the decoded signature bytes
};

// Splits and decodes; nullopt unless exactly three strict base64url parts, a
// header that is a JSON object, and a non-empty signature.
std::optional<JwsCompactParts> parseJwsCompact(QByteArrayView compact);

// Signs `payload` under the exact protected header bytes given (so known-answer
// vectors such as RFC 8037 A.4 can be reproduced byte for byte).
QByteArray signJwsCompactEdDsa(QByteArrayView protectedHeaderJson, QByteArrayView payload,
                               const Ed25519PrivateKey &key);

} // namespace reserva
