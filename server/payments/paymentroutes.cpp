#include "paymentroutes.h"

#include "booking/idempotency.h"
#include "contract/jsonreader.h"
#include "crypto/digest.h"
#include "db/dbconnection.h"
#include "db/sqlvalues.h"
#include "domain/role.h"
#include "http/requestcontext.h"
#include "http/router.h"
#include "paymentintentstore.h"
#include "paymentservice.h"
#include "runtime/serverservices.h"

#include <QJsonArray>

namespace reserva {

namespace {

using Presence = JsonObjectReader::Presence;

// The provider-side idempotency key: a function of the client's key (scoped
// to the client), the reservation and the provider, so a retry of the same
// request after a crash asks the provider for the same object again.
QByteArray providerKey(const RequestContext &ctx, const QUuid &reservationId,
                       const QString &provider)
{
    return "reserva-" + sha256(QByteArray(ctx.caller().subject().toUtf8() + ':' +
                                          ctx.request.header("idempotency-key") + ':' +
                                          reservationId.toByteArray() + ':' + provider.toUtf8()))
                            .toHex()
                            .left(48);
}

} // namespace

Result<QString> readPaymentIntentProvider(const QJsonObject &body)
{
    JsonObjectReader reader(body);
    const auto provider = reader.string(QStringLiteral("provider"), Presence::Required, {3, 16});
    for (const char *field : {"amount_minor", "amount", "currency", "status"})
        reader.forbid(QLatin1String(field),
                      QStringLiteral("is computed by the server; do not send it"));
    if (provider && *provider != u"stripe" && *provider != u"mercadopago" && *provider != u"pix")
        reader.addError(QStringLiteral("provider"),
                        QStringLiteral("must be stripe, mercadopago or pix"));
    if (auto problem = reader.finish())
        return *problem;
    return *provider;
}

void registerPaymentRoutes(Router &router, ServerServices &services)
{
    const QStringList staff{role::kAdmin, role::kPartnerManager, role::kPartnerStaff};

    // POST /v1/reservations/{id}/payment-intents (admin, partner staff)
    // Header Idempotency-Key. Body {"provider": "stripe" | "mercadopago" | "pix"}.
    // -> 201 payment intent for the reservation's server-computed amount, with
    //    client_secret (Stripe), checkout_url (Mercado Pago) or pix_copy_paste
    //    (Pix); 409 when the reservation is not pending or its hold expired;
    //    400 for an unknown or unconfigured provider; 503 when the provider is
    //    down (not stored: retry with the same key).
    router.add("POST", QStringLiteral("/v1/reservations/{id}/payment-intents"), staff,
               [&services](RequestContext &ctx) {
                   return runIdempotent(ctx, services.idempotency, [&] {
                       const auto id = ctx.uuidParam(QStringLiteral("id"));
                       if (!id)
                           return ctx.notFound();
                       const auto body = ctx.jsonBody();
                       if (!body)
                           return ctx.problem(body.problem());
                       const auto provider = readPaymentIntentProvider(*body);
                       if (!provider)
                           return ctx.problem(provider.problem());
                       const auto created = services.payments.createIntent(
                           ctx.db(), ctx.caller(), *id, *provider, providerKey(ctx, *id, *provider),
                           ctx.requestId);
                       if (!created)
                           return ctx.problem(created.problem());
                       return HttpResponse::json(201, created->toJson());
                   });
               });

    // GET /v1/reservations/{id}/payment-intents -> {"items": [intent]}
    router.add(
        "GET", QStringLiteral("/v1/reservations/{id}/payment-intents"), staff,
        [](RequestContext &ctx) {
            const auto id = ctx.uuidParam(QStringLiteral("id"));
            if (!id)
                return ctx.notFound();
            DbRows owner =
                ctx.db().exec(QStringLiteral("SELECT 1 FROM reservations WHERE id = ?::uuid AND "
                                             "(?::uuid IS NULL OR tenant_id = ?::uuid)"),
                              {sql::uuid(*id), sql::uuid(ctx.caller().tenantScope()),
                               sql::uuid(ctx.caller().tenantScope())},
                              "reservation visible");
            if (!owner.next())
                return ctx.notFound();
            QJsonArray items;
            for (const PaymentIntentView &v : paymentintentstore::listForReservation(ctx.db(), *id))
                items.append(v.toJson());
            return HttpResponse::json(200,
                                      QJsonObject{{QStringLiteral("items"), items},
                                                  {QStringLiteral("next_cursor"), QJsonValue()}});
        });

    // GET /v1/payment-intents/{id} -> intent | 404 (also another tenant's)
    router.add("GET", QStringLiteral("/v1/payment-intents/{id}"), staff, [](RequestContext &ctx) {
        const auto id = ctx.uuidParam(QStringLiteral("id"));
        const auto intent =
            id ? paymentintentstore::find(ctx.db(), *id, ctx.caller().tenantScope()) : std::nullopt;
        if (!intent)
            return ctx.notFound();
        return HttpResponse::json(200, intent->view.toJson());
    });
}

} // namespace reserva
