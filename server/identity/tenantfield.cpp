#include "tenantfield.h"

#include "contract/jsonreader.h"

namespace reserva {

QUuid readOwningTenant(JsonObjectReader &reader, const Principal &caller)
{
    const QString field = QStringLiteral("tenant_id");
    const auto text = reader.string(field, JsonObjectReader::Presence::Optional, {36, 36});
    if (caller.isGlobal()) {
        const QUuid tenant = text ? QUuid::fromString(*text) : QUuid();
        if (tenant.isNull())
            reader.addError(field, QStringLiteral("is required (a UUID) for global users"));
        return tenant;
    }
    if (text && QUuid::fromString(*text) != caller.tenantId) {
        reader.addError(field, QStringLiteral("must be your own tenant"));
        return {};
    }
    return caller.tenantId;
}

} // namespace reserva
