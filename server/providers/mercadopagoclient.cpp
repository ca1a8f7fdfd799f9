#include "mercadopagoclient.h"

#include "domain/currency.h"
#include "domain/money.h"
#include "mercadopagopayment.h"
#include "outboundhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace reserva {

MercadoPagoClient::MercadoPagoClient(OutboundHttp &http, const MercadoPagoSettings &settings,
                                     int timeoutMs)
    : m_http(http)
    , m_settings(settings)
    , m_timeoutMs(timeoutMs)
{
}

ChargeResult MercadoPagoClient::createPreference(const ChargeRequest &request)
{
    ChargeResult result;
    const int exponent = currency::exponent(request.currency).value_or(2);
    QJsonObject item{{QStringLiteral("title"), request.description},
                     {QStringLiteral("quantity"), 1},
                     {QStringLiteral("currency_id"), request.currency},
                     {QStringLiteral("unit_price"),
                      money::formatDecimal(request.amountMinor, exponent).toDouble()}};
    QJsonObject body{
        {QStringLiteral("items"), QJsonArray{item}},
        {QStringLiteral("external_reference"), request.intentId.toString(QUuid::WithoutBraces)}};
    if (m_settings.notificationUrl.isValid() && !m_settings.notificationUrl.isEmpty())
        body.insert(QStringLiteral("notification_url"), m_settings.notificationUrl.toString());

    OutboundRequest out;
    out.method = "POST";
    out.url = m_settings.apiBase.resolved(QUrl(QStringLiteral("checkout/preferences")));
    out.timeoutMs = m_timeoutMs;
    out.headers = {{"Authorization", "Bearer " + m_settings.accessToken.toUtf8()},
                   {"Content-Type", "application/json"},
                   {"X-Idempotency-Key", request.idempotencyKey}};
    out.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const OutboundResponse response = m_http.send(out);
    if (!response.completed || response.status >= 500 || response.status == 429) {
        result.error =
            QStringLiteral("mercadopago: %1 %2").arg(response.status).arg(response.error);
        return result;
    }
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    if (response.status != 200 && response.status != 201) {
        result.outcome = ChargeResult::Outcome::Refused;
        result.error = QStringLiteral("mercadopago refused (%1)").arg(response.status);
        return result;
    }
    result.providerRef = answer.value(QStringLiteral("id")).toString();
    result.checkoutUrl = answer.value(QStringLiteral("init_point")).toString();
    if (result.providerRef.isEmpty() || !result.checkoutUrl.startsWith(u"https://")) {
        result.error =
            QStringLiteral("mercadopago answered without an id or an https checkout URL");
        return result;
    }
    result.outcome = ChargeResult::Outcome::Created;
    return result;
}

ProviderPaymentState MercadoPagoClient::fetchPayment(const QString &paymentId)
{
    ProviderPaymentState state;
    OutboundRequest out;
    out.method = "GET";
    out.url = m_settings.apiBase.resolved(QUrl(
        QStringLiteral("v1/payments/") + QString::fromLatin1(QUrl::toPercentEncoding(paymentId))));
    out.timeoutMs = m_timeoutMs;
    out.headers = {{"Authorization", "Bearer " + m_settings.accessToken.toUtf8()}};
    const OutboundResponse response = m_http.send(out);
    if (response.completed && response.status == 404) {
        state.fetch = ProviderPaymentState::Fetch::NotFound;
        return state;
    }
    if (!response.completed || response.status != 200)
        return state; // Unavailable
    return readMercadoPagoPayment(response.body);
}

} // namespace reserva
