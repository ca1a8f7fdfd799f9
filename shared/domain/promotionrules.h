#pragma once

#include "discount.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace reserva {

// Why a promotion code cannot be claimed by a booking.
enum class PromotionRefusal {
    Inactive,
    NotYetValid,
    Expired,
    NotForProduct,
    WrongCurrency,
    BelowMinimum,
    NotStackable,
    Exhausted,
    BudgetExhausted,
    CustomerLimitReached,
    FreeBooking,
};

// A promotion's terms, as stored.
struct PromotionTerms
{
    QString code;
    discount::Rule rule;
    QString currency;        // empty: any currency (percent codes without money limits)
    QList<QUuid> productIds; // empty: every product
    QDateTime validFrom;     // inclusive
    QDateTime validUntil;    // exclusive
    std::optional<int> maxRedemptions;
    std::optional<int> perCustomerLimit;
    std::optional<qint64> budgetMinor;
    qint64 minAmountMinor = 0;
    bool stackable = false;
    bool active = true;
};

// What the promotion's live claims already hold (read with its row locked).
struct PromotionUsage
{
    int redeemed = 0;
    qint64 discountedMinor = 0;
    int customerClaims = 0; // live claims of this booking's customer
};

// The booking asking for the code.
struct BookingTerms
{
    QDateTime at; // the server's time, UTC
    QUuid productId;
    QString currency;
    qint64 subtotalMinor = 0; // unit price x quantity, before any discount
    int codeCount = 1;        // codes on the booking (more than one: all must stack)
};

// The promotion rules, pure: the server runs them with the promotion row
// locked, so the usage they see cannot change before the claim is written.
namespace promotionrules {

// Rules that depend on the promotion and the booking only, in the order
// reported: active, window, product, currency, minimum amount, stacking.
std::optional<PromotionRefusal> eligibility(const PromotionTerms &terms,
                                            const BookingTerms &booking);
// Rules that depend on the other claims, for a claim of `discountMinor`:
// redemption cap, per-customer limit, discount budget.
std::optional<PromotionRefusal> capacity(const PromotionTerms &terms, const PromotionUsage &usage,
                                         qint64 discountMinor);
// A short English reason for the problem's detail.
QString describe(PromotionRefusal refusal, const QString &code);

} // namespace promotionrules
} // namespace reserva
