#include "principal.h"

namespace reserva {

std::optional<Principal> Principal::fromClaims(const AccessTokenClaims &claims)
{
    Principal p;
    p.userId = QUuid::fromString(claims.subject);
    if (p.userId.isNull())
        return std::nullopt;
    for (const QString &r : claims.roles) {
        if (role::isKnown(r))
            p.roles << r;
    }
    if (!claims.tenant.isEmpty()) {
        p.tenantId = QUuid::fromString(claims.tenant);
        if (p.tenantId.isNull())
            return std::nullopt;
    }
    // A partner role without a tenant would read as "global": refuse it.
    for (const QString &r : std::as_const(p.roles)) {
        if (role::isPartnerRole(r) && p.tenantId.isNull())
            return std::nullopt;
    }
    return p;
}

bool Principal::hasAnyRole(const QStringList &wanted) const
{
    for (const QString &r : wanted) {
        if (roles.contains(r))
            return true;
    }
    return false;
}

} // namespace reserva
