#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace reserva {

enum class AuditOutcome { Success, Failure, Denied, Error };

QString auditOutcomeName(AuditOutcome outcome);

// One sensitive action. `detail` is small and never holds secrets or PII
// (no passwords, tokens, names, emails, document numbers): identifiers and
// reasons only.
struct AuditEvent
{
    QString action;   // "auth.login", "user.create", "keys.rotate"...
    QString resource; // "user:<uuid>", "tenant:<uuid>", "token_family:<uuid>"
    AuditOutcome outcome = AuditOutcome::Success;
    QString actor; // the subject (user id) or "system"/"cli"; empty if unknown
    QUuid tenantId;
    QString requestId;
    QJsonObject detail;
};

} // namespace reserva
