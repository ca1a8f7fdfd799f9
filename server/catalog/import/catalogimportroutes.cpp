#include "catalogimportroutes.h"

#include "catalogimporter.h"
#include "db/dbconnection.h"
#include "domain/role.h"
#include "feedformat.h"
#include "http/requestcontext.h"
#include "http/router.h"
#include "runtime/serverservices.h"
#include "tenants/tenantstore.h"

namespace reserva {

namespace {

// "json" or "csv" from the Content-Type; empty for anything else.
QString feedFormat(const HttpRequest &request)
{
    const QByteArray type = request.header("content-type").toLower();
    const qsizetype semicolon = type.indexOf(';');
    const QByteArray media = (semicolon < 0 ? type : type.left(semicolon)).trimmed();
    if (media == "application/json")
        return QStringLiteral("json");
    if (media == "text/csv")
        return QStringLiteral("csv");
    return {};
}

// The tenant the feed is for: a partner manager's own (naming another is a
// 404, as any other tenant's resource is); an admin names it by slug.
Result<QUuid> importTenant(RequestContext &ctx)
{
    const QString slug = ctx.request.queryValue(QStringLiteral("tenant")).trimmed();
    if (!ctx.caller().isGlobal()) {
        if (slug.isEmpty())
            return ctx.caller().tenantId;
        const auto named = tenantstore::findBySlug(ctx.db(), slug);
        if (!named || named->id != ctx.caller().tenantId)
            return Problem(ProblemType::NotFound);
        return named->id;
    }
    if (slug.isEmpty())
        return Problem::field(QStringLiteral("tenant"),
                              QStringLiteral("is required (a tenant slug) for global users"));
    const auto named = tenantstore::findBySlug(ctx.db(), slug);
    if (!named)
        return Problem::field(QStringLiteral("tenant"), QStringLiteral("is not a known tenant"));
    return named->id;
}

} // namespace

void registerCatalogImportRoutes(Router &router, ServerServices &services)
{
    const QStringList managers{role::kAdmin, role::kPartnerManager};

    // POST /v1/catalog/imports?provider=NAME&dry_run=true|false&tenant=SLUG
    // (admin, naming the tenant; partner_manager, its own tenant)
    // Body: the provider's feed, Content-Type application/json or text/csv
    // (format: README "Catalog import"), at most the server's body limit.
    // -> 200 the import report: per row its line, external_id, action
    //    (created | updated | unchanged | rejected, with the reason) and its
    //    slots' actions, and the counts. Each row commits whole or not at all;
    //    a dry run writes nothing. 400 a feed that cannot be read at all, a
    //    bad provider, dry_run or tenant; 415 another media type; 404 another
    //    tenant named by a partner user.
    router.add(
        "POST", QStringLiteral("/v1/catalog/imports"), managers, [&services](RequestContext &ctx) {
            const QString format = feedFormat(ctx.request);
            if (format.isEmpty())
                return ctx.problem(
                    Problem(ProblemType::UnsupportedMediaType,
                            QStringLiteral("Send the feed as application/json or text/csv.")));
            catalogimport::ImportRequest request;
            request.format = format;
            request.provider = catalogimport::canonicalProvider(
                ctx.request.queryValue(QStringLiteral("provider")));
            if (request.provider.isEmpty())
                return ctx.problem(Problem::field(
                    QStringLiteral("provider"),
                    QStringLiteral("is required: 1 to 64 letters, digits, '.', '_' or '-'")));
            const QString dryRun = ctx.request.queryValue(QStringLiteral("dry_run"));
            if (!dryRun.isEmpty() && dryRun != u"true" && dryRun != u"false")
                return ctx.problem(Problem::field(QStringLiteral("dry_run"),
                                                  QStringLiteral("must be true or false")));
            request.dryRun = dryRun == u"true";
            const auto tenant = importTenant(ctx);
            if (!tenant)
                return ctx.problem(tenant.problem());
            request.tenantId = *tenant;
            request.actor = ctx.caller().subject();
            request.requestId = ctx.requestId;
            const auto rows = catalogimport::readFeed(ctx.request.body, format, request.provider);
            if (!rows)
                return ctx.problem(rows.problem());
            catalogimport::CatalogImporter importer(services.reservations, services.clock);
            const auto report = importer.run(ctx.db(), request, *rows);
            return HttpResponse::json(200, report.toJson());
        });
}

} // namespace reserva
