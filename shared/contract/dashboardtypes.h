#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <QUuid>

#include <optional>

namespace reserva {

// GET /v1/dashboard: what a partner's day looks like, in one answer. The
// server fills it (server/reports), the desktop reads it back with the same
// code. Counts of seats, never customers: no PII on the dashboard.

// A departure (a slot) with its seats: `seatsTaken` are the seats of paid
// reservations and of holds still running (a hold past its expiry counts as
// free, as availability does), `seatsPaid` the paid part of them.
struct DashboardSlot
{
    QUuid slotId;
    QUuid productId;
    QString productName;
    QDateTime startsAt;
    int durationMinutes = 0;
    int capacity = 0;
    int seatsTaken = 0;
    int seatsPaid = 0;

    QJsonObject toJson() const;
    static DashboardSlot fromJson(const QJsonObject &o);
    bool operator==(const DashboardSlot &) const = default;
};

// Pending payments of one currency: reservations awaiting payment whose hold
// is still running.
struct PendingTotal
{
    QString currency;
    int reservations = 0;
    int seats = 0;
    qint64 amountMinor = 0;

    QJsonObject toJson() const;
    static PendingTotal fromJson(const QJsonObject &o);
    bool operator==(const PendingTotal &) const = default;
};

// A hold about to run out (a pending reservation), without the customer.
struct ExpiringHold
{
    QUuid reservationId;
    QUuid slotId;
    QString productName;
    QDateTime startsAt;
    int quantity = 0;
    qint64 amountMinor = 0;
    QString currency;
    QDateTime holdExpiresAt;

    QJsonObject toJson() const;
    static ExpiringHold fromJson(const QJsonObject &o);
    bool operator==(const ExpiringHold &) const = default;
};

// Money kept from the payments that succeeded on one day, in one currency:
// `amountMinor` is net of what has been refunded of them so far
// (`refundedMinor`); payments whose seats were gone (flagged for refund) are
// not revenue and are left out.
struct RevenueTotal
{
    QString currency;
    qint64 amountMinor = 0;
    qint64 refundedMinor = 0;
    int payments = 0;

    QJsonObject toJson() const;
    static RevenueTotal fromJson(const QJsonObject &o);
    bool operator==(const RevenueTotal &) const = default;
};

struct RevenueDay
{
    QDate date; // in the dashboard's time zone
    QList<RevenueTotal> byCurrency;

    QJsonObject toJson() const;
    static RevenueDay fromJson(const QJsonObject &o);
    bool operator==(const RevenueDay &) const = default;
};

struct DashboardSnapshot
{
    QString timeZone; // the IANA zone "today" and the days are in
    QDate today;
    QDateTime generatedAt;
    QUuid tenantId; // null: every tenant (an administrator's view)

    QList<DashboardSlot> departuresToday;
    bool departuresTruncated = false;

    QList<PendingTotal> pendingPayments; // by currency

    int expiringWithinMinutes = 0;
    QList<ExpiringHold> expiringHolds; // soonest first
    bool expiringTruncated = false;

    QDateTime occupancyFrom; // start of today
    QDateTime occupancyTo;   // start of the 15th day: 14 calendar days
    QList<DashboardSlot> occupancy;
    bool occupancyTruncated = false;

    QDateTime revenueFrom;     // start of the day 13 days ago
    QDateTime revenueTo;       // start of tomorrow
    QList<RevenueDay> revenue; // 14 days, oldest first, days without payments included

    QJsonObject toJson() const;
    // nullopt when `o` is not a dashboard (the desktop reports an invalid answer).
    static std::optional<DashboardSnapshot> fromJson(const QJsonObject &o);
};

namespace dashboard {

constexpr int kOccupancyDays = 14;
constexpr int kRevenueDays = 14;
constexpr int kDefaultExpiringMinutes = 30;
constexpr int kMaxExpiringMinutes = 24 * 60;

// The zone a dashboard is computed in: an IANA name (Area/Location, or UTC),
// known to this machine's time zone database. Offsets ("UTC+03:00") and POSIX
// rules ("ABC-3") are refused: the point is the caller's calendar day, DST
// included, and both ends must read the name the same way.
std::optional<QTimeZone> timeZoneFrom(const QString &ianaId);

// The first instant of `date` in `zone`: local midnight, or the end of the DST
// gap when midnight does not exist that day, or the first of two midnights
// when the clocks went back over it.
QDateTime localDayStart(const QDate &date, const QTimeZone &zone);

} // namespace dashboard

} // namespace reserva
