#include "configsetting.h"

#include "cli/commonoptions.h"
#include "db/connectionsettings.h"

#include <QHostAddress>
#include <QUrl>

#include <optional>

namespace reserva {

namespace {

using Apply = std::function<QString(const QString &, LoadedConfig &)>;

// An integer from `min` to `max`, or nullopt.
std::optional<int> boundedInt(const QString &value, int min, int max)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok || n < min || n > max)
        return std::nullopt;
    return n;
}

// "1"/"true" or "0"/"false": anything else is a mistake to report, not a
// silent "false" (the legacy RESERVA_ALLOW_PLAIN_HTTP only ever meant "1").
std::optional<bool> strictBool(const QString &value)
{
    if (value == u"1" || value == u"true")
        return true;
    if (value == u"0" || value == u"false")
        return false;
    return std::nullopt;
}

QList<QByteArray> secretList(const QString &value)
{
    QList<QByteArray> out;
    for (const QByteArray &s : value.toUtf8().split(',')) {
        if (!s.trimmed().isEmpty())
            out << s.trimmed();
    }
    return out;
}

// A provider API base: normalised with a trailing slash, and refused unless
// it may carry credentials (https, or http to a loopback fake).
Apply providerBase(const std::function<QUrl &(PaymentSettings &)> &field)
{
    return [field](const QString &value, LoadedConfig &out) -> QString {
        const QUrl url(value.endsWith(u'/') ? value : value + u'/');
        if (const QString problem = PaymentSettings::apiBaseProblem(url); !problem.isEmpty())
            return problem;
        field(out.server.payments) = url;
        return {};
    };
}

Apply text(const std::function<QString &(LoadedConfig &)> &field)
{
    return [field](const QString &value, LoadedConfig &out) -> QString {
        field(out) = value;
        return {};
    };
}

// An integer from `min` to `max` (a count, or a duration in ms) into `field`.
Apply boundedNumber(int min, int max, const std::function<int &(LoadedConfig &)> &field)
{
    return [min, max, field](const QString &value, LoadedConfig &out) -> QString {
        const auto n = boundedInt(value, min, max);
        if (!n)
            return QStringLiteral("wants a number from %1 to %2, not '%3'")
                .arg(min)
                .arg(max)
                .arg(value);
        field(out) = *n;
        return {};
    };
}

Apply exported(const char *variable)
{
    return [variable](const QString &value, LoadedConfig &out) -> QString {
        out.environmentExports.append({QByteArray(variable), value});
        return {};
    };
}

QList<ConfigSetting> buildTable()
{
    const auto S = [](const char *s) { return QString::fromLatin1(s); };
    QList<ConfigSetting> t;
    t.append(
        {S("listen"), S("RESERVA_LISTEN"), S("listen"), S("HOST:PORT"),
         S("Address and port to listen on."), S("127.0.0.1:8080"), false,
         [](const QString &value, LoadedConfig &out) -> QString {
             if (!cli::parseHostPort(value, &out.server.listenAddress, &out.server.port))
                 return QStringLiteral("wants HOST:PORT, e.g. 127.0.0.1:8080, not '%1'").arg(value);
             return {};
         }});
    t.append({S("metrics_listen"), S("RESERVA_METRICS_LISTEN"), S("metrics-listen"),
              S("HOST:PORT|off"),
              S("Serve GET /metrics (Prometheus) on this separate address, or off."),
              S("127.0.0.1:9464"), false, [](const QString &value, LoadedConfig &out) -> QString {
                  if (value == u"off") {
                      out.server.metrics.reset();
                      return {};
                  }
                  ServerConfig::MetricsListen metrics;
                  if (!cli::parseHostPort(value, &metrics.address, &metrics.port))
                      return QStringLiteral("wants HOST:PORT or off, e.g. 127.0.0.1:9464, not '%1'")
                          .arg(value);
                  out.server.metrics = metrics;
                  return {};
              }});
    t.append(ConfigSetting{S("data_dir"), S("RESERVA_DATA_DIR"), S("data-dir"), S("DIR"),
                           S("Data directory (the managed cluster, the master key)."),
                           S("reserva-data"), false,
                           text([](LoadedConfig &c) -> QString & { return c.server.dataDir; })});
    t.append(ConfigSetting{S("database_url"), S("RESERVA_DATABASE_URL"), S("database"), S("URL"),
                           S("PostgreSQL URL, postgresql://user:password@host:port/db."),
                           S("the managed cluster in data_dir"), true,
                           [](const QString &value, LoadedConfig &out) -> QString {
                               // fromUrl's messages never quote the URL (it may hold a password).
                               QString error;
                               if (!ConnectionSettings::fromUrl(value, &error))
                                   return error;
                               out.server.databaseUrl = value;
                               return {};
                           }});
    t.append(ConfigSetting{
        S("workers"), S("RESERVA_WORKERS"), S("workers"), S("N"), S("HTTP worker threads."),
        S("4 x cores"), false, [](const QString &value, LoadedConfig &out) -> QString {
            const auto n = boundedInt(value, 1, 256);
            if (!n)
                return QStringLiteral("wants a number from 1 to 256, not '%1'").arg(value);
            out.server.workers = *n;
            return {};
        }});
    t.append(ConfigSetting{
        S("hold_minutes"), S("RESERVA_HOLD_MINUTES"), S("hold-minutes"), S("N"),
        S("How long a new reservation holds its seats awaiting payment."), S("15"), false,
        [](const QString &value, LoadedConfig &out) -> QString {
            const auto n = boundedInt(value, 1, 24 * 60);
            if (!n)
                return QStringLiteral("wants a number from 1 to 1440, not '%1'").arg(value);
            out.server.holdSeconds = *n * 60;
            return {};
        }});
    // Limits and timeouts (defaults in ServerConfig and HttpServerOptions);
    // operators rarely change them, the fault tests shorten them.
    t.append(ConfigSetting{
        S("lock_timeout_ms"), S("RESERVA_LOCK_TIMEOUT_MS"), QString(), QString(),
        S("How long a request waits for a row lock (a slot's, an in-flight idempotency key's) "
          "before it is answered 503 with Retry-After."),
        S("5000"), false, boundedNumber(50, 600000, [](LoadedConfig &c) -> int & {
            return c.server.lockTimeoutMs;
        })});
    t.append(ConfigSetting{
        S("webhooks.refused_per_address_per_minute"),
        S("RESERVA_WEBHOOKS_REFUSED_PER_ADDRESS_PER_MINUTE"), QString(), QString(),
        S("Refused webhook deliveries (bad signature, malformed...) stored per minute from one "
          "address (IPv6: one /64); more are refused the same way but only counted."),
        S("30"), false, boundedNumber(0, 100000, [](LoadedConfig &c) -> int & {
            return c.server.payments.refusedWebhooks.perAddressPerMinute;
        })});
    t.append(ConfigSetting{
        S("webhooks.refused_per_minute"), S("RESERVA_WEBHOOKS_REFUSED_PER_MINUTE"), QString(),
        QString(),
        S("Refused webhook deliveries stored per minute in all, per instance; more are only "
          "counted (reserva_webhook_refusals_unrecorded_total)."),
        S("600"), false, boundedNumber(0, 1000000, [](LoadedConfig &c) -> int & {
            return c.server.payments.refusedWebhooks.perMinute;
        })});
    t.append(ConfigSetting{
        S("max_connections"), S("RESERVA_MAX_CONNECTIONS"), QString(), QString(),
        S("Open client connections at most (lowered to fit the open-file limit); one more is "
          "answered 503 and closed."),
        S("10000"), false, boundedNumber(1, 1000000, [](LoadedConfig &c) -> int & {
            return c.server.http.maxConnections;
        })});
    t.append(ConfigSetting{
        S("http.idle_timeout_ms"), S("RESERVA_HTTP_IDLE_TIMEOUT_MS"), QString(), QString(),
        S("A connection with no request in progress is closed after this."), S("15000"), false,
        boundedNumber(100, 3600000,
                      [](LoadedConfig &c) -> int & { return c.server.http.idleTimeoutMs; })});
    t.append(ConfigSetting{
        S("http.header_timeout_ms"), S("RESERVA_HTTP_HEADER_TIMEOUT_MS"), QString(), QString(),
        S("A request head must arrive within this from its first byte (408 otherwise)."),
        S("10000"), false, boundedNumber(100, 3600000, [](LoadedConfig &c) -> int & {
            return c.server.http.headerTimeoutMs;
        })});
    t.append(ConfigSetting{
        S("http.body_timeout_ms"), S("RESERVA_HTTP_BODY_TIMEOUT_MS"), QString(), QString(),
        S("A request body must arrive within this after its head (408 otherwise)."), S("30000"),
        false, boundedNumber(100, 3600000, [](LoadedConfig &c) -> int & {
            return c.server.http.bodyTimeoutMs;
        })});
    t.append(ConfigSetting{
        S("tls.cert"), S("RESERVA_TLS_CERT"), S("tls-cert"), S("FILE"),
        S("Serve HTTPS with this PEM certificate (and its intermediates after it)."), QString(),
        false, text([](LoadedConfig &c) -> QString & { return c.tlsCertificateFile; })});
    t.append(ConfigSetting{S("tls.key"), S("RESERVA_TLS_KEY"), S("tls-key"), S("FILE"),
                           S("The certificate's unencrypted PEM private key."), QString(), false,
                           text([](LoadedConfig &c) -> QString & { return c.tlsKeyFile; })});
    t.append(ConfigSetting{
        S("tls.client_ca"), S("RESERVA_TLS_CLIENT_CA"), S("tls-client-ca"), S("FILE"),
        S("Request client certificates and require one issued by this PEM CA on the Pix "
          "webhook (the PSP's mutual TLS)."),
        QString(), false, text([](LoadedConfig &c) -> QString & { return c.tlsClientCaFile; })});
    t.append(ConfigSetting{
        S("allow_plain_http"), S("RESERVA_ALLOW_PLAIN_HTTP"), S("allow-plain-http"), QString(),
        S("Serve plain HTTP on a non-loopback address, behind a TLS-terminating proxy."),
        S("false"), false, [](const QString &value, LoadedConfig &out) -> QString {
            const auto b = strictBool(value);
            if (!b)
                return QStringLiteral("wants 1, 0, true or false, not '%1'").arg(value);
            out.server.allowPlainHttp = *b;
            return {};
        }});
    t.append(
        ConfigSetting{S("master_key_file"), S("RESERVA_MASTER_KEY_FILE"), QString(), QString(),
                      S("The master key sealing the signing keys (32 bytes, base64)."),
                      S("<data_dir>/master.key, created 0600"), false,
                      text([](LoadedConfig &c) -> QString & { return c.server.masterKeyFile; })});
    t.append(
        ConfigSetting{S("identity.api_url"), S("RESERVA_IDENTITY_API_URL"), S("identity-api"),
                      S("URL"), S("Identity verification API base URL."), QString(), false,
                      [](const QString &value, LoadedConfig &out) -> QString {
                          const QUrl url(value, QUrl::StrictMode);
                          if (!url.isValid() || url.scheme().isEmpty())
                              return QStringLiteral("wants an http(s) URL, not '%1'").arg(value);
                          out.server.identityApiUrl = url;
                          return {};
                      }});
    t.append(
        ConfigSetting{S("identity.api_key"), S("RESERVA_IDENTITY_API_KEY"), QString(), QString(),
                      S("Identity verification API key."), QString(), true,
                      text([](LoadedConfig &c) -> QString & { return c.server.identityApiKey; })});
    t.append(ConfigSetting{
        S("stripe.api_key"), S("RESERVA_STRIPE_API_KEY"), QString(), QString(),
        S("Stripe secret API key (sk_...)."), QString(), true,
        text([](LoadedConfig &c) -> QString & { return c.server.payments.stripe.apiKey; })});
    t.append(ConfigSetting{
        S("stripe.webhook_secret"), S("RESERVA_STRIPE_WEBHOOK_SECRET"), QString(), QString(),
        S("Stripe webhook signing secrets (whsec_...), comma-separated during rotation."),
        QString(), true, [](const QString &value, LoadedConfig &out) -> QString {
            out.server.payments.stripe.webhookSecrets = secretList(value);
            return {};
        }});
    t.append(
        ConfigSetting{S("stripe.api_base"), S("RESERVA_STRIPE_API_BASE"), QString(), QString(),
                      S("Stripe API base URL."), S("https://api.stripe.com/"), false,
                      providerBase([](PaymentSettings &p) -> QUrl & { return p.stripe.apiBase; })});
    t.append(ConfigSetting{S("mercadopago.access_token"), S("RESERVA_MP_ACCESS_TOKEN"), QString(),
                           QString(), S("Mercado Pago access token."), QString(), true,
                           text([](LoadedConfig &c) -> QString & {
                               return c.server.payments.mercadoPago.accessToken;
                           })});
    t.append(ConfigSetting{S("mercadopago.webhook_secret"), S("RESERVA_MP_WEBHOOK_SECRET"),
                           QString(), QString(),
                           S("Mercado Pago webhook secrets, comma-separated during rotation."),
                           QString(), true, [](const QString &value, LoadedConfig &out) -> QString {
                               out.server.payments.mercadoPago.webhookSecrets = secretList(value);
                               return {};
                           }});
    t.append(ConfigSetting{
        S("mercadopago.api_base"), S("RESERVA_MP_API_BASE"), QString(), QString(),
        S("Mercado Pago API base URL."), S("https://api.mercadopago.com/"), false,
        providerBase([](PaymentSettings &p) -> QUrl & { return p.mercadoPago.apiBase; })});
    t.append(ConfigSetting{
        S("mercadopago.notification_url"), S("RESERVA_MP_NOTIFICATION_URL"), QString(), QString(),
        S("Where Mercado Pago posts notifications (our webhook URL)."), QString(), false,
        [](const QString &value, LoadedConfig &out) -> QString {
            const QUrl url(value, QUrl::StrictMode);
            if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
                return QStringLiteral("wants an http(s) URL, not '%1'").arg(value);
            out.server.payments.mercadoPago.notificationUrl = url;
            return {};
        }});
    t.append(
        ConfigSetting{S("pix.api_base"), S("RESERVA_PIX_API_BASE"), QString(), QString(),
                      S("The Pix PSP's API base URL (BCB API Pix)."), QString(), false,
                      providerBase([](PaymentSettings &p) -> QUrl & { return p.pix.apiBase; })});
    t.append(ConfigSetting{
        S("pix.client_id"), S("RESERVA_PIX_CLIENT_ID"), QString(), QString(),
        S("OAuth client id at the PSP."), QString(), false,
        text([](LoadedConfig &c) -> QString & { return c.server.payments.pix.clientId; })});
    t.append(
        {S("pix.client_secret"), S("RESERVA_PIX_CLIENT_SECRET"), QString(), QString(),
         S("OAuth client secret at the PSP."), QString(), true,
         text([](LoadedConfig &c) -> QString & { return c.server.payments.pix.clientSecret; })});
    t.append(ConfigSetting{
        S("pix.key"), S("RESERVA_PIX_KEY"), QString(), QString(),
        S("Our Pix key (chave) receiving the money."), QString(), false,
        text([](LoadedConfig &c) -> QString & { return c.server.payments.pix.pixKey; })});
    t.append(ConfigSetting{S("pix.webhook_secret"), S("RESERVA_PIX_WEBHOOK_SECRET"), QString(),
                           QString(), S("The static secret registered with the Pix callback URL."),
                           QString(), true, [](const QString &value, LoadedConfig &out) -> QString {
                               out.server.payments.pix.webhookSecret = value.toUtf8().trimmed();
                               return {};
                           }});
    t.append(
        {S("pix.client_cert"), S("RESERVA_PIX_CLIENT_CERT"), QString(), QString(),
         S("PEM client certificate for mutual TLS towards the PSP."), QString(), false,
         text([](LoadedConfig &c) -> QString & { return c.server.payments.pix.clientCertFile; })});
    t.append(ConfigSetting{
        S("pix.client_key"), S("RESERVA_PIX_CLIENT_KEY"), QString(), QString(),
        S("Its PEM private key."), QString(), false,
        text([](LoadedConfig &c) -> QString & { return c.server.payments.pix.clientKeyFile; })});
    t.append(ConfigSetting{S("postgres.bindir"), S("RESERVA_PG_BINDIR"), QString(), QString(),
                           S("PostgreSQL binaries for the managed cluster."),
                           S("PATH, pg_config, /usr/lib/postgresql/*/bin"), false,
                           exported("RESERVA_PG_BINDIR")});
    t.append(ConfigSetting{S("postgres.user"), S("RESERVA_PG_USER"), QString(), QString(),
                           S("Account running the managed PostgreSQL when reservad runs as root."),
                           S("postgres, else nobody"), false, exported("RESERVA_PG_USER")});
    return t;
}

} // namespace

const QList<ConfigSetting> &configSettings()
{
    static const QList<ConfigSetting> table = buildTable();
    return table;
}

const ConfigSetting *findConfigSetting(const QString &key)
{
    for (const ConfigSetting &s : configSettings()) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

} // namespace reserva
