#pragma once

#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace reserva {

class RequestContext;

// An audit row for what the request's caller did, in the request's
// transaction (invariant 11): actor, request id and time come from `ctx`.
void auditRequest(RequestContext &ctx, const QString &action, const QUuid &tenant,
                  const QString &resource, const QJsonObject &detail = {});

} // namespace reserva
