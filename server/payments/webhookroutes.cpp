#include "webhookroutes.h"

#include "contract/timeformat.h"
#include "crypto/constanttime.h"
#include "db/dbconnection.h"
#include "domain/role.h"
#include "http/paging.h"
#include "http/requestcontext.h"
#include "http/router.h"
#include "log/jsonlog.h"
#include "metrics/counters.h"
#include "metrics/servermetrics.h"
#include "paymentservice.h"
#include "pixcallback.h"
#include "providers/mercadopagoclient.h"
#include "providers/pixclient.h"
#include "runtime/serverservices.h"
#include "stripeevent.h"
#include "webhooks/mercadopagosignature.h"
#include "webhooks/stripesignature.h"
#include "webhookstore.h"

#include <QJsonArray>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcWebhooks, "reserva.payments.webhooks")

namespace reserva {

namespace {

// Headers kept for forensics, minus anything that could be a credential.
QJsonObject redactedHeaders(const HttpRequest &request)
{
    QJsonObject out;
    for (const auto &[name, value] : request.headers) {
        if (name == "authorization" || name == "cookie" || name == "proxy-authorization")
            continue;
        out.insert(QString::fromLatin1(name), QString::fromLatin1(value.left(1024)));
    }
    return out;
}

// The query parameters kept for forensics: Mercado Pago names its payment
// there, and the Pix URL carries the registered secret, which is redacted.
QJsonObject redactedQuery(const HttpRequest &request)
{
    static const QStringList kSecrets{QStringLiteral("hmac"), QStringLiteral("secret"),
                                      QStringLiteral("token"), QStringLiteral("access_token"),
                                      QStringLiteral("key")};
    QJsonObject out;
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (out.size() >= 32)
            break;
        out.insert(name.left(64), kSecrets.contains(name.toLower()) ? QStringLiteral("[redacted]")
                                                                    : value.left(256));
    }
    return out;
}

WebhookDelivery deliveryOf(const RequestContext &ctx, const QString &provider)
{
    WebhookDelivery d;
    d.provider = provider;
    d.receivedAt = ctx.now;
    d.requestId = ctx.requestId;
    d.headers = redactedHeaders(ctx.request);
    d.query = redactedQuery(ctx.request);
    d.body = ctx.request.body;
    return d;
}

// One outcome per delivery (a Pix callback with several entries counts its
// last, the one it answers with).
void countOutcome(const QString &provider, const QString &outcome)
{
    serverMetrics().webhookOutcomes.increment({provider.toUtf8(), outcome.toUtf8()});
}

HttpResponse received(const RequestContext &ctx, const QString &provider, WebhookOutcome outcome)
{
    Q_UNUSED(ctx)
    countOutcome(provider, webhookOutcomeName(outcome));
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("received"), true},
                         {QStringLiteral("outcome"), webhookOutcomeName(outcome)}});
}

// A refused delivery: counted, logged, kept for forensics; nothing else.
// `recordedReason` is what the delivery row's detail says (the verification
// result when empty).
HttpResponse refuse(RequestContext &ctx, ServerServices &services, WebhookDelivery delivery,
                    const QString &verification, ProblemType type, const QString &reason,
                    const QString &recordedReason = {})
{
    counters().webhooksRejected++;
    countOutcome(delivery.provider, QStringLiteral("refused"));
    delivery.verification = verification;
    // Refused deliveries are kept, but not whole: a flood of forged 1 MiB
    // bodies must not fill the disk.
    if (delivery.body.size() > 16384)
        delivery.body.truncate(16384);
    const Problem problem(type, reason);
    jsonlog::write({{QStringLiteral("level"), QStringLiteral("warning")},
                    {QStringLiteral("kind"), QStringLiteral("webhook_rejected")},
                    {QStringLiteral("provider"), delivery.provider},
                    {QStringLiteral("verification"), verification},
                    {QStringLiteral("request_id"), ctx.requestId}});
    services.payments.recordRefusedDelivery(
        ctx.db(), delivery, problem.status(),
        recordedReason.isEmpty() ? verification : recordedReason, ctx.request.peerAddress);
    return ctx.problem(problem);
}

HttpResponse refuseSignature(RequestContext &ctx, ServerServices &services,
                             const WebhookDelivery &delivery, SignatureCheck check)
{
    switch (check) {
    case SignatureCheck::Malformed:
        return refuse(ctx, services, delivery, QStringLiteral("malformed"), ProblemType::BadRequest,
                      QStringLiteral("The signature header is missing or malformed."));
    case SignatureCheck::Stale:
        return refuse(ctx, services, delivery, QStringLiteral("stale"), ProblemType::Unauthorized,
                      QStringLiteral("The signature's timestamp is outside the tolerance."));
    case SignatureCheck::Mismatch:
    case SignatureCheck::Valid:
        break;
    }
    return refuse(ctx, services, delivery, QStringLiteral("bad_signature"),
                  ProblemType::Unauthorized, QStringLiteral("The signature does not verify."));
}

HttpResponse notConfigured(RequestContext &ctx)
{
    return ctx.problem(Problem(ProblemType::ServiceUnavailable,
                               QStringLiteral("This provider is not configured.")));
}

// --- Mercado Pago -------------------------------------------------------------

std::optional<PaymentStatus> mercadoPagoTarget(const QString &status)
{
    if (status == u"approved")
        return PaymentStatus::Succeeded;
    if (status == u"pending" || status == u"authorized" || status == u"in_process" ||
        status == u"in_mediation")
        return PaymentStatus::Processing;
    if (status == u"rejected")
        return PaymentStatus::Failed;
    if (status == u"cancelled")
        return PaymentStatus::Canceled;
    if (status == u"refunded" || status == u"charged_back")
        return PaymentStatus::Refunded;
    return std::nullopt;
}

} // namespace

void registerWebhookRoutes(Router &router, ServerServices &services)
{
    // POST /v1/webhooks/stripe (public; authenticated by Stripe-Signature)
    // The signature is checked over the raw body first, whatever the body says
    // (livemode, test...): invariant 8. 400 malformed header, 401 stale or
    // forged (kept for forensics, nothing applied); 200 {"received", "outcome"}
    // once verified, duplicates included.
    (void)router.addPublic(
        "POST", QStringLiteral("/v1/webhooks/stripe"), [&services](RequestContext &ctx) {
            if (!services.payments.isConfigured(QStringLiteral("stripe")))
                return notConfigured(ctx);
            WebhookDelivery delivery = deliveryOf(ctx, QStringLiteral("stripe"));
            const SignatureCheck check =
                StripeSignatureVerifier{services.paymentSettings.stripe.webhookSecrets, 300}.verify(
                    ctx.request.header("stripe-signature"), ctx.request.body,
                    ctx.now.toSecsSinceEpoch());
            if (check != SignatureCheck::Valid)
                return refuseSignature(ctx, services, delivery, check);
            const auto body = parseJsonObject(ctx.request.body);
            const auto event = body ? readStripeEvent(*body) : std::nullopt;
            if (!event)
                return refuse(ctx, services, delivery, QStringLiteral("verified"),
                              ProblemType::BadRequest,
                              QStringLiteral("The event is not a Stripe event object."));
            return received(ctx, QStringLiteral("stripe"),
                            services.payments.applyVerifiedEvent(ctx.db(), *event, delivery));
        });

    // POST /v1/webhooks/mercadopago?data.id=..&type=.. (public; x-signature)
    // The notification carries only an id: after the signature, the payment
    // is fetched from the Mercado Pago API, and only that answer's status,
    // amount, currency and external_reference are trusted. API down: 503 and
    // nothing written, so Mercado Pago retries.
    (void)router.addPublic(
        "POST", QStringLiteral("/v1/webhooks/mercadopago"), [&services](RequestContext &ctx) {
            MercadoPagoClient *client = services.payments.mercadoPago();
            if (!client)
                return notConfigured(ctx);
            WebhookDelivery delivery = deliveryOf(ctx, QStringLiteral("mercadopago"));
            const QString dataId = ctx.request.query.hasQueryItem(QStringLiteral("data.id"))
                                       ? ctx.request.queryValue(QStringLiteral("data.id"))
                                       : QString();
            const QByteArray requestIdHeader = ctx.request.header("x-request-id");
            const SignatureCheck check =
                MercadoPagoSignatureVerifier{services.paymentSettings.mercadoPago.webhookSecrets,
                                             300}
                    .verify(ctx.request.header("x-signature"), dataId, requestIdHeader,
                            ctx.now.toSecsSinceEpoch());
            if (check != SignatureCheck::Valid)
                return refuseSignature(ctx, services, delivery, check);
            QString type = ctx.request.queryValue(QStringLiteral("type"));
            if (type.isEmpty())
                type = ctx.request.queryValue(QStringLiteral("topic"));
            VerifiedPaymentEvent event;
            event.provider = QStringLiteral("mercadopago");
            event.eventType = type;
            if (type != u"payment" || dataId.isEmpty() || dataId.size() > 64) {
                event.eventId = QStringLiteral("notification:") +
                                QString::fromLatin1(requestIdHeader.left(100));
                return received(ctx, QStringLiteral("mercadopago"),
                                services.payments.applyVerifiedEvent(ctx.db(), event, delivery));
            }
            const ProviderPaymentState payment = client->fetchPayment(dataId);
            if (payment.fetch == ProviderPaymentState::Fetch::Unavailable) {
                counters().webhookProviderUnavailable++;
                countOutcome(QStringLiteral("mercadopago"), QStringLiteral("provider_unavailable"));
                qCWarning(lcWebhooks, "request %s: Mercado Pago API unavailable",
                          qUtf8Printable(ctx.requestId));
                return ctx.problem(
                    Problem(ProblemType::ServiceUnavailable,
                            QStringLiteral("The provider could not be asked; retry later.")));
            }
            if (payment.fetch == ProviderPaymentState::Fetch::NotFound || payment.id != dataId) {
                event.eventId = QStringLiteral("notification:") +
                                QString::fromLatin1(requestIdHeader.left(100));
                return received(ctx, QStringLiteral("mercadopago"),
                                services.payments.applyVerifiedEvent(ctx.db(), event, delivery));
            }
            event.eventId = QStringLiteral("payment:%1:%2").arg(payment.id, payment.status);
            event.intentId = QUuid::fromString(payment.externalReference);
            event.providerPaymentRef = payment.id;
            event.target = mercadoPagoTarget(payment.status);
            event.amountMinor = payment.amountMinor;
            event.currency = payment.currency;
            return received(ctx, QStringLiteral("mercadopago"),
                            services.payments.applyVerifiedEvent(ctx.db(), event, delivery));
        });

    // POST /v1/webhooks/pix?hmac=<secret> (public; the BCB callback is not
    // signed). Authenticated by the PSP's mutual TLS when reservad terminates
    // TLS with a client CA (a client certificate that verified against that
    // CA, else 401), and always by the static secret registered with the URL,
    // compared in constant time. The callback is a hint: each pix is
    // confirmed with GET /v2/cob/{txid} (status CONCLUIDA, the same
    // endToEndId and amount) and deduplicated on its endToEndId. PSP API
    // down: 503, so the PSP retries.
    (void)router.addPublic(
        "POST", QStringLiteral("/v1/webhooks/pix"), [&services](RequestContext &ctx) {
            PixClient *client = services.payments.pix();
            if (!client)
                return notConfigured(ctx);
            WebhookDelivery delivery = deliveryOf(ctx, QStringLiteral("pix"));
            // The transport first: the secret travels in the URL, where
            // proxies and the PSP's own logs may keep it; the client
            // certificate's private key never leaves the PSP.
            if (services.paymentSettings.pix.requireClientCertificate &&
                !ctx.request.clientCertificate.verified()) {
                const ClientCertificate &presented = ctx.request.clientCertificate;
                return refuse(ctx, services, delivery, QStringLiteral("unauthenticated"),
                              ProblemType::Unauthorized,
                              QStringLiteral("The callback needs the PSP's client certificate."),
                              presented.state == ClientCertificate::State::Untrusted
                                  ? QStringLiteral("client_certificate_untrusted: %1 (subject %2)")
                                        .arg(presented.failure, presented.subject)
                                  : QStringLiteral("client_certificate_missing"));
            }
            const QByteArray secret = ctx.request.queryValue(QStringLiteral("hmac")).toUtf8();
            if (secret.isEmpty() ||
                !constantTimeEquals(secret, services.paymentSettings.pix.webhookSecret))
                return refuse(ctx, services, delivery, QStringLiteral("unauthenticated"),
                              ProblemType::Unauthorized,
                              QStringLiteral("Unknown callback secret."));
            const auto entries = pixCallbackEntries(ctx.request.body);
            if (!entries)
                return refuse(ctx, services, delivery, QStringLiteral("malformed"),
                              ProblemType::BadRequest,
                              QStringLiteral("The body is not a BCB Pix callback."));
            // Every charge is fetched before anything is written: a PSP that
            // fails on the second pix of a callback must leave the first one
            // unapplied too (503: nothing written, the PSP retries the whole).
            QList<ProviderPaymentState> cobs;
            for (const PixEntry &entry : *entries) {
                cobs << client->fetchCharge(entry.txid, entry.endToEndId);
                if (cobs.last().fetch == ProviderPaymentState::Fetch::Unavailable) {
                    counters().webhookProviderUnavailable++;
                    countOutcome(QStringLiteral("pix"), QStringLiteral("provider_unavailable"));
                    return ctx.problem(
                        Problem(ProblemType::ServiceUnavailable,
                                QStringLiteral("The PSP could not be asked; retry later.")));
                }
            }
            WebhookOutcome last = WebhookOutcome::Ignored;
            for (qsizetype i = 0; i < entries->size(); ++i) {
                const PixEntry &entry = entries->at(i);
                const ProviderPaymentState &cob = cobs.at(i);
                VerifiedPaymentEvent event;
                event.provider = QStringLiteral("pix");
                event.eventType = QStringLiteral("pix");
                event.eventId = entry.endToEndId;
                event.providerRef = entry.txid;
                event.currency = QStringLiteral("BRL");
                // Only a concluded charge holding this very pix, for the amount the
                // callback announced, counts as paid.
                if (cob.fetch == ProviderPaymentState::Fetch::Found && cob.status == u"CONCLUIDA" &&
                    cob.endToEndId == entry.endToEndId && cob.amountMinor == entry.amountMinor) {
                    event.target = PaymentStatus::Succeeded;
                    event.amountMinor = cob.amountMinor;
                }
                last = services.payments.applyVerifiedEvent(ctx.db(), event, delivery);
                // The PSP calls back again for the same pix when it is
                // refunded (a devolução). The settled refunded total is its
                // own event: the same total delivered again is a duplicate,
                // a further partial devolução a new one.
                if (event.target && cob.refundedMinor > 0) {
                    VerifiedPaymentEvent refund = event;
                    refund.eventType = QStringLiteral("pix.devolucao");
                    refund.eventId = entry.endToEndId + QStringLiteral("/devolvido/") +
                                     QString::number(cob.refundedMinor);
                    refund.amountMinor = cob.refundedMinor;
                    refund.target = cob.refundedMinor >= cob.amountMinor
                                        ? PaymentStatus::Refunded
                                        : PaymentStatus::PartiallyRefunded;
                    last = services.payments.applyVerifiedEvent(ctx.db(), refund, delivery);
                }
            }
            return received(ctx, QStringLiteral("pix"), last);
        });

    // GET /v1/webhook-events?provider=&outcome=&limit=&after= (admin)
    // Every delivery, accepted or refused, newest first, with its verification
    // result, outcome, redacted headers and raw body (base64).
    router.add(
        "GET", QStringLiteral("/v1/webhook-events"), {role::kAdmin}, [](RequestContext &ctx) {
            const auto page = readPageRequest(ctx);
            if (!page)
                return ctx.problem(page.problem());
            WebhookDeliveryFilter f;
            f.limit = page->limit;
            f.provider = ctx.request.queryValue(QStringLiteral("provider")).left(16);
            f.outcome = ctx.request.queryValue(QStringLiteral("outcome")).left(32);
            if (!page->after.isEmpty()) {
                const qsizetype cut = page->after.indexOf(u'|');
                f.beforeReceived =
                    fromRfc3339(page->after.left(qMax<qsizetype>(0, cut))).value_or(QDateTime());
                f.beforeId = QUuid::fromString(page->after.mid(cut + 1));
                if (cut < 0 || !f.beforeReceived.isValid() || f.beforeId.isNull())
                    return ctx.problem(Problem::field(QStringLiteral("after"),
                                                      QStringLiteral("is not a valid cursor")));
            }
            const QList<QJsonObject> rows = webhookstore::listDeliveries(ctx.db(), f);
            QJsonArray items;
            for (const QJsonObject &row : rows)
                items.append(row);
            const QString last = rows.size() == f.limit
                                     ? rows.last().value(QStringLiteral("received_at")).toString() +
                                           u'|' + rows.last().value(QStringLiteral("id")).toString()
                                     : QString();
            return HttpResponse::json(200, pageJson(items, last));
        });
}

} // namespace reserva
