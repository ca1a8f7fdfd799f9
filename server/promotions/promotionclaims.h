#pragma once

#include "contract/promotiontypes.h"
#include "core/result.h"
#include "domain/promotionrules.h"

#include <QStringList>

namespace reserva {

class DbConnection;
struct LockedSlot;

struct PlannedClaim
{
    PromotionView promotion; // as locked
    qint64 discountMinor = 0;
};

// The claims a booking will make, decided with the promotions locked.
struct PromotionClaimPlan
{
    QList<PlannedClaim> claims; // in the order the codes were given
    qint64 subtotalMinor = 0;
    qint64 discountMinor = 0; // the claims' discounts, summed
};

// Promotion claims are made and released inside the reservation's own
// transaction (issue #5).
//
// Lock order, everywhere: the slot row first (the booking, cancel, sweeper
// and webhook paths already hold it), then the promotion rows in id order.
// No path locks a promotion and then a slot, so two bookings, a booking and
// the sweeper, or a refund and a booking can wait on each other but never
// deadlock. PATCH /v1/promotions/{id} locks only its promotion.
namespace promotionclaims {

// With the slot locked: locks the named promotions (SELECT ... FOR UPDATE),
// checks every rule against their live usage and computes each discount.
// Writes nothing, so a refusal leaves no trace.
Result<PromotionClaimPlan> plan(DbConnection &db, const LockedSlot &slot, qint64 subtotalMinor,
                                const QString &customerEmail, const QStringList &codes,
                                const QDateTime &now);
// Writes the planned claims for the new reservation, moves the counters of
// the (still locked) promotions and appends one audit row per claim.
void write(DbConnection &db, const PromotionClaimPlan &plan, const QUuid &tenantId,
           const QUuid &reservationId, const QString &customerEmail, const QString &currency,
           const QString &actor, const QString &requestId, const QDateTime &now);
// Releases the live claims of these reservations exactly once (a claim
// already released is skipped), gives their use and discount back to the
// promotions, one audit row per claim. Returns how many were released.
int release(DbConnection &db, const QList<QUuid> &reservationIds, const QString &reason,
            const QString &actor, const QString &requestId, const QDateTime &now);
// A late payment was honoured after the hold expired: the claims the expiry
// released count again (even past the cap or budget: the customer paid the
// discounted amount). Returns how many were reinstated.
int reinstateExpired(DbConnection &db, const QUuid &reservationId, const QString &actor,
                     const QString &requestId, const QDateTime &now);

ProblemType problemTypeOf(PromotionRefusal refusal);

} // namespace promotionclaims
} // namespace reserva
