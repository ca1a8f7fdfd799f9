#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace reserva {

struct StripeSettings
{
    QUrl apiBase = QUrl(QStringLiteral("https://api.stripe.com/"));
    QString apiKey;                   // sk_... (secret: never logged)
    QList<QByteArray> webhookSecrets; // whsec_..., several during rotation
    bool configured() const { return !apiKey.isEmpty() && !webhookSecrets.isEmpty(); }
};

struct MercadoPagoSettings
{
    QUrl apiBase = QUrl(QStringLiteral("https://api.mercadopago.com/"));
    QString accessToken;
    QList<QByteArray> webhookSecrets;
    QUrl notificationUrl; // where Mercado Pago should post (our /v1/webhooks/mercadopago)
    bool configured() const { return !accessToken.isEmpty() && !webhookSecrets.isEmpty(); }
};

struct PixSettings
{
    QUrl apiBase; // the PSP's BCB Pix API
    QString clientId;
    QString clientSecret;
    QString pixKey;           // our "chave" receiving the money
    QByteArray webhookSecret; // the static secret registered with the callback URL (?hmac=)
    QString clientCertFile;   // mutual TLS towards the PSP, where it requires it
    QString clientKeyFile;
    // The PSP's mutual TLS on the callback route: set (by ReservaServer)
    // when reservad terminates TLS with a client CA; the callback must then
    // arrive on a connection whose client certificate verified against it.
    bool requireClientCertificate = false;
    bool configured() const
    {
        return apiBase.isValid() && !apiBase.isEmpty() && !webhookSecret.isEmpty();
    }
};

// Provider credentials and API bases, from the environment:
// RESERVA_STRIPE_API_KEY, RESERVA_STRIPE_API_BASE, RESERVA_STRIPE_WEBHOOK_SECRET,
// RESERVA_MP_ACCESS_TOKEN, RESERVA_MP_API_BASE, RESERVA_MP_WEBHOOK_SECRET,
// RESERVA_MP_NOTIFICATION_URL, RESERVA_PIX_API_BASE, RESERVA_PIX_CLIENT_ID,
// RESERVA_PIX_CLIENT_SECRET, RESERVA_PIX_KEY, RESERVA_PIX_WEBHOOK_SECRET,
// RESERVA_PIX_CLIENT_CERT, RESERVA_PIX_CLIENT_KEY. Webhook secrets may list
// several values separated by commas (rotation). A provider without its
// settings is simply not offered.
// How many refused webhook deliveries are kept (a webhook_deliveries row with
// headers and up to 16 KiB of body) per minute, from one address and in all,
// per instance. A refused delivery proves nothing about its sender, so anyone
// can send them: without a bound, a flood of forged deliveries fills the disk.
struct RefusedWebhookLimits
{
    int perAddressPerMinute = 30;
    int perMinute = 600;
};

struct PaymentSettings
{
    StripeSettings stripe;
    MercadoPagoSettings mercadoPago;
    PixSettings pix;
    int timeoutMs = 10000;
    RefusedWebhookLimits refusedWebhooks;

    static PaymentSettings fromEnvironment();
    // Why these settings must not be used, or empty. A provider API base must
    // be https (plain http only to a loopback host, for local fakes): its
    // requests carry the API key or OAuth credentials.
    QString problem() const;
    // Why `url` may not be a provider API base, without naming the setting;
    // empty when it may (https, or http to a loopback host).
    static QString apiBaseProblem(const QUrl &url);
};

} // namespace reserva
