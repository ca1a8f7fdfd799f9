#include "reservationfeed.h"

#include "audit/auditquery.h"
#include "contract/wirevalues.h"
#include "db/dbconnection.h"
#include "db/sqlvalues.h"
#include "http/paging.h"
#include "http/requestcontext.h"
#include "reservationstore.h"

#include <QJsonArray>

namespace reserva {

namespace {

constexpr int kTrailLimit = 500;

std::optional<quint64> transactionId(const QString &text)
{
    bool ok = false;
    const quint64 value = text.toULongLong(&ok);
    if (!ok || text.isEmpty() || !text.front().isDigit())
        return std::nullopt;
    return value;
}

} // namespace

QString FeedCursor::toText() const
{
    QString text = QString::number(resume);
    if (insideSweep())
        text += u'|' + QString::number(xid) + u'|' + idText(id);
    return text;
}

std::optional<FeedCursor> FeedCursor::fromText(const QString &text)
{
    const QStringList parts = text.split(u'|');
    if (parts.size() != 1 && parts.size() != 3)
        return std::nullopt;
    FeedCursor cursor;
    const auto resume = transactionId(parts[0]);
    if (!resume)
        return std::nullopt;
    cursor.resume = *resume;
    if (parts.size() == 3) {
        const auto xid = transactionId(parts[1]);
        cursor.id = QUuid::fromString(parts[2]);
        if (!xid || cursor.id.isNull())
            return std::nullopt;
        cursor.xid = *xid;
    }
    return cursor;
}

HttpResponse reservationChanges(RequestContext &ctx)
{
    const auto page = readPageRequest(ctx, 500);
    if (!page)
        return ctx.problem(page.problem());
    DbConnection &db = ctx.db();
    const QUuid scope = ctx.caller().tenantScope();
    auto answer = [](const QJsonArray &items, const FeedCursor &next, bool more) {
        return HttpResponse::json(200,
                                  {{QStringLiteral("items"), items},
                                   {QStringLiteral("next_cursor"), encodeCursor(next.toText())},
                                   {QStringLiteral("more"), more}});
    };
    // The oldest running transaction, read before the rows (a later snapshot
    // sees at least as much): the point the next sweep resumes from.
    if (page->after.isEmpty()) {
        // A new reader starts now; what came before is in the lists it loads next.
        return answer({}, FeedCursor{reservationstore::oldestRunningTransaction(db), 0, {}}, false);
    }
    const auto cursor = FeedCursor::fromText(page->after);
    if (!cursor)
        return ctx.problem(
            Problem::field(QStringLiteral("after"), QStringLiteral("is not a valid cursor")));
    FeedCursor from = *cursor;
    if (!from.insideSweep()) {
        // A new sweep: every row written at or after the previous resume
        // point, and the next sweep resumes at today's oldest running one.
        from.xid = from.resume;
        from.resume = reservationstore::oldestRunningTransaction(db);
    }
    const QList<reservationstore::ReservationChange> rows =
        reservationstore::changesAfter(db, scope, from.xid, from.id, page->limit);
    QJsonArray items;
    for (const reservationstore::ReservationChange &row : rows)
        items.append(row.view.toJson());
    if (rows.size() == page->limit)
        return answer(items, FeedCursor{from.resume, rows.last().changeXid, rows.last().view.id},
                      true);
    return answer(items, FeedCursor{from.resume, 0, {}}, false);
}

HttpResponse reservationTrail(RequestContext &ctx)
{
    const auto id = ctx.uuidParam(QStringLiteral("id"));
    if (!id)
        return ctx.notFound();
    const auto found = reservationstore::find(ctx.db(), *id, ctx.caller().tenantScope());
    if (!found)
        return ctx.notFound();
    QStringList resources{QStringLiteral("reservation:") + idText(*id)};
    DbRows intents = ctx.db().exec(
        QStringLiteral("SELECT id FROM payment_intents WHERE reservation_id = ?::uuid"),
        {sql::uuid(*id)}, "intents of reservation");
    while (intents.next())
        resources << QStringLiteral("payment_intent:") + idText(sql::toUuid(intents.value(0)));
    QJsonArray items;
    for (const AuditEntry &e : auditquery::listForResources(ctx.db(), resources, kTrailLimit))
        items.append(e.toJson());
    return HttpResponse::json(
        200, {{QStringLiteral("items"), items}, {QStringLiteral("next_cursor"), QJsonValue()}});
}

} // namespace reserva
