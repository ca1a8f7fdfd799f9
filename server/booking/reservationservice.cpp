#include "reservationservice.h"

#include "audit/auditlog.h"
#include "catalog/slotstore.h"
#include "contract/wirevalues.h"
#include "db/dbconnection.h"
#include "db/transaction.h"
#include "promotions/promotionclaims.h"
#include "reservationstore.h"
#include "transferbooking.h"

namespace reserva {

ReservationService::ReservationService(const Clock &clock, int holdSeconds)
    : m_clock(clock)
    , m_holdSeconds(holdSeconds)
{
}

int ReservationService::releaseDueHoldsOfLockedSlot(DbConnection &db, const LockedSlot &slot,
                                                    const QString &requestId)
{
    if (!slot.hasDueHolds)
        return 0;
    const QDateTime now = m_clock.now();
    const QList<ReleasedHold> released = reservationstore::expireDueHolds(db, slot.id, now);
    int seats = 0;
    QList<QUuid> expired;
    for (const ReleasedHold &hold : released) {
        seats += hold.quantity;
        expired << hold.reservationId;
        AuditEvent event;
        event.action = QStringLiteral("reservation.expire");
        event.actor = QStringLiteral("system");
        event.tenantId = slot.tenantId;
        event.resource = QStringLiteral("reservation:") + idText(hold.reservationId);
        event.requestId = requestId;
        event.detail = {{QStringLiteral("slot_id"), idText(slot.id)},
                        {QStringLiteral("quantity"), hold.quantity}};
        appendAudit(db, event, now);
    }
    if (seats > 0)
        slotstore::addSeats(db, slot.id, -seats, now);
    // Their promotion claims go back with the seats, under the same slot lock
    // (then the promotion rows: the lock order of promotionclaims.h). Only a
    // reservation this statement expired is released, so never twice.
    promotionclaims::release(db, expired, QStringLiteral("expired"), QStringLiteral("system"),
                             requestId, now);
    return int(released.size());
}

Result<ReservationView> ReservationService::book(DbConnection &db, const Principal &caller,
                                                 const BookingRequest &request,
                                                 const QString &requestId)
{
    const QDateTime now = m_clock.now();
    std::optional<LockedSlot> slot =
        slotstore::lockForUpdate(db, request.slotId, caller.tenantScope(), now);
    if (!slot)
        return Problem(ProblemType::NotFound, QStringLiteral("No such slot."));
    if (slot->startsAt <= now)
        return Problem(ProblemType::UnprocessableContent,
                       QStringLiteral("The slot has already started."));
    if (!slot->productActive)
        return Problem(ProblemType::UnprocessableContent,
                       QStringLiteral("The product is not on sale."));
    // The transfer contract, against the locked product and slot.
    const auto transfer = transferDetailForBooking(*slot, request.trfDetail, request.quantity);
    if (!transfer)
        return transfer.problem();

    // Holds that ran out give their seats back before capacity is checked.
    if (releaseDueHoldsOfLockedSlot(db, *slot, requestId) > 0)
        slot = slotstore::lockForUpdate(db, request.slotId, caller.tenantScope(), now);

    const int remaining = slot->capacity - slot->seatsTaken;
    if (request.quantity > remaining) {
        return Problem(ProblemType::SoldOut,
                       QStringLiteral("%1 seat(s) left.").arg(qMax(0, remaining)));
    }

    // The amount is the server's: product price times quantity (invariant 7),
    // less the promotion codes' discount, computed here too. A code that
    // cannot be claimed refuses the booking before anything is written.
    std::optional<PromotionClaimPlan> promotions;
    if (!request.promoCodes.isEmpty()) {
        auto planned = promotionclaims::plan(db, *slot, slot->priceMinor * request.quantity,
                                             request.customer.email, request.promoCodes, now);
        if (!planned)
            return planned.problem();
        promotions = std::move(planned).value();
    }
    reservationstore::NewHold hold;
    hold.quantity = request.quantity;
    hold.customer = request.customer;
    hold.trfDetail = *transfer;
    hold.discountMinor = promotions ? promotions->discountMinor : 0;
    hold.holdExpiresAt = now.addSecs(m_holdSeconds);
    hold.createdBy = caller.subject();
    // Deferred, as are the statements after it: from the slot's lock to the
    // COMMIT, the booking is one round trip.
    const ReservationView reservation = reservationstore::insert(db, *slot, hold, now);
    slotstore::addSeats(db, slot->id, request.quantity, now);
    if (promotions)
        promotionclaims::write(db, *promotions, slot->tenantId, reservation.id,
                               request.customer.email, slot->currency, caller.subject(), requestId,
                               now);

    AuditEvent event;
    event.action = QStringLiteral("reservation.create");
    event.actor = caller.subject();
    event.tenantId = slot->tenantId;
    event.resource = QStringLiteral("reservation:") + idText(reservation.id);
    event.requestId = requestId;
    event.detail = {{QStringLiteral("slot_id"), idText(slot->id)},
                    {QStringLiteral("quantity"), request.quantity},
                    {QStringLiteral("amount_minor"), reservation.amountMinor},
                    {QStringLiteral("currency"), reservation.currency}};
    appendAudit(db, event, now);
    return reservation;
}

Result<ReservationView> ReservationService::cancel(DbConnection &db, const Principal &caller,
                                                   const QUuid &id, const QString &requestId)
{
    const QDateTime now = m_clock.now();
    Transaction tx(db);
    const auto found = reservationstore::find(db, id, caller.tenantScope());
    if (!found)
        return Problem(ProblemType::NotFound);
    // Lock order everywhere: the slot, then its reservations.
    const auto slot = slotstore::lockForUpdate(db, found->view.slotId, {}, now);
    if (!slot)
        return Problem(ProblemType::NotFound);
    releaseDueHoldsOfLockedSlot(db, *slot, requestId);
    const auto current = reservationstore::find(db, id, {}, true);
    const auto status = parseReservationStatus(current->view.status);
    if (status == ReservationStatus::Cancelled) {
        tx.commit(); // due holds of the slot were released
        return current->view;
    }
    if (status != ReservationStatus::PendingPayment) {
        tx.commit();
        return Problem(ProblemType::Conflict,
                       status == ReservationStatus::Paid
                           ? QStringLiteral("The reservation is paid: cancelling it is a refund.")
                           : QStringLiteral("The reservation is %1 and cannot be cancelled.")
                                 .arg(current->view.status));
    }
    reservationstore::transition(db, id, ReservationStatus::PendingPayment,
                                 ReservationStatus::Cancelled, now);
    slotstore::addSeats(db, slot->id, -current->view.quantity, now);
    promotionclaims::release(db, {id}, QStringLiteral("cancelled"), caller.subject(), requestId,
                             now);
    AuditEvent event;
    event.action = QStringLiteral("reservation.cancel");
    event.actor = caller.subject();
    event.tenantId = current->tenantId;
    event.resource = QStringLiteral("reservation:") + idText(id);
    event.requestId = requestId;
    event.detail = {{QStringLiteral("slot_id"), idText(slot->id)},
                    {QStringLiteral("quantity"), current->view.quantity}};
    appendAudit(db, event, now);
    const auto updated = reservationstore::find(db, id, {});
    tx.commit();
    return updated->view;
}

int ReservationService::releaseDueHolds(DbConnection &db, int maxSlots)
{
    int released = 0;
    for (const QUuid &slotId : reservationstore::slotsWithDueHolds(db, m_clock.now(), maxSlots)) {
        Transaction tx(db);
        const auto slot = slotstore::lockForUpdate(db, slotId, {}, m_clock.now());
        if (!slot)
            continue;
        released += releaseDueHoldsOfLockedSlot(db, *slot, QString());
        tx.commit();
    }
    return released;
}

} // namespace reserva
