#include "accesstokenclaims.h"

#include <QJsonArray>

namespace reserva {

QJsonObject accessTokenClaimsToJson(const AccessTokenClaims &claims)
{
    QJsonObject json{
        {QStringLiteral("sub"), claims.subject},
        {QStringLiteral("roles"), QJsonArray::fromStringList(claims.roles)},
        {QStringLiteral("iss"), claims.issuer},
        {QStringLiteral("aud"), claims.audience},
        {QStringLiteral("jti"), claims.tokenId},
    };
    // Invariant 10: nothing else about the user travels in the token.
    if (!claims.tenant.isEmpty())
        json.insert(QStringLiteral("tenant"), claims.tenant);
    if (!claims.clientId.isEmpty())
        json.insert(QStringLiteral("client_id"), claims.clientId);
    // NumericDate (RFC 7519 section 2) as whole seconds: Qt 6 keeps a qint64
    // an integer in the JSON text.
    if (claims.issuedAt.isValid())
        json.insert(QStringLiteral("iat"), claims.issuedAt.toSecsSinceEpoch());
    if (claims.notBefore.isValid())
        json.insert(QStringLiteral("nbf"), claims.notBefore.toSecsSinceEpoch());
    if (claims.expiresAt.isValid())
        json.insert(QStringLiteral("exp"), claims.expiresAt.toSecsSinceEpoch());
    return json;
}

} // namespace reserva
