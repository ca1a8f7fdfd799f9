#include "catalogroutes.h"

#include "audit/auditlog.h"
#include "audit/requestaudit.h"
#include "booking/reservationservice.h"
#include "contract/jsonreader.h"
#include "contract/timeformat.h"
#include "contract/transferdetail.h"
#include "contract/wirevalues.h"
#include "db/dbconnection.h"
#include "db/transaction.h"
#include "domain/currency.h"
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

using Presence = JsonObjectReader::Presence;

const QStringList kKinds{QStringLiteral("tour"), QStringLiteral("excursion"),
                         QStringLiteral("transfer"), QStringLiteral("package")};
constexpr qint64 kMaxPriceMinor = 1000000000000LL;
constexpr int kMaxCapacity = 100000;
constexpr int kMaxAvailabilityDays = 92;

void checkProductFields(JsonObjectReader &reader, const std::optional<QString> &name,
                        const std::optional<QString> &kind,
                        const std::optional<QString> &currencyCode)
{
    if (name && name->trimmed().isEmpty())
        reader.addError(QStringLiteral("name"), QStringLiteral("must not be blank"));
    if (kind && !kKinds.contains(*kind))
        reader.addError(QStringLiteral("kind"),
                        QStringLiteral("must be tour, excursion, transfer or package"));
    if (currencyCode && !currency::isSupported(*currencyCode))
        reader.addError(QStringLiteral("currency"),
                        QStringLiteral("must be a supported ISO 4217 code"));
}

// A transfer declares its transfer_kind; no other product may have one.
void checkTransferKind(JsonObjectReader &reader, const QString &kind,
                       const std::optional<QString> &transferKind)
{
    const QString field = QStringLiteral("transfer_kind");
    if (transferKind && !transferkind::isKnown(*transferKind))
        reader.addError(field,
                        QStringLiteral("must be airport_pickup, hotel_to_hotel or port_transfer"));
    else if (kind == u"transfer" && !transferKind)
        reader.addError(field, QStringLiteral("is required for a transfer"));
    else if (kKinds.contains(kind) && kind != u"transfer" && transferKind)
        reader.addError(field, QStringLiteral("is only for transfer products"));
}

std::optional<QDateTime> readTime(JsonObjectReader &reader, const QString &name, Presence presence)
{
    const auto text = reader.string(name, presence, {10, 40});
    if (!text)
        return std::nullopt;
    const auto t = fromRfc3339(*text);
    if (!t)
        reader.addError(name, QStringLiteral("must be an RFC 3339 time with a zone"));
    return t;
}

// Nulls read as absent, so a body of nothing but nulls changes nothing.
bool namesNoChange(const QJsonObject &body)
{
    return std::all_of(body.begin(), body.end(), [](const auto &v) { return v.isNull(); });
}

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
        if (!filter.kind.isEmpty() && !kKinds.contains(filter.kind))
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
        JsonObjectReader reader(*body);
        const auto name = reader.string(QStringLiteral("name"), Presence::Required, {1, 200});
        const auto kind = reader.string(QStringLiteral("kind"), Presence::Required, {1, 16});
        const auto transferKind =
            reader.string(QStringLiteral("transfer_kind"), Presence::Optional, {1, 32});
        const auto description =
            reader.string(QStringLiteral("description"), Presence::Optional, {0, 4000});
        const auto price =
            reader.integer(QStringLiteral("price_minor"), Presence::Required, 0, kMaxPriceMinor);
        const auto currencyCode =
            reader.string(QStringLiteral("currency"), Presence::Required, {3, 3});
        const auto active = reader.boolean(QStringLiteral("active"), Presence::Optional);
        const auto tenantText =
            reader.string(QStringLiteral("tenant_id"), Presence::Optional, {36, 36});
        checkProductFields(reader, name, kind, currencyCode);
        if (kind)
            checkTransferKind(reader, *kind, transferKind);
        QUuid tenant = ctx.caller().tenantId;
        if (ctx.caller().isGlobal()) {
            tenant = tenantText ? QUuid::fromString(*tenantText) : QUuid();
            if (tenant.isNull())
                reader.addError(QStringLiteral("tenant_id"),
                                QStringLiteral("is required (a UUID) for global users"));
        } else if (tenantText && QUuid::fromString(*tenantText) != ctx.caller().tenantId) {
            reader.addError(QStringLiteral("tenant_id"), QStringLiteral("must be your own tenant"));
        }
        if (auto problem = reader.finish())
            return ctx.problem(*problem);
        ProductView p;
        p.tenantId = tenant;
        p.name = name->trimmed();
        p.kind = *kind;
        p.transferKind = transferKind.value_or(QString());
        p.description = description.value_or(QString()).trimmed();
        p.priceMinor = *price;
        p.currency = *currencyCode;
        p.active = active.value_or(true);
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
        JsonObjectReader reader(*body);
        ProductChanges c;
        c.name = reader.string(QStringLiteral("name"), Presence::Optional, {1, 200});
        c.kind = reader.string(QStringLiteral("kind"), Presence::Optional, {1, 16});
        c.transferKind =
            reader.string(QStringLiteral("transfer_kind"), Presence::Optional, {1, 32});
        c.description = reader.string(QStringLiteral("description"), Presence::Optional, {0, 4000});
        c.priceMinor =
            reader.integer(QStringLiteral("price_minor"), Presence::Optional, 0, kMaxPriceMinor);
        c.currency = reader.string(QStringLiteral("currency"), Presence::Optional, {3, 3});
        c.active = reader.boolean(QStringLiteral("active"), Presence::Optional);
        checkProductFields(reader, c.name, c.kind, c.currency);
        if (namesNoChange(*body))
            reader.addError(QStringLiteral("(body)"), QStringLiteral("names no change"));
        if (auto problem = reader.finish())
            return ctx.problem(*problem);
        if (c.name)
            c.name = c.name->trimmed();
        Transaction tx(ctx.db());
        const auto current = productstore::find(ctx.db(), *id, ctx.caller().tenantScope());
        if (!current)
            return ctx.notFound();
        // The product as it will be must satisfy the transfer rule; leaving
        // the transfer kind clears its transfer_kind.
        const QString kindAfter = c.kind.value_or(current->kind);
        const bool sentTransferKind = c.transferKind.has_value();
        JsonObjectReader transferCheck(QJsonObject{});
        checkTransferKind(transferCheck, kindAfter,
                          c.transferKind ? c.transferKind
                          : current->transferKind.isEmpty()
                              ? std::nullopt
                              : std::optional<QString>(current->transferKind));
        if (kindAfter != u"transfer" && !sentTransferKind && !current->transferKind.isEmpty()) {
            c.transferKind = QString();
        } else if (auto problem = transferCheck.finish()) {
            return ctx.problem(*problem);
        }
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
            JsonObjectReader reader(*body);
            const auto startsAt = readTime(reader, QStringLiteral("starts_at"), Presence::Required);
            const auto duration =
                reader.integer(QStringLiteral("duration_minutes"), Presence::Required, 1, 10080);
            const auto capacity =
                reader.integer(QStringLiteral("capacity"), Presence::Required, 0, kMaxCapacity);
            if (startsAt && *startsAt <= ctx.now)
                reader.addError(QStringLiteral("starts_at"),
                                QStringLiteral("must be in the future"));
            if (auto problem = reader.finish())
                return ctx.problem(*problem);
            Transaction tx(ctx.db());
            const auto product = productstore::find(ctx.db(), *id, ctx.caller().tenantScope());
            if (!product)
                return ctx.notFound();
            const SlotView slot = slotstore::create(ctx.db(), *product, *startsAt, int(*duration),
                                                    int(*capacity), ctx.now);
            auditRequest(ctx, QStringLiteral("slot.create"), product->tenantId,
                         QStringLiteral("slot:") + idText(slot.id),
                         {{QStringLiteral("product_id"), idText(product->id)},
                          {QStringLiteral("capacity"), slot.capacity}});
            tx.commit();
            return HttpResponse::json(201, slot.toJson());
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
            JsonObjectReader reader(*body);
            SlotChanges c;
            const auto capacity =
                reader.integer(QStringLiteral("capacity"), Presence::Optional, 0, kMaxCapacity);
            const auto duration =
                reader.integer(QStringLiteral("duration_minutes"), Presence::Optional, 1, 10080);
            c.startsAt = readTime(reader, QStringLiteral("starts_at"), Presence::Optional);
            if (capacity)
                c.capacity = int(*capacity);
            if (duration)
                c.durationMinutes = int(*duration);
            if (c.startsAt && *c.startsAt <= ctx.now)
                reader.addError(QStringLiteral("starts_at"),
                                QStringLiteral("must be in the future"));
            if (namesNoChange(*body))
                reader.addError(QStringLiteral("(body)"), QStringLiteral("names no change"));
            if (auto problem = reader.finish())
                return ctx.problem(*problem);
            Transaction tx(ctx.db());
            const auto slot = slotstore::lockForUpdate(ctx.db(), *id, ctx.caller().tenantScope());
            if (!slot)
                return ctx.notFound();
            services.reservations.releaseDueHoldsOfLockedSlot(ctx.db(), *slot, ctx.requestId);
            const auto locked = slotstore::lockForUpdate(ctx.db(), *id, {});
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
        if (!productstore::find(ctx.db(), *product, ctx.caller().tenantScope()))
            return ctx.notFound();
        const QList<SlotView> slots =
            slotstore::listForProduct(ctx.db(), *product, *from, *to, ctx.now, 5000);
        QJsonArray items;
        for (const SlotView &s : slots)
            items.append(s.toJson());
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("product_id"), idText(*product)},
                                                   {QStringLiteral("from"), toRfc3339(*from)},
                                                   {QStringLiteral("to"), toRfc3339(*to)},
                                                   {QStringLiteral("slots"), items}});
    });

    registerCatalogImportRoutes(router, services);
}

} // namespace reserva
