#include "dashboardquery.h"

#include "contract/timeformat.h"
#include "db/dbconnection.h"
#include "db/sqlvalues.h"
#include "db/transaction.h"

namespace reserva::dashboardquery {

namespace {

// A timestamptz[] literal for `?::timestamptz[]`.
QString timeArray(const QList<QDateTime> &times)
{
    QStringList parts;
    for (const QDateTime &t : times)
        parts << u'"' + toRfc3339(t) + u'"';
    return u'{' + parts.join(u',') + u'}';
}

} // namespace

QList<DashboardSlot> slots(DbConnection &db, const QUuid &tenantId, const QDateTime &from,
                           const QDateTime &to, const QDateTime &now, int limit)
{
    // seats_taken counts every hold until a booking or the sweeper releases
    // it; a hold past its expiry is already free for availability, so it is
    // subtracted here too. The lateral sum reads the slot's live
    // reservations through reservations_live_by_slot.
    DbRows q = db.exec(
        QStringLiteral(
            "SELECT s.id, s.product_id, p.name, s.starts_at, s.duration_minutes, s.capacity,"
            " s.seats_taken - COALESCE(live.expired, 0), COALESCE(live.paid, 0)"
            " FROM slots s JOIN products p ON p.id = s.product_id"
            " LEFT JOIN LATERAL (SELECT"
            "   sum(r.quantity) FILTER (WHERE r.status = 'pending_payment'"
            "                             AND r.hold_expires_at <= ?) AS expired,"
            "   sum(r.quantity) FILTER (WHERE r.status = 'paid') AS paid"
            "   FROM reservations r"
            "   WHERE r.slot_id = s.id AND r.status IN ('pending_payment', 'paid')) live ON true"
            " WHERE s.starts_at >= ? AND s.starts_at < ?"
            "   AND (?::uuid IS NULL OR s.tenant_id = ?::uuid)"
            " ORDER BY s.starts_at, p.name, s.id LIMIT ?"),
        {sql::time(now), sql::time(from), sql::time(to), sql::uuid(tenantId), sql::uuid(tenantId),
         limit},
        "dashboard slots");
    QList<DashboardSlot> out;
    while (q.next()) {
        DashboardSlot s;
        s.slotId = sql::toUuid(q.value(0));
        s.productId = sql::toUuid(q.value(1));
        s.productName = q.value(2).toString();
        s.startsAt = sql::toUtc(q.value(3));
        s.durationMinutes = q.value(4).toInt();
        s.capacity = q.value(5).toInt();
        s.seatsTaken = q.value(6).toInt();
        s.seatsPaid = q.value(7).toInt();
        out << s;
    }
    return out;
}

QList<PendingTotal> pendingPayments(DbConnection &db, const QUuid &tenantId, const QDateTime &now)
{
    // Awaiting payment and still holding seats: a hold past its expiry is
    // not a payment anyone is waiting for any more.
    DbRows q =
        db.exec(QStringLiteral("SELECT currency, count(*), sum(quantity), sum(amount_minor)"
                               " FROM reservations"
                               " WHERE status = 'pending_payment' AND hold_expires_at > ?"
                               "   AND (?::uuid IS NULL OR tenant_id = ?::uuid)"
                               " GROUP BY currency ORDER BY currency"),
                {sql::time(now), sql::uuid(tenantId), sql::uuid(tenantId)}, "dashboard pending");
    QList<PendingTotal> out;
    while (q.next()) {
        PendingTotal t;
        t.currency = q.value(0).toString();
        t.reservations = q.value(1).toInt();
        t.seats = q.value(2).toInt();
        t.amountMinor = q.value(3).toLongLong();
        out << t;
    }
    return out;
}

QList<ExpiringHold> expiringHolds(DbConnection &db, const QUuid &tenantId, const QDateTime &now,
                                  const QDateTime &until, int limit)
{
    DbRows q = db.exec(
        QStringLiteral("SELECT r.id, r.slot_id, p.name, s.starts_at, r.quantity, r.amount_minor,"
                       " r.currency, r.hold_expires_at"
                       " FROM reservations r JOIN products p ON p.id = r.product_id"
                       " JOIN slots s ON s.id = r.slot_id"
                       " WHERE r.status = 'pending_payment'"
                       "   AND r.hold_expires_at > ? AND r.hold_expires_at <= ?"
                       "   AND (?::uuid IS NULL OR r.tenant_id = ?::uuid)"
                       " ORDER BY r.hold_expires_at, r.id LIMIT ?"),
        {sql::time(now), sql::time(until), sql::uuid(tenantId), sql::uuid(tenantId), limit},
        "dashboard expiring holds");
    QList<ExpiringHold> out;
    while (q.next()) {
        ExpiringHold h;
        h.reservationId = sql::toUuid(q.value(0));
        h.slotId = sql::toUuid(q.value(1));
        h.productName = q.value(2).toString();
        h.startsAt = sql::toUtc(q.value(3));
        h.quantity = q.value(4).toInt();
        h.amountMinor = q.value(5).toLongLong();
        h.currency = q.value(6).toString();
        h.holdExpiresAt = sql::toUtc(q.value(7));
        out << h;
    }
    return out;
}

QList<RevenueDay> revenue(DbConnection &db, const DashboardWindow &w)
{
    // Money in by the day it arrived (succeeded_at, stamped in the webhook's
    // transaction), net of what was refunded of it since. Intents flagged
    // needs_refund are left out: that money arrived for seats that were gone
    // and goes back. Days are buckets between the caller's local midnights
    // (width_bucket: bound i <= t < bound i+1 is bucket i), so a 23- or
    // 25-hour DST day is still one day.
    DbRows q =
        db.exec(QStringLiteral(
                    "SELECT width_bucket(p.succeeded_at, ?::timestamptz[]), p.currency, count(*),"
                    " sum(GREATEST(p.amount_minor - p.refunded_minor, 0)), sum(p.refunded_minor)"
                    " FROM payment_intents p"
                    " WHERE p.succeeded_at >= ? AND p.succeeded_at < ? AND NOT p.needs_refund"
                    "   AND (?::uuid IS NULL OR p.tenant_id = ?::uuid)"
                    " GROUP BY 1, 2 ORDER BY 1, 2"),
                {timeArray(w.revenueBounds), sql::time(w.revenueBounds.first()),
                 sql::time(w.revenueBounds.last()), sql::uuid(w.tenantId), sql::uuid(w.tenantId)},
                "dashboard revenue");
    QList<RevenueDay> days;
    for (const QDate &date : w.revenueDates)
        days.append(RevenueDay{date, {}});
    while (q.next()) {
        const qsizetype bucket = q.value(0).toInt() - 1;
        if (bucket < 0 || bucket >= days.size())
            continue; // cannot happen inside the WHERE bounds
        RevenueTotal t;
        t.currency = q.value(1).toString();
        t.payments = q.value(2).toInt();
        t.amountMinor = q.value(3).toLongLong();
        t.refundedMinor = q.value(4).toLongLong();
        days[bucket].byCurrency.append(t);
    }
    return days;
}

DashboardSnapshot load(DbConnection &db, const DashboardWindow &w)
{
    DashboardSnapshot s;
    s.timeZone = w.timeZone;
    s.today = w.today;
    s.tenantId = w.tenantId;
    s.generatedAt = w.now;
    s.expiringWithinMinutes = w.expiringWithinMinutes;
    s.occupancyFrom = w.todayStart;
    s.occupancyTo = w.occupancyEnd;
    s.revenueFrom = w.revenueBounds.first();
    s.revenueTo = w.revenueBounds.last();

    // One snapshot for every section: a payment landing between two reads
    // must not show as both pending and paid. Read-only, and nothing to lock.
    Transaction tx(db);
    db.execDirect(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"),
                  "dashboard snapshot");
    s.departuresToday =
        slots(db, w.tenantId, w.todayStart, w.tomorrowStart, w.now, kMaxDepartures + 1);
    s.departuresTruncated = s.departuresToday.size() > kMaxDepartures;
    if (s.departuresTruncated)
        s.departuresToday.resize(kMaxDepartures);
    s.occupancy =
        slots(db, w.tenantId, w.todayStart, w.occupancyEnd, w.now, kMaxOccupancySlots + 1);
    s.occupancyTruncated = s.occupancy.size() > kMaxOccupancySlots;
    if (s.occupancyTruncated)
        s.occupancy.resize(kMaxOccupancySlots);
    s.pendingPayments = pendingPayments(db, w.tenantId, w.now);
    s.expiringHolds =
        expiringHolds(db, w.tenantId, w.now, w.now.addSecs(qint64(w.expiringWithinMinutes) * 60),
                      kMaxExpiringHolds + 1);
    s.expiringTruncated = s.expiringHolds.size() > kMaxExpiringHolds;
    if (s.expiringTruncated)
        s.expiringHolds.resize(kMaxExpiringHolds);
    s.revenue = revenue(db, w);
    tx.commit();
    return s;
}

} // namespace reserva::dashboardquery
