#include "promotionclaims.h"

#include "audit/auditlog.h"
#include "catalog/slotstore.h"
#include "contract/wirevalues.h"
#include "db/dbconnection.h"
#include "promotionclaimstore.h"
#include "promotionstore.h"

#include <QMap>

namespace reserva::promotionclaims {

namespace {

Problem refused(PromotionRefusal refusal, const QString &code)
{
    return Problem(problemTypeOf(refusal), promotionrules::describe(refusal, code));
}

void audit(DbConnection &db, const QString &action, const QUuid &tenantId, const QUuid &promotionId,
           const QString &actor, const QString &requestId, const QJsonObject &detail,
           const QDateTime &now)
{
    AuditEvent event;
    event.action = action;
    event.actor = actor;
    event.tenantId = tenantId;
    event.resource = QStringLiteral("promotion:") + idText(promotionId);
    event.requestId = requestId;
    event.detail = detail;
    appendAudit(db, event, now);
}

// Gives the changed claims' uses and discounts back (sign -1) or takes them
// again (+1), promotion by promotion in id order (the lock order).
void moveUsage(DbConnection &db, const QList<ChangedClaim> &changed, int sign, const QDateTime &now)
{
    QMap<QUuid, std::pair<int, qint64>> perPromotion; // ordered by id
    for (const ChangedClaim &c : changed) {
        auto &[claims, discount] = perPromotion[c.promotionId];
        ++claims;
        discount += c.discountMinor;
    }
    for (auto it = perPromotion.cbegin(); it != perPromotion.cend(); ++it)
        promotionstore::addUsage(db, it.key(), sign * it->first, sign * it->second, now);
}

} // namespace

ProblemType problemTypeOf(PromotionRefusal refusal)
{
    switch (refusal) {
    case PromotionRefusal::Inactive:
        return ProblemType::PromoCodeInactive;
    case PromotionRefusal::NotYetValid:
    case PromotionRefusal::Expired:
        return ProblemType::PromoCodeOutsideWindow;
    case PromotionRefusal::NotForProduct:
    case PromotionRefusal::WrongCurrency:
        return ProblemType::PromoCodeNotApplicable;
    case PromotionRefusal::BelowMinimum:
        return ProblemType::PromoMinimumNotMet;
    case PromotionRefusal::NotStackable:
        return ProblemType::PromoCodesNotStackable;
    case PromotionRefusal::Exhausted:
        return ProblemType::PromoCodeExhausted;
    case PromotionRefusal::BudgetExhausted:
        return ProblemType::PromoBudgetExhausted;
    case PromotionRefusal::CustomerLimitReached:
        return ProblemType::PromoCustomerLimitReached;
    case PromotionRefusal::FreeBooking:
        return ProblemType::PromoFreeBooking;
    }
    return ProblemType::UnprocessableContent;
}

Result<PromotionClaimPlan> plan(DbConnection &db, const LockedSlot &slot, qint64 subtotalMinor,
                                const QString &customerEmail, const QStringList &codes,
                                const QDateTime &now)
{
    // Locked in id order (see the lock order above); from here until commit
    // no other booking can claim, and no PATCH can change, these promotions.
    const QList<PromotionView> locked = promotionstore::lockByCodes(db, slot.tenantId, codes);
    QList<PromotionView> ordered; // as the client listed the codes
    for (const QString &code : codes) {
        const auto it = std::find_if(locked.cbegin(), locked.cend(),
                                     [&](const PromotionView &p) { return p.code == code; });
        if (it == locked.cend())
            return Problem(ProblemType::PromoCodeUnknown,
                           QStringLiteral("There is no promotion code %1.").arg(code));
        ordered.append(*it);
    }

    BookingTerms booking;
    booking.at = now;
    booking.productId = slot.productId;
    booking.currency = slot.currency;
    booking.subtotalMinor = subtotalMinor;
    booking.codeCount = int(codes.size());
    QList<discount::Rule> rules;
    for (const PromotionView &p : std::as_const(ordered)) {
        if (const auto refusal = promotionrules::eligibility(termsOf(p), booking))
            return refused(*refusal, p.code);
        rules.append(termsOf(p).rule);
    }

    const auto discounts = discount::split(subtotalMinor, rules);
    if (!discounts)
        return Problem(ProblemType::InternalError);
    PromotionClaimPlan result;
    result.subtotalMinor = subtotalMinor;
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        result.claims.append({ordered[i], discounts->at(i)});
        result.discountMinor += discounts->at(i);
    }
    // Invariant 2: only a verified webhook sets paid, and a provider cannot
    // charge zero, so a booking the discount makes free could never settle.
    if (result.discountMinor >= subtotalMinor)
        return refused(PromotionRefusal::FreeBooking, ordered.constFirst().code);

    for (const PlannedClaim &claim : std::as_const(result.claims)) {
        const PromotionView &p = claim.promotion;
        PromotionUsage usage;
        usage.redeemed = p.redeemed;
        usage.discountedMinor = p.discountedMinor;
        if (p.perCustomerLimit)
            usage.customerClaims = promotionclaimstore::liveClaimsOf(db, p.id, customerEmail);
        if (const auto refusal = promotionrules::capacity(termsOf(p), usage, claim.discountMinor))
            return refused(*refusal, p.code);
    }
    return result;
}

void write(DbConnection &db, const PromotionClaimPlan &plan, const QUuid &tenantId,
           const QUuid &reservationId, const QString &customerEmail, const QString &currency,
           const QString &actor, const QString &requestId, const QDateTime &now)
{
    for (const PlannedClaim &claim : plan.claims) {
        promotionclaimstore::insert(db, tenantId, claim.promotion.id, reservationId, customerEmail,
                                    claim.discountMinor, currency, now);
        promotionstore::addUsage(db, claim.promotion.id, 1, claim.discountMinor, now);
        audit(db, QStringLiteral("promotion.claim"), tenantId, claim.promotion.id, actor, requestId,
              {{QStringLiteral("reservation_id"), idText(reservationId)},
               {QStringLiteral("code"), claim.promotion.code},
               {QStringLiteral("discount_minor"), claim.discountMinor},
               {QStringLiteral("currency"), currency}},
              now);
    }
}

int release(DbConnection &db, const QList<QUuid> &reservationIds, const QString &reason,
            const QString &actor, const QString &requestId, const QDateTime &now)
{
    if (reservationIds.isEmpty())
        return 0;
    const QList<ChangedClaim> released =
        promotionclaimstore::release(db, reservationIds, reason, now);
    moveUsage(db, released, -1, now);
    for (const ChangedClaim &c : released) {
        audit(db, QStringLiteral("promotion.release"), c.tenantId, c.promotionId, actor, requestId,
              {{QStringLiteral("reservation_id"), idText(c.reservationId)},
               {QStringLiteral("reason"), reason},
               {QStringLiteral("discount_minor"), c.discountMinor}},
              now);
    }
    return int(released.size());
}

int reinstateExpired(DbConnection &db, const QUuid &reservationId, const QString &actor,
                     const QString &requestId, const QDateTime &now)
{
    const QList<ChangedClaim> reinstated = promotionclaimstore::reinstateExpired(db, reservationId);
    moveUsage(db, reinstated, 1, now);
    for (const ChangedClaim &c : reinstated) {
        audit(db, QStringLiteral("promotion.reinstate"), c.tenantId, c.promotionId, actor,
              requestId,
              {{QStringLiteral("reservation_id"), idText(c.reservationId)},
               {QStringLiteral("discount_minor"), c.discountMinor}},
              now);
    }
    return int(reinstated.size());
}

} // namespace reserva::promotionclaims
