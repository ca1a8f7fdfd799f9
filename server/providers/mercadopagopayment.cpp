#include "mercadopagopayment.h"

#include "contract/jsonreader.h"
#include "domain/currency.h"
#include "domain/money.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

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

ProviderPaymentState readMercadoPagoPayment(const QByteArray &body)
{
    ProviderPaymentState state;
    const QJsonObject p = QJsonDocument::fromJson(body).object();
    const QJsonValue id = p.value(QStringLiteral("id"));
    if (id.isDouble()) {
        const auto number = exactInteger(id, 0, std::numeric_limits<qint64>::max());
        state.id = number ? QString::number(*number) : QString();
    } else {
        state.id = id.toString();
    }
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
