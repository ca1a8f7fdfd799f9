#include "paymentsettings.h"

namespace reserva {

namespace {

QList<QByteArray> secretList(const char *name)
{
    QList<QByteArray> out;
    for (const QByteArray &s : qgetenv(name).split(',')) {
        if (!s.trimmed().isEmpty())
            out << s.trimmed();
    }
    return out;
}

QUrl baseUrl(const char *name, const QUrl &fallback)
{
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty())
        return fallback;
    QUrl url(value.endsWith(u'/') ? value : value + u'/');
    return url;
}

} // namespace

PaymentSettings PaymentSettings::fromEnvironment()
{
    PaymentSettings s;
    s.stripe.apiBase = baseUrl("RESERVA_STRIPE_API_BASE", s.stripe.apiBase);
    s.stripe.apiKey = qEnvironmentVariable("RESERVA_STRIPE_API_KEY");
    s.stripe.webhookSecrets = secretList("RESERVA_STRIPE_WEBHOOK_SECRET");
    s.mercadoPago.apiBase = baseUrl("RESERVA_MP_API_BASE", s.mercadoPago.apiBase);
    s.mercadoPago.accessToken = qEnvironmentVariable("RESERVA_MP_ACCESS_TOKEN");
    s.mercadoPago.webhookSecrets = secretList("RESERVA_MP_WEBHOOK_SECRET");
    s.mercadoPago.notificationUrl = QUrl(qEnvironmentVariable("RESERVA_MP_NOTIFICATION_URL"));
    s.pix.apiBase = baseUrl("RESERVA_PIX_API_BASE", QUrl());
    s.pix.clientId = qEnvironmentVariable("RESERVA_PIX_CLIENT_ID");
    s.pix.clientSecret = qEnvironmentVariable("RESERVA_PIX_CLIENT_SECRET");
    s.pix.pixKey = qEnvironmentVariable("RESERVA_PIX_KEY");
    s.pix.webhookSecret = qgetenv("RESERVA_PIX_WEBHOOK_SECRET").trimmed();
    s.pix.clientCertFile = qEnvironmentVariable("RESERVA_PIX_CLIENT_CERT");
    s.pix.clientKeyFile = qEnvironmentVariable("RESERVA_PIX_CLIENT_KEY");
    return s;
}

} // namespace reserva
