#pragma once

#include "contract/bookingtypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace reserva {

// The availability answer, {"items": [slot, ...], "next_cursor": ...}, written
// directly: the same bytes as pageJson() over SlotView::toJson() (held to
// them by tst_jsonwriter), at a fraction of the cost on the busiest route.
// `nextCursor` is the encoded cursor, empty for the last page.
QByteArray slotPageJson(const QList<SlotView> &slots, const QString &nextCursor);

// GET /v1/availability's answer, {"from", "product_id", "slots": [slot],
// "to"}, written the same way (and held to the same bytes).
QByteArray availabilityJson(const QUuid &productId, const QDateTime &from, const QDateTime &to,
                            const QList<SlotView> &slots);

} // namespace reserva
