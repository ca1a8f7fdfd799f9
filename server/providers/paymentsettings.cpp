#include "paymentsettings.h"

#include <QHostAddress>

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

QString baseProblem(const char *name, const QUrl &url)
{
    const QString problem = PaymentSettings::apiBaseProblem(url);
    return problem.isEmpty() ? problem : QString::fromLatin1(name) + u' ' + problem;
}

} // namespace

// Empty when `url` may carry credentials: https, or http to loopback.
QString PaymentSettings::apiBaseProblem(const QUrl &url)
{
    if (url.isEmpty())
        return {};
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("is not a URL");
    if (url.scheme() == u"https")
        return {};
    const QString host = url.host();
    const bool loopback = host == u"localhost" || QHostAddress(host).isLoopback();
    if (url.scheme() == u"http" && loopback)
        return {};
    return QStringLiteral("must be an https URL (http only to a loopback host)");
}

QString PaymentSettings::problem() const
{
    for (const QString &p : {baseProblem("RESERVA_STRIPE_API_BASE", stripe.apiBase),
                             baseProblem("RESERVA_MP_API_BASE", mercadoPago.apiBase),
                             baseProblem("RESERVA_PIX_API_BASE", pix.apiBase)}) {
        if (!p.isEmpty())
            return p;
    }
    return {};
}

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
