#include "reservationstore.h"

#include "core/uuidv7.h"
#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/sqlfilter.h"
#include "db/sqlvalues.h"

#include <QJsonDocument>

namespace reserva::reservationstore {

namespace {

const QString kColumns = QStringLiteral(
    "id, slot_id, product_id, quantity, customer_name, customer_email, customer_phone, status,"
    " amount_minor, currency, hold_expires_at, created_at, tenant_id, trf_detail,"
    " unit_price_minor * quantity, discount_minor");

ReservationRecord fromRow(const DbRows &q)
{
    ReservationRecord r;
    r.view.id = sql::toUuid(q.value(0));
    r.view.slotId = sql::toUuid(q.value(1));
    r.view.productId = sql::toUuid(q.value(2));
    r.view.quantity = q.value(3).toInt();
    r.view.customer = {q.value(4).toString(), q.value(5).toString(), q.value(6).toString()};
    r.view.status = q.value(7).toString();
    r.view.amountMinor = q.value(8).toLongLong();
    r.view.currency = q.value(9).toString();
    // A hold is only shown while it holds.
    if (r.view.status == u"pending_payment")
        r.view.holdExpiresAt = sql::toUtc(q.value(10));
    r.view.createdAt = sql::toUtc(q.value(11));
    r.tenantId = sql::toUuid(q.value(12));
    r.view.subtotalMinor = q.value(14).toLongLong();
    r.view.discountMinor = q.value(15).toLongLong();
    if (!q.value(13).isNull())
        r.view.trfDetail = TransferDetail::fromJson(
            QJsonDocument::fromJson(q.value(13).toString().toUtf8()).object());
    return r;
}

} // namespace

ReservationView insert(DbConnection &db, const LockedSlot &slot, const NewHold &hold,
                       const QDateTime &now)
{
    ReservationView r;
    r.id = uuidV7(now.toMSecsSinceEpoch());
    r.slotId = slot.id;
    r.productId = slot.productId;
    r.quantity = hold.quantity;
    r.customer = hold.customer;
    r.status = QStringLiteral("pending_payment");
    r.subtotalMinor = slot.priceMinor * hold.quantity;
    r.discountMinor = hold.discountMinor;
    r.amountMinor = r.subtotalMinor - hold.discountMinor;
    r.currency = slot.currency;
    r.trfDetail = hold.trfDetail;
    r.holdExpiresAt = hold.holdExpiresAt;
    r.createdAt = now;
    const QString trfDetail =
        r.trfDetail
            ? QString::fromUtf8(QJsonDocument(r.trfDetail->toJson()).toJson(QJsonDocument::Compact))
            : QString();
    db.execDeferred(
        QStringLiteral(
            "INSERT INTO reservations (id, tenant_id, slot_id, product_id, quantity,"
            " customer_name, customer_email, customer_phone, status, unit_price_minor,"
            " discount_minor, amount_minor, currency, trf_detail, hold_expires_at, created_by,"
            " created_at, updated_at)"
            " VALUES (?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, 'pending_payment', ?, ?, ?,"
            " ?, ?::jsonb, ?, ?, ?, ?)"),
        {sql::uuid(r.id), sql::uuid(slot.tenantId), sql::uuid(slot.id), sql::uuid(slot.productId),
         r.quantity, r.customer.name, r.customer.email, sql::nullableText(r.customer.phone),
         slot.priceMinor, r.discountMinor, r.amountMinor, r.currency, sql::nullableText(trfDetail),
         sql::time(r.holdExpiresAt), hold.createdBy, sql::time(now), sql::time(now)},
        "insert reservation");
    return r;
}

std::optional<ReservationRecord> find(DbConnection &db, const QUuid &id, const QUuid &tenantScope,
                                      bool forUpdate)
{
    DbRows q = db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM reservations WHERE id = ?::uuid"
                                          " AND (?::uuid IS NULL OR tenant_id = ?::uuid)") +
                           (forUpdate ? QStringLiteral(" FOR UPDATE") : QString()),
                       {sql::uuid(id), sql::uuid(tenantScope), sql::uuid(tenantScope)},
                       "find reservation");
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

bool transition(DbConnection &db, const QUuid &id, ReservationStatus from, ReservationStatus to,
                const QDateTime &now)
{
    DbRows q = db.exec(
        QStringLiteral("UPDATE reservations SET status = ?, updated_at = ?"
                       " WHERE id = ?::uuid AND status = ?"),
        {reservationStatusName(to), sql::time(now), sql::uuid(id), reservationStatusName(from)},
        "reservation transition");
    return q.numRowsAffected() == 1;
}

QList<ReleasedHold> expireDueHolds(DbConnection &db, const QUuid &slotId, const QDateTime &now)
{
    DbRows q = db.exec(QStringLiteral("UPDATE reservations SET status = 'expired', updated_at = ?"
                                      " WHERE slot_id = ?::uuid AND status = 'pending_payment'"
                                      " AND hold_expires_at <= ? RETURNING id, quantity"),
                       {sql::time(now), sql::uuid(slotId), sql::time(now)}, "expire holds");
    QList<ReleasedHold> out;
    while (q.next())
        out.append({sql::toUuid(q.value(0)), q.value(1).toInt()});
    return out;
}

QList<QUuid> slotsWithDueHolds(DbConnection &db, const QDateTime &now, int limit)
{
    DbRows q = db.exec(QStringLiteral("SELECT DISTINCT slot_id FROM reservations"
                                      " WHERE status = 'pending_payment' AND hold_expires_at <= ?"
                                      " LIMIT ?"),
                       {sql::time(now), limit}, "slots with due holds");
    QList<QUuid> out;
    while (q.next())
        out << sql::toUuid(q.value(0));
    return out;
}

QList<ReservationView> list(DbConnection &db, const ReservationFilter &f, QStringList *sortKeys)
{
    // The order and the cursor come from ReservationSort's fixed fragments;
    // every value is a parameter.
    const QString expression = f.sort.expression();
    const QString direction = f.sort.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    // Only the filters given, planned for this call's values (see SqlFilter).
    SqlFilter where;
    where.addIf(!f.tenantId.isNull(), QStringLiteral("tenant_id = ?::uuid"),
                {sql::uuid(f.tenantId)});
    where.addIf(!f.status.isEmpty(), QStringLiteral("status = ?"), {f.status});
    where.addIf(!f.productId.isNull(), QStringLiteral("product_id = ?::uuid"),
                {sql::uuid(f.productId)});
    where.addIf(!f.slotId.isNull(), QStringLiteral("slot_id = ?::uuid"), {sql::uuid(f.slotId)});
    where.addIf(f.from.isValid(), QStringLiteral("created_at >= ?"), {sql::time(f.from)});
    where.addIf(f.to.isValid(), QStringLiteral("created_at < ?"), {sql::time(f.to)});
    where.addIf(!f.customerEmail.isEmpty(), QStringLiteral("lower(customer_email) = lower(?)"),
                {f.customerEmail});
    where.addIf(!f.afterKey.isEmpty(),
                QStringLiteral("(%1, id) %2 (?::%3, ?::uuid)")
                    .arg(expression, f.sort.descending ? QStringLiteral("<") : QStringLiteral(">"),
                         f.sort.castType()),
                {f.afterKey, sql::uuid(f.afterId)});
    DbRows q = where.page(db,
                          QStringLiteral("SELECT ") + kColumns + u", (" + expression +
                              QStringLiteral(")::text AS sort_key FROM reservations"),
                          QStringLiteral(" ORDER BY %1 %2, id %2").arg(expression, direction),
                          f.limit, "list reservations");
    QList<ReservationView> out;
    while (q.next()) {
        out << fromRow(q).view;
        if (sortKeys)
            *sortKeys << q.value(16).toString();
    }
    return out;
}

quint64 oldestRunningTransaction(DbConnection &db)
{
    DbRows q = db.exec(QStringLiteral("SELECT pg_snapshot_xmin(pg_current_snapshot())::text"), {},
                       "oldest running transaction");
    q.next();
    return q.value(0).toString().toULongLong();
}

QList<ReservationChange> changesAfter(DbConnection &db, const QUuid &tenantScope, quint64 xid,
                                      const QUuid &id, int limit)
{
    // Two texts rather than "? IS NULL OR": each one matches its index
    // (tenant_id, change_xid, id) or (change_xid, id) exactly.
    const QString position = QStringLiteral("(change_xid, id) > (?::text::xid8, ?::uuid)");
    const QString tail = QStringLiteral(" ORDER BY change_xid, id LIMIT ?");
    const QString select = QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(", change_xid::text FROM reservations WHERE ");
    const QString xidText = QString::number(xid);
    // The nil UUID sorts first: (xid, nil) means "every row of xid and later".
    const QString idPosition = id.toString(QUuid::WithoutBraces);
    DbRows q =
        tenantScope.isNull()
            ? db.exec(select + position + tail, {xidText, idPosition, limit}, "changes")
            : db.exec(select + QStringLiteral("tenant_id = ?::uuid AND ") + position + tail,
                      {sql::uuid(tenantScope), xidText, idPosition, limit}, "tenant changes");
    QList<ReservationChange> out;
    while (q.next())
        out.append({q.value(16).toString().toULongLong(), fromRow(q).view});
    return out;
}

} // namespace reserva::reservationstore
