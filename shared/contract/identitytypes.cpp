#include "identitytypes.h"

#include "timeformat.h"
#include "wirevalues.h"

#include <QJsonArray>

namespace reserva {

QJsonObject TenantView::toJson() const
{
    return {{QStringLiteral("id"), uuidOrNull(id)},
            {QStringLiteral("slug"), slug},
            {QStringLiteral("name"), name},
            {QStringLiteral("created_at"), timeOrNull(createdAt)}};
}

std::optional<TenantView> TenantView::fromJson(const QJsonObject &o)
{
    TenantView t;
    t.id = QUuid::fromString(o.value(QStringLiteral("id")).toString());
    t.slug = o.value(QStringLiteral("slug")).toString();
    t.name = o.value(QStringLiteral("name")).toString();
    t.createdAt = timeFrom(o.value(QStringLiteral("created_at")));
    if (t.id.isNull() || t.slug.isEmpty())
        return std::nullopt;
    return t;
}

QJsonObject UserView::toJson() const
{
    return {{QStringLiteral("id"), uuidOrNull(id)},
            {QStringLiteral("username"), username},
            {QStringLiteral("roles"), QJsonArray::fromStringList(roles)},
            {QStringLiteral("tenant_id"), uuidOrNull(tenantId)},
            {QStringLiteral("active"), active},
            {QStringLiteral("document_type"),
             documentType.isEmpty() ? QJsonValue() : QJsonValue(documentType)},
            {QStringLiteral("has_document"), hasDocument},
            {QStringLiteral("identity"),
             QJsonObject{{QStringLiteral("verified"), identityVerified},
                         {QStringLiteral("last_check"), identityCheckOutcome.isEmpty()
                                                            ? QJsonValue()
                                                            : QJsonValue(identityCheckOutcome)},
                         {QStringLiteral("checked_at"), timeOrNull(identityCheckedAt)}}},
            {QStringLiteral("created_at"), timeOrNull(createdAt)},
            {QStringLiteral("updated_at"), timeOrNull(updatedAt)}};
}

std::optional<UserView> UserView::fromJson(const QJsonObject &o)
{
    UserView u;
    u.id = QUuid::fromString(o.value(QStringLiteral("id")).toString());
    u.username = o.value(QStringLiteral("username")).toString();
    for (const auto &r : o.value(QStringLiteral("roles")).toArray())
        u.roles << r.toString();
    u.tenantId = QUuid::fromString(o.value(QStringLiteral("tenant_id")).toString());
    u.active = o.value(QStringLiteral("active")).toBool();
    u.documentType = o.value(QStringLiteral("document_type")).toString();
    u.hasDocument = o.value(QStringLiteral("has_document")).toBool();
    const QJsonObject identity = o.value(QStringLiteral("identity")).toObject();
    u.identityVerified = identity.value(QStringLiteral("verified")).toBool();
    u.identityCheckOutcome = identity.value(QStringLiteral("last_check")).toString();
    u.identityCheckedAt = timeFrom(identity.value(QStringLiteral("checked_at")));
    u.createdAt = timeFrom(o.value(QStringLiteral("created_at")));
    u.updatedAt = timeFrom(o.value(QStringLiteral("updated_at")));
    if (u.id.isNull() || u.username.isEmpty())
        return std::nullopt;
    return u;
}

QJsonObject TokenPair::toJson() const
{
    return {{QStringLiteral("access_token"), accessToken},
            {QStringLiteral("refresh_token"), refreshToken},
            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("expires_in"), expiresIn}};
}

std::optional<TokenPair> TokenPair::fromJson(const QJsonObject &o)
{
    TokenPair t;
    t.accessToken = o.value(QStringLiteral("access_token")).toString();
    t.refreshToken = o.value(QStringLiteral("refresh_token")).toString();
    t.expiresIn = o.value(QStringLiteral("expires_in")).toInt();
    if (t.accessToken.isEmpty() || t.refreshToken.isEmpty() ||
        o.value(QStringLiteral("token_type")).toString() != u"Bearer")
        return std::nullopt;
    return t;
}

} // namespace reserva
