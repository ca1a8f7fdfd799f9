#pragma once

#include <QStringList>
#include <QUuid>

#include <optional>

namespace reserva::ui {

// What the UI reads from an access token to decide what to show: subject,
// roles, tenant. The token is NOT verified here: the server verifies it on
// every request and enforces every rule; hiding a view is only convenience.
struct AccessClaims
{
    QString subject;
    QStringList roles;
    QUuid tenantId;

    bool hasRole(const QString &role) const { return roles.contains(role); }
    bool hasAnyRole(const QStringList &wanted) const;
    static std::optional<AccessClaims> fromJwt(const QByteArray &token);
};

} // namespace reserva::ui
