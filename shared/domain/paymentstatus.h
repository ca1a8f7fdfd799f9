#pragma once

#include <QString>

#include <optional>

namespace reserva {

// Payment intent states: created -> processing -> succeeded | failed |
// canceled (processing may be skipped); succeeded -> partially_refunded ->
// refunded (or straight to refunded). Failed, canceled and refunded are final:
// in particular failed -> succeeded is impossible (invariant 1), here and in
// the database's trigger (migration 0004), each tested on its own.
enum class PaymentStatus {
    Created,
    Processing,
    Succeeded,
    Failed,
    Canceled,
    PartiallyRefunded,
    Refunded
};

QString paymentStatusName(PaymentStatus status);
std::optional<PaymentStatus> parsePaymentStatus(const QString &name);
bool canTransition(PaymentStatus from, PaymentStatus to);

} // namespace reserva
