#include "dashboardtypes.h"

#include "wirevalues.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace reserva {

namespace {

QString dateText(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

template <typename T>
QJsonArray arrayOf(const QList<T> &items)
{
    QJsonArray out;
    for (const T &item : items)
        out.append(item.toJson());
    return out;
}

template <typename T>
QList<T> listOf(const QJsonValue &v)
{
    QList<T> out;
    for (const QJsonValue &item : v.toArray())
        out.append(T::fromJson(item.toObject()));
    return out;
}

QJsonObject section(const QJsonArray &items, bool truncated)
{
    return {{QStringLiteral("items"), items}, {QStringLiteral("truncated"), truncated}};
}

} // namespace

QJsonObject DashboardSlot::toJson() const
{
    return {{QStringLiteral("slot_id"), idText(slotId)},
            {QStringLiteral("product_id"), idText(productId)},
            {QStringLiteral("product_name"), productName},
            {QStringLiteral("starts_at"), timeOrNull(startsAt)},
            {QStringLiteral("duration_minutes"), durationMinutes},
            {QStringLiteral("capacity"), capacity},
            {QStringLiteral("seats_taken"), seatsTaken},
            {QStringLiteral("seats_paid"), seatsPaid}};
}

DashboardSlot DashboardSlot::fromJson(const QJsonObject &o)
{
    DashboardSlot s;
    s.slotId = uuidFrom(o.value(u"slot_id"));
    s.productId = uuidFrom(o.value(u"product_id"));
    s.productName = o.value(u"product_name").toString();
    s.startsAt = timeFrom(o.value(u"starts_at"));
    s.durationMinutes = o.value(u"duration_minutes").toInt();
    s.capacity = o.value(u"capacity").toInt();
    s.seatsTaken = o.value(u"seats_taken").toInt();
    s.seatsPaid = o.value(u"seats_paid").toInt();
    return s;
}

QJsonObject PendingTotal::toJson() const
{
    return {{QStringLiteral("currency"), currency},
            {QStringLiteral("reservations"), reservations},
            {QStringLiteral("seats"), seats},
            {QStringLiteral("amount_minor"), amountMinor}};
}

PendingTotal PendingTotal::fromJson(const QJsonObject &o)
{
    PendingTotal t;
    t.currency = o.value(u"currency").toString();
    t.reservations = o.value(u"reservations").toInt();
    t.seats = o.value(u"seats").toInt();
    t.amountMinor = o.value(u"amount_minor").toInteger();
    return t;
}

QJsonObject ExpiringHold::toJson() const
{
    return {{QStringLiteral("reservation_id"), idText(reservationId)},
            {QStringLiteral("slot_id"), idText(slotId)},
            {QStringLiteral("product_name"), productName},
            {QStringLiteral("starts_at"), timeOrNull(startsAt)},
            {QStringLiteral("quantity"), quantity},
            {QStringLiteral("amount_minor"), amountMinor},
            {QStringLiteral("currency"), currency},
            {QStringLiteral("hold_expires_at"), timeOrNull(holdExpiresAt)}};
}

ExpiringHold ExpiringHold::fromJson(const QJsonObject &o)
{
    ExpiringHold h;
    h.reservationId = uuidFrom(o.value(u"reservation_id"));
    h.slotId = uuidFrom(o.value(u"slot_id"));
    h.productName = o.value(u"product_name").toString();
    h.startsAt = timeFrom(o.value(u"starts_at"));
    h.quantity = o.value(u"quantity").toInt();
    h.amountMinor = o.value(u"amount_minor").toInteger();
    h.currency = o.value(u"currency").toString();
    h.holdExpiresAt = timeFrom(o.value(u"hold_expires_at"));
    return h;
}

QJsonObject RevenueTotal::toJson() const
{
    return {{QStringLiteral("currency"), currency},
            {QStringLiteral("amount_minor"), amountMinor},
            {QStringLiteral("refunded_minor"), refundedMinor},
            {QStringLiteral("payments"), payments}};
}

RevenueTotal RevenueTotal::fromJson(const QJsonObject &o)
{
    RevenueTotal t;
    t.currency = o.value(u"currency").toString();
    t.amountMinor = o.value(u"amount_minor").toInteger();
    t.refundedMinor = o.value(u"refunded_minor").toInteger();
    t.payments = o.value(u"payments").toInt();
    return t;
}

QJsonObject RevenueDay::toJson() const
{
    return {{QStringLiteral("date"), dateText(date)},
            {QStringLiteral("by_currency"), arrayOf(byCurrency)}};
}

RevenueDay RevenueDay::fromJson(const QJsonObject &o)
{
    RevenueDay d;
    d.date = QDate::fromString(o.value(u"date").toString(), Qt::ISODate);
    d.byCurrency = listOf<RevenueTotal>(o.value(u"by_currency"));
    return d;
}

QJsonObject DashboardSnapshot::toJson() const
{
    return {
        {QStringLiteral("tz"), timeZone},
        {QStringLiteral("today"), dateText(today)},
        {QStringLiteral("generated_at"), timeOrNull(generatedAt)},
        {QStringLiteral("tenant_id"), uuidOrNull(tenantId)},
        {QStringLiteral("departures_today"),
         section(arrayOf(departuresToday), departuresTruncated)},
        {QStringLiteral("pending_payments"),
         QJsonObject{{QStringLiteral("by_currency"), arrayOf(pendingPayments)}}},
        {QStringLiteral("expiring_holds"),
         QJsonObject{{QStringLiteral("within_minutes"), expiringWithinMinutes},
                     {QStringLiteral("items"), arrayOf(expiringHolds)},
                     {QStringLiteral("truncated"), expiringTruncated}}},
        {QStringLiteral("occupancy"),
         QJsonObject{{QStringLiteral("from"), timeOrNull(occupancyFrom)},
                     {QStringLiteral("to"), timeOrNull(occupancyTo)},
                     {QStringLiteral("items"), arrayOf(occupancy)},
                     {QStringLiteral("truncated"), occupancyTruncated}}},
        {QStringLiteral("revenue"), QJsonObject{{QStringLiteral("from"), timeOrNull(revenueFrom)},
                                                {QStringLiteral("to"), timeOrNull(revenueTo)},
                                                {QStringLiteral("days"), arrayOf(revenue)}}},
    };
}

std::optional<DashboardSnapshot> DashboardSnapshot::fromJson(const QJsonObject &o)
{
    DashboardSnapshot s;
    s.timeZone = o.value(u"tz").toString();
    s.today = QDate::fromString(o.value(u"today").toString(), Qt::ISODate);
    s.generatedAt = timeFrom(o.value(u"generated_at"));
    s.tenantId = uuidFrom(o.value(u"tenant_id"));
    const QJsonObject departures = o.value(u"departures_today").toObject();
    s.departuresToday = listOf<DashboardSlot>(departures.value(u"items"));
    s.departuresTruncated = departures.value(u"truncated").toBool();
    s.pendingPayments =
        listOf<PendingTotal>(o.value(u"pending_payments").toObject().value(u"by_currency"));
    const QJsonObject holds = o.value(u"expiring_holds").toObject();
    s.expiringWithinMinutes = holds.value(u"within_minutes").toInt();
    s.expiringHolds = listOf<ExpiringHold>(holds.value(u"items"));
    s.expiringTruncated = holds.value(u"truncated").toBool();
    const QJsonObject occupancy = o.value(u"occupancy").toObject();
    s.occupancyFrom = timeFrom(occupancy.value(u"from"));
    s.occupancyTo = timeFrom(occupancy.value(u"to"));
    s.occupancy = listOf<DashboardSlot>(occupancy.value(u"items"));
    s.occupancyTruncated = occupancy.value(u"truncated").toBool();
    const QJsonObject revenue = o.value(u"revenue").toObject();
    s.revenueFrom = timeFrom(revenue.value(u"from"));
    s.revenueTo = timeFrom(revenue.value(u"to"));
    s.revenue = listOf<RevenueDay>(revenue.value(u"days"));
    if (s.timeZone.isEmpty() || !s.today.isValid() || !s.occupancyFrom.isValid() ||
        !s.revenueFrom.isValid())
        return std::nullopt;
    return s;
}

namespace dashboard {

std::optional<QTimeZone> timeZoneFrom(const QString &ianaId)
{
    // Area/Location[/Sublocation] as the tz database spells its names (or
    // plain UTC). QTimeZone alone would also take "UTC+03:00" and parse a
    // POSIX rule such as "ABC-3" into a zone of its own.
    static const QRegularExpression name(
        QStringLiteral("^(?:UTC|[A-Z][A-Za-z]+(?:/[A-Za-z0-9_+-]+){1,2})$"));
    if (ianaId.size() > 64 || !name.match(ianaId).hasMatch())
        return std::nullopt;
    QTimeZone zone(ianaId.toLatin1());
    if (!zone.isValid())
        return std::nullopt;
    return zone;
}

QDateTime localDayStart(const QDate &date, const QTimeZone &zone)
{
    // Midnight read as if it were UTC; an instant u shows that reading when
    // u + offset(u) == wall. The offsets in force within a day either side
    // cover any transition near midnight.
    const QDateTime wall(date, QTime(0, 0), Qt::UTC);
    QSet<int> offsets;
    for (int day = -1; day <= 1; ++day)
        offsets.insert(zone.offsetFromUtc(wall.addDays(day)));
    QDateTime first;
    for (const int offset : std::as_const(offsets)) {
        // Every candidate that falls on `date` locally; the earliest is the
        // first midnight, or, when midnight fell in a DST gap, the instant the
        // clocks jumped (the candidate computed with the offset before it).
        const QDateTime candidate = wall.addSecs(-offset);
        if (candidate.toTimeZone(zone).date() != date)
            continue;
        if (!first.isValid() || candidate < first)
            first = candidate;
    }
    return first;
}

} // namespace dashboard

} // namespace reserva
