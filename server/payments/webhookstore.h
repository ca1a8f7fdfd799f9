#pragma once

#include "webhookdelivery.h"

#include <QList>

namespace reserva {

class DbConnection;

struct WebhookDeliveryFilter
{
    QString provider;
    QString outcome;
    QDateTime beforeReceived; // cursor (newest first)
    QUuid beforeId;
    int limit = 50;
};

// SQL for webhook deliveries (forensics) and applied events (exactly once).
namespace webhookstore {

// Records a delivery with its outcome, by a deferred statement (it goes out
// with the transaction's next statement or its COMMIT); its id is made here
// (a version 7 UUID of its arrival time) and returned, so the event's row
// can name it.
QUuid insertDelivery(DbConnection &db, const WebhookDelivery &delivery, const QString &outcome,
                     int httpStatus, const QUuid &intentId = {}, const QJsonObject &detail = {});
// Whether (provider, event id) has its row already (committed, or this
// transaction's).
bool eventRecorded(DbConnection &db, const QString &provider, const QString &eventId);
// Records (provider, event id) with its final outcome, deferred like the
// delivery (after it: the row names it). A copy of the event recorded since
// eventRecorded() said no breaks the primary key: the whole transaction then
// fails, at its COMMIT, and nothing of this copy is kept.
void recordEvent(DbConnection &db, const QString &provider, const QString &eventId,
                 const QUuid &deliveryId, const QUuid &intentId, const QString &outcome,
                 const QDateTime &now);
QList<QJsonObject> listDeliveries(DbConnection &db, const WebhookDeliveryFilter &filter);

} // namespace webhookstore
} // namespace reserva
