#include "accessclaims.h"

#include "crypto/base64url.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace reserva::ui {

bool AccessClaims::hasAnyRole(const QStringList &wanted) const
{
    for (const QString &r : wanted) {
        if (roles.contains(r))
            return true;
    }
    return false;
}

std::optional<AccessClaims> AccessClaims::fromJwt(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return std::nullopt;
    const auto payload = base64UrlDecode(parts.at(1));
    if (!payload)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(*payload).object();
    if (o.isEmpty())
        return std::nullopt;
    AccessClaims claims;
    claims.subject = o.value(u"sub").toString();
    for (const QJsonValue &r : o.value(u"roles").toArray())
        claims.roles << r.toString();
    claims.tenantId = QUuid::fromString(o.value(u"tenant").toString());
    if (claims.subject.isEmpty())
        return std::nullopt;
    return claims;
}

} // namespace reserva::ui
