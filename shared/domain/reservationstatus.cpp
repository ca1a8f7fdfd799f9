#include "reservationstatus.h"

namespace reserva {

QString reservationStatusName(ReservationStatus status)
{
    switch (status) {
    case ReservationStatus::PendingPayment:
        return QStringLiteral("pending_payment");
    case ReservationStatus::Paid:
        return QStringLiteral("paid");
    case ReservationStatus::Expired:
        return QStringLiteral("expired");
    case ReservationStatus::Cancelled:
        return QStringLiteral("cancelled");
    case ReservationStatus::Refunded:
        return QStringLiteral("refunded");
    }
    return {};
}

std::optional<ReservationStatus> parseReservationStatus(const QString &name)
{
    for (auto s :
         {ReservationStatus::PendingPayment, ReservationStatus::Paid, ReservationStatus::Expired,
          ReservationStatus::Cancelled, ReservationStatus::Refunded}) {
        if (reservationStatusName(s) == name)
            return s;
    }
    return std::nullopt;
}

bool canTransition(ReservationStatus from, ReservationStatus to)
{
    switch (from) {
    case ReservationStatus::PendingPayment:
        return to == ReservationStatus::Paid || to == ReservationStatus::Expired ||
               to == ReservationStatus::Cancelled;
    case ReservationStatus::Paid:
        return to == ReservationStatus::Refunded;
    case ReservationStatus::Expired:
    case ReservationStatus::Cancelled:
    case ReservationStatus::Refunded:
        return false;
    }
    return false;
}

} // namespace reserva
