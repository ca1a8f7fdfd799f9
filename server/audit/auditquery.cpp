#include "auditquery.h"

#include "db/dbconnection.h"
#include "db/sqlfilter.h"
#include "db/sqlvalues.h"

#include <QJsonDocument>

namespace reserva {

QJsonObject AuditEntry::toJson() const
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return {{QStringLiteral("id"), id},
            {QStringLiteral("occurred_at"), occurredAt},
            {QStringLiteral("actor"), orNull(actor)},
            {QStringLiteral("tenant_id"), orNull(tenantId)},
            {QStringLiteral("action"), action},
            {QStringLiteral("resource"), orNull(resource)},
            {QStringLiteral("outcome"), outcome},
            {QStringLiteral("request_id"), orNull(requestId)},
            {QStringLiteral("detail"), detail},
            {QStringLiteral("chain"),
             chainPosition > 0 ? QJsonValue(QJsonObject{{QStringLiteral("position"), chainPosition},
                                                        {QStringLiteral("hash"),
                                                         QString::fromLatin1(chainHash.toHex())}})
                               : QJsonValue()}};
}

namespace {

QList<AuditEntry> readEntries(DbRows &q)
{
    QList<AuditEntry> out;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.occurredAt = q.value(1).toString();
        e.actor = q.value(2).toString();
        e.tenantId = q.value(3).toString();
        e.action = q.value(4).toString();
        e.resource = q.value(5).toString();
        e.outcome = q.value(6).toString();
        e.requestId = q.value(7).toString();
        e.detail = QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object();
        e.chainPosition = q.value(9).toLongLong();
        e.chainHash = q.value(10).toByteArray();
        out << e;
    }
    return out;
}

const QString kSelect = QStringLiteral(
    "SELECT a.id, to_char(a.occurred_at AT TIME ZONE 'UTC', "
    "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'),"
    " a.actor, a.tenant_id::text, a.action, a.resource, a.outcome, a.request_id, a.detail::text,"
    " c.position, c.hash FROM audit_log a LEFT JOIN audit_chain c ON c.audit_id = a.id");

} // namespace

namespace auditquery {

QList<AuditEntry> listForResources(DbConnection &db, const QStringList &resources, int limit)
{
    DbRows q = db.exec(kSelect + QStringLiteral(" WHERE a.resource = ANY (?::text[])"
                                                " ORDER BY a.id LIMIT ?"),
                       {sql::textArray(resources), limit}, "audit rows of resources");
    return readEntries(q);
}

QList<AuditEntry> list(DbConnection &db, const AuditFilter &f)
{
    // Only the filters given, planned for this call's values (see SqlFilter).
    SqlFilter where;
    where.addIf(!f.actor.isEmpty(), QStringLiteral("a.actor = ?"), {f.actor});
    where.addIf(!f.action.isEmpty(), QStringLiteral("a.action = ?"), {f.action});
    where.addIf(!f.resource.isEmpty(), QStringLiteral("a.resource = ?"), {f.resource});
    where.addIf(!f.tenantId.isNull(), QStringLiteral("a.tenant_id = ?::uuid"),
                {sql::uuid(f.tenantId)});
    where.addIf(f.from.isValid(), QStringLiteral("a.occurred_at >= ?"), {sql::time(f.from)});
    where.addIf(f.to.isValid(), QStringLiteral("a.occurred_at < ?"), {sql::time(f.to)});
    where.addIf(f.beforeId != 0, QStringLiteral("a.id < ?"), {f.beforeId});
    DbRows q =
        where.page(db, kSelect, QStringLiteral(" ORDER BY a.id DESC"), f.limit, "list audit rows");
    return readEntries(q);
}

namespace {

// RFC 4180 quoting, plus a leading apostrophe on cells a spreadsheet would
// read as a formula (CSV injection).
QByteArray cell(const QString &value)
{
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.front()))
        v.prepend(u'\'');
    v.replace(u'"', QStringLiteral("\"\""));
    return '"' + v.toUtf8() + '"';
}

} // namespace

QByteArray csvHeader()
{
    return "id,occurred_at,actor,tenant_id,action,resource,outcome,request_id,detail,chain_"
           "position,"
           "chain_hash\r\n";
}

QByteArray csvRow(const AuditEntry &e)
{
    QByteArrayList cells{
        QByteArray::number(e.id),
        cell(e.occurredAt),
        cell(e.actor),
        cell(e.tenantId),
        cell(e.action),
        cell(e.resource),
        cell(e.outcome),
        cell(e.requestId),
        cell(QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact))),
        e.chainPosition > 0 ? QByteArray::number(e.chainPosition) : QByteArray(),
        e.chainHash.toHex(),
    };
    return cells.join(',') + "\r\n";
}

} // namespace auditquery
} // namespace reserva
