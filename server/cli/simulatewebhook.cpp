#include "simulatewebhook.h"

#include "admincontext.h"
#include "booking/reservationstore.h"
#include "cli.h"
#include "commonoptions.h"
#include "payments/paymentintentstore.h"
#include "providers/fake/providerwebhooks.h"
#include "providers/outboundhttp.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <QUuid>

namespace reserva::cli {

namespace {

constexpr int kTimeoutMs = 15000;
const QString kDefaultServer = QStringLiteral("http://127.0.0.1:8080");

QString firstSecret(const char *environmentVariable)
{
    return qEnvironmentVariable(environmentVariable).split(u',').first().trimmed();
}

bool isHttpUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") &&
           !url.host().isEmpty();
}

// The Pix URL carries the callback secret: never print it.
QString printableUrl(const QUrl &url)
{
    QUrl copy = url;
    QUrlQuery query(copy);
    if (query.hasQueryItem(QStringLiteral("hmac"))) {
        query.removeAllQueryItems(QStringLiteral("hmac"));
        query.addQueryItem(QStringLiteral("hmac"), QStringLiteral("REDACTED"));
        copy.setQuery(query);
    }
    return copy.toString();
}

// Plays the customer at the fake providers: POST /_simulate/{provider}/{ref}.
std::optional<QJsonObject> settleAtFake(OutboundHttp &http, const QUrl &fakeBase,
                                        const QString &provider, const QString &ref,
                                        SimulatedOutcome outcome)
{
    OutboundRequest request;
    request.method = "POST";
    request.url = fakeBase.resolved(QUrl(QStringLiteral("_simulate/") + provider + u'/' +
                                         QString::fromLatin1(QUrl::toPercentEncoding(ref))));
    request.timeoutMs = kTimeoutMs;
    request.headers = {{"Content-Type", "application/json"}};
    request.body =
        QJsonDocument(QJsonObject{{QStringLiteral("outcome"), simulatedOutcomeName(outcome)}})
            .toJson(QJsonDocument::Compact);
    const OutboundResponse response = http.send(request);
    if (!response.completed) {
        printErr(QStringLiteral("error: the fake providers at %1 did not answer: %2")
                     .arg(fakeBase.toString(), response.error));
        return std::nullopt;
    }
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    if (response.status != 200) {
        printErr(QStringLiteral("error: settling %1 %2 at %3 failed (%4): %5%6")
                     .arg(provider, ref, fakeBase.toString())
                     .arg(response.status)
                     .arg(QString::fromUtf8(response.body.left(500)),
                          response.status == 404 && answer.isEmpty()
                              ? QStringLiteral(" (is this `reservad fake-providers`?)")
                              : QString()));
        return std::nullopt;
    }
    return answer;
}

} // namespace

int simulateWebhookCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Send the webhook delivery a payment provider would send for a reservation's latest "
        "payment intent at that provider, correctly signed, and print the server's answer "
        "(exit 0 on a 2xx). Mercado Pago and Pix notifications are only hints the server "
        "checks with the provider's API, so for them the payment is first settled at the fake "
        "providers (`reservad fake-providers`)."));
    DatabaseOptions db;
    db.addTo(parser);
    const QCommandLineOption providerOption(QStringLiteral("provider"),
                                            QStringLiteral("stripe, mercadopago or pix."),
                                            QStringLiteral("P"));
    const QCommandLineOption reservationOption(QStringLiteral("reservation"),
                                               QStringLiteral("The reservation's id."),
                                               QStringLiteral("ID"));
    const QCommandLineOption outcomeOption(QStringLiteral("outcome"),
                                           QStringLiteral("succeeded, failed or refunded."),
                                           QStringLiteral("O"));
    const QCommandLineOption urlOption(
        QStringLiteral("url"),
        QStringLiteral("The webhook endpoint, or the server's base URL to which "
                       "/v1/webhooks/<provider> is added (default %1).")
            .arg(kDefaultServer),
        QStringLiteral("URL"));
    const QCommandLineOption secretOption(
        QStringLiteral("secret"),
        QStringLiteral("The webhook secret (default: the first of RESERVA_STRIPE_WEBHOOK_SECRET, "
                       "RESERVA_MP_WEBHOOK_SECRET or RESERVA_PIX_WEBHOOK_SECRET)."),
        QStringLiteral("S"));
    const QCommandLineOption fakeOption(
        QStringLiteral("fake-providers"),
        QStringLiteral("Base URL of `reservad fake-providers` (default: RESERVA_MP_API_BASE or "
                       "RESERVA_PIX_API_BASE; Stripe settles there only when this is given)."),
        QStringLiteral("URL"));
    parser.addOptions(
        {providerOption, reservationOption, outcomeOption, urlOption, secretOption, fakeOption});
    if (int code = 0; !parseCommand(parser, arguments, &code))
        return code;
    if (!parser.isSet(providerOption) || !parser.isSet(reservationOption) ||
        !parser.isSet(outcomeOption))
        return usageError(parser,
                          QStringLiteral("--provider, --reservation and --outcome are required"));
    const QString provider = parser.value(providerOption);
    if (provider != u"stripe" && provider != u"mercadopago" && provider != u"pix")
        return usageError(parser, QStringLiteral("--provider wants stripe, mercadopago or pix"));
    const QUuid reservationId = QUuid::fromString(parser.value(reservationOption));
    if (reservationId.isNull())
        return usageError(parser, QStringLiteral("--reservation wants a reservation id (UUID)"));
    const auto outcome = parseSimulatedOutcome(parser.value(outcomeOption));
    if (!outcome)
        return usageError(parser, QStringLiteral("--outcome wants succeeded, failed or refunded"));
    // The BCB API Pix calls back only for received pix: an unpaid charge
    // just expires, and nothing reaches the webhook.
    if (provider == u"pix" && *outcome == SimulatedOutcome::Failed)
        return usageError(parser,
                          QStringLiteral("Pix has no failure notification: the PSP calls back "
                                         "only for received pix (an unpaid cob just expires)"));

    const char *secretVariable = provider == u"stripe"        ? "RESERVA_STRIPE_WEBHOOK_SECRET"
                                 : provider == u"mercadopago" ? "RESERVA_MP_WEBHOOK_SECRET"
                                                              : "RESERVA_PIX_WEBHOOK_SECRET";
    const QByteArray secret =
        (parser.isSet(secretOption) ? parser.value(secretOption) : firstSecret(secretVariable))
            .toUtf8();
    if (secret.isEmpty())
        return usageError(parser, QStringLiteral("no webhook secret: give --secret or set %1")
                                      .arg(QLatin1String(secretVariable)));
    const QUrl endpoint = providerwebhooks::endpoint(
        QUrl(parser.isSet(urlOption) ? parser.value(urlOption) : kDefaultServer), provider);
    if (!isHttpUrl(endpoint))
        return usageError(parser, QStringLiteral("--url wants an http(s) URL"));
    QString fakeText = parser.value(fakeOption);
    if (fakeText.isEmpty() && provider == u"mercadopago")
        fakeText = qEnvironmentVariable("RESERVA_MP_API_BASE");
    if (fakeText.isEmpty() && provider == u"pix")
        fakeText = qEnvironmentVariable("RESERVA_PIX_API_BASE");
    if (!fakeText.isEmpty() && !fakeText.endsWith(u'/'))
        fakeText += u'/';
    const QUrl fakeBase(fakeText);
    if (provider != u"stripe" && fakeText.isEmpty())
        return usageError(parser, QStringLiteral("%1 needs the fake providers to settle the "
                                                 "payment: give --fake-providers URL")
                                      .arg(provider));
    if (!fakeText.isEmpty() && !isHttpUrl(fakeBase))
        return usageError(parser, QStringLiteral("--fake-providers wants an http(s) URL"));

    return runAdmin([&] {
        AdminContext ctx;
        QString error;
        if (!ctx.open(db.databaseUrl(parser), db.dataDirectory(parser), &error)) {
            printErr(QStringLiteral("error: ") + error);
            return kExitFailure;
        }
        const QString reservationText = reservationId.toString(QUuid::WithoutBraces);
        if (!reservationstore::find(ctx.db(), reservationId, {})) {
            printErr(QStringLiteral("error: no reservation %1").arg(reservationText));
            return kExitFailure;
        }
        std::optional<PaymentIntentView> intent;
        for (const PaymentIntentView &v :
             paymentintentstore::listForReservation(ctx.db(), reservationId)) {
            if (v.provider == provider)
                intent = v; // oldest first: the last one wins
        }
        if (!intent || intent->providerRef.isEmpty()) {
            printErr(QStringLiteral("error: reservation %1 has no %2 payment intent; create one "
                                    "with POST /v1/reservations/%1/payment-intents")
                         .arg(reservationText, provider));
            return kExitFailure;
        }
        printOut(QStringLiteral("payment intent %1 (%2 %3, %4 %5, status %6)")
                     .arg(intent->id.toString(QUuid::WithoutBraces), provider, intent->providerRef)
                     .arg(intent->amountMinor)
                     .arg(intent->currency, intent->status));

        OutboundHttp http;
        ProviderDelivery delivery;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (provider == u"stripe") {
            providerwebhooks::StripePayment payment{
                intent->providerRef, intent->amountMinor, intent->currency, {}};
            if (!fakeText.isEmpty()) {
                const auto settled =
                    settleAtFake(http, fakeBase, provider, intent->providerRef, *outcome);
                if (!settled)
                    return kExitFailure;
                payment.chargeId = settled->value(QStringLiteral("charge_id")).toString();
            }
            const QByteArray body = providerwebhooks::stripeEvent(
                providerwebhooks::newStripeEventId(), *outcome, payment, now.toSecsSinceEpoch());
            delivery =
                providerwebhooks::stripeDelivery(endpoint, secret, body, now.toSecsSinceEpoch());
        } else if (provider == u"mercadopago") {
            const auto settled =
                settleAtFake(http, fakeBase, provider, intent->providerRef, *outcome);
            if (!settled)
                return kExitFailure;
            delivery = providerwebhooks::mercadoPagoDelivery(
                endpoint, secret, settled->value(QStringLiteral("payment_id")).toString(),
                QUuid::createUuid().toString(QUuid::WithoutBraces), now);
        } else {
            const auto settled =
                settleAtFake(http, fakeBase, provider, intent->providerRef, *outcome);
            if (!settled)
                return kExitFailure;
            providerwebhooks::PixPayment pix;
            pix.txid = settled->value(QStringLiteral("txid")).toString();
            pix.endToEndId = settled->value(QStringLiteral("endToEndId")).toString();
            pix.valor = settled->value(QStringLiteral("valor")).toString();
            pix.horario = settled->value(QStringLiteral("horario")).toString();
            pix.devolucoes = settled->value(QStringLiteral("devolucoes")).toArray();
            delivery = providerwebhooks::pixDelivery(endpoint, secret, pix);
        }

        OutboundRequest request;
        request.method = "POST";
        request.url = delivery.url;
        request.headers = delivery.headers;
        request.body = delivery.body;
        request.timeoutMs = kTimeoutMs;
        QString sent = QStringLiteral("sent: POST ") + printableUrl(delivery.url) + u'\n';
        for (const auto &[name, value] : std::as_const(delivery.headers))
            sent += QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(value) +
                    u'\n';
        printOut(sent + QString::fromUtf8(delivery.body));
        const OutboundResponse response = http.send(request);
        if (!response.completed) {
            printErr(QStringLiteral("error: no answer from %1: %2")
                         .arg(printableUrl(delivery.url), response.error));
            return kExitFailure;
        }
        printOut(QStringLiteral("answer: %1\n%2")
                     .arg(response.status)
                     .arg(QString::fromUtf8(response.body)));
        return response.status >= 200 && response.status < 300 ? kExitOk : kExitFailure;
    });
}

} // namespace reserva::cli
