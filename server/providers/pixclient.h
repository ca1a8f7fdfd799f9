#pragma once

#include "paymentsettings.h"
#include "providercharge.h"

#include <QDateTime>
#include <QMutex>
#include <QSslConfiguration>

#include <optional>

namespace reserva {

class OutboundHttp;

// The BCB Pix API at the PSP: an immediate charge is PUT /v2/cob/{txid} (we
// choose the txid, so a retry is the same charge), its state GET
// /v2/cob/{txid}. OAuth2 client credentials (POST /oauth/token) with the
// token cached until shortly before it expires, and mutual TLS when the PSP
// requires it (RESERVA_PIX_CLIENT_CERT / RESERVA_PIX_CLIENT_KEY).
class PixClient
{
public:
    PixClient(OutboundHttp &http, const PixSettings &settings, int timeoutMs);

    // txid: 26 to 35 letters and digits (BCB rule for cob).
    static QString txidFor(const QUuid &intentId);
    ChargeResult createCharge(const ChargeRequest &request);
    // The charge and, when it is CONCLUIDA, the pix entry `endToEndId`.
    ProviderPaymentState fetchCharge(const QString &txid, const QString &endToEndId);

private:
    std::optional<QByteArray> accessToken();
    QList<QPair<QByteArray, QByteArray>> authorizedHeaders(const QByteArray &token) const;

    OutboundHttp &m_http;
    PixSettings m_settings;
    int m_timeoutMs;
    std::optional<QSslConfiguration> m_ssl;
    QMutex m_tokenMutex;
    QByteArray m_token;
    QDateTime m_tokenExpiry;
};

} // namespace reserva
