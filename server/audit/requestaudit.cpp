#include "requestaudit.h"

#include "auditevent.h"
#include "auditlog.h"
#include "http/requestcontext.h"

namespace reserva {

void auditRequest(RequestContext &ctx, const QString &action, const QUuid &tenant,
                  const QString &resource, const QJsonObject &detail)
{
    AuditEvent event;
    event.action = action;
    event.actor = ctx.caller().subject();
    event.tenantId = tenant;
    event.resource = resource;
    event.requestId = ctx.requestId;
    event.detail = detail;
    appendAudit(ctx.db(), event, ctx.now);
}

} // namespace reserva
