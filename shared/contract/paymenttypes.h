#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace reserva {

// A payment intent on the wire: what the desktop or the customer-facing site
// needs to complete the payment (one of client_secret, checkout_url,
// pix_copy_paste, by provider).
struct PaymentIntentView
{
    QUuid id;
    QUuid reservationId;
    QString provider; // stripe | mercadopago | pix
    QString providerRef;
    QString status;
    qint64 amountMinor = 0;
    QString currency;
    qint64 refundedMinor = 0;
    bool needsRefund = false;
    QString clientSecret;
    QString checkoutUrl;
    QString pixCopyPaste;
    QDateTime createdAt;

    QJsonObject toJson() const;
    static std::optional<PaymentIntentView> fromJson(const QJsonObject &o);
};

} // namespace reserva
