#include "auditlog.h"

#include "db/dbconnection.h"
#include "db/sqlvalues.h"

#include <QJsonDocument>

namespace reserva {

QString auditOutcomeName(AuditOutcome outcome)
{
    switch (outcome) {
    case AuditOutcome::Success:
        return QStringLiteral("success");
    case AuditOutcome::Failure:
        return QStringLiteral("failure");
    case AuditOutcome::Denied:
        return QStringLiteral("denied");
    case AuditOutcome::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

void appendAudit(DbConnection &db, const AuditEvent &event, const QDateTime &at)
{
    static const QString sql = QStringLiteral(
        "INSERT INTO audit_log (occurred_at, actor, tenant_id, action, resource, outcome,"
        " request_id, detail) VALUES (?, ?, ?::uuid, ?, ?, ?, ?, ?::jsonb)");
    db.execDeferred(sql,
                    {sql::time(at), sql::nullableText(event.actor), sql::uuid(event.tenantId),
                     event.action, sql::nullableText(event.resource),
                     auditOutcomeName(event.outcome), sql::nullableText(event.requestId),
                     QString::fromUtf8(QJsonDocument(event.detail).toJson(QJsonDocument::Compact))},
                    "append audit row");
}

} // namespace reserva
