#include "stripeclient.h"

#include "outboundhttp.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace reserva {

StripeClient::StripeClient(OutboundHttp &http, const StripeSettings &settings, int timeoutMs)
    : m_http(http)
    , m_settings(settings)
    , m_timeoutMs(timeoutMs)
{
}

namespace {

// application/x-www-form-urlencoded, every reserved byte percent-encoded
// ('+' included, which a form decoder would otherwise read as a space).
QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArrayList parts;
    for (const auto &[key, value] : fields)
        parts << QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    return parts.join('&');
}

} // namespace

ChargeResult StripeClient::createPaymentIntent(const ChargeRequest &request)
{
    const QByteArray form = formEncode({
        {QStringLiteral("amount"), QString::number(request.amountMinor)},
        {QStringLiteral("currency"), request.currency.toLower()},
        {QStringLiteral("automatic_payment_methods[enabled]"), QStringLiteral("true")},
        {QStringLiteral("description"), request.description},
        {QStringLiteral("metadata[payment_intent_id]"),
         request.intentId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("metadata[reservation_id]"),
         request.reservationId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("metadata[tenant_id]"), request.tenantId.toString(QUuid::WithoutBraces)},
    });

    OutboundRequest out;
    out.method = "POST";
    out.url = m_settings.apiBase.resolved(QUrl(QStringLiteral("v1/payment_intents")));
    out.timeoutMs = m_timeoutMs;
    out.headers = {{"Authorization", "Bearer " + m_settings.apiKey.toUtf8()},
                   {"Content-Type", "application/x-www-form-urlencoded"},
                   {"Idempotency-Key", request.idempotencyKey}};
    out.body = form;
    const OutboundResponse response = m_http.send(out);

    ChargeResult result;
    if (!response.completed || response.status >= 500 || response.status == 429) {
        result.outcome = ChargeResult::Outcome::Unavailable;
        result.error = QStringLiteral("stripe: %1 %2").arg(response.status).arg(response.error);
        return result;
    }
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    if (response.status != 200) {
        result.outcome = ChargeResult::Outcome::Refused;
        result.error = QStringLiteral("stripe refused (%1): %2")
                           .arg(response.status)
                           .arg(body.value(QStringLiteral("error"))
                                    .toObject()
                                    .value(QStringLiteral("code"))
                                    .toString());
        return result;
    }
    result.providerRef = body.value(QStringLiteral("id")).toString();
    result.clientSecret = body.value(QStringLiteral("client_secret")).toString();
    if (!result.providerRef.startsWith(u"pi_") || result.clientSecret.isEmpty()) {
        result.outcome = ChargeResult::Outcome::Unavailable;
        result.error = QStringLiteral("stripe answered without an id or client secret");
        return result;
    }
    result.outcome = ChargeResult::Outcome::Created;
    return result;
}

} // namespace reserva
