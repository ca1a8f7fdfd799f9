#pragma once

#include "contract/bookingtypes.h"
#include "core/clock.h"
#include "core/result.h"
#include "identity/principal.h"

#include <QJsonValue>

namespace reserva {

class DbConnection;
struct LockedSlot;

struct BookingRequest
{
    QUuid slotId;
    int quantity = 0;
    CustomerView customer; // validated and normalized by the caller
    // As sent; checked against the product in the transaction (transferbooking.h).
    std::optional<QJsonValue> trfDetail;
    // Promotion codes, upper-cased, distinct; more than one only if all stack.
    QStringList promoCodes;
};

// The booking transactions. Seats change only under the slot's row lock
// (SELECT ... FOR UPDATE, invariant 4), and every seat-count change happens in
// the same transaction as the reservation change that causes it, so
// slots.seats_taken always equals the seats of the slot's live reservations.
class ReservationService
{
public:
    ReservationService(const Clock &clock, int holdSeconds);

    // Inside the caller's open transaction (the idempotency wrapper's): locks
    // the slot, releases its holds that are due, checks capacity, computes the
    // amount from the product price, inserts the hold, counts the seats and
    // writes the audit row. Errors change nothing but due holds.
    Result<ReservationView> book(DbConnection &db, const Principal &caller,
                                 const BookingRequest &request, const QString &requestId);
    // Its own transaction: a pending reservation releases its seats; an
    // already-cancelled one is returned as is; paid, expired or refunded: 409.
    Result<ReservationView> cancel(DbConnection &db, const Principal &caller, const QUuid &id,
                                   const QString &requestId);
    // The sweeper: releases due holds, one slot per transaction under the
    // same lock the bookings take. Returns the number of holds released.
    int releaseDueHolds(DbConnection &db, int maxSlots);
    // With the slot already locked by the caller.
    int releaseDueHoldsOfLockedSlot(DbConnection &db, const LockedSlot &slot,
                                    const QString &requestId);

    int holdSeconds() const { return m_holdSeconds; }

private:
    const Clock &m_clock;
    int m_holdSeconds;
};

} // namespace reserva
