#include "slotstore.h"

#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/sqlvalues.h"
#include "metrics/servermetrics.h"

namespace reserva::slotstore {

namespace {

// Remaining seats, counting holds already due as released (the sweeper or the
// next booking on the slot will release them for real, under the row lock).
const QString kViewColumns = QStringLiteral(
    "s.id, s.product_id, s.starts_at, s.duration_minutes, s.capacity,"
    " s.capacity - s.seats_taken + COALESCE((SELECT sum(r.quantity) FROM reservations r"
    "   WHERE r.slot_id = s.id AND r.status = 'pending_payment' AND r.hold_expires_at <= ?), 0)");

SlotView fromRow(const DbRows &q)
{
    SlotView s;
    s.id = sql::toUuid(q.value(0));
    s.productId = sql::toUuid(q.value(1));
    s.startsAt = sql::toUtc(q.value(2));
    s.durationMinutes = q.value(3).toInt();
    s.capacity = q.value(4).toInt();
    s.remaining = q.value(5).toInt();
    return s;
}

} // namespace

std::optional<SlotView> find(DbConnection &db, const QUuid &id, const QUuid &tenantScope,
                             const QDateTime &now)
{
    DbRows q =
        db.exec(QStringLiteral("SELECT ") + kViewColumns +
                    QStringLiteral(" FROM slots s WHERE s.id = ?::uuid"
                                   " AND (?::uuid IS NULL OR s.tenant_id = ?::uuid)"),
                {sql::time(now), sql::uuid(id), sql::uuid(tenantScope), sql::uuid(tenantScope)},
                "find slot");
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

namespace {

// The columns and the due-holds probe of both locking statements; `where`
// names the slot (bound after `now`). The probe asks for the slot's earliest
// pending hold: one entry of reservations_pending_by_slot, in any plan. As
// EXISTS (... hold_expires_at <= ?) the planner, costing the first row
// found, walked reservations_live_by_slot instead and read every paid and
// pending reservation of the slot: a popular departure's lock grew with its
// sales (tst_availabilityplans).
const QString kLockSelect =
    QStringLiteral("SELECT s.id, s.tenant_id, s.product_id, s.starts_at, s.duration_minutes,"
                   " s.capacity, s.seats_taken, p.price_minor, p.currency, p.active, p.kind,"
                   " p.transfer_kind, COALESCE((SELECT min(r.hold_expires_at) FROM reservations r"
                   "   WHERE r.slot_id = s.id AND r.status = 'pending_payment') <= ?, false)"
                   " FROM slots s JOIN products p ON p.id = s.product_id WHERE ");

std::optional<LockedSlot> lockedSlot(DbConnection &db, const QString &where,
                                     const QVariantList &params, const char *context)
{
    std::optional<metrics::LockWaitTimer> lockWait(std::in_place);
    DbRows q = db.exec(kLockSelect + where + QStringLiteral(" FOR UPDATE OF s"), params, context);
    lockWait.reset();
    if (!q.next())
        return std::nullopt;
    LockedSlot s;
    s.id = sql::toUuid(q.value(0));
    s.tenantId = sql::toUuid(q.value(1));
    s.productId = sql::toUuid(q.value(2));
    s.startsAt = sql::toUtc(q.value(3));
    s.durationMinutes = q.value(4).toInt();
    s.capacity = q.value(5).toInt();
    s.seatsTaken = q.value(6).toInt();
    s.priceMinor = q.value(7).toLongLong();
    s.currency = q.value(8).toString();
    s.productActive = q.value(9).toBool();
    s.productKind = q.value(10).toString();
    s.productTransferKind = q.value(11).toString();
    s.hasDueHolds = q.value(12).toBool();
    return s;
}

} // namespace

std::optional<LockedSlot> lockForUpdate(DbConnection &db, const QUuid &id, const QUuid &tenantScope,
                                        const QDateTime &now)
{
    // The statement's time is the lock wait plus a primary-key lookup: under
    // contention it is all wait (bounded by lock_timeout).
    //
    // The due-holds probe (one entry of reservations_pending_by_slot) saves
    // every booking and payment the round trip of an UPDATE that almost
    // never finds a hold to expire. It reads the statement's snapshot, taken
    // before a lock wait: a hold committed during the wait was made by a
    // booking that started about when this one did, so it is not due at
    // `now` unless the hold time is shorter than the wait. Such a hold is
    // then left to the sweeper or the next lock, its seats still counted as
    // taken: a booking may be refused, never oversold. Holds released during
    // the wait make the probe say true, and the UPDATE then finds nothing,
    // as before.
    return lockedSlot(
        db, QStringLiteral("s.id = ?::uuid AND (?::uuid IS NULL OR s.tenant_id = ?::uuid)"),
        {sql::time(now), sql::uuid(id), sql::uuid(tenantScope), sql::uuid(tenantScope)},
        "lock slot");
}

std::optional<LockedSlot> lockSlotOfReservation(DbConnection &db, const QUuid &reservationId,
                                                const QDateTime &now)
{
    // A reservation's slot never changes, so the subquery's snapshot (taken
    // before any lock wait) names the right row.
    return lockedSlot(
        db, QStringLiteral("s.id = (SELECT slot_id FROM reservations WHERE id = ?::uuid)"),
        {sql::time(now), sql::uuid(reservationId)}, "lock slot of reservation");
}

SlotView create(DbConnection &db, const ProductView &product, const QDateTime &startsAt,
                int durationMinutes, int capacity, const QDateTime &now)
{
    DbRows q = db.exec(
        QStringLiteral(
            "INSERT INTO slots (product_id, tenant_id, starts_at, duration_minutes, capacity,"
            " created_at, updated_at) VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, ?) RETURNING id"),
        {sql::uuid(product.id), sql::uuid(product.tenantId), sql::time(startsAt), durationMinutes,
         capacity, sql::time(now), sql::time(now)},
        "create slot");
    q.next();
    SlotView s;
    s.id = sql::toUuid(q.value(0));
    s.productId = product.id;
    s.startsAt = startsAt.toUTC();
    s.durationMinutes = durationMinutes;
    s.capacity = capacity;
    s.remaining = capacity;
    return s;
}

void addSeats(DbConnection &db, const QUuid &id, int delta, const QDateTime &now)
{
    db.execDeferred(
        QStringLiteral(
            "UPDATE slots SET seats_taken = seats_taken + ?, updated_at = ? WHERE id = ?::uuid"),
        {delta, sql::time(now), sql::uuid(id)}, "slot seats");
}

void applyChanges(DbConnection &db, const QUuid &id, const SlotChanges &c, const QDateTime &now)
{
    db.exec(
        QStringLiteral("UPDATE slots SET capacity = COALESCE(?::integer, capacity),"
                       " starts_at = COALESCE(?::timestamptz, starts_at),"
                       " duration_minutes = COALESCE(?::integer, duration_minutes), updated_at = ?"
                       " WHERE id = ?::uuid"),
        {c.capacity ? QVariant(*c.capacity) : QVariant(QMetaType(QMetaType::Int)),
         c.startsAt ? sql::time(*c.startsAt) : QVariant(QMetaType(QMetaType::QDateTime)),
         c.durationMinutes ? QVariant(*c.durationMinutes) : QVariant(QMetaType(QMetaType::Int)),
         sql::time(now), sql::uuid(id)},
        "update slot");
}

QList<SlotView> listForProduct(DbConnection &db, const QUuid &productId, const QDateTime &from,
                               const QDateTime &to, const QDateTime &now, int limit,
                               const QDateTime &afterStart, const QUuid &afterId)
{
    // The bounds are written so that they stay index conditions on
    // (product_id, starts_at) in a generic plan too: PostgreSQL switches a
    // prepared statement to its generic plan after five runs, and there an
    // optional bound spelled "? IS NULL OR starts_at >= ?" cannot be folded,
    // so it scanned every departure of the product on every call. GREATEST
    // ignores NULLs: the scan starts at the later of `from` and the cursor.
    DbRows q = db.exec(
        QStringLiteral("SELECT ") + kViewColumns +
            QStringLiteral(" FROM slots s WHERE s.product_id = ?::uuid"
                           " AND s.starts_at >= COALESCE(GREATEST(?::timestamptz, ?::timestamptz),"
                           "                             '-infinity')"
                           " AND s.starts_at < COALESCE(?::timestamptz, 'infinity')"
                           " AND (?::uuid IS NULL OR (s.starts_at, s.id) > (?, ?::uuid))"
                           " ORDER BY s.starts_at, s.id LIMIT ?"),
        {sql::time(now), sql::uuid(productId), sql::time(from), sql::time(afterStart),
         sql::time(to), sql::uuid(afterId), sql::time(afterStart), sql::uuid(afterId), limit},
        "list slots");
    QList<SlotView> out;
    while (q.next())
        out << fromRow(q);
    return out;
}

std::optional<QList<SlotView>> availability(DbConnection &db, const QUuid &productId,
                                            const QUuid &tenantScope, const QDateTime &from,
                                            const QDateTime &to, const QDateTime &now, int limit)
{
    // The product's visibility and its departures in one statement: the
    // busiest read of the API paid a second round trip (a wake-up of the
    // worker and of its backend) to learn what the join tells. No product
    // row: not found; one row of NULLs: no departure in the range.
    DbRows q = db.exec(
        QStringLiteral("SELECT s.id, s.product_id, s.starts_at, s.duration_minutes, s.capacity,"
                       " s.remaining FROM products p LEFT JOIN LATERAL (SELECT ") +
            kViewColumns +
            QStringLiteral(" AS remaining FROM slots s WHERE s.product_id = p.id"
                           " AND s.starts_at >= ?::timestamptz AND s.starts_at < ?::timestamptz"
                           " ORDER BY s.starts_at, s.id LIMIT ?) s ON true"
                           " WHERE p.id = ?::uuid AND (?::uuid IS NULL OR p.tenant_id = ?::uuid)"),
        {sql::time(now), sql::time(from), sql::time(to), limit, sql::uuid(productId),
         sql::uuid(tenantScope), sql::uuid(tenantScope)},
        "availability");
    if (!q.next())
        return std::nullopt;
    QList<SlotView> out;
    if (q.isNull(0))
        return out;
    do
        out << fromRow(q);
    while (q.next());
    return out;
}

} // namespace reserva::slotstore
