#include "auditchain.h"

#include "crypto/constanttime.h"
#include "crypto/digest.h"
#include "db/dbconnection.h"
#include "db/transaction.h"
#include "metrics/counters.h"

#include <QtEndian>

namespace reserva::auditchain {

namespace {

constexpr qint64 kSealerLockKey = 0x7265736175646974LL; // "resaudit"
constexpr int kCanonicalFieldCount = 9;
const QByteArray kGenesis(32, '\0');

void appendField(QByteArray &out, const QVariant &value)
{
    char length[4];
    if (value.isNull()) {
        qToBigEndian<quint32>(0xFFFFFFFFu, length);
        out.append(length, 4);
        return;
    }
    const QByteArray bytes = value.toString().toUtf8();
    qToBigEndian<quint32>(quint32(bytes.size()), length);
    out.append(length, 4);
    out.append(bytes);
}

} // namespace

QString canonicalColumns()
{
    return QStringLiteral("a.id::text, to_char(a.occurred_at AT TIME ZONE 'UTC', "
                          "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'),"
                          " a.actor, a.tenant_id::text, a.action, a.resource, a.outcome, "
                          "a.request_id, a.detail::text");
}

QByteArray chainHash(const QByteArray &previousHash, const DbRows &row, int first)
{
    QByteArray input = previousHash;
    for (int i = 0; i < kCanonicalFieldCount; ++i)
        appendField(input, row.value(first + i));
    return sha256(input);
}

int sealPending(DbConnection &db, int maxRows)
{
    Transaction tx(db);
    DbRows lock = db.exec(QStringLiteral("SELECT pg_try_advisory_xact_lock(?)"), {kSealerLockKey},
                          "audit sealer lock");
    if (!lock.next() || !lock.value(0).toBool())
        return 0; // another instance is sealing right now

    qint64 position = 0;
    QByteArray previous = kGenesis;
    {
        DbRows head = db.exec(
            QStringLiteral("SELECT position, hash FROM audit_chain ORDER BY position DESC LIMIT 1"),
            {}, "audit chain head");
        if (head.next()) {
            position = head.value(0).toLongLong();
            previous = head.value(1).toByteArray();
        }
    }
    struct Link
    {
        qint64 auditId;
        QByteArray hash;
    };
    const QByteArray headHash = previous;
    // The application role may INSERT into the queue (the enqueue trigger runs
    // as the writer), so it can hold a row that is already chained. Linking it
    // again would fail on audit_chain's unique audit_id on every run, stopping
    // the chain on every instance: drop such entries instead. Only among the
    // batch this run takes (the only ones that could stop it): a join of the
    // whole queue with the whole chain was planned as a sequential scan of
    // audit_chain, which grows forever, on every run of the sealer.
    const auto array = [](const QStringList &items) {
        return QString(u'{' + items.join(u',') + u'}');
    };
    {
        // The batch's ids first: then the chain is only probed, by its unique
        // audit_id index, for those (at most maxRows) ids.
        QStringList batch;
        DbRows ids =
            db.exec(QStringLiteral("SELECT audit_id FROM audit_pending ORDER BY audit_id LIMIT ?"),
                    {maxRows}, "audit pending batch");
        while (ids.next())
            batch << ids.value(0).toString();
        if (batch.isEmpty())
            return 0;
        db.exec(QStringLiteral("DELETE FROM audit_pending WHERE audit_id IN (SELECT c.audit_id"
                               " FROM audit_chain c WHERE c.audit_id = ANY(?::bigint[]))"),
                {array(batch)}, "audit pending already chained");
    }
    QList<Link> links;
    {
        DbRows pending =
            db.exec(QStringLiteral("SELECT ") + canonicalColumns() +
                        QStringLiteral(" FROM audit_pending p JOIN audit_log a ON a.id = p.audit_id"
                                       " ORDER BY p.audit_id LIMIT ?"),
                    {maxRows}, "audit pending rows");
        while (pending.next()) {
            const QByteArray hash = chainHash(previous, pending, 0);
            links.append({pending.value(0).toLongLong(), hash});
            previous = hash;
        }
    }
    if (links.isEmpty())
        return 0;
    // Two statements per batch, not two per row: the sealer must keep up with
    // every writer of every instance.
    QStringList positions, auditIds, prevHashes, hashes;
    QByteArray prev = headHash;
    for (const Link &link : std::as_const(links)) {
        positions << QString::number(++position);
        auditIds << QString::number(link.auditId);
        prevHashes << QString::fromLatin1(prev.toHex());
        hashes << QString::fromLatin1(link.hash.toHex());
        prev = link.hash;
    }
    db.exec(QStringLiteral(
                "INSERT INTO audit_chain (position, audit_id, prev_hash, hash)"
                " SELECT p, a, decode(ph, 'hex'), decode(h, 'hex')"
                " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) AS t(p, a, ph, h)"),
            {array(positions), array(auditIds), array(prevHashes), array(hashes)},
            "audit chain links");
    db.exec(QStringLiteral("DELETE FROM audit_pending WHERE audit_id = ANY(?::bigint[])"),
            {array(auditIds)}, "audit pending done");
    tx.commit();
    counters().auditRowsSealed += quint64(links.size());
    return int(links.size());
}

QJsonObject Report::toJson() const
{
    QJsonObject o{{QStringLiteral("intact"), intact},
                  {QStringLiteral("checked"), checked},
                  {QStringLiteral("unsealed"), unsealed}};
    if (!intact) {
        o.insert(
            QStringLiteral("first_broken"),
            QJsonObject{{QStringLiteral("position"),
                         brokenPosition ? QJsonValue(*brokenPosition) : QJsonValue()},
                        {QStringLiteral("audit_id"),
                         brokenAuditId ? QJsonValue(*brokenAuditId) : QJsonValue()},
                        {QStringLiteral("occurred_at"),
                         brokenOccurredAt.isEmpty() ? QJsonValue() : QJsonValue(brokenOccurredAt)},
                        {QStringLiteral("kind"), kind},
                        {QStringLiteral("reason"), reason}});
    }
    return o;
}

Report verify(DbConnection &db)
{
    Report report;
    QByteArray previous = kGenesis;
    qint64 expectedPosition = 1;
    constexpr int kPage = 2000;
    auto broken = [&](qint64 position, std::optional<qint64> auditId, const QVariant &occurredAt,
                      const QString &kind, const QString &why) {
        report.intact = false;
        report.brokenPosition = position;
        report.brokenAuditId = auditId;
        report.brokenOccurredAt = occurredAt.isNull() ? QString() : occurredAt.toString();
        report.kind = kind;
        report.reason = why;
        return report;
    };
    for (;;) {
        DbRows page = db.exec(
            QStringLiteral(
                "SELECT c.position, c.audit_id, c.prev_hash, c.hash, a.id IS NOT NULL, ") +
                canonicalColumns() +
                QStringLiteral(" FROM audit_chain c LEFT JOIN audit_log a ON a.id = c.audit_id"
                               " WHERE c.position >= ? ORDER BY c.position LIMIT ?"),
            {expectedPosition, kPage}, "audit chain walk");
        int rows = 0;
        while (page.next()) {
            ++rows;
            const qint64 position = page.value(0).toLongLong();
            const qint64 auditId = page.value(1).toLongLong();
            if (position != expectedPosition)
                return broken(expectedPosition, std::nullopt, {}, QStringLiteral("link_missing"),
                              QStringLiteral("a link is missing"));
            const QVariant occurredAt = page.value(6); // the canonical fields start at 5
            if (!constantTimeEquals(page.value(2).toByteArray(), previous))
                return broken(position, auditId, occurredAt, QStringLiteral("link_mismatch"),
                              QStringLiteral("the link does not follow its predecessor"));
            if (!page.value(4).toBool())
                return broken(position, auditId, {}, QStringLiteral("row_gone"),
                              QStringLiteral("the audit row is gone"));
            const QByteArray recomputed = chainHash(previous, page, 5);
            if (!constantTimeEquals(recomputed, page.value(3).toByteArray()))
                return broken(position, auditId, occurredAt, QStringLiteral("row_changed"),
                              QStringLiteral("the audit row was changed"));
            previous = recomputed;
            ++expectedPosition;
            ++report.checked;
        }
        if (rows < kPage)
            break;
    }
    DbRows orphan = db.exec(
        QStringLiteral("SELECT a.id, to_char(a.occurred_at AT TIME ZONE 'UTC', "
                       "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM audit_log a"
                       " WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = a.id)"
                       "   AND NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.audit_id = a.id)"
                       " ORDER BY a.id LIMIT 1"),
        {}, "audit orphan rows");
    if (orphan.next())
        return broken(expectedPosition, orphan.value(0).toLongLong(), orphan.value(1),
                      QStringLiteral("row_unchained"),
                      QStringLiteral("an audit row is neither chained nor queued"));
    DbRows pending =
        db.exec(QStringLiteral("SELECT count(*) FROM audit_pending"), {}, "audit pending count");
    if (pending.next())
        report.unsealed = pending.value(0).toLongLong();
    return report;
}

} // namespace reserva::auditchain
