#include "promotiontypes.h"

#include "timeformat.h"
#include "wirevalues.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace reserva {

namespace {

template <typename T>
QJsonValue orNull(const std::optional<T> &v)
{
    return v ? QJsonValue(qint64(*v)) : QJsonValue();
}
std::optional<qint64> integerOrNone(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<qint64>(v.toInteger()) : std::nullopt;
}

} // namespace

QJsonObject PromotionView::toJson() const
{
    QJsonArray products;
    for (const QUuid &p : productIds)
        products.append(idText(p));
    return {{QStringLiteral("id"), idText(id)},
            {QStringLiteral("tenant_id"), idText(tenantId)},
            {QStringLiteral("code"), code},
            {QStringLiteral("discount_percent"),
             discountPercentBp ? QJsonValue(*discountPercentBp / 100.0) : QJsonValue()},
            {QStringLiteral("discount_minor"), orNull(discountMinor)},
            {QStringLiteral("currency"), currency.isEmpty() ? QJsonValue() : QJsonValue(currency)},
            {QStringLiteral("product_ids"), products},
            {QStringLiteral("valid_from"), timeOrNull(validFrom)},
            {QStringLiteral("valid_until"), timeOrNull(validUntil)},
            {QStringLiteral("max_redemptions"), orNull(maxRedemptions)},
            {QStringLiteral("per_customer_limit"), orNull(perCustomerLimit)},
            {QStringLiteral("budget_minor"), orNull(budgetMinor)},
            {QStringLiteral("min_amount_minor"), minAmountMinor},
            {QStringLiteral("stackable"), stackable},
            {QStringLiteral("active"), active},
            {QStringLiteral("redeemed"), redeemed},
            {QStringLiteral("discounted_minor"), discountedMinor},
            {QStringLiteral("created_at"), timeOrNull(createdAt)},
            {QStringLiteral("updated_at"), timeOrNull(updatedAt)}};
}

std::optional<PromotionView> PromotionView::fromJson(const QJsonObject &o)
{
    PromotionView p;
    p.id = uuidFrom(o.value(QStringLiteral("id")));
    p.tenantId = uuidFrom(o.value(QStringLiteral("tenant_id")));
    p.code = o.value(QStringLiteral("code")).toString();
    const QJsonValue percent = o.value(QStringLiteral("discount_percent"));
    if (percent.isDouble())
        p.discountPercentBp = int(qRound64(percent.toDouble() * 100));
    p.discountMinor = integerOrNone(o.value(QStringLiteral("discount_minor")));
    p.currency = o.value(QStringLiteral("currency")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("product_ids")).toArray())
        p.productIds.append(uuidFrom(v));
    p.validFrom = timeFrom(o.value(QStringLiteral("valid_from")));
    p.validUntil = timeFrom(o.value(QStringLiteral("valid_until")));
    if (const auto v = integerOrNone(o.value(QStringLiteral("max_redemptions"))))
        p.maxRedemptions = int(*v);
    if (const auto v = integerOrNone(o.value(QStringLiteral("per_customer_limit"))))
        p.perCustomerLimit = int(*v);
    p.budgetMinor = integerOrNone(o.value(QStringLiteral("budget_minor")));
    p.minAmountMinor = o.value(QStringLiteral("min_amount_minor")).toInteger();
    p.stackable = o.value(QStringLiteral("stackable")).toBool();
    p.active = o.value(QStringLiteral("active")).toBool();
    p.redeemed = o.value(QStringLiteral("redeemed")).toInt();
    p.discountedMinor = o.value(QStringLiteral("discounted_minor")).toInteger();
    p.createdAt = timeFrom(o.value(QStringLiteral("created_at")));
    p.updatedAt = timeFrom(o.value(QStringLiteral("updated_at")));
    if (p.id.isNull() || p.code.isEmpty() ||
        p.discountPercentBp.has_value() == p.discountMinor.has_value())
        return std::nullopt;
    return p;
}

QJsonObject PromotionRedemptionView::toJson() const
{
    return {{QStringLiteral("id"), idText(id)},
            {QStringLiteral("promotion_id"), idText(promotionId)},
            {QStringLiteral("reservation_id"), idText(reservationId)},
            {QStringLiteral("customer_email"), customerEmail},
            {QStringLiteral("discount_minor"), discountMinor},
            {QStringLiteral("currency"), currency},
            {QStringLiteral("status"),
             releasedAt.isValid() ? QStringLiteral("released") : QStringLiteral("live")},
            {QStringLiteral("claimed_at"), timeOrNull(claimedAt)},
            {QStringLiteral("released_at"), timeOrNull(releasedAt)},
            {QStringLiteral("release_reason"),
             releaseReason.isEmpty() ? QJsonValue() : QJsonValue(releaseReason)}};
}

std::optional<PromotionRedemptionView> PromotionRedemptionView::fromJson(const QJsonObject &o)
{
    PromotionRedemptionView r;
    r.id = uuidFrom(o.value(QStringLiteral("id")));
    r.promotionId = uuidFrom(o.value(QStringLiteral("promotion_id")));
    r.reservationId = uuidFrom(o.value(QStringLiteral("reservation_id")));
    r.customerEmail = o.value(QStringLiteral("customer_email")).toString();
    r.discountMinor = o.value(QStringLiteral("discount_minor")).toInteger();
    r.currency = o.value(QStringLiteral("currency")).toString();
    r.claimedAt = timeFrom(o.value(QStringLiteral("claimed_at")));
    r.releasedAt = timeFrom(o.value(QStringLiteral("released_at")));
    r.releaseReason = o.value(QStringLiteral("release_reason")).toString();
    if (r.id.isNull())
        return std::nullopt;
    return r;
}

QJsonObject PromotionSettingsView::toJson() const
{
    return {{QStringLiteral("tenant_id"), idText(tenantId)},
            {QStringLiteral("release_on_refund"), releaseOnRefund}};
}

std::optional<PromotionSettingsView> PromotionSettingsView::fromJson(const QJsonObject &o)
{
    PromotionSettingsView s;
    s.tenantId = uuidFrom(o.value(QStringLiteral("tenant_id")));
    s.releaseOnRefund = o.value(QStringLiteral("release_on_refund")).toBool();
    if (s.tenantId.isNull())
        return std::nullopt;
    return s;
}

std::optional<QString> normalizePromotionCode(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$"));
    const QString code = text.trimmed();
    if (!pattern.match(code).hasMatch())
        return std::nullopt;
    return code.toUpper();
}

PromoCodesField readPromoCodes(const QJsonValue &value)
{
    PromoCodesField out;
    const QString badCode =
        QStringLiteral("must be a promotion code (3 to 32 letters, digits, '-' or '_')");
    if (value.isString()) {
        const auto code = normalizePromotionCode(value.toString());
        if (!code)
            out.error = badCode;
        else
            out.codes << *code;
        return out;
    }
    if (!value.isArray()) {
        out.error = QStringLiteral("must be a code or an array of codes");
        return out;
    }
    const QJsonArray array = value.toArray();
    if (array.isEmpty() || array.size() > kMaxPromoCodesPerBooking) {
        out.error = QStringLiteral("must hold 1 to %1 codes").arg(kMaxPromoCodesPerBooking);
        return out;
    }
    for (const QJsonValue &item : array) {
        const auto code = item.isString() ? normalizePromotionCode(item.toString()) : std::nullopt;
        if (!code) {
            out.error = badCode;
            return out;
        }
        if (out.codes.contains(*code)) {
            out.error = QStringLiteral("must not repeat a code");
            return out;
        }
        out.codes << *code;
    }
    return out;
}

} // namespace reserva
