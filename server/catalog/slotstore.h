#pragma once

#include "contract/bookingtypes.h"

#include <QList>

#include <optional>

namespace reserva {

class DbConnection;

// A slot row locked with SELECT ... FOR UPDATE (invariant 4), joined with what
// booking needs from its product. Valid until the transaction ends.
struct LockedSlot
{
    QUuid id;
    QUuid tenantId;
    QUuid productId;
    QDateTime startsAt;
    int durationMinutes = 0;
    int capacity = 0;
    int seatsTaken = 0; // held and sold
    qint64 priceMinor = 0;
    QString currency;
    bool productActive = true;
    QString productKind;
    QString productTransferKind; // transfers only
    // Whether a pending hold of the slot had run out at the `now` given to
    // lockForUpdate: when not, there is nothing to release and the booking
    // or payment skips that statement.
    bool hasDueHolds = false;
};

struct SlotChanges
{
    std::optional<int> capacity;
    std::optional<QDateTime> startsAt;
    std::optional<int> durationMinutes;
};

// SQL for slots. Reads report `remaining` net of holds already past their
// expiry even before the sweeper releases them.
namespace slotstore {

std::optional<SlotView> find(DbConnection &db, const QUuid &id, const QUuid &tenantScope,
                             const QDateTime &now);
// Locks the slot row; nullopt when it does not exist or is outside the scope.
// Also tells whether the slot has holds due at `now` (LockedSlot::hasDueHolds).
std::optional<LockedSlot> lockForUpdate(DbConnection &db, const QUuid &id, const QUuid &tenantScope,
                                        const QDateTime &now);
// The same, for the slot of a reservation (any tenant): one statement where
// finding the reservation first would be two. nullopt: no such reservation.
std::optional<LockedSlot> lockSlotOfReservation(DbConnection &db, const QUuid &reservationId,
                                                const QDateTime &now);
SlotView create(DbConnection &db, const ProductView &product, const QDateTime &startsAt,
                int durationMinutes, int capacity, const QDateTime &now);
void addSeats(DbConnection &db, const QUuid &id, int delta, const QDateTime &now);
void applyChanges(DbConnection &db, const QUuid &id, const SlotChanges &changes,
                  const QDateTime &now);
// Slots of a product starting in [from, to), by start time; `afterStart`/
// `afterId` continue a page.
QList<SlotView> listForProduct(DbConnection &db, const QUuid &productId, const QDateTime &from,
                               const QDateTime &to, const QDateTime &now, int limit,
                               const QDateTime &afterStart = {}, const QUuid &afterId = {});
// GET /v1/availability in one round trip: the product's slots starting in
// [from, to) (both required), by start time, at most `limit`; nullopt when
// the product does not exist or is outside the tenant scope.
std::optional<QList<SlotView>> availability(DbConnection &db, const QUuid &productId,
                                            const QUuid &tenantScope, const QDateTime &from,
                                            const QDateTime &to, const QDateTime &now, int limit);

} // namespace slotstore
} // namespace reserva
