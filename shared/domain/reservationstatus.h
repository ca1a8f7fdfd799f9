#pragma once

#include <QString>

#include <optional>

namespace reserva {

// pending_payment -> paid | expired | cancelled; paid -> refunded. The same
// machine is enforced by a trigger in the database (migration 0003).
enum class ReservationStatus { PendingPayment, Paid, Expired, Cancelled, Refunded };

QString reservationStatusName(ReservationStatus status);
std::optional<ReservationStatus> parseReservationStatus(const QString &name);
bool canTransition(ReservationStatus from, ReservationStatus to);
// Seats count against a slot while the reservation holds or owns them.
inline bool holdsSeats(ReservationStatus s)
{
    return s == ReservationStatus::PendingPayment || s == ReservationStatus::Paid;
}

} // namespace reserva
