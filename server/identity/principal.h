#pragma once

#include "domain/role.h"
#include "token/accesstokenclaims.h"

#include <QUuid>

#include <optional>

namespace reserva {

// The authenticated caller of a request, from a verified access token.
struct Principal
{
    QUuid userId;
    QStringList roles;
    QUuid tenantId; // null for global users

    static std::optional<Principal> fromClaims(const AccessTokenClaims &claims);

    bool hasRole(const QString &role) const { return roles.contains(role); }
    bool hasAnyRole(const QStringList &wanted) const;
    bool isAdmin() const { return hasRole(role::kAdmin); }
    bool isGlobal() const { return tenantId.isNull(); }
    // The tenant a store query is limited to: null (every tenant) for global users.
    QUuid tenantScope() const { return isGlobal() ? QUuid() : tenantId; }
    // Resource-level RBAC: may this caller see or touch a resource owned by
    // `tenant`? Global users may; partner users only within their tenant.
    bool canAccessTenant(const QUuid &tenant) const { return isGlobal() || tenant == tenantId; }
    QString subject() const { return userId.toString(QUuid::WithoutBraces); }
};

} // namespace reserva
