#include "accesstokensigner.h"

#include "token/jws.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace reserva {

namespace {

// A JSON string literal for `text`, escaped the way QJsonDocument escapes it.
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.sliced(1, array.size() - 2); // strip '[' and ']'
}

} // namespace

QByteArray signAccessToken(const AccessTokenClaims &claims, const QString &kid,
                           const Ed25519PrivateKey &key)
{
    Q_ASSERT(claims.issuedAt.isValid() && claims.expiresAt.isValid());
    // Written by hand rather than through QJsonObject (which sorts keys) so
    // the header is exactly {"alg":"EdDSA","typ":"at+jwt","kid":...}: typ
    // "at+jwt" is what keeps an access token from being accepted where another
    // kind of JWT is expected (RFC 9068 section 2.1, RFC 8725 section 3.11).
    const QByteArray header =
        QByteArrayLiteral(R"({"alg":"EdDSA","typ":"at+jwt","kid":)") + jsonString(kid) + '}';
    const QByteArray payload =
        QJsonDocument(accessTokenClaimsToJson(claims)).toJson(QJsonDocument::Compact);
    return signJwsCompactEdDsa(header, payload, key);
}

} // namespace reserva
