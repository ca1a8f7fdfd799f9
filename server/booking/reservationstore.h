#pragma once

#include "catalog/slotstore.h"
#include "contract/bookingtypes.h"
#include "domain/reservationstatus.h"
#include "reservationsort.h"

#include <QList>

#include <optional>

namespace reserva {

class DbConnection;

struct ReservationRecord
{
    ReservationView view;
    QUuid tenantId;
};

struct ReleasedHold
{
    QUuid reservationId;
    int quantity = 0;
};

struct ReservationFilter
{
    QUuid tenantId; // null: every tenant
    QString status;
    QUuid productId;
    QUuid slotId;
    QDateTime from; // created_at >= from
    QDateTime to;   // created_at < to
    QString customerEmail;
    ReservationSort sort;
    QString afterKey; // cursor: the sort expression's value (as text) and id
    QUuid afterId;
    int limit = 50;
};

// SQL for reservations. Seat counts on the slot are changed by the caller,
// under the slot's row lock, in the same transaction.
namespace reservationstore {

// A new hold, as the booking computed it under the slot's lock.
struct NewHold
{
    int quantity = 0;
    CustomerView customer;
    std::optional<TransferDetail> trfDetail; // transfer products only, validated
    qint64 discountMinor = 0;                // the promotion claims' discount
    QDateTime holdExpiresAt;
    QString createdBy;
};

// Writes a new hold with a deferred statement: its id is made here (a
// version 7 UUID, time-ordered: see uuidv7.h), so nothing waits for the row
// to come back, and the insert rides to the database with
// the transaction's next statement or its COMMIT. Every column is a value
// computed here, so the returned view is the row as it will read; the
// statements that refer to it (claims, audit) must come after this call.
ReservationView insert(DbConnection &db, const LockedSlot &slot, const NewHold &hold,
                       const QDateTime &now);
std::optional<ReservationRecord> find(DbConnection &db, const QUuid &id, const QUuid &tenantScope,
                                      bool forUpdate = false);
// Moves `from` -> `to` only if the row is still in `from`; false otherwise.
bool transition(DbConnection &db, const QUuid &id, ReservationStatus from, ReservationStatus to,
                const QDateTime &now);
// Expires every hold of the (locked) slot whose time is up; returns them.
QList<ReleasedHold> expireDueHolds(DbConnection &db, const QUuid &slotId, const QDateTime &now);
// Slots that have holds past their expiry (for the sweeper).
QList<QUuid> slotsWithDueHolds(DbConnection &db, const QDateTime &now, int limit);
// In the filter's order; `sortKeys` (when given) gets each row's sort
// expression as text, exactly as the database compares it, for the cursor.
QList<ReservationView> list(DbConnection &db, const ReservationFilter &filter,
                            QStringList *sortKeys = nullptr);

// A reservation as the change feed sees it: with the id of the transaction
// that last wrote it (migration 0008).
struct ReservationChange
{
    quint64 changeXid = 0;
    ReservationView view;
};
// The oldest transaction still running: every row written from it on may not
// be visible yet, so a change feed resumes from here.
quint64 oldestRunningTransaction(DbConnection &db);
// Rows whose (change_xid, id) is after the given position, in that order.
QList<ReservationChange> changesAfter(DbConnection &db, const QUuid &tenantScope, quint64 xid,
                                      const QUuid &id, int limit);

} // namespace reservationstore
} // namespace reserva
