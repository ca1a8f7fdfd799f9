#include "auditroutes.h"

#include "auditchain.h"
#include "auditquery.h"
#include "contract/timeformat.h"
#include "domain/role.h"
#include "http/paging.h"
#include "http/requestcontext.h"
#include "http/router.h"

#include <QJsonArray>

namespace reserva {

namespace {

constexpr int kMaxJsonPage = 500;
constexpr int kMaxCsvPage = 10000;

bool wantsCsv(const RequestContext &ctx)
{
    const QString format = ctx.request.queryValue(QStringLiteral("format"));
    if (!format.isEmpty())
        return format == u"csv";
    return ctx.request.header("accept").contains("text/csv");
}

// Reads the filters; an auditor bound to a tenant sees only that tenant.
Result<AuditFilter> readFilter(const RequestContext &ctx, bool csv)
{
    AuditFilter f;
    const HttpRequest &r = ctx.request;
    const QString format = r.queryValue(QStringLiteral("format"));
    if (!format.isEmpty() && format != u"csv" && format != u"json")
        return Problem::field(QStringLiteral("format"), QStringLiteral("must be json or csv"));
    // Compared whole: a value longer than its column matches nothing, where
    // cutting it down would match another actor or resource by its prefix.
    f.actor = r.queryValue(QStringLiteral("actor"));
    f.action = r.queryValue(QStringLiteral("action"));
    f.resource = r.queryValue(QStringLiteral("resource"));
    const auto tenant = ctx.queryUuid(QStringLiteral("tenant_id"));
    const auto from = ctx.queryTime(QStringLiteral("from"));
    const auto to = ctx.queryTime(QStringLiteral("to"));
    if (!tenant)
        return tenant.problem();
    for (const Result<QDateTime> *bad : {&from, &to}) {
        if (!*bad)
            return bad->problem();
    }
    f.tenantId = *tenant;
    f.from = *from;
    f.to = *to;
    const QString limit = r.queryValue(QStringLiteral("limit"));
    const int maxLimit = csv ? kMaxCsvPage : kMaxJsonPage;
    f.limit = csv ? kMaxCsvPage : 100;
    if (!limit.isEmpty()) {
        bool ok = false;
        f.limit = limit.toInt(&ok);
        if (!ok || f.limit < 1 || f.limit > maxLimit)
            return Problem::field(QStringLiteral("limit"),
                                  QStringLiteral("must be an integer from 1 to %1").arg(maxLimit));
    }
    const QString after = r.queryValue(QStringLiteral("after"));
    if (!after.isEmpty()) {
        bool ok = false;
        f.beforeId = after.toLongLong(&ok);
        if (!ok || f.beforeId <= 0)
            return Problem::field(QStringLiteral("after"), QStringLiteral("is not a valid cursor"));
    }
    const Principal &caller = ctx.caller();
    if (!caller.isGlobal()) {
        if (!f.tenantId.isNull() && f.tenantId != caller.tenantId)
            return Problem(ProblemType::NotFound);
        f.tenantId = caller.tenantId;
    }
    return f;
}

} // namespace

void registerAuditRoutes(Router &router, ServerServices &services)
{
    Q_UNUSED(services)
    const QStringList readers{role::kAdmin, role::kAuditor};

    // GET /v1/audit?actor=&action=&resource=&tenant_id=&from=&to=&limit=&after=&format=json|csv
    // (admin, auditor; an auditor bound to a tenant sees only that tenant).
    // Newest first. JSON: {"items": [entry], "next_cursor"} (limit <= 500);
    // CSV (format=csv or Accept: text/csv): up to 10000 rows per call, the
    // next page's cursor in the X-Next-Cursor header.
    router.add("GET", QStringLiteral("/v1/audit"), readers, [](RequestContext &ctx) {
        const bool csv = wantsCsv(ctx);
        const auto filter = readFilter(ctx, csv);
        if (!filter)
            return ctx.problem(filter.problem());
        const QList<AuditEntry> entries = auditquery::list(ctx.db(), *filter);
        const QString next =
            entries.size() == filter->limit ? QString::number(entries.last().id) : QString();
        if (csv) {
            QByteArray body = auditquery::csvHeader();
            for (const AuditEntry &e : entries)
                body += auditquery::csvRow(e);
            HttpResponse r = HttpResponse::raw(200, "text/csv; charset=utf-8", body);
            r.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
            if (!next.isEmpty())
                r.setHeader("X-Next-Cursor", next.toLatin1());
            return r;
        }
        QJsonArray items;
        for (const AuditEntry &e : entries)
            items.append(e.toJson());
        return HttpResponse::json(200,
                                  QJsonObject{{QStringLiteral("items"), items},
                                              {QStringLiteral("next_cursor"),
                                               next.isEmpty() ? QJsonValue() : QJsonValue(next)}});
    });

    // GET /v1/audit/verify (admin, auditor without a tenant) -> 200 {"intact", "checked",
    // "unsealed", "first_broken"?: {"position", "audit_id", "occurred_at" (null when the
    // row is gone), "kind": link_missing|link_mismatch|row_gone|row_changed|row_unchained,
    // "reason" (English)}}
    router.add("GET", QStringLiteral("/v1/audit/verify"), readers, [](RequestContext &ctx) {
        // The chain spans every tenant: its length and broken row ids are
        // platform facts, not for an auditor bound to one tenant.
        if (!ctx.caller().isGlobal())
            return ctx.problem(
                Problem(ProblemType::Forbidden,
                        QStringLiteral("Chain verification is for platform-wide auditors.")));
        return HttpResponse::json(200, auditchain::verify(ctx.db()).toJson());
    });
}

} // namespace reserva
