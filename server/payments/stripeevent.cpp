#include "stripeevent.h"

#include "contract/jsonreader.h"

#include <limits>

namespace reserva {

std::optional<VerifiedPaymentEvent> readStripeEvent(const QJsonObject &body)
{
    VerifiedPaymentEvent e;
    e.provider = QStringLiteral("stripe");
    e.eventId = body.value(QStringLiteral("id")).toString();
    e.eventType = body.value(QStringLiteral("type")).toString();
    const QJsonObject object =
        body.value(QStringLiteral("data")).toObject().value(QStringLiteral("object")).toObject();
    if (e.eventId.isEmpty() || e.eventId.size() > 200 || e.eventType.isEmpty() || object.isEmpty())
        return std::nullopt;
    e.currency = object.value(QStringLiteral("currency")).toString().toUpper();
    auto integer = [&](const char *name) {
        return exactInteger(object.value(QLatin1String(name)), 0,
                            std::numeric_limits<qint64>::max())
            .value_or(-1);
    };
    if (e.eventType.startsWith(u"payment_intent.")) {
        e.providerRef = object.value(QStringLiteral("id")).toString();
        e.amountMinor =
            integer("amount_received") > 0 ? integer("amount_received") : integer("amount");
        if (e.eventType == u"payment_intent.succeeded")
            e.target = PaymentStatus::Succeeded;
        else if (e.eventType == u"payment_intent.payment_failed")
            e.target = PaymentStatus::Failed;
        else if (e.eventType == u"payment_intent.canceled")
            e.target = PaymentStatus::Canceled;
        else if (e.eventType == u"payment_intent.processing")
            e.target = PaymentStatus::Processing;
    } else if (e.eventType == u"charge.refunded") {
        e.providerRef = object.value(QStringLiteral("payment_intent")).toString();
        e.amountMinor = integer("amount_refunded");
        e.target = object.value(QStringLiteral("refunded")).toBool()
                       ? PaymentStatus::Refunded
                       : PaymentStatus::PartiallyRefunded;
    }
    if (e.target && e.providerRef.isEmpty())
        return std::nullopt;
    return e;
}

} // namespace reserva
