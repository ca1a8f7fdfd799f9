#include "paymentstatus.h"

namespace reserva {

QString paymentStatusName(PaymentStatus status)
{
    switch (status) {
    case PaymentStatus::Created:
        return QStringLiteral("created");
    case PaymentStatus::Processing:
        return QStringLiteral("processing");
    case PaymentStatus::Succeeded:
        return QStringLiteral("succeeded");
    case PaymentStatus::Failed:
        return QStringLiteral("failed");
    case PaymentStatus::Canceled:
        return QStringLiteral("canceled");
    case PaymentStatus::PartiallyRefunded:
        return QStringLiteral("partially_refunded");
    case PaymentStatus::Refunded:
        return QStringLiteral("refunded");
    }
    return {};
}

std::optional<PaymentStatus> parsePaymentStatus(const QString &name)
{
    for (auto s : {PaymentStatus::Created, PaymentStatus::Processing, PaymentStatus::Succeeded,
                   PaymentStatus::Failed, PaymentStatus::Canceled, PaymentStatus::PartiallyRefunded,
                   PaymentStatus::Refunded}) {
        if (paymentStatusName(s) == name)
            return s;
    }
    return std::nullopt;
}

bool canTransition(PaymentStatus from, PaymentStatus to)
{
    switch (from) {
    case PaymentStatus::Created:
        return to == PaymentStatus::Processing || to == PaymentStatus::Succeeded ||
               to == PaymentStatus::Failed || to == PaymentStatus::Canceled;
    case PaymentStatus::Processing:
        return to == PaymentStatus::Succeeded || to == PaymentStatus::Failed ||
               to == PaymentStatus::Canceled;
    case PaymentStatus::Succeeded:
        return to == PaymentStatus::PartiallyRefunded || to == PaymentStatus::Refunded;
    case PaymentStatus::PartiallyRefunded:
        return to == PaymentStatus::PartiallyRefunded || to == PaymentStatus::Refunded;
    case PaymentStatus::Failed:
    case PaymentStatus::Canceled:
    case PaymentStatus::Refunded:
        return false;
    }
    return false;
}

} // namespace reserva
