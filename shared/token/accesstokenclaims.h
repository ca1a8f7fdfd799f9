#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace reserva {

// The only claims an access token carries (invariant 10, RFC 9068): who (sub),
// what they may do (roles, tenant) and the JWT housekeeping. Never names,
// emails or document numbers.
struct AccessTokenClaims
{
    QString subject;     // "sub": the user id (UUID, no braces)
    QStringList roles;   // "roles": admin, partner_manager, partner_staff, auditor
    QString tenant;      // "tenant": tenant id (UUID) or empty for global roles
    QString issuer;      // "iss"
    QString audience;    // "aud"
    QString clientId;    // "client_id" (RFC 9068)
    QString tokenId;     // "jti"
    QDateTime issuedAt;  // "iat"
    QDateTime notBefore; // "nbf"
    QDateTime expiresAt; // "exp"

    bool hasRole(const QString &role) const { return roles.contains(role); }
};

// The JWT claims set (RFC 7519 section 4) an access token carries: sub, roles
// (always an array), tenant and client_id (left out when empty), iss, aud (a
// string), jti, and iat, nbf, exp as integer NumericDates (nbf left out when
// invalid).
QJsonObject accessTokenClaimsToJson(const AccessTokenClaims &claims);

} // namespace reserva
