#include "promotionrules.h"

namespace reserva::promotionrules {

std::optional<PromotionRefusal> eligibility(const PromotionTerms &terms,
                                            const BookingTerms &booking)
{
    if (!terms.active)
        return PromotionRefusal::Inactive;
    // A half-open window [from, until) on UTC instants: whatever offset the
    // times were written with, and across a daylight-saving change, an
    // instant is either inside or not.
    if (booking.at < terms.validFrom)
        return PromotionRefusal::NotYetValid;
    if (booking.at >= terms.validUntil)
        return PromotionRefusal::Expired;
    if (!terms.productIds.isEmpty() && !terms.productIds.contains(booking.productId))
        return PromotionRefusal::NotForProduct;
    if (!terms.currency.isEmpty() && terms.currency != booking.currency)
        return PromotionRefusal::WrongCurrency;
    if (booking.subtotalMinor < terms.minAmountMinor)
        return PromotionRefusal::BelowMinimum;
    if (booking.codeCount > 1 && !terms.stackable)
        return PromotionRefusal::NotStackable;
    return std::nullopt;
}

std::optional<PromotionRefusal> capacity(const PromotionTerms &terms, const PromotionUsage &usage,
                                         qint64 discountMinor)
{
    if (terms.maxRedemptions && usage.redeemed >= *terms.maxRedemptions)
        return PromotionRefusal::Exhausted;
    if (terms.perCustomerLimit && usage.customerClaims >= *terms.perCustomerLimit)
        return PromotionRefusal::CustomerLimitReached;
    // Compared as "what is left" so no sum can overflow.
    if (terms.budgetMinor && discountMinor > *terms.budgetMinor - usage.discountedMinor)
        return PromotionRefusal::BudgetExhausted;
    return std::nullopt;
}

QString describe(PromotionRefusal refusal, const QString &code)
{
    switch (refusal) {
    case PromotionRefusal::Inactive:
        return QStringLiteral("Promotion code %1 is not active.").arg(code);
    case PromotionRefusal::NotYetValid:
        return QStringLiteral("Promotion code %1 is not valid yet.").arg(code);
    case PromotionRefusal::Expired:
        return QStringLiteral("Promotion code %1 has expired.").arg(code);
    case PromotionRefusal::NotForProduct:
        return QStringLiteral("Promotion code %1 does not apply to this product.").arg(code);
    case PromotionRefusal::WrongCurrency:
        return QStringLiteral("Promotion code %1 does not apply to this currency.").arg(code);
    case PromotionRefusal::BelowMinimum:
        return QStringLiteral("The booking is below the minimum amount of promotion code %1.")
            .arg(code);
    case PromotionRefusal::NotStackable:
        return QStringLiteral("Promotion code %1 cannot be combined with other codes.").arg(code);
    case PromotionRefusal::Exhausted:
        return QStringLiteral("Promotion code %1 has no uses left.").arg(code);
    case PromotionRefusal::BudgetExhausted:
        return QStringLiteral("The discount budget of promotion code %1 is spent.").arg(code);
    case PromotionRefusal::CustomerLimitReached:
        return QStringLiteral("This customer has used promotion code %1 up to its limit.")
            .arg(code);
    case PromotionRefusal::FreeBooking:
        return QStringLiteral("The discount would make the booking free; a free booking cannot be"
                              " paid through a provider.");
    }
    return {};
}

} // namespace reserva::promotionrules
