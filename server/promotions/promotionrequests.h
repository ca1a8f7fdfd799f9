#pragma once

#include "contract/promotiontypes.h"
#include "core/result.h"
#include "identity/principal.h"
#include "promotionstore.h"

namespace reserva {

class DbConnection;

// Reading and checking promotion bodies at the edge (strict JSON: an unknown
// field is a 400, like everywhere).
namespace promotionrequests {

// POST /v1/promotions: the new promotion, its tenant resolved from the caller
// (admins name it with tenant_id; partner managers may only name their own).
Result<PromotionView> readCreate(const QJsonObject &body, const Principal &caller);
// PATCH /v1/promotions/{id}: what changes. The discount itself and its
// currency are fixed at creation (claims were made with them).
Result<PromotionChanges> readChanges(const QJsonObject &body);
// `changes` applied to `current`, for the checks that span fields.
PromotionView merged(const PromotionView &current, const PromotionChanges &changes);
// The rules across fields, and against the database: a window that ends
// after it starts, money limits only with a currency, products of the
// promotion's own tenant. Run inside the writing transaction.
std::optional<Problem> checkConsistent(DbConnection &db, const PromotionView &promotion);

} // namespace promotionrequests
} // namespace reserva
