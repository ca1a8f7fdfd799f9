#include "promotionclaimstore.h"

#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/sqlfilter.h"
#include "db/sqlvalues.h"

namespace reserva::promotionclaimstore {

namespace {

QList<ChangedClaim> changedFrom(DbRows &q)
{
    QList<ChangedClaim> out;
    while (q.next()) {
        out.append({sql::toUuid(q.value(0)), sql::toUuid(q.value(1)), sql::toUuid(q.value(2)),
                    sql::toUuid(q.value(3)), q.value(4).toLongLong()});
    }
    return out;
}

} // namespace

void insert(DbConnection &db, const QUuid &tenantId, const QUuid &promotionId,
            const QUuid &reservationId, const QString &customerEmail, qint64 discountMinor,
            const QString &currency, const QDateTime &now)
{
    db.exec(QStringLiteral("INSERT INTO promotion_claims (tenant_id, promotion_id, reservation_id,"
                           " customer_email, discount_minor, currency, claimed_at)"
                           " VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?)"),
            {sql::uuid(tenantId), sql::uuid(promotionId), sql::uuid(reservationId), customerEmail,
             discountMinor, currency, sql::time(now)},
            "insert promotion claim");
}

int liveClaimsOf(DbConnection &db, const QUuid &promotionId, const QString &customerEmail)
{
    DbRows q = db.exec(QStringLiteral("SELECT count(*) FROM promotion_claims"
                                      " WHERE promotion_id = ?::uuid AND customer_email = ?"
                                      " AND released_at IS NULL"),
                       {sql::uuid(promotionId), customerEmail}, "customer claims");
    return q.next() ? q.value(0).toInt() : 0;
}

QList<ChangedClaim> release(DbConnection &db, const QList<QUuid> &reservationIds,
                            const QString &reason, const QDateTime &now)
{
    QStringList ids;
    for (const QUuid &id : reservationIds)
        ids << sql::uuidText(id);
    DbRows q = db.exec(
        QStringLiteral("UPDATE promotion_claims SET released_at = ?, release_reason = ?"
                       " WHERE reservation_id = ANY(?::uuid[]) AND released_at IS NULL"
                       " RETURNING id, promotion_id, reservation_id, tenant_id, discount_minor"),
        {sql::time(now), reason, sql::textArray(ids)}, "release promotion claims");
    return changedFrom(q);
}

QList<ChangedClaim> reinstateExpired(DbConnection &db, const QUuid &reservationId)
{
    DbRows q = db.exec(
        QStringLiteral("UPDATE promotion_claims SET released_at = NULL, release_reason = NULL"
                       " WHERE reservation_id = ?::uuid AND release_reason = 'expired'"
                       " RETURNING id, promotion_id, reservation_id, tenant_id, discount_minor"),
        {sql::uuid(reservationId)}, "reinstate promotion claims");
    return changedFrom(q);
}

QList<PromotionRedemptionView> list(DbConnection &db, const RedemptionFilter &f)
{
    // Only the filters given, planned for this call's values (see SqlFilter).
    SqlFilter where;
    where.add(QStringLiteral("promotion_id = ?::uuid"), {sql::uuid(f.promotionId)});
    where.addIf(!f.status.isEmpty(), QStringLiteral("(released_at IS NULL) = (?::text = 'live')"),
                {f.status});
    where.addIf(!f.beforeId.isNull(), QStringLiteral("(claimed_at, id) < (?, ?::uuid)"),
                {sql::time(f.beforeClaimed), sql::uuid(f.beforeId)});
    DbRows q = where.page(
        db,
        QStringLiteral(
            "SELECT id, promotion_id, reservation_id, customer_email, discount_minor, currency,"
            " claimed_at, released_at, release_reason FROM promotion_claims"),
        QStringLiteral(" ORDER BY claimed_at DESC, id DESC"), f.limit, "list promotion claims");
    QList<PromotionRedemptionView> out;
    while (q.next()) {
        PromotionRedemptionView r;
        r.id = sql::toUuid(q.value(0));
        r.promotionId = sql::toUuid(q.value(1));
        r.reservationId = sql::toUuid(q.value(2));
        r.customerEmail = q.value(3).toString();
        r.discountMinor = q.value(4).toLongLong();
        r.currency = q.value(5).toString();
        r.claimedAt = sql::toUtc(q.value(6));
        r.releasedAt = sql::toUtc(q.value(7));
        r.releaseReason = q.value(8).toString();
        out << r;
    }
    return out;
}

} // namespace reserva::promotionclaimstore
