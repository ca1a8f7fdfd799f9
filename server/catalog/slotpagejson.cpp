#include "slotpagejson.h"

#include "contract/timeformat.h"
#include "http/jsonwriter.h"

namespace reserva {

namespace {

void writeId(JsonWriter &json, const QUuid &id)
{
    json.string(QLatin1StringView(id.toByteArray(QUuid::WithoutBraces)));
}

} // namespace

QByteArray slotPageJson(const QList<SlotView> &slots, const QString &nextCursor)
{
    JsonWriter json;
    json.beginObject();
    json.key(QLatin1StringView("items"));
    json.beginArray();
    for (const SlotView &s : slots) {
        // SlotView::toJson's members in QJsonObject's (sorted) order.
        json.beginObject();
        json.key(QLatin1StringView("capacity"));
        json.integer(s.capacity);
        json.key(QLatin1StringView("duration_minutes"));
        json.integer(s.durationMinutes);
        json.key(QLatin1StringView("id"));
        writeId(json, s.id);
        json.key(QLatin1StringView("product_id"));
        writeId(json, s.productId);
        json.key(QLatin1StringView("remaining"));
        json.integer(s.remaining);
        json.key(QLatin1StringView("starts_at"));
        if (s.startsAt.isValid())
            json.string(toRfc3339(s.startsAt));
        else
            json.null();
        json.endObject();
    }
    json.endArray();
    json.key(QLatin1StringView("next_cursor"));
    if (nextCursor.isEmpty())
        json.null();
    else
        json.string(nextCursor);
    json.endObject();
    return json.take();
}

} // namespace reserva
