#pragma once

#include "contract/promotiontypes.h"

#include <QList>

namespace reserva {

class DbConnection;

// A claim whose state just changed (released or reinstated).
struct ChangedClaim
{
    QUuid claimId;
    QUuid promotionId;
    QUuid reservationId;
    QUuid tenantId;
    qint64 discountMinor = 0;
};

struct RedemptionFilter
{
    QUuid promotionId;
    QString status;          // live | released | empty: both
    QDateTime beforeClaimed; // cursor (newest first)
    QUuid beforeId;
    int limit = 50;
};

// SQL for promotion claims. The promotion's counters are changed by the
// caller, with the promotion row locked, in the same transaction.
namespace promotionclaimstore {

void insert(DbConnection &db, const QUuid &tenantId, const QUuid &promotionId,
            const QUuid &reservationId, const QString &customerEmail, qint64 discountMinor,
            const QString &currency, const QDateTime &now);
// Live claims of a customer (lower-case email) on a promotion.
int liveClaimsOf(DbConnection &db, const QUuid &promotionId, const QString &customerEmail);
// Releases every live claim of these reservations, once: a claim already
// released is left alone (the conditional UPDATE is what makes a second
// release, by the sweeper, a booking or a cancel, a no-op).
QList<ChangedClaim> release(DbConnection &db, const QList<QUuid> &reservationIds,
                            const QString &reason, const QDateTime &now);
// Makes the claims a reservation's expiry released live again (a late
// payment was honoured at the discounted amount).
QList<ChangedClaim> reinstateExpired(DbConnection &db, const QUuid &reservationId);
QList<PromotionRedemptionView> list(DbConnection &db, const RedemptionFilter &filter);

} // namespace promotionclaimstore
} // namespace reserva
