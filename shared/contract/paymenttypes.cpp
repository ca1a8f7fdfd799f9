#include "paymenttypes.h"

#include "timeformat.h"

namespace reserva {

QJsonObject PaymentIntentView::toJson() const
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return {{QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
            {QStringLiteral("reservation_id"), reservationId.toString(QUuid::WithoutBraces)},
            {QStringLiteral("provider"), provider},
            {QStringLiteral("provider_ref"), orNull(providerRef)},
            {QStringLiteral("status"), status},
            {QStringLiteral("amount_minor"), amountMinor},
            {QStringLiteral("currency"), currency},
            {QStringLiteral("refunded_minor"), refundedMinor},
            {QStringLiteral("needs_refund"), needsRefund},
            {QStringLiteral("client_secret"), orNull(clientSecret)},
            {QStringLiteral("checkout_url"), orNull(checkoutUrl)},
            {QStringLiteral("pix_copy_paste"), orNull(pixCopyPaste)},
            {QStringLiteral("created_at"),
             createdAt.isValid() ? QJsonValue(toRfc3339(createdAt)) : QJsonValue()}};
}

std::optional<PaymentIntentView> PaymentIntentView::fromJson(const QJsonObject &o)
{
    PaymentIntentView v;
    v.id = QUuid::fromString(o.value(QStringLiteral("id")).toString());
    v.reservationId = QUuid::fromString(o.value(QStringLiteral("reservation_id")).toString());
    v.provider = o.value(QStringLiteral("provider")).toString();
    v.providerRef = o.value(QStringLiteral("provider_ref")).toString();
    v.status = o.value(QStringLiteral("status")).toString();
    v.amountMinor = o.value(QStringLiteral("amount_minor")).toInteger();
    v.currency = o.value(QStringLiteral("currency")).toString();
    v.refundedMinor = o.value(QStringLiteral("refunded_minor")).toInteger();
    v.needsRefund = o.value(QStringLiteral("needs_refund")).toBool();
    v.clientSecret = o.value(QStringLiteral("client_secret")).toString();
    v.checkoutUrl = o.value(QStringLiteral("checkout_url")).toString();
    v.pixCopyPaste = o.value(QStringLiteral("pix_copy_paste")).toString();
    v.createdAt =
        fromRfc3339(o.value(QStringLiteral("created_at")).toString()).value_or(QDateTime());
    if (v.id.isNull())
        return std::nullopt;
    return v;
}

} // namespace reserva
