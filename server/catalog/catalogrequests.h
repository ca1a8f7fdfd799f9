#pragma once

#include "contract/bookingtypes.h"
#include "core/result.h"
#include "identity/principal.h"
#include "productstore.h"
#include "slotstore.h"

#include <QDateTime>
#include <QJsonObject>

namespace reserva {

// Reading and checking catalog bodies at the edge (strict JSON: an unknown
// field is a 400, like everywhere). No database: what needs one (the tenant
// exists, the product is the caller's) stays with the route.
namespace catalogrequests {

// tour, excursion, transfer or package.
bool isProductKind(const QString &kind);

// POST /v1/products: the new product, its tenant resolved from the caller
// (global users name it with tenant_id; partner managers may only name their
// own). Name and description come trimmed; active defaults to true.
Result<ProductView> readProductCreate(const QJsonObject &body, const Principal &caller);

// PATCH /v1/products/{id}: what changes (name trimmed). A body of nothing but
// nulls names no change and is refused.
Result<ProductChanges> readProductChanges(const QJsonObject &body);

// The transfer rule on the product as `changes` leave `current`: a transfer
// has a transfer_kind, another kind has none. Leaving the transfer kind
// without naming a transfer_kind clears it (set to "" in `changes`).
std::optional<Problem> settleTransferKind(const ProductView &current, ProductChanges &changes);

struct NewSlot
{
    QDateTime startsAt;
    int durationMinutes = 0;
    int capacity = 0;
};

// POST /v1/products/{id}/slots: a departure after `now`.
Result<NewSlot> readSlotCreate(const QJsonObject &body, const QDateTime &now);

// PATCH /v1/slots/{id}: what changes; a new start must be after `now`.
Result<SlotChanges> readSlotChanges(const QJsonObject &body, const QDateTime &now);

} // namespace catalogrequests
} // namespace reserva
