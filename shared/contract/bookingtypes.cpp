#include "bookingtypes.h"

#include "timeformat.h"
#include "wirevalues.h"

namespace reserva {

QJsonObject ProductView::toJson() const
{
    return {{QStringLiteral("id"), idText(id)},
            {QStringLiteral("tenant_id"), idText(tenantId)},
            {QStringLiteral("name"), name},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("transfer_kind"),
             transferKind.isEmpty() ? QJsonValue() : QJsonValue(transferKind)},
            {QStringLiteral("description"), description},
            {QStringLiteral("price_minor"), priceMinor},
            {QStringLiteral("currency"), currency},
            {QStringLiteral("active"), active}};
}

std::optional<ProductView> ProductView::fromJson(const QJsonObject &o)
{
    ProductView p;
    p.id = uuidFrom(o.value(QStringLiteral("id")));
    p.tenantId = uuidFrom(o.value(QStringLiteral("tenant_id")));
    p.name = o.value(QStringLiteral("name")).toString();
    p.kind = o.value(QStringLiteral("kind")).toString();
    p.transferKind = o.value(QStringLiteral("transfer_kind")).toString();
    p.description = o.value(QStringLiteral("description")).toString();
    p.priceMinor = o.value(QStringLiteral("price_minor")).toInteger();
    p.currency = o.value(QStringLiteral("currency")).toString();
    p.active = o.value(QStringLiteral("active")).toBool();
    if (p.id.isNull() || p.name.isEmpty())
        return std::nullopt;
    return p;
}

QJsonObject SlotView::toJson() const
{
    return {{QStringLiteral("id"), idText(id)},
            {QStringLiteral("product_id"), idText(productId)},
            {QStringLiteral("starts_at"), timeOrNull(startsAt)},
            {QStringLiteral("duration_minutes"), durationMinutes},
            {QStringLiteral("capacity"), capacity},
            {QStringLiteral("remaining"), remaining}};
}

std::optional<SlotView> SlotView::fromJson(const QJsonObject &o)
{
    SlotView s;
    s.id = uuidFrom(o.value(QStringLiteral("id")));
    s.productId = uuidFrom(o.value(QStringLiteral("product_id")));
    s.startsAt = timeFrom(o.value(QStringLiteral("starts_at")));
    s.durationMinutes = o.value(QStringLiteral("duration_minutes")).toInt();
    s.capacity = o.value(QStringLiteral("capacity")).toInt();
    s.remaining = o.value(QStringLiteral("remaining")).toInt();
    if (s.id.isNull())
        return std::nullopt;
    return s;
}

QJsonObject ReservationView::toJson() const
{
    return {
        {QStringLiteral("id"), idText(id)},
        {QStringLiteral("slot_id"), idText(slotId)},
        {QStringLiteral("product_id"), idText(productId)},
        {QStringLiteral("quantity"), quantity},
        {QStringLiteral("customer"),
         QJsonObject{{QStringLiteral("name"), customer.name},
                     {QStringLiteral("email"), customer.email},
                     {QStringLiteral("phone"),
                      customer.phone.isEmpty() ? QJsonValue() : QJsonValue(customer.phone)}}},
        {QStringLiteral("status"), status},
        {QStringLiteral("subtotal_minor"), subtotalMinor},
        {QStringLiteral("discount_minor"), discountMinor},
        {QStringLiteral("amount_minor"), amountMinor},
        {QStringLiteral("currency"), currency},
        {QStringLiteral("trf_detail"), trfDetail ? QJsonValue(trfDetail->toJson()) : QJsonValue()},
        {QStringLiteral("hold_expires_at"), timeOrNull(holdExpiresAt)},
        {QStringLiteral("created_at"), timeOrNull(createdAt)}};
}

std::optional<ReservationView> ReservationView::fromJson(const QJsonObject &o)
{
    ReservationView r;
    r.id = uuidFrom(o.value(QStringLiteral("id")));
    r.slotId = uuidFrom(o.value(QStringLiteral("slot_id")));
    r.productId = uuidFrom(o.value(QStringLiteral("product_id")));
    r.quantity = o.value(QStringLiteral("quantity")).toInt();
    const QJsonObject c = o.value(QStringLiteral("customer")).toObject();
    r.customer = {c.value(QStringLiteral("name")).toString(),
                  c.value(QStringLiteral("email")).toString(),
                  c.value(QStringLiteral("phone")).toString()};
    r.status = o.value(QStringLiteral("status")).toString();
    r.subtotalMinor = o.value(QStringLiteral("subtotal_minor")).toInteger();
    r.discountMinor = o.value(QStringLiteral("discount_minor")).toInteger();
    r.amountMinor = o.value(QStringLiteral("amount_minor")).toInteger();
    r.currency = o.value(QStringLiteral("currency")).toString();
    r.holdExpiresAt = timeFrom(o.value(QStringLiteral("hold_expires_at")));
    r.createdAt = timeFrom(o.value(QStringLiteral("created_at")));
    r.trfDetail = TransferDetail::fromJson(o.value(QStringLiteral("trf_detail")));
    if (r.id.isNull())
        return std::nullopt;
    return r;
}

} // namespace reserva
