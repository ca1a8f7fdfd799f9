#include "transferbooking.h"

#include "catalog/slotstore.h"

namespace reserva {

Result<std::optional<TransferDetail>>
transferDetailForBooking(const LockedSlot &slot, const std::optional<QJsonValue> &trfDetail,
                         int quantity)
{
    if (slot.productKind != u"transfer") {
        if (trfDetail)
            return Problem::field(QStringLiteral("trf_detail"),
                                  QStringLiteral("is only for reservations of transfer products"));
        return std::optional<TransferDetail>();
    }
    TransferContext context;
    context.productTransferKind = slot.productTransferKind;
    // Each passenger rides in a seat the reservation holds (extra seats for
    // bulky luggage or comfort are allowed, a passenger without one is not).
    context.seats = quantity;
    // The slot is the service window the operator runs: the pickup is in it.
    context.serviceStart = slot.startsAt;
    context.serviceEnd = slot.startsAt.addSecs(qint64(slot.durationMinutes) * 60);
    auto detail = validateTransferDetail(trfDetail.value_or(QJsonValue()), context);
    if (!detail)
        return detail.problem();
    return std::optional<TransferDetail>(std::move(detail).value());
}

} // namespace reserva
