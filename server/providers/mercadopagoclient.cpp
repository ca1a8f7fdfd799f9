#include "mercadopagoclient.h"

#include "domain/currency.h"
#include "domain/money.h"
#include "outboundhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace reserva {

namespace {

// Mercado Pago speaks amounts as JSON numbers in major units (350.5). Read
// them exactly: the decimal rendering with the currency's exponent must parse
// back, otherwise the amount has sub-minor digits and is not believed.
std::optional<qint64> amountFromJson(const QJsonValue &value, int exponent)
{
    if (!value.isDouble())
        return std::nullopt;
    const double major = value.toDouble();
    const double scaled = major * std::pow(10.0, exponent);
    if (!std::isfinite(scaled) || scaled < 0 || std::fabs(scaled - std::round(scaled)) > 1e-6)
        return std::nullopt;
    return money::parseDecimal(QString::number(major, 'f', exponent), exponent);
}

} // namespace

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
    const QJsonObject p = QJsonDocument::fromJson(response.body).object();
    const QJsonValue id = p.value(QStringLiteral("id"));
    state.id = id.isDouble() ? QString::number(qint64(id.toDouble())) : id.toString();
    state.status = p.value(QStringLiteral("status")).toString();
    state.currency = p.value(QStringLiteral("currency_id")).toString();
    state.externalReference = p.value(QStringLiteral("external_reference")).toString();
    const auto exponent = currency::exponent(state.currency);
    const auto amount =
        exponent ? amountFromJson(p.value(QStringLiteral("transaction_amount")), *exponent)
                 : std::nullopt;
    if (state.id.isEmpty() || state.status.isEmpty() || !amount)
        return state; // an answer we cannot read is no answer
    state.amountMinor = *amount;
    state.fetch = ProviderPaymentState::Fetch::Found;
    return state;
}

} // namespace reserva
