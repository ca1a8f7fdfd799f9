#pragma once

#include "contract/transferdetail.h"

#include <QJsonValue>

#include <optional>

namespace reserva {

struct LockedSlot;

// The transfer contract at booking time: a reservation of a transfer product
// must carry trf_detail (validated against the product's transfer_kind, the
// seats booked and the slot's service window), any other must not.
// Returns the normalized detail, nullopt for a product that is no transfer,
// or a 400 problem naming the field.
Result<std::optional<TransferDetail>>
transferDetailForBooking(const LockedSlot &slot, const std::optional<QJsonValue> &trfDetail,
                         int quantity);

} // namespace reserva
