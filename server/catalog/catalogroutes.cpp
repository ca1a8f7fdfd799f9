#include "catalogroutes.h"

#include "audit/auditlog.h"
#include "audit/requestaudit.h"
#include "booking/reservationservice.h"
#include "catalogrequests.h"
#include "contract/timeformat.h"
#include "contract/wirevalues.h"
#include "db/dbconnection.h"
#include "db/transaction.h"
#include "domain/role.h"
#include "http/paging.h"
#include "http/requestcontext.h"
#include "http/router.h"
#include "import/catalogimportroutes.h"
#include "productstore.h"
#include "runtime/serverservices.h"
#include "slotpagejson.h"
#include "slotstore.h"

#include <QJsonArray>

namespace reserva {

namespace {

constexpr int kMaxAvailabilityDays = 92;

} // namespace

void registerCatalogRoutes(Router &router, ServerServices &services)
{
    const QStringList managers{role::kAdmin, role::kPartnerManager};
    const QStringList anyone{}; // any authenticated user, within its tenant

    // GET /v1/products?active=&kind=&tenant_id=&limit=&after= -> {"items": [product],
    // "next_cursor"} Partner users see their tenant's products; global users every tenant's (or
    // one, with tenant_id).
    router.add("GET", QStringLiteral("/v1/products"), anyone, [](RequestContext &ctx) {
        const auto page = readPageRequest(ctx);
        if (!page)
            return ctx.problem(page.problem());
        ProductFilter filter;
        filter.limit = page->limit;
        const auto tenant = ctx.queryUuid(QStringLiteral("tenant_id"));
        if (!tenant)
            return ctx.problem(tenant.problem());
        filter.tenantId = ctx.caller().isGlobal() ? *tenant : ctx.caller().tenantId;
        if (!ctx.caller().isGlobal() && !tenant->isNull() && *tenant != ctx.caller().tenantId)
            return HttpResponse::json(200, pageJson({}, {}));
        const QString active = ctx.request.queryValue(QStringLiteral("active"));
        if (active == u"true" || active == u"false")
            filter.active = active == u"true";
        else if (!active.isEmpty())
            return ctx.problem(
                Problem::field(QStringLiteral("active"), QStringLiteral("must be true or false")));
        filter.kind = ctx.request.queryValue(QStringLiteral("kind"));
        if (!filter.kind.isEmpty() && !catalogrequests::isProductKind(filter.kind))
            return ctx.problem(
                Problem::field(QStringLiteral("kind"), QStringLiteral("is not a product kind")));
        if (!page->after.isEmpty()) {
            const qsizetype cut = page->after.lastIndexOf(u'\n');
            filter.afterName = page->after.left(qMax<qsizetype>(0, cut));
            filter.afterId = QUuid::fromString(page->after.mid(cut + 1));
            if (cut < 0 || filter.afterId.isNull())
                return ctx.problem(Problem::field(QStringLiteral("after"),
                                                  QStringLiteral("is not a valid cursor")));
        }
        const QList<ProductView> products = productstore::list(ctx.db(), filter);
        QJsonArray items;
        for (const ProductView &p : products)
            items.append(p.toJson());
        const QString last = products.size() == filter.limit
                                 ? products.last().name + u'\n' + idText(products.last().id)
                                 : QString();
        return HttpResponse::json(200, pageJson(items, last));
    });

    // GET /v1/products/{id} -> product | 404 (also another tenant's)
    router.add("GET", QStringLiteral("/v1/products/{id}"), anyone, [](RequestContext &ctx) {
        const auto id = ctx.uuidParam(QStringLiteral("id"));
        const auto product =
            id ? productstore::find(ctx.db(), *id, ctx.caller().tenantScope()) : std::nullopt;
        if (!product)
            return ctx.notFound();
        return HttpResponse::json(200, product->toJson());
    });

    // POST /v1/products (admin, partner_manager)
    // {"name": 1..200, "kind": tour|excursion|transfer|package,
    //  "transfer_kind": airport_pickup|hotel_to_hotel|port_transfer (transfers: required;
    //  others: refused), "description"?: <= 4000,
    //  "price_minor": 0..10^12 (minor units of currency), "currency": ISO 4217,
    //  "active"?: bool, "tenant_id": uuid (admin only, required for admin)} -> 201 product
    router.add("POST", QStringLiteral("/v1/products"), managers, [](RequestContext &ctx) {
        const auto body = ctx.jsonBody();
        if (!body)
            return ctx.problem(body.problem());
        const auto read = catalogrequests::readProductCreate(*body, ctx.caller());
        if (!read)
            return ctx.problem(read.problem());
        const ProductView &p = *read;
        const QUuid tenant = p.tenantId;
        Transaction tx(ctx.db());
        DbRows exists = ctx.db().exec(QStringLiteral("SELECT 1 FROM tenants WHERE id = ?::uuid"),
                                      {idText(tenant)}, "tenant exists");
        if (!exists.next())
            return ctx.problem(Problem::field(QStringLiteral("tenant_id"),
                                              QStringLiteral("is not a known tenant")));
        const ProductView created = productstore::create(ctx.db(), p, ctx.now);
        auditRequest(ctx, QStringLiteral("product.create"), tenant,
                     QStringLiteral("product:") + idText(created.id),
                     {{QStringLiteral("price_minor"), created.priceMinor},
                      {QStringLiteral("currency"), created.currency}});
        tx.commit();
        return HttpResponse::json(201, created.toJson());
    });

    // PATCH /v1/products/{id} (admin, partner_manager) any of
    // {"name","kind","transfer_kind","description","price_minor","currency","active"}
    // -> 200 product. The product afterwards must follow the transfer rule: a
    // transfer has a transfer_kind (400 otherwise), another kind has none
    // (sending one is 400; changing a transfer to another kind clears it).
    // Existing reservations keep the trf_detail they were made with.
    // A price change applies to bookings made afterwards; existing
    // reservations keep the amount they were made with.
    router.add("PATCH", QStringLiteral("/v1/products/{id}"), managers, [](RequestContext &ctx) {
        const auto id = ctx.uuidParam(QStringLiteral("id"));
        if (!id)
            return ctx.notFound();
        const auto body = ctx.jsonBody();
        if (!body)
            return ctx.problem(body.problem());
        auto read = catalogrequests::readProductChanges(*body);
        if (!read)
            return ctx.problem(read.problem());
        ProductChanges c = std::move(read).value();
        Transaction tx(ctx.db());
        const auto current = productstore::find(ctx.db(), *id, ctx.caller().tenantScope());
        if (!current)
            return ctx.notFound();
        // The product as it will be must satisfy the transfer rule; leaving
        // the transfer kind clears its transfer_kind.
        if (auto problem = catalogrequests::settleTransferKind(*current, c))
            return ctx.problem(*problem);
        const auto updated =
            productstore::update(ctx.db(), *id, ctx.caller().tenantScope(), c, ctx.now);
        if (!updated)
            return ctx.notFound();
        QJsonArray changed;
        for (const auto &[field, present] :
             {std::pair{QStringLiteral("name"), c.name.has_value()},
              {QStringLiteral("kind"), c.kind.has_value()},
              {QStringLiteral("transfer_kind"), c.transferKind.has_value()},
              {QStringLiteral("description"), c.description.has_value()},
              {QStringLiteral("price_minor"), c.priceMinor.has_value()},
              {QStringLiteral("currency"), c.currency.has_value()},
              {QStringLiteral("active"), c.active.has_value()}}) {
            if (present)
                changed.append(field);
        }
        auditRequest(ctx, QStringLiteral("product.update"), updated->tenantId,
                     QStringLiteral("product:") + idText(*id),
                     {{QStringLiteral("changed"), changed}});
        tx.commit();
        return HttpResponse::json(200, updated->toJson());
    });

    // GET /v1/products/{id}/slots?from=&to=&limit=&after= -> {"items": [slot], "next_cursor"}
    router.add("GET", QStringLiteral("/v1/products/{id}/slots"), anyone, [](RequestContext &ctx) {
        const auto id = ctx.uuidParam(QStringLiteral("id"));
        if (!id || !productstore::find(ctx.db(), *id, ctx.caller().tenantScope()))
            return ctx.notFound();
        const auto page = readPageRequest(ctx);
        if (!page)
            return ctx.problem(page.problem());
        const auto from = ctx.queryTime(QStringLiteral("from"));
        const auto to = ctx.queryTime(QStringLiteral("to"));
        if (!from)
            return ctx.problem(from.problem());
        if (!to)
            return ctx.problem(to.problem());
        QDateTime afterStart;
        QUuid afterId;
        if (!page->after.isEmpty()) {
            const qsizetype cut = page->after.indexOf(u'|');
            afterStart =
                fromRfc3339(page->after.left(qMax<qsizetype>(0, cut))).value_or(QDateTime());
            afterId = QUuid::fromString(page->after.mid(cut + 1));
            if (cut < 0 || !afterStart.isValid() || afterId.isNull())
                return ctx.problem(Problem::field(QStringLiteral("after"),
                                                  QStringLiteral("is not a valid cursor")));
        }
        const QList<SlotView> slots = slotstore::listForProduct(ctx.db(), *id, *from, *to, ctx.now,
                                                                page->limit, afterStart, afterId);
        const QString last = slots.size() == page->limit
                                 ? toRfc3339(slots.last().startsAt) + u'|' + idText(slots.last().id)
                                 : QString();
        return HttpResponse::raw(
            200, "application/json",
            slotPageJson(slots, last.isEmpty() ? QString() : encodeCursor(last)));
    });

    // POST /v1/products/{id}/slots (admin, partner_manager)
    // {"starts_at": RFC 3339 in the future, "duration_minutes": 1..10080,
    //  "capacity": 0..100000} -> 201 slot
    router.add(
        "POST", QStringLiteral("/v1/products/{id}/slots"), managers, [](RequestContext &ctx) {
            const auto id = ctx.uuidParam(QStringLiteral("id"));
            if (!id)
                return ctx.notFound();
            const auto body = ctx.jsonBody();
            if (!body)
                return ctx.problem(body.problem());
            const auto slot = catalogrequests::readSlotCreate(*body, ctx.now);
            if (!slot)
                return ctx.problem(slot.problem());
            Transaction tx(ctx.db());
            const auto product = productstore::find(ctx.db(), *id, ctx.caller().tenantScope());
            if (!product)
                return ctx.notFound();
            const SlotView created = slotstore::create(
                ctx.db(), *product, slot->startsAt, slot->durationMinutes, slot->capacity, ctx.now);
            auditRequest(ctx, QStringLiteral("slot.create"), product->tenantId,
                         QStringLiteral("slot:") + idText(created.id),
                         {{QStringLiteral("product_id"), idText(product->id)},
                          {QStringLiteral("capacity"), created.capacity}});
            tx.commit();
            return HttpResponse::json(201, created.toJson());
        });

    // GET /v1/slots/{id} -> slot | 404
    router.add("GET", QStringLiteral("/v1/slots/{id}"), anyone, [](RequestContext &ctx) {
        const auto id = ctx.uuidParam(QStringLiteral("id"));
        const auto slot =
            id ? slotstore::find(ctx.db(), *id, ctx.caller().tenantScope(), ctx.now) : std::nullopt;
        if (!slot)
            return ctx.notFound();
        return HttpResponse::json(200, slot->toJson());
    });

    // PATCH /v1/slots/{id} (admin, partner_manager) any of
    // {"capacity","starts_at","duration_minutes"} -> 200 slot. Under the slot's
    // row lock: capacity below the seats already held or sold is 409.
    router.add(
        "PATCH", QStringLiteral("/v1/slots/{id}"), managers, [&services](RequestContext &ctx) {
            const auto id = ctx.uuidParam(QStringLiteral("id"));
            if (!id)
                return ctx.notFound();
            const auto body = ctx.jsonBody();
            if (!body)
                return ctx.problem(body.problem());
            const auto read = catalogrequests::readSlotChanges(*body, ctx.now);
            if (!read)
                return ctx.problem(read.problem());
            const SlotChanges &c = *read;
            Transaction tx(ctx.db());
            const auto slot =
                slotstore::lockForUpdate(ctx.db(), *id, ctx.caller().tenantScope(), ctx.now);
            if (!slot)
                return ctx.notFound();
            services.reservations.releaseDueHoldsOfLockedSlot(ctx.db(), *slot, ctx.requestId);
            const auto locked = slotstore::lockForUpdate(ctx.db(), *id, {}, ctx.now);
            if (c.capacity && *c.capacity < locked->seatsTaken) {
                tx.commit(); // keep the holds just released
                return ctx.problem(Problem(ProblemType::Conflict,
                                           QStringLiteral("%1 seat(s) are already held or sold.")
                                               .arg(locked->seatsTaken)));
            }
            slotstore::applyChanges(ctx.db(), *id, c, ctx.now);
            QJsonObject detail{{QStringLiteral("product_id"), idText(locked->productId)}};
            if (c.capacity)
                detail.insert(QStringLiteral("capacity"), *c.capacity);
            if (c.startsAt)
                detail.insert(QStringLiteral("starts_at"), toRfc3339(*c.startsAt));
            auditRequest(ctx, QStringLiteral("slot.update"), locked->tenantId,
                         QStringLiteral("slot:") + idText(*id), detail);
            const auto updated = slotstore::find(ctx.db(), *id, {}, ctx.now);
            tx.commit();
            return HttpResponse::json(200, updated->toJson());
        });

    // GET /v1/availability?product=<uuid>&from=<RFC 3339>&to=<RFC 3339>
    // -> {"product_id", "from", "to", "slots": [slot]} for slots starting in
    // [from, to) (at most 92 days), with remaining seats.
    router.add("GET", QStringLiteral("/v1/availability"), anyone, [](RequestContext &ctx) {
        const auto product = ctx.queryUuid(QStringLiteral("product"));
        const auto from = ctx.queryTime(QStringLiteral("from"));
        const auto to = ctx.queryTime(QStringLiteral("to"));
        if (!product)
            return ctx.problem(product.problem());
        if (!from)
            return ctx.problem(from.problem());
        if (!to)
            return ctx.problem(to.problem());
        if (product->isNull())
            return ctx.problem(
                Problem::field(QStringLiteral("product"), QStringLiteral("is required")));
        if (!from->isValid() || !to->isValid())
            return ctx.problem(
                Problem::field(!from->isValid() ? QStringLiteral("from") : QStringLiteral("to"),
                               QStringLiteral("is required")));
        // Measured as elapsed time: daysTo() counts midnights, so it let a
        // range of 92 days and 23 hours through.
        if (*to <= *from || from->secsTo(*to) > qint64(kMaxAvailabilityDays) * 24 * 3600)
            return ctx.problem(Problem::field(
                QStringLiteral("to"),
                QStringLiteral("must be after from, at most %1 days").arg(kMaxAvailabilityDays)));
        const std::optional<QList<SlotView>> slots = slotstore::availability(
            ctx.db(), *product, ctx.caller().tenantScope(), *from, *to, ctx.now, 5000);
        if (!slots)
            return ctx.notFound();
        return HttpResponse::raw(200, "application/json",
                                 availabilityJson(*product, *from, *to, *slots));
    });

    registerCatalogImportRoutes(router, services);
}

} // namespace reserva
