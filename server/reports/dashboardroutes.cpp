#include "dashboardroutes.h"

#include "contract/dashboardtypes.h"
#include "dashboardquery.h"
#include "domain/role.h"
#include "http/requestcontext.h"
#include "http/router.h"

namespace reserva {

namespace {

// Reads the query into the instants the dashboard covers.
//
// Whose "today"? The caller's, named by an IANA zone in `tz` (default UTC).
// The server has no calendar of its own worth using: one reservad serves
// partners in several countries, and its host's zone says nothing about
// theirs, while a fixed offset would put a DST day's boundary an hour off.
// The desktop sends its system zone, so "today's departures" and the
// revenue days are the days its user lives in; the zone is echoed in the
// answer. A name this server's time zone database does not know is a 400
// naming `tz`, never a silent fallback to UTC (the numbers would look
// right and be for another day).
Result<DashboardWindow> readWindow(const RequestContext &ctx)
{
    DashboardWindow w;
    const HttpRequest &r = ctx.request;
    QString zoneId = r.queryValue(QStringLiteral("tz"));
    if (zoneId.isEmpty())
        zoneId = QStringLiteral("UTC");
    const std::optional<QTimeZone> zone = dashboard::timeZoneFrom(zoneId);
    if (!zone)
        return Problem::field(QStringLiteral("tz"),
                              QStringLiteral("must be an IANA time zone name, e.g. "
                                             "America/Sao_Paulo or UTC"));
    w.expiringWithinMinutes = dashboard::kDefaultExpiringMinutes;
    if (const QString within = r.queryValue(QStringLiteral("expiring_within_minutes"));
        !within.isEmpty()) {
        bool ok = false;
        w.expiringWithinMinutes = within.toInt(&ok);
        if (!ok || w.expiringWithinMinutes < 1 ||
            w.expiringWithinMinutes > dashboard::kMaxExpiringMinutes)
            return Problem::field(QStringLiteral("expiring_within_minutes"),
                                  QStringLiteral("must be an integer from 1 to %1")
                                      .arg(dashboard::kMaxExpiringMinutes));
    }
    const auto tenant = ctx.queryUuid(QStringLiteral("tenant_id"));
    if (!tenant)
        return tenant.problem();
    // Partner users see their own tenant whatever they ask for; naming
    // another one is a 404, as for any other tenant's resource.
    const Principal &caller = ctx.caller();
    if (!caller.isGlobal()) {
        if (!tenant->isNull() && *tenant != caller.tenantId)
            return Problem(ProblemType::NotFound);
        w.tenantId = caller.tenantScope();
    } else {
        w.tenantId = *tenant;
    }

    w.timeZone = zoneId;
    w.now = ctx.now.toUTC();
    const QDate today = w.now.toTimeZone(*zone).date();
    w.today = today;
    w.todayStart = dashboard::localDayStart(today, *zone);
    w.tomorrowStart = dashboard::localDayStart(today.addDays(1), *zone);
    w.occupancyEnd = dashboard::localDayStart(today.addDays(dashboard::kOccupancyDays), *zone);
    for (int day = dashboard::kRevenueDays - 1; day >= 0; --day) {
        w.revenueDates << today.addDays(-day);
        w.revenueBounds << dashboard::localDayStart(today.addDays(-day), *zone);
    }
    w.revenueBounds << w.tomorrowStart;
    return w;
}

} // namespace

void registerDashboardRoutes(Router &router, ServerServices &services)
{
    Q_UNUSED(services)
    // The people who run the day's operations. Auditors read the audit
    // trail, not the business figures (403).
    const QStringList staff{role::kAdmin, role::kPartnerManager, role::kPartnerStaff};

    // GET /v1/dashboard?tz=&tenant_id=&expiring_within_minutes=
    // tz: IANA zone of the caller's calendar (default UTC); tenant_id: for an
    // administrator, one tenant (default: all); partner users always get
    // their own; expiring_within_minutes: 1..1440 (default 30).
    // -> 200 {tz, today, generated_at, tenant_id,
    //         departures_today: {items: [slot], truncated},
    //         pending_payments: {by_currency: [{currency, reservations, seats, amount_minor}]},
    //         expiring_holds: {within_minutes, items: [hold], truncated},
    //         occupancy: {from, to, items: [slot], truncated},   14 days from today's start
    //         revenue: {from, to, days: [{date, by_currency: [{currency, amount_minor,
    //                   refunded_minor, payments}]}]}}          the 14 days up to today
    // slot: {slot_id, product_id, product_name, starts_at, duration_minutes,
    //        capacity, seats_taken, seats_paid}; hold: {reservation_id, slot_id,
    //        product_name, starts_at, quantity, amount_minor, currency, hold_expires_at}
    // (no customer data). 400 naming a bad parameter; 404 another tenant.
    router.add("GET", QStringLiteral("/v1/dashboard"), staff, [](RequestContext &ctx) {
        const auto window = readWindow(ctx);
        if (!window)
            return ctx.problem(window.problem());
        return HttpResponse::json(200, dashboardquery::load(ctx.db(), *window).toJson());
    });
}

} // namespace reserva
