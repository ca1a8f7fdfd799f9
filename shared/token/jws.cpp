#include "jws.h"

#include "crypto/base64url.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace reserva {

std::optional<JwsCompactParts> parseJwsCompact(QByteArrayView compact)
{
    // Exactly three parts (RFC 7515 section 7.1); a JWE (five parts) or a
    // JSON serialization is not an access token.
    const qsizetype firstDot = compact.indexOf('.');
    if (firstDot < 0)
        return std::nullopt;
    const qsizetype secondDot = compact.indexOf('.', firstDot + 1);
    if (secondDot < 0 || compact.indexOf('.', secondDot + 1) >= 0)
        return std::nullopt;

    const QByteArrayView headerPart = compact.first(firstDot);
    const QByteArrayView payloadPart = compact.sliced(firstDot + 1, secondDot - firstDot - 1);
    const QByteArrayView signaturePart = compact.sliced(secondDot + 1);

    auto headerJson = base64UrlDecode(headerPart);
    auto payload = base64UrlDecode(payloadPart);
    auto signature = base64UrlDecode(signaturePart);
    // An empty signature is how "alg":"none" tokens look (RFC 7519 section 6):
    // refused here already.
    if (!headerJson || !payload || !signature || signature->isEmpty())
        return std::nullopt;

    QJsonParseError error;
    const QJsonDocument header = QJsonDocument::fromJson(*headerJson, &error);
    if (error.error != QJsonParseError::NoError || !header.isObject())
        return std::nullopt;

    JwsCompactParts parts;
    // The signature covers the bytes as sent, never a re-encoding of them.
    parts.signingInput = compact.first(secondDot).toByteArray();
    parts.header = header.object();
    parts.payload = std::move(*payload);
    parts.signature = std::move(*signature);
    return parts;
}

QByteArray signJwsCompactEdDsa(QByteArrayView protectedHeaderJson, QByteArrayView payload,
                               const Ed25519PrivateKey &key)
{
    QByteArray signingInput = base64UrlEncode(protectedHeaderJson);
    signingInput += '.';
    signingInput += base64UrlEncode(payload);
    const QByteArray signature = key.sign(signingInput);
    signingInput += '.';
    signingInput += base64UrlEncode(signature);
    return signingInput;
}

} // namespace reserva
