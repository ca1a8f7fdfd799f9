#pragma once

#include "contract/dashboardtypes.h"

#include <QDateTime>
#include <QList>
#include <QUuid>

namespace reserva {

class DbConnection;

// The instants a dashboard covers, computed by the caller in its time zone:
// the SQL only ever sees UTC bounds, so one time zone database (the one
// QTimeZone reads) decides where a day begins.
struct DashboardWindow
{
    QString timeZone; // the caller's IANA zone, echoed in the answer
    QUuid tenantId;   // null: every tenant
    QDateTime now;
    QDate today; // in timeZone
    QDateTime todayStart;
    QDateTime tomorrowStart;
    QDateTime occupancyEnd;         // start of the day 14 days after today
    QList<QDateTime> revenueBounds; // 15 day starts: the 14 revenue days, oldest first
    QList<QDate> revenueDates;      // the 14 days those bounds open
    int expiringWithinMinutes = 30;
};

// The dashboard's reads. Each one is a range over an indexed time column
// (slots.starts_at, reservations.hold_expires_at of pending reservations,
// payment_intents.succeeded_at) aggregated in SQL, so their cost follows
// what is in the window, not how many reservations exist.
namespace dashboardquery {

constexpr int kMaxDepartures = 500;
constexpr int kMaxOccupancySlots = 1000;
constexpr int kMaxExpiringHolds = 200;

// Slots starting in [from, to), soonest first, at most `limit` (+1 to tell
// whether there were more).
QList<DashboardSlot> slots(DbConnection &db, const QUuid &tenantId, const QDateTime &from,
                           const QDateTime &to, const QDateTime &now, int limit);
QList<PendingTotal> pendingPayments(DbConnection &db, const QUuid &tenantId, const QDateTime &now);
QList<ExpiringHold> expiringHolds(DbConnection &db, const QUuid &tenantId, const QDateTime &now,
                                  const QDateTime &until, int limit);
// One entry per day of window.revenueDates, days without payments included.
QList<RevenueDay> revenue(DbConnection &db, const DashboardWindow &window);

// Everything, from one snapshot of the database (a read-only repeatable-read
// transaction), so the sections agree with each other.
DashboardSnapshot load(DbConnection &db, const DashboardWindow &window);

} // namespace dashboardquery
} // namespace reserva
