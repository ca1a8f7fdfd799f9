#include "jsonfeedreader.h"

#include "contract/jsonreader.h"

#include <QJsonDocument>
#include <QTimeZone>

namespace reserva::catalogimport {

namespace {

using Presence = JsonObjectReader::Presence;

// Where the first problem of a reader is: "slots[1].capacity: must be an integer".
QString firstProblem(const Problem &problem)
{
    const FieldError &e = problem.errors.first();
    return e.field + QStringLiteral(": ") + e.message;
}

// A price is a decimal string: a JSON number would already have gone through
// a binary double (0.1 + 0.2...), which money never does.
QString readPrice(JsonObjectReader &reader)
{
    const QString field = QStringLiteral("price");
    if (reader.has(field) && reader.raw(field)->isDouble()) {
        reader.addError(field, QStringLiteral("must be a decimal string such as \"123.45\""));
        return {};
    }
    return reader.string(field, Presence::Required, {1, 32}).value_or(QString());
}

std::optional<RawSlot> readSlot(const QJsonValue &value, int index, QString *problem)
{
    const QString prefix = QStringLiteral("slots[%1]").arg(index);
    if (!value.isObject()) {
        *problem = prefix + QStringLiteral(": must be an object");
        return std::nullopt;
    }
    JsonObjectReader reader(value.toObject(), prefix);
    RawSlot s;
    s.line = index;
    s.prefix = prefix + u'.';
    s.externalId = reader.string(QStringLiteral("external_id"), Presence::Required, {1, 256})
                       .value_or(QString());
    s.startsAtLocal = reader.string(QStringLiteral("starts_at_local"), Presence::Optional, {1, 64})
                          .value_or(QString());
    s.startsAt =
        reader.string(QStringLiteral("starts_at"), Presence::Optional, {1, 64}).value_or(QString());
    s.capacity = reader.integer(QStringLiteral("capacity"), Presence::Optional, 0, 100000);
    s.durationMinutes =
        reader.integer(QStringLiteral("duration_minutes"), Presence::Optional, 1, 10080);
    if (auto p = reader.finish()) {
        *problem = firstProblem(*p);
        return std::nullopt;
    }
    return s;
}

RawProduct readProduct(const QJsonValue &value, int index, const QString &feedZone)
{
    RawProduct p;
    p.line = index;
    if (!value.isObject()) {
        p.unreadable = {index, QStringLiteral("the row must be an object")};
        return p;
    }
    JsonObjectReader reader(value.toObject());
    const auto text = [&](const char *name, Presence presence, qsizetype max) {
        return reader.string(QLatin1String(name), presence, {0, max}).value_or(QString());
    };
    p.externalId = text("external_id", Presence::Required, 256);
    p.name = text("name", Presence::Required, 1000);
    p.kind = text("kind", Presence::Required, 32);
    p.transferKind = text("transfer_kind", Presence::Optional, 32);
    p.description = text("description", Presence::Optional, 8000);
    p.price = readPrice(reader);
    p.currency = text("currency", Presence::Required, 16);
    p.active = reader.boolean(QStringLiteral("active"), Presence::Optional).value_or(true);
    p.timeZone = text("time_zone", Presence::Optional, 64);
    if (p.timeZone.isEmpty())
        p.timeZone = feedZone;
    p.capacity = reader.integer(QStringLiteral("capacity"), Presence::Optional, 0, 100000);
    p.durationMinutes =
        reader.integer(QStringLiteral("duration_minutes"), Presence::Optional, 1, 10080);
    const QString slotsField = QStringLiteral("slots");
    const auto slots = reader.raw(slotsField);
    if (slots && !slots->isArray())
        reader.addError(slotsField, QStringLiteral("must be an array"));
    if (auto problem = reader.finish()) {
        p.unreadable = {index, firstProblem(*problem)};
        return p;
    }
    int slotIndex = 0;
    for (const QJsonValue &slotValue : slots.value_or(QJsonValue()).toArray()) {
        QString problem;
        const auto slot = readSlot(slotValue, slotIndex++, &problem);
        if (!slot) {
            p.unreadable = {index, problem};
            return p;
        }
        p.slots.append(*slot);
    }
    return p;
}

} // namespace

Result<QList<RawProduct>> readJsonFeed(const QByteArray &bytes, const QString &provider)
{
    const auto body = parseJsonObject(bytes);
    if (!body)
        return body.problem();
    JsonObjectReader reader(*body);
    const auto feedProvider =
        reader.string(QStringLiteral("provider"), Presence::Optional, {1, 64});
    const auto zone = reader.string(QStringLiteral("time_zone"), Presence::Optional, {1, 64});
    const auto products = reader.raw(QStringLiteral("products"));
    if (!products || !products->isArray())
        reader.addError(QStringLiteral("products"), QStringLiteral("must be an array of products"));
    if (feedProvider && feedProvider->trimmed().toLower() != provider)
        reader.addError(
            QStringLiteral("provider"),
            QStringLiteral("names another provider than the import's (%1)").arg(provider));
    if (zone && !QTimeZone(zone->toUtf8()).isValid())
        reader.addError(QStringLiteral("time_zone"), QStringLiteral("is not an IANA time zone"));
    if (auto problem = reader.finish())
        return *problem;
    QList<RawProduct> rows;
    int index = 0;
    for (const QJsonValue &value : products->toArray())
        rows.append(readProduct(value, index++, zone.value_or(QString())));
    return rows;
}

} // namespace reserva::catalogimport
