#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace reserva {

// Wire types of the promotions API, (de)serialized by both ends.

// A promotion code of one tenant. Exactly one of discountPercentBp (wire:
// discount_percent, a number with at most two decimals in (0, 100]) and
// discountMinor is set.
struct PromotionView
{
    QUuid id;
    QUuid tenantId;
    QString code; // upper case
    std::optional<int> discountPercentBp;
    std::optional<qint64> discountMinor;
    QString currency; // empty: any currency
    QList<QUuid> productIds;
    QDateTime validFrom;
    QDateTime validUntil;
    std::optional<int> maxRedemptions;
    std::optional<int> perCustomerLimit;
    std::optional<qint64> budgetMinor;
    qint64 minAmountMinor = 0;
    bool stackable = false;
    bool active = true;
    int redeemed = 0;           // live claims
    qint64 discountedMinor = 0; // their discounts, summed (what the budget has spent)
    QDateTime createdAt;
    QDateTime updatedAt;

    QJsonObject toJson() const;
    static std::optional<PromotionView> fromJson(const QJsonObject &o);
};

// One claim of a promotion by a reservation: live until released.
struct PromotionRedemptionView
{
    QUuid id;
    QUuid promotionId;
    QUuid reservationId;
    QString customerEmail;
    qint64 discountMinor = 0;
    QString currency;
    QDateTime claimedAt;
    QDateTime releasedAt;  // invalid while live
    QString releaseReason; // expired | cancelled | refunded; empty while live

    QJsonObject toJson() const;
    static std::optional<PromotionRedemptionView> fromJson(const QJsonObject &o);
};

// A tenant's promotion settings.
struct PromotionSettingsView
{
    QUuid tenantId;
    bool releaseOnRefund = false;

    QJsonObject toJson() const;
    static std::optional<PromotionSettingsView> fromJson(const QJsonObject &o);
};

// A promotion code as typed: trimmed, 3 to 32 of A-Z, 0-9, '-' and '_'
// (starting with a letter or digit), compared case-insensitively; returned
// upper-cased. nullopt when it is not a code.
std::optional<QString> normalizePromotionCode(const QString &text);

constexpr int kMaxPromoCodesPerBooking = 3;

// A booking's `promo_code`: one code as a string, or an array of 1 to 3
// distinct codes (stacking: every one of them must be stackable, which the
// server checks). Upper-cased codes, or the message for the field's error.
struct PromoCodesField
{
    QStringList codes;
    QString error; // empty when valid
};
PromoCodesField readPromoCodes(const QJsonValue &value);

} // namespace reserva
