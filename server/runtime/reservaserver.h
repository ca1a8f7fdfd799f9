#pragma once

#include "db/dbconnection.h"
#include "serverconfig.h"

#include <memory>

namespace reserva {

class ApiDispatcher;
class AuthService;
class BackgroundJobs;
class DatabaseEndpoint;
class HttpServer;
class IdentityVerifier;
class MetricsEndpoint;
class OutboundHttp;
class ReservationService;
class PaymentService;
class Router;
class TokenService;
struct ServerServices;

// The whole reservad, wired: database (managed or external), migrations,
// signing keys, services, routes, HTTP workers and background jobs. Used by
// `reservad serve`, by the desktop app's embedded mode and by the tests.
class ReservaServer
{
public:
    explicit ReservaServer(ServerConfig config, const Clock &clock = SystemClock::instance());
    ~ReservaServer();
    Q_DISABLE_COPY_MOVE(ReservaServer)

    bool start(QString *error);
    // Why `config` must not be served, as an operator should read it, or
    // empty: plain HTTP on an address other than loopback without
    // allowPlainHttp. start() refuses it too; `serve` checks it first.
    static QString transportProblem(const ServerConfig &config);
    // Graceful: stop accepting, finish in-flight requests, stop background
    // jobs, close the pool, stop the managed database.
    void stop();

    quint16 port() const;
    // The metrics listener's port; 0 when metrics are off.
    quint16 metricsPort() const;
    const ServerConfig &config() const { return m_config; }
    const ConnectionSettings &databaseSettings() const;
    DbSessionOptions sessionOptions() const;
    const Router &router() const;
    TokenService &tokens();

private:
    void registerRoutes();

    ServerConfig m_config;
    const Clock &m_clock;
    std::unique_ptr<DatabaseEndpoint> m_endpoint;
    ConnectionSettings m_settings;
    std::unique_ptr<OutboundHttp> m_outbound;
    std::unique_ptr<IdentityVerifier> m_identityVerifier;
    std::unique_ptr<TokenService> m_tokens;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<ReservationService> m_reservations;
    std::unique_ptr<PaymentService> m_payments;
    std::unique_ptr<ServerServices> m_services;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<ApiDispatcher> m_dispatcher;
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<MetricsEndpoint> m_metrics;
    std::unique_ptr<BackgroundJobs> m_jobs;
};

} // namespace reserva
