#pragma once

#include "db/connectionsettings.h"
#include "http/httpserveroptions.h"
#include "identity/authservice.h"
#include "identity/passwordhasher.h"
#include "identity/tokenservice.h"
#include "providers/paymentsettings.h"

#include <QHostAddress>
#include <QUrl>

#include <optional>

namespace reserva {

// Everything `reservad serve` can be told. Defaults are production-safe.
struct ServerConfig
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8080;
    int workers = 0; // 0: 4 x cores
    QString dataDir = QStringLiteral("reserva-data");
    QString databaseUrl;                        // empty: the managed cluster in dataDir
    std::optional<ConnectionSettings> database; // tests: an already-running database
    // With `database`: it is a private cluster of ours (trust on a private
    // socket), so sessions log in as the application role directly.
    bool databaseIsPrivateCluster = false;
    bool durableLocalDatabase = true; // fsync on the managed cluster
    // The master key sealing the signing keys; empty: RESERVA_MASTER_KEY_FILE,
    // else <dataDir>/master.key (created on first use).
    QString masterKeyFile;

    TokenSettings tokens;
    AuthThrottleSettings throttle;

    PaymentSettings payments; // providers not configured are not offered

    QUrl identityApiUrl; // empty: no identity verification configured
    QString identityApiKey;
    int identityTimeoutMs = 3000;

    int holdSeconds = 15 * 60;      // how long a pending reservation holds its seats
    int holdSweepIntervalMs = 5000; // how often the sweeper releases due holds
    int idempotencyRetentionSeconds = 24 * 3600;
    int lockTimeoutMs = 5000; // also how long a duplicate waits for an in-flight first attempt

    int auditSealIntervalMs = 500;
    int keyReloadIntervalMs = 30000;
    bool runBackgroundJobs = true;

    HttpServerOptions http; // limits, timeouts and TLS (http.tls); address/port/workers from above
    // Plain HTTP (no http.tls) is served on a loopback address only, unless
    // this says a TLS-terminating proxy is in front (--allow-plain-http).
    bool allowPlainHttp = false;

    // GET /metrics (Prometheus) on its own plain-HTTP listener; off when
    // unset (the embedded desktop mode, tests that do not ask). `serve`
    // defaults it to 127.0.0.1:9464. Off loopback only with allowPlainHttp.
    struct MetricsListen
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 9464; // 0: any free port (tests)
    };
    std::optional<MetricsListen> metrics;
};

} // namespace reserva
