#pragma once

#include "stripesignature.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace reserva {

// Mercado Pago webhook signature: header "x-signature: ts=<ts>,v1=<hex>" and
// "x-request-id". The manifest is
//   "id:<data.id from the query string, lower-cased>;request-id:<x-request-id>;ts:<ts>;"
// with each part left out when its value is absent, HMAC-SHA256 keyed with the
// secret (UTF-8), hex. `ts` is used exactly as received for the manifest; for
// freshness it is read as milliseconds when it has 13+ digits, else seconds.
struct MercadoPagoSignatureVerifier
{
    QList<QByteArray> secrets;
    qint64 toleranceSeconds = 300;

    // dataId: the query string's data.id, null if absent; requestId null if absent.
    SignatureCheck verify(QByteArrayView signatureHeader, const QString &dataId,
                          const QByteArray &requestId, qint64 nowSeconds) const;
    static QByteArray manifest(const QString &dataId, const QByteArray &requestId,
                               QByteArrayView ts);
    static QByteArray sign(QByteArrayView secret, const QString &dataId,
                           const QByteArray &requestId, QByteArrayView ts);
};

// Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature:
// "v1,<base64>" space-separated list); the secret is "whsec_<base64 key>".
// Signed content "<id>.<timestamp>.<raw body>". Kept for PSPs that use it.
struct StandardWebhookVerifier
{
    QList<QByteArray> secrets;
    qint64 toleranceSeconds = 300;

    SignatureCheck verify(QByteArrayView webhookId, QByteArrayView timestamp,
                          QByteArrayView signatureHeader, QByteArrayView rawBody,
                          qint64 nowSeconds) const;
};

} // namespace reserva
