#include "tenantroutes.h"

#include "audit/auditlog.h"
#include "db/dbconnection.h"
#include "db/transaction.h"
#include "domain/role.h"
#include "http/paging.h"
#include "http/requestcontext.h"
#include "http/router.h"
#include "runtime/serverservices.h"
#include "tenantrequests.h"
#include "tenantstore.h"

namespace reserva {

void registerTenantRoutes(Router &router, ServerServices &services)
{
    Q_UNUSED(services)
    const QStringList admin{role::kAdmin};

    // GET /v1/tenants?limit=&after= (admin) -> {"items": [tenant], "next_cursor"}
    router.add("GET", QStringLiteral("/v1/tenants"), admin, [](RequestContext &ctx) {
        const auto page = readPageRequest(ctx);
        if (!page)
            return ctx.problem(page.problem());
        const QList<TenantView> tenants = tenantstore::list(ctx.db(), page->limit, page->after);
        QJsonArray items;
        for (const TenantView &t : tenants)
            items.append(t.toJson());
        return HttpResponse::json(
            200, pageJson(items, tenants.size() == page->limit ? tenants.last().slug : QString()));
    });

    // GET /v1/tenants/{id} (admin) -> tenant | 404
    router.add("GET", QStringLiteral("/v1/tenants/{id}"), admin, [](RequestContext &ctx) {
        const auto id = ctx.uuidParam(QStringLiteral("id"));
        const auto tenant = id ? tenantstore::findById(ctx.db(), *id) : std::nullopt;
        if (!tenant)
            return ctx.notFound();
        return HttpResponse::json(200, tenant->toJson());
    });

    // POST /v1/tenants (admin) {"slug": "^[a-z0-9][a-z0-9-]{1,62}$", "name": 1..200}
    // -> 201 tenant; 409 when the slug is taken.
    router.add("POST", QStringLiteral("/v1/tenants"), admin, [&services](RequestContext &ctx) {
        const auto body = ctx.jsonBody();
        if (!body)
            return ctx.problem(body.problem());
        const auto read = tenantrequests::readCreate(*body);
        if (!read)
            return ctx.problem(read.problem());
        Transaction tx(ctx.db());
        const auto created = tenantstore::create(ctx.db(), read->slug, read->name);
        if (!created)
            return ctx.problem(created.problem());
        AuditEvent event;
        event.action = QStringLiteral("tenant.create");
        event.actor = ctx.caller().subject();
        event.tenantId = created->id;
        event.resource = QStringLiteral("tenant:") + created->id.toString(QUuid::WithoutBraces);
        event.requestId = ctx.requestId;
        event.detail = {{QStringLiteral("slug"), created->slug}};
        appendAudit(ctx.db(), event, services.clock.now());
        tx.commit();
        return HttpResponse::json(201, created->toJson());
    });
}

} // namespace reserva
