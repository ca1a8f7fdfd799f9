#include "reservationroutes.h"

#include "contract/jsonreader.h"
#include "contract/promotiontypes.h"
#include "contract/timeformat.h"
#include "contract/wirevalues.h"
#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "domain/reservationstatus.h"
#include "domain/role.h"
#include "http/paging.h"
#include "http/requestcontext.h"
#include "http/router.h"
#include "idempotency.h"
#include "reservationfeed.h"
#include "reservationservice.h"
#include "reservationstore.h"
#include "runtime/serverservices.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace reserva {

namespace {

using Presence = JsonObjectReader::Presence;

constexpr int kMaxQuantity = 100;

bool isEmail(const QString &s)
{
    // Pragmatic, not RFC 5322: one @, a dotted domain, no spaces or controls.
    static const QRegularExpression pattern(
        QStringLiteral("^[^\\s@<>()\\[\\],;:\"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
                       "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$"));
    return s.size() <= 254 && pattern.match(s).hasMatch();
}

bool isPhone(const QString &s)
{
    static const QRegularExpression pattern(QStringLiteral("^\\+?[0-9][0-9 ()-]{4,30}$"));
    return pattern.match(s).hasMatch();
}

} // namespace

// The client states what it wants; the price, amount, currency and status are
// the server's, and sending them is an error, never silently ignored (invariant 7).
Result<BookingRequest> readBooking(const QJsonObject &body)
{
    JsonObjectReader reader(body);
    BookingRequest request;
    const auto slot = reader.string(QStringLiteral("slot_id"), Presence::Required, {36, 36});
    const auto quantity =
        reader.integer(QStringLiteral("quantity"), Presence::Required, 1, kMaxQuantity);
    const auto customer = reader.object(QStringLiteral("customer"), Presence::Required);
    // Validated in the booking transaction, against the product it is for.
    request.trfDetail = reader.raw(QStringLiteral("trf_detail"));
    // One code, or several that all stack; claimed in the booking transaction.
    if (const auto promo = reader.raw(QStringLiteral("promo_code"))) {
        PromoCodesField codes = readPromoCodes(*promo);
        if (!codes.error.isEmpty())
            reader.addError(QStringLiteral("promo_code"), codes.error);
        request.promoCodes = std::move(codes.codes);
    }
    for (const char *field :
         {"amount_minor", "amount", "price_minor", "price", "total", "total_minor",
          "unit_price_minor", "currency", "status", "discount_minor"}) {
        reader.forbid(QLatin1String(field),
                      QStringLiteral("is computed by the server; do not send it"));
    }
    if (slot) {
        request.slotId = QUuid::fromString(*slot);
        if (request.slotId.isNull())
            reader.addError(QStringLiteral("slot_id"), QStringLiteral("must be a UUID"));
    }
    if (quantity)
        request.quantity = int(*quantity);
    if (customer) {
        JsonObjectReader c(*customer, QStringLiteral("customer"));
        const auto name = c.string(QStringLiteral("name"), Presence::Required, {1, 200});
        const auto email = c.string(QStringLiteral("email"), Presence::Required, {3, 254});
        const auto phone = c.string(QStringLiteral("phone"), Presence::Optional, {0, 32});
        if (name && name->trimmed().isEmpty())
            c.addError(QStringLiteral("name"), QStringLiteral("must not be blank"));
        if (email && !isEmail(email->trimmed()))
            c.addError(QStringLiteral("email"), QStringLiteral("is not an email address"));
        if (phone && !phone->isEmpty() && !isPhone(phone->trimmed()))
            c.addError(QStringLiteral("phone"), QStringLiteral("is not a phone number"));
        if (auto problem = c.finish()) {
            for (const FieldError &e : std::as_const(problem->errors))
                reader.addError(e.field, e.message); // already "customer.<field>"
        }
        request.customer.name = name.value_or(QString()).trimmed();
        request.customer.email = email.value_or(QString()).trimmed().toLower();
        request.customer.phone = phone.value_or(QString()).trimmed();
    }
    if (auto problem = reader.finish())
        return *problem;
    return request;
}

void registerReservationRoutes(Router &router, ServerServices &services)
{
    // Reservations carry customer contact data: only the people who serve
    // those customers read them (not auditors, who read the audit trail).
    const QStringList staff{role::kAdmin, role::kPartnerManager, role::kPartnerStaff};

    // POST /v1/reservations (admin, partner_manager, partner_staff)
    // Header Idempotency-Key (required). Body {"slot_id": uuid, "quantity": 1..100,
    // "customer": {"name": 1..200, "email", "phone"?},
    // "trf_detail": {...} (transfer products only, and required for them:
    // shared/contract/transferdetail.h)}.
    // -> 201 reservation (pending_payment, holding its seats until
    //    hold_expires_at); 409 sold-out; 404 unknown or another tenant's slot;
    //    422 a slot already started or a product off sale; 400 invalid fields,
    //    including any amount/price/total/status sent by the client.
    router.add("POST", QStringLiteral("/v1/reservations"), staff, [&services](RequestContext &ctx) {
        return runIdempotent(ctx, services.idempotency, [&] {
            const auto body = ctx.jsonBody();
            if (!body)
                return ctx.problem(body.problem());
            const auto request = readBooking(*body);
            if (!request)
                return ctx.problem(request.problem());
            const auto booked =
                services.reservations.book(ctx.db(), ctx.caller(), *request, ctx.requestId);
            if (!booked)
                return ctx.problem(booked.problem());
            HttpResponse r = HttpResponse::json(201, booked->toJson());
            r.setHeader("Location", "/v1/reservations/" + idText(booked->id).toLatin1());
            return r;
        });
    });

    // GET /v1/reservations?status=&product=&slot=&from=&to=&customer_email=&limit=&after=
    // Newest first; from/to bound created_at. Partner users see their tenant.
    router.add("GET", QStringLiteral("/v1/reservations"), staff, [](RequestContext &ctx) {
        const auto page = readPageRequest(ctx);
        if (!page)
            return ctx.problem(page.problem());
        ReservationFilter f;
        f.limit = page->limit;
        f.tenantId = ctx.caller().tenantScope();
        const HttpRequest &r = ctx.request;
        f.status = r.queryValue(QStringLiteral("status"));
        if (!f.status.isEmpty() && !parseReservationStatus(f.status))
            return ctx.problem(Problem::field(QStringLiteral("status"),
                                              QStringLiteral("is not a reservation status")));
        const auto product = ctx.queryUuid(QStringLiteral("product"));
        const auto slot = ctx.queryUuid(QStringLiteral("slot"));
        const auto from = ctx.queryTime(QStringLiteral("from"));
        const auto to = ctx.queryTime(QStringLiteral("to"));
        for (const Result<QUuid> *bad : {&product, &slot}) {
            if (!*bad)
                return ctx.problem(bad->problem());
        }
        for (const Result<QDateTime> *bad : {&from, &to}) {
            if (!*bad)
                return ctx.problem(bad->problem());
        }
        f.productId = *product;
        f.slotId = *slot;
        f.from = *from;
        f.to = *to;
        f.customerEmail = r.queryValue(QStringLiteral("customer_email")).trimmed().left(254);
        const auto sort = ReservationSort::parse(r.queryValue(QStringLiteral("sort")));
        if (!sort)
            return ctx.problem(Problem::field(
                QStringLiteral("sort"),
                QStringLiteral("must be created_at, amount_minor or customer_name, with a "
                               "leading - for descending")));
        f.sort = *sort;
        if (!page->after.isEmpty()) {
            // "<sort>|<key>|<id>": the key may hold '|' (a name); the sort
            // and the id cannot.
            const qsizetype first = page->after.indexOf(u'|');
            const qsizetype last = page->after.lastIndexOf(u'|');
            f.afterKey = page->after.mid(first + 1, last - first - 1);
            f.afterId = QUuid::fromString(page->after.mid(last + 1));
            if (first < 0 || last <= first || page->after.left(first) != sort->name() ||
                f.afterId.isNull() || !sort->isValidKey(f.afterKey))
                return ctx.problem(
                    Problem::field(QStringLiteral("after"),
                                   QStringLiteral("is not a valid cursor for this sort")));
        }
        QStringList keys;
        QList<ReservationView> list;
        try {
            list = reservationstore::list(ctx.db(), f, &keys);
        } catch (const DatabaseFailure &failure) {
            // A cursor key the database cannot read as the sort's type was
            // not issued by this server.
            if (failure.sqlState() != u"22007" && failure.sqlState() != u"22008" &&
                failure.sqlState() != u"22P02" && failure.sqlState() != u"22003")
                throw;
            return ctx.problem(
                Problem::field(QStringLiteral("after"), QStringLiteral("is not a valid cursor")));
        }
        QJsonArray items;
        for (const ReservationView &v : list)
            items.append(v.toJson());
        const QString last = list.size() == f.limit
                                 ? sort->name() + u'|' + keys.last() + u'|' + idText(list.last().id)
                                 : QString();
        return HttpResponse::json(200, pageJson(items, last));
    });

    // GET /v1/reservations/changes?after=&limit=1..500 -> {"items": [reservation],
    // "next_cursor", "more"}: the reservations written since the cursor (all
    // of the caller's tenant for partner users), each once per sweep at least.
    // Without `after`: no items, the cursor to start from. Poll with
    // next_cursor; when "more" is true, ask again at once. 400 bad cursor.
    router.add("GET", QStringLiteral("/v1/reservations/changes"), staff, reservationChanges);

    // GET /v1/reservations/{id}/audit -> {"items": [audit entry]}: what was
    // done to the reservation and its payment intents, oldest first (no PII:
    // audit rows hold ids and reasons only). 404 unknown or another tenant's.
    router.add("GET", QStringLiteral("/v1/reservations/{id}/audit"), staff, reservationTrail);

    // GET /v1/reservations/{id} -> reservation | 404 (also another tenant's)
    router.add("GET", QStringLiteral("/v1/reservations/{id}"), staff, [](RequestContext &ctx) {
        const auto id = ctx.uuidParam(QStringLiteral("id"));
        const auto found =
            id ? reservationstore::find(ctx.db(), *id, ctx.caller().tenantScope()) : std::nullopt;
        if (!found)
            return ctx.notFound();
        return HttpResponse::json(200, found->view.toJson());
    });

    // POST /v1/reservations/{id}/cancel (admin, partner_manager, partner_staff)
    // -> 200 reservation, now cancelled, its seats released (an already
    // cancelled one is returned as is); 409 when paid (that is a refund),
    // expired or refunded; 404 unknown or another tenant's.
    router.add("POST", QStringLiteral("/v1/reservations/{id}/cancel"), staff,
               [&services](RequestContext &ctx) {
                   const auto id = ctx.uuidParam(QStringLiteral("id"));
                   if (!id)
                       return ctx.notFound();
                   if (!ctx.request.body.trimmed().isEmpty() && ctx.request.body.trimmed() != "{}")
                       return ctx.problem(Problem(ProblemType::BadRequest,
                                                  QStringLiteral("Cancelling takes no body.")));
                   const auto result =
                       services.reservations.cancel(ctx.db(), ctx.caller(), *id, ctx.requestId);
                   if (!result)
                       return ctx.problem(result.problem());
                   return HttpResponse::json(200, result->toJson());
               });
}

} // namespace reserva
