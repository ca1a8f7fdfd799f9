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

QUuid insertDelivery(DbConnection &db, const WebhookDelivery &delivery, const QString &outcome,
                     int httpStatus, const QUuid &intentId = {}, const QJsonObject &detail = {});
void setDeliveryOutcome(DbConnection &db, const QUuid &deliveryId, const QString &outcome,
                        const QUuid &intentId, const QJsonObject &detail);
// Whether (provider, event id) has its row already (committed, or this
// transaction's).
bool eventRecorded(DbConnection &db, const QString &provider, const QString &eventId);
// Claims (provider, event id) with its final outcome; false when it was
// recorded before. A concurrent claim of the same event waits here for the
// first to commit or roll back.
bool claimEvent(DbConnection &db, const QString &provider, const QString &eventId,
                const QUuid &deliveryId, const QUuid &intentId, const QString &outcome,
                const QDateTime &now);
QList<QJsonObject> listDeliveries(DbConnection &db, const WebhookDeliveryFilter &filter);

} // namespace webhookstore
} // namespace reserva
