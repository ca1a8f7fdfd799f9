#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

namespace reserva {

class DbConnection;

struct AuditFilter
{
    QString actor;
    QString action;
    QString resource;
    QUuid tenantId;
    QDateTime from;      // inclusive
    QDateTime to;        // exclusive
    qint64 beforeId = 0; // cursor: rows with a smaller id (newest first)
    int limit = 100;
};

struct AuditEntry
{
    qint64 id = 0;
    QString occurredAt; // RFC 3339, microseconds
    QString actor;
    QString tenantId;
    QString action;
    QString resource;
    QString outcome;
    QString requestId;
    QJsonObject detail;
    qint64 chainPosition = 0; // 0: not sealed yet
    QByteArray chainHash;

    QJsonObject toJson() const;
};

namespace auditquery {

QList<AuditEntry> list(DbConnection &db, const AuditFilter &filter);
// Every row about these resources, oldest first (a reservation's trail).
QList<AuditEntry> listForResources(DbConnection &db, const QStringList &resources, int limit);
QByteArray csvHeader();
QByteArray csvRow(const AuditEntry &entry);

} // namespace auditquery
} // namespace reserva
