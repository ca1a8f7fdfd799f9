#include "webhookstore.h"

#include "contract/timeformat.h"
#include "core/uuidv7.h"
#include "db/dbconnection.h"
#include "db/sqlfilter.h"
#include "db/sqlvalues.h"

#include <QJsonDocument>

namespace reserva {

QString webhookOutcomeName(WebhookOutcome outcome)
{
    switch (outcome) {
    case WebhookOutcome::Applied:
        return QStringLiteral("applied");
    case WebhookOutcome::Duplicate:
        return QStringLiteral("duplicate");
    case WebhookOutcome::Ignored:
        return QStringLiteral("ignored");
    case WebhookOutcome::StaleState:
        return QStringLiteral("stale_state");
    case WebhookOutcome::UnknownIntent:
        return QStringLiteral("unknown_intent");
    case WebhookOutcome::RejectedAmount:
        return QStringLiteral("rejected_amount");
    case WebhookOutcome::RejectedCurrency:
        return QStringLiteral("rejected_currency");
    case WebhookOutcome::RefundRequired:
        return QStringLiteral("refund_required");
    }
    return QStringLiteral("rejected");
}

namespace webhookstore {

namespace {
QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
} // namespace

QUuid insertDelivery(DbConnection &db, const WebhookDelivery &d, const QString &outcome,
                     int httpStatus, const QUuid &intentId, const QJsonObject &detail)
{
    const QUuid id = uuidV7(d.receivedAt.isValid() ? d.receivedAt.toMSecsSinceEpoch()
                                                   : QDateTime::currentMSecsSinceEpoch());
    db.execDeferred(
        QStringLiteral("INSERT INTO webhook_deliveries (id, provider, received_at, request_id,"
                       " verification, outcome, event_id, payment_intent_id, http_status, headers,"
                       " query, body, detail)"
                       " VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?::uuid, ?, ?::jsonb, ?::jsonb, ?,"
                       " ?::jsonb)"),
        {sql::uuid(id), d.provider, sql::time(d.receivedAt), sql::nullableText(d.requestId),
         d.verification, outcome, sql::nullableText(d.eventId.left(200)), sql::uuid(intentId),
         httpStatus, json(d.headers), json(d.query),
         // An empty body is still a body: a null QByteArray binds NULL.
         d.body.isNull() ? QByteArray("") : d.body, json(detail)},
        "insert webhook delivery");
    return id;
}

bool eventRecorded(DbConnection &db, const QString &provider, const QString &eventId)
{
    DbRows q =
        db.exec(QStringLiteral("SELECT 1 FROM webhook_events WHERE provider = ? AND event_id = ?"),
                {provider, eventId}, "webhook event recorded");
    return q.next();
}

void recordEvent(DbConnection &db, const QString &provider, const QString &eventId,
                 const QUuid &deliveryId, const QUuid &intentId, const QString &outcome,
                 const QDateTime &now)
{
    db.execDeferred(
        QStringLiteral("INSERT INTO webhook_events (provider, event_id, delivery_id,"
                       " payment_intent_id, outcome, applied_at)"
                       " VALUES (?, ?, ?::uuid, ?::uuid, ?, ?)"),
        {provider, eventId, sql::uuid(deliveryId), sql::uuid(intentId), outcome, sql::time(now)},
        "record webhook event");
}

QList<QJsonObject> listDeliveries(DbConnection &db, const WebhookDeliveryFilter &f)
{
    // Only the filters given, planned for this call's values (see SqlFilter).
    SqlFilter where;
    where.addIf(!f.provider.isEmpty(), QStringLiteral("provider = ?"), {f.provider});
    where.addIf(!f.outcome.isEmpty(), QStringLiteral("outcome = ?"), {f.outcome});
    where.addIf(!f.beforeId.isNull(), QStringLiteral("(received_at, id) < (?, ?::uuid)"),
                {sql::time(f.beforeReceived), sql::uuid(f.beforeId)});
    DbRows q = where.page(
        db,
        QStringLiteral(
            "SELECT id, provider, received_at, request_id, verification, outcome, event_id,"
            " payment_intent_id, http_status, headers::text, encode(body, 'base64'), detail::text,"
            " query::text"
            " FROM webhook_deliveries"),
        QStringLiteral(" ORDER BY received_at DESC, id DESC"), f.limit, "list webhook deliveries");
    QList<QJsonObject> out;
    while (q.next()) {
        out << QJsonObject{
            {QStringLiteral("id"), sql::uuidText(sql::toUuid(q.value(0)))},
            {QStringLiteral("provider"), q.value(1).toString()},
            {QStringLiteral("received_at"), toRfc3339(sql::toUtc(q.value(2)))},
            {QStringLiteral("request_id"),
             q.value(3).isNull() ? QJsonValue() : QJsonValue(q.value(3).toString())},
            {QStringLiteral("verification"), q.value(4).toString()},
            {QStringLiteral("outcome"), q.value(5).toString()},
            {QStringLiteral("event_id"),
             q.value(6).isNull() ? QJsonValue() : QJsonValue(q.value(6).toString())},
            {QStringLiteral("payment_intent_id"),
             q.value(7).isNull() ? QJsonValue()
                                 : QJsonValue(sql::uuidText(sql::toUuid(q.value(7))))},
            {QStringLiteral("http_status"), q.value(8).toInt()},
            {QStringLiteral("headers"),
             QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object()},
            // Base64: a forged delivery may carry any bytes, valid UTF-8 or not.
            {QStringLiteral("body_base64"), q.value(10).toString().remove(u'\n')},
            {QStringLiteral("detail"),
             QJsonDocument::fromJson(q.value(11).toString().toUtf8()).object()},
            {QStringLiteral("query"),
             QJsonDocument::fromJson(q.value(12).toString().toUtf8()).object()},
        };
    }
    return out;
}

} // namespace webhookstore
} // namespace reserva
