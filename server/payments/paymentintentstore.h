#pragma once

#include "contract/paymenttypes.h"
#include "domain/paymentstatus.h"

#include <QList>

#include <optional>

namespace reserva {

class DbConnection;

struct PaymentIntentRecord
{
    PaymentIntentView view;
    QUuid tenantId;
    QString providerPaymentRef;
};

// SQL for payment intents. Status changes go through `transition`, a
// conditional UPDATE (WHERE status = from) under the trigger that refuses
// backwards moves.
namespace paymentintentstore {

PaymentIntentRecord insert(DbConnection &db, const PaymentIntentRecord &intent,
                           const QString &createdBy, const QDateTime &now);
std::optional<PaymentIntentRecord> find(DbConnection &db, const QUuid &id,
                                        const QUuid &tenantScope);
// Locks the intent row (FOR UPDATE): by provider reference, or by our id.
std::optional<PaymentIntentRecord> lockByProviderRef(DbConnection &db, const QString &provider,
                                                     const QString &providerRef);
std::optional<PaymentIntentRecord> lockById(DbConnection &db, const QUuid &id);
// Deferred (execDeferred): called under the intent's row lock, with the
// status that lock read, so the WHERE status = from always finds the row; the
// status trigger still refuses a move the state machine does not allow.
void transition(DbConnection &db, const QUuid &id, PaymentStatus from, PaymentStatus to,
                qint64 refundedMinor, const QString &providerPaymentRef, const QDateTime &now);
void flagNeedsRefund(DbConnection &db, const QUuid &id, const QDateTime &now);
QList<PaymentIntentView> listForReservation(DbConnection &db, const QUuid &reservationId);

} // namespace paymentintentstore
} // namespace reserva
