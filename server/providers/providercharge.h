#pragma once

#include <QByteArray>
#include <QString>
#include <QUuid>

namespace reserva {

// What we ask a provider to charge.
struct ChargeRequest
{
    QUuid intentId;
    QUuid reservationId;
    QUuid tenantId;
    qint64 amountMinor = 0;
    QString currency;
    QString description;
    QByteArray idempotencyKey; // the provider-side idempotency key, derived from ours
};

// What the provider answered.
struct ChargeResult
{
    enum class Outcome { Created, Refused, Unavailable };
    Outcome outcome = Outcome::Unavailable;
    QString error; // for the log only
    QString providerRef;
    QString clientSecret;
    QString checkoutUrl;
    QString pixCopyPaste;

    bool ok() const { return outcome == Outcome::Created; }
};

// A payment's state as the provider reports it when asked (Mercado Pago and
// Pix notifications are only hints: this is what we trust).
struct ProviderPaymentState
{
    enum class Fetch { Found, NotFound, Unavailable };
    Fetch fetch = Fetch::Unavailable;
    QString id;     // provider payment id (Mercado Pago) or txid (Pix)
    QString status; // the provider's own status word
    qint64 amountMinor = -1;
    QString currency;
    QString externalReference; // Mercado Pago: our intent id
    QString endToEndId;        // Pix: the matched pix entry
    qint64 refundedMinor = 0;  // Pix: that entry's settled devoluções (status DEVOLVIDO)
};

} // namespace reserva
