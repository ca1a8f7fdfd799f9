#include "slotpagejson.h"

#include "contract/timeformat.h"
#include "http/jsonwriter.h"

namespace reserva {

namespace {

// SlotView::toJson's members in QJsonObject's (sorted) order.
void writeSlot(JsonWriter &json, const SlotView &s)
{
    json.beginObject();
    json.key(QLatin1StringView("capacity"));
    json.integer(s.capacity);
    json.key(QLatin1StringView("duration_minutes"));
    json.integer(s.durationMinutes);
    json.key(QLatin1StringView("id"));
    json.uuid(s.id);
    json.key(QLatin1StringView("product_id"));
    json.uuid(s.productId);
    json.key(QLatin1StringView("remaining"));
    json.integer(s.remaining);
    json.key(QLatin1StringView("starts_at"));
    if (s.startsAt.isValid())
        json.string(toRfc3339(s.startsAt));
    else
        json.null();
    json.endObject();
}

} // namespace

QByteArray slotPageJson(const QList<SlotView> &slots, const QString &nextCursor)
{
    JsonWriter json;
    json.beginObject();
    json.key(QLatin1StringView("items"));
    json.beginArray();
    for (const SlotView &s : slots)
        writeSlot(json, s);
    json.endArray();
    json.key(QLatin1StringView("next_cursor"));
    if (nextCursor.isEmpty())
        json.null();
    else
        json.string(nextCursor);
    json.endObject();
    return json.take();
}

QByteArray availabilityJson(const QUuid &productId, const QDateTime &from, const QDateTime &to,
                            const QList<SlotView> &slots)
{
    JsonWriter json;
    json.beginObject();
    json.key(QLatin1StringView("from"));
    json.string(toRfc3339(from));
    json.key(QLatin1StringView("product_id"));
    json.uuid(productId);
    json.key(QLatin1StringView("slots"));
    json.beginArray();
    for (const SlotView &s : slots)
        writeSlot(json, s);
    json.endArray();
    json.key(QLatin1StringView("to"));
    json.string(toRfc3339(to));
    json.endObject();
    return json.take();
}

} // namespace reserva
