#include "promotionroutes.h"

#include "audit/auditlog.h"
#include "audit/requestaudit.h"
#include "contract/jsonreader.h"
#include "contract/timeformat.h"
#include "contract/wirevalues.h"
#include "db/dbconnection.h"
#include "db/transaction.h"
#include "domain/role.h"
#include "http/paging.h"
#include "http/requestcontext.h"
#include "http/router.h"
#include "promotionclaimstore.h"
#include "promotionrequests.h"
#include "promotionstore.h"

#include <QJsonArray>

namespace reserva {

namespace {

using Presence = JsonObjectReader::Presence;

// The tenant a settings request is about: a partner manager's own; a global
// caller names it (query parameter or body field `tenant_id`).
Result<QUuid> settingsTenant(const RequestContext &ctx, const QString &named)
{
    if (!ctx.caller().isGlobal()) {
        if (!named.isEmpty() && QUuid::fromString(named) != ctx.caller().tenantId)
            return Problem::field(QStringLiteral("tenant_id"),
                                  QStringLiteral("must be your own tenant"));
        return ctx.caller().tenantId;
    }
    const QUuid tenant = QUuid::fromString(named);
    if (tenant.isNull() || named.size() != 36)
        return Problem::field(QStringLiteral("tenant_id"),
                              QStringLiteral("is required (a UUID) for global users"));
    return tenant;
}

QJsonArray changedFields(const PromotionChanges &c)
{
    QJsonArray changed;
    for (const auto &[field, present] :
         {std::pair{QStringLiteral("code"), c.code.has_value()},
          {QStringLiteral("product_ids"), c.productIds.has_value()},
          {QStringLiteral("valid_from"), c.validFrom.has_value()},
          {QStringLiteral("valid_until"), c.validUntil.has_value()},
          {QStringLiteral("max_redemptions"), c.maxRedemptions.has_value()},
          {QStringLiteral("per_customer_limit"), c.perCustomerLimit.has_value()},
          {QStringLiteral("budget_minor"), c.budgetMinor.has_value()},
          {QStringLiteral("min_amount_minor"), c.minAmountMinor.has_value()},
          {QStringLiteral("stackable"), c.stackable.has_value()},
          {QStringLiteral("active"), c.active.has_value()}}) {
        if (present)
            changed.append(field);
    }
    return changed;
}

} // namespace

void registerPromotionRoutes(Router &router, ServerServices &)
{
    const QStringList managers{role::kAdmin, role::kPartnerManager};
    // Staff book with the codes and auditors review campaigns: they read
    // promotions (no customer data in them), but change nothing.
    const QStringList readers{role::kAdmin, role::kPartnerManager, role::kPartnerStaff,
                              role::kAuditor};
    // Redemptions carry customer emails: the people who serve those
    // customers, as for reservations (not auditors).
    const QStringList staff{role::kAdmin, role::kPartnerManager, role::kPartnerStaff};

    // Registered before /v1/promotions/{id}: the router takes the first match.
    // GET /v1/promotions/settings?tenant_id= (admin: required; partner_manager: its own)
    // -> {"tenant_id", "release_on_refund"}; 404 unknown tenant.
    router.add("GET", QStringLiteral("/v1/promotions/settings"), managers, [](RequestContext &ctx) {
        const auto tenant =
            settingsTenant(ctx, ctx.request.queryValue(QStringLiteral("tenant_id")));
        if (!tenant)
            return ctx.problem(tenant.problem());
        const auto settings = promotionstore::settings(ctx.db(), *tenant);
        if (!settings)
            return ctx.notFound();
        return HttpResponse::json(200, settings->toJson());
    });

    // PUT /v1/promotions/settings (admin, partner_manager)
    // {"release_on_refund": bool, "tenant_id": uuid (admin only, required)}
    // -> 200 settings. release_on_refund: whether a full refund of a paid
    // reservation gives its promotion claims back (default false).
    router.add("PUT", QStringLiteral("/v1/promotions/settings"), managers, [](RequestContext &ctx) {
        const auto body = ctx.jsonBody();
        if (!body)
            return ctx.problem(body.problem());
        JsonObjectReader reader(*body);
        const auto release =
            reader.boolean(QStringLiteral("release_on_refund"), Presence::Required);
        const auto named = reader.string(QStringLiteral("tenant_id"), Presence::Optional, {36, 36});
        if (auto problem = reader.finish())
            return ctx.problem(*problem);
        const auto tenant = settingsTenant(ctx, named.value_or(QString()));
        if (!tenant)
            return ctx.problem(tenant.problem());
        Transaction tx(ctx.db());
        const auto saved = promotionstore::saveSettings(ctx.db(), {*tenant, *release});
        if (!saved)
            return ctx.notFound();
        auditRequest(ctx, QStringLiteral("promotion.settings"), *tenant,
                     QStringLiteral("tenant:") + idText(*tenant),
                     {{QStringLiteral("release_on_refund"), *release}});
        tx.commit();
        return HttpResponse::json(200, saved->toJson());
    });

    // GET /v1/promotions?active=&code=&product=&tenant_id=&limit=&after=
    // -> {"items": [promotion], "next_cursor"}, by code. Partner users and
    // tenant-bound auditors see their tenant's; global users every tenant's
    // (or one, with tenant_id). `code` is case-insensitive; `product` keeps
    // the promotions that apply to that product.
    router.add("GET", QStringLiteral("/v1/promotions"), readers, [](RequestContext &ctx) {
        const auto page = readPageRequest(ctx);
        if (!page)
            return ctx.problem(page.problem());
        PromotionFilter f;
        f.limit = page->limit;
        const auto tenant = ctx.queryUuid(QStringLiteral("tenant_id"));
        const auto product = ctx.queryUuid(QStringLiteral("product"));
        if (!tenant)
            return ctx.problem(tenant.problem());
        if (!product)
            return ctx.problem(product.problem());
        f.tenantId = ctx.caller().isGlobal() ? *tenant : ctx.caller().tenantId;
        if (!ctx.caller().isGlobal() && !tenant->isNull() && *tenant != ctx.caller().tenantId)
            return HttpResponse::json(200, pageJson({}, {}));
        f.productId = *product;
        const QString active = ctx.request.queryValue(QStringLiteral("active"));
        if (active == u"true" || active == u"false")
            f.active = active == u"true";
        else if (!active.isEmpty())
            return ctx.problem(
                Problem::field(QStringLiteral("active"), QStringLiteral("must be true or false")));
        const QString code = ctx.request.queryValue(QStringLiteral("code"));
        if (!code.isEmpty()) {
            const auto normalized = normalizePromotionCode(code);
            if (!normalized)
                return ctx.problem(Problem::field(QStringLiteral("code"),
                                                  QStringLiteral("is not a promotion code")));
            f.code = *normalized;
        }
        if (!page->after.isEmpty()) {
            const qsizetype cut = page->after.lastIndexOf(u'\n');
            f.afterCode = page->after.left(qMax<qsizetype>(0, cut));
            f.afterId = QUuid::fromString(page->after.mid(cut + 1));
            if (cut < 0 || f.afterId.isNull())
                return ctx.problem(Problem::field(QStringLiteral("after"),
                                                  QStringLiteral("is not a valid cursor")));
        }
        const QList<PromotionView> list = promotionstore::list(ctx.db(), f);
        QJsonArray items;
        for (const PromotionView &p : list)
            items.append(p.toJson());
        const QString last =
            list.size() == f.limit ? list.last().code + u'\n' + idText(list.last().id) : QString();
        return HttpResponse::json(200, pageJson(items, last));
    });

    // POST /v1/promotions (admin, partner_manager)
    // {"code", "discount_percent" (0 < p <= 100, two decimals) | "discount_minor" (> 0),
    //  "currency"? (required with discount_minor, budget_minor, min_amount_minor),
    //  "product_ids"?, "valid_from", "valid_until" (RFC 3339, any offset),
    //  "max_redemptions"?, "per_customer_limit"?, "budget_minor"?, "min_amount_minor"?,
    //  "stackable"? (false), "active"? (true), "tenant_id" (admin only, required)}
    // -> 201 promotion; 409 conflict when the tenant already has the code.
    router.add("POST", QStringLiteral("/v1/promotions"), managers, [](RequestContext &ctx) {
        const auto body = ctx.jsonBody();
        if (!body)
            return ctx.problem(body.problem());
        const auto draft = promotionrequests::readCreate(*body, ctx.caller());
        if (!draft)
            return ctx.problem(draft.problem());
        Transaction tx(ctx.db());
        DbRows exists = ctx.db().exec(QStringLiteral("SELECT 1 FROM tenants WHERE id = ?::uuid"),
                                      {idText(draft->tenantId)}, "tenant exists");
        if (!exists.next())
            return ctx.problem(Problem::field(QStringLiteral("tenant_id"),
                                              QStringLiteral("is not a known tenant")));
        if (auto problem = promotionrequests::checkConsistent(ctx.db(), *draft))
            return ctx.problem(*problem);
        const auto created =
            promotionstore::create(ctx.db(), *draft, ctx.caller().subject(), ctx.now);
        if (!created)
            return ctx.problem(Problem(
                ProblemType::Conflict,
                QStringLiteral("The tenant already has promotion code %1.").arg(draft->code)));
        auditRequest(ctx, QStringLiteral("promotion.create"), created->tenantId,
                     QStringLiteral("promotion:") + idText(created->id),
                     {{QStringLiteral("code"), created->code}});
        tx.commit();
        HttpResponse r = HttpResponse::json(201, created->toJson());
        r.setHeader("Location", "/v1/promotions/" + idText(created->id).toLatin1());
        return r;
    });

    // GET /v1/promotions/{id} -> promotion | 404 (also another tenant's)
    router.add("GET", QStringLiteral("/v1/promotions/{id}"), readers, [](RequestContext &ctx) {
        const auto id = ctx.uuidParam(QStringLiteral("id"));
        const auto found =
            id ? promotionstore::find(ctx.db(), *id, ctx.caller().tenantScope()) : std::nullopt;
        if (!found)
            return ctx.notFound();
        return HttpResponse::json(200, found->toJson());
    });

    // PATCH /v1/promotions/{id} (admin, partner_manager) any of {"code",
    // "product_ids", "valid_from", "valid_until", "max_redemptions",
    // "per_customer_limit", "budget_minor", "min_amount_minor", "stackable",
    // "active"} -> 200 promotion. There is no DELETE: claims reference
    // promotions, so a code is retired with {"active": false}. Lowering a cap
    // or budget below what live claims hold stops new claims; it takes none
    // back. Under the promotion's row lock, so a claim never sees half a change.
    router.add("PATCH", QStringLiteral("/v1/promotions/{id}"), managers, [](RequestContext &ctx) {
        const auto id = ctx.uuidParam(QStringLiteral("id"));
        if (!id)
            return ctx.notFound();
        const auto body = ctx.jsonBody();
        if (!body)
            return ctx.problem(body.problem());
        const auto changes = promotionrequests::readChanges(*body);
        if (!changes)
            return ctx.problem(changes.problem());
        Transaction tx(ctx.db());
        const auto current = promotionstore::find(ctx.db(), *id, ctx.caller().tenantScope(), true);
        if (!current)
            return ctx.notFound();
        const PromotionView next = promotionrequests::merged(*current, *changes);
        if (auto problem = promotionrequests::checkConsistent(ctx.db(), next))
            return ctx.problem(*problem);
        if (changes->code &&
            promotionstore::codeTaken(ctx.db(), current->tenantId, *changes->code, *id))
            return ctx.problem(Problem(
                ProblemType::Conflict,
                QStringLiteral("The tenant already has promotion code %1.").arg(*changes->code)));
        const PromotionView updated = promotionstore::update(ctx.db(), *id, *changes, ctx.now);
        auditRequest(ctx, QStringLiteral("promotion.update"), updated.tenantId,
                     QStringLiteral("promotion:") + idText(*id),
                     {{QStringLiteral("changed"), changedFields(*changes)}});
        tx.commit();
        return HttpResponse::json(200, updated.toJson());
    });

    // GET /v1/promotions/{id}/redemptions?status=live|released&limit=&after=
    // -> {"items": [redemption], "next_cursor"}, newest claim first; 404
    // unknown or another tenant's promotion.
    router.add(
        "GET", QStringLiteral("/v1/promotions/{id}/redemptions"), staff, [](RequestContext &ctx) {
            const auto id = ctx.uuidParam(QStringLiteral("id"));
            if (!id || !promotionstore::find(ctx.db(), *id, ctx.caller().tenantScope()))
                return ctx.notFound();
            const auto page = readPageRequest(ctx);
            if (!page)
                return ctx.problem(page.problem());
            RedemptionFilter f;
            f.promotionId = *id;
            f.limit = page->limit;
            f.status = ctx.request.queryValue(QStringLiteral("status"));
            if (!f.status.isEmpty() && f.status != u"live" && f.status != u"released")
                return ctx.problem(Problem::field(QStringLiteral("status"),
                                                  QStringLiteral("must be live or released")));
            if (!page->after.isEmpty()) {
                const qsizetype cut = page->after.indexOf(u'|');
                f.beforeClaimed =
                    fromRfc3339(page->after.left(qMax<qsizetype>(0, cut))).value_or(QDateTime());
                f.beforeId = QUuid::fromString(page->after.mid(cut + 1));
                if (cut < 0 || !f.beforeClaimed.isValid() || f.beforeId.isNull())
                    return ctx.problem(Problem::field(QStringLiteral("after"),
                                                      QStringLiteral("is not a valid cursor")));
            }
            const QList<PromotionRedemptionView> list = promotionclaimstore::list(ctx.db(), f);
            QJsonArray items;
            for (const PromotionRedemptionView &r : list)
                items.append(r.toJson());
            const QString last = list.size() == f.limit ? toRfc3339(list.last().claimedAt) + u'|' +
                                                              idText(list.last().id)
                                                        : QString();
            return HttpResponse::json(200, pageJson(items, last));
        });
}

} // namespace reserva
