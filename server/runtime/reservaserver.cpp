#include "reservaserver.h"

#include "apidoc/openapiroutes.h"
#include "audit/auditchain.h"
#include "audit/auditroutes.h"
#include "backgroundjobs.h"
#include "booking/idempotency.h"
#include "booking/reservationroutes.h"
#include "booking/reservationservice.h"
#include "catalog/catalogroutes.h"
#include "db/databaseendpoint.h"
#include "db/migrator.h"
#include "db/sqlerror.h"
#include "health/healthroutes.h"
#include "http/apidispatcher.h"
#include "http/httpserver.h"
#include "http/router.h"
#include "identity/authroutes.h"
#include "identity/identityverifier.h"
#include "identity/refreshtokenstore.h"
#include "identity/throttle.h"
#include "identity/userroutes.h"
#include "metrics/metricsendpoint.h"
#include "metrics/servermetrics.h"
#include "payments/paymentroutes.h"
#include "payments/paymentservice.h"
#include "payments/webhookroutes.h"
#include "promotions/promotionroutes.h"
#include "providers/outboundhttp.h"
#include "reports/dashboardroutes.h"
#include "serverservices.h"
#include "tenants/tenantroutes.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QUuid>

Q_LOGGING_CATEGORY(lcServer, "reserva.server")

namespace reserva {

ReservaServer::ReservaServer(ServerConfig config, const Clock &clock)
    : m_config(std::move(config))
    , m_clock(clock)
{
}

ReservaServer::~ReservaServer()
{
    stop();
}

const ConnectionSettings &ReservaServer::databaseSettings() const
{
    return m_settings;
}
const Router &ReservaServer::router() const
{
    return *m_router;
}
TokenService &ReservaServer::tokens()
{
    return *m_tokens;
}
quint16 ReservaServer::port() const
{
    return m_http ? m_http->port() : 0;
}
quint16 ReservaServer::metricsPort() const
{
    return m_metrics ? m_metrics->port() : 0;
}

DbSessionOptions ReservaServer::sessionOptions() const
{
    DbSessionOptions options;
    options.settings = m_settings;
    options.lockTimeoutMs = m_config.lockTimeoutMs;
    options.loginAsRole =
        (m_endpoint && m_endpoint->isManaged()) || m_config.databaseIsPrivateCluster;
    return options;
}

QString ReservaServer::transportProblem(const ServerConfig &config)
{
    // Metrics hold no customer data, but they are unauthenticated plain HTTP
    // describing traffic and load: off loopback only as deliberately as the API.
    if (config.metrics && !config.allowPlainHttp && !config.metrics->address.isLoopback())
        return QStringLiteral("refusing metrics on %1: the metrics listener is plain, "
                              "unauthenticated HTTP. Keep it on loopback (the default "
                              "127.0.0.1:9464), turn it off (--metrics-listen off), or allow it "
                              "on the operator's network with --allow-plain-http (env "
                              "RESERVA_ALLOW_PLAIN_HTTP=1).")
            .arg(config.metrics->address.toString());
    if (config.http.tls || config.allowPlainHttp || config.listenAddress.isLoopback())
        return {};
    // Passwords, tokens, customer data and webhook secrets would cross the
    // network in clear; a proxy that terminates TLS is the only good reason.
    return QStringLiteral(
               "refusing plain HTTP on %1: logins, tokens and customer data would cross the "
               "network unencrypted. Give --tls-cert and --tls-key to serve HTTPS, or, when a "
               "TLS-terminating proxy is the only way in, --allow-plain-http (env "
               "RESERVA_ALLOW_PLAIN_HTTP=1).")
        .arg(config.listenAddress.toString());
}

bool ReservaServer::start(QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    if (const QString problem = transportProblem(m_config); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    // The PSP's mutual TLS: with a client CA, the Pix callback route takes
    // only connections whose client certificate verified against it.
    m_config.payments.pix.requireClientCertificate =
        m_config.http.tls && m_config.http.tls->requestsClientCertificates();

    // 1. The database: given, external, or managed.
    if (m_config.database) {
        m_settings = *m_config.database;
    } else {
        m_endpoint = std::make_unique<DatabaseEndpoint>();
        if (!m_endpoint->open(m_config.databaseUrl, m_config.dataDir, m_config.durableLocalDatabase,
                              error))
            return false;
        m_settings = m_endpoint->settings();
    }

    // 2. Migrations, as the login role, before anything else touches the schema.
    {
        const QString name = QStringLiteral("migrate-") + QUuid::createUuid().toString();
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            m_settings.applyTo(db);
            if (!db.open()) {
                *error = QStringLiteral("cannot connect to the database (%1): %2")
                             .arg(m_settings.describe(), db.lastError().text());
            } else {
                int applied = 0;
                ok = Migrator::migrate(db, &applied, error);
                if (ok && applied > 0)
                    qCInfo(lcServer, "applied %d migration(s)", applied);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        if (!ok)
            return false;
    }

    // 3. Keys and services.
    const auto masterKey = m_config.masterKeyFile.isEmpty()
                               ? loadOrCreateMasterKey(m_config.dataDir, error)
                               : readMasterKey(m_config.masterKeyFile, error);
    if (!masterKey)
        return false;
    m_tokens = std::make_unique<TokenService>(m_config.tokens, SecretBox(*masterKey), m_clock);
    {
        DbConnection startup(sessionOptions(),
                             QStringLiteral("startup-") + QUuid::createUuid().toString());
        if (!startup.open(error))
            return false;
        try {
            if (!m_tokens->initialize(startup, error))
                return false;
        } catch (const DatabaseFailure &failure) {
            *error = QString::fromUtf8(failure.what());
            return false;
        }
    }
    m_outbound = std::make_unique<OutboundHttp>();
    if (m_config.identityApiUrl.isValid() && !m_config.identityApiUrl.isEmpty()) {
        QUrl base = m_config.identityApiUrl;
        if (!base.path().endsWith(u'/'))
            base.setPath(base.path() + u'/');
        m_identityVerifier = std::make_unique<HttpIdentityVerifier>(
            *m_outbound, base, m_config.identityApiKey, m_config.identityTimeoutMs);
    }
    m_auth = std::make_unique<AuthService>(*m_tokens, m_identityVerifier.get(), m_config.throttle,
                                           m_clock);
    m_reservations = std::make_unique<ReservationService>(m_clock, m_config.holdSeconds);
    m_payments =
        std::make_unique<PaymentService>(m_clock, *m_outbound, m_config.payments, *m_reservations);

    // 4. Background jobs.
    QList<BackgroundJobs::Job> jobs{
        {QStringLiteral("audit-sealer"), m_config.auditSealIntervalMs,
         [](DbConnection &db) {
             while (auditchain::sealPending(db, 1000) == 1000) {
             }
         }},
        {QStringLiteral("key-reload"), m_config.keyReloadIntervalMs,
         [this](DbConnection &db) { m_tokens->reloadKeys(db); }},
        {QStringLiteral("hold-sweeper"), m_config.holdSweepIntervalMs,
         [this](DbConnection &db) {
             while (m_reservations->releaseDueHolds(db, 100) > 0) {
             }
         }},
        {QStringLiteral("purge"), 60000,
         [this](DbConnection &db) {
             const QDateTime now = m_clock.now();
             throttle::purgeExpired(db, now.addSecs(-24 * 3600));
             refreshtokenstore::purgeExpired(db, now.addSecs(-7 * 24 * 3600));
             idempotencystore::purgeExpired(db, now.addSecs(-m_config.idempotencyRetentionSeconds));
         }},
    };
    m_jobs = std::make_unique<BackgroundJobs>(sessionOptions(), jobs);
    if (m_config.runBackgroundJobs)
        m_jobs->start();

    m_services = std::make_unique<ServerServices>(ServerServices{
        m_clock, *m_tokens, *m_auth, *m_reservations,
        IdempotencySettings{m_config.idempotencyRetentionSeconds}, *m_payments, m_config.payments,
        [this] { return !m_config.runBackgroundJobs || m_jobs->healthy(); }});

    // 5. Routes and HTTP workers.
    m_router = std::make_unique<Router>();
    registerRoutes();
    m_dispatcher = std::make_unique<ApiDispatcher>(
        *m_router,
        [this](QByteArrayView token, DbConnection *db) { return m_tokens->verify(token, db); },
        m_clock);
    HttpServerOptions http = m_config.http;
    http.address = m_config.listenAddress;
    http.port = m_config.port;
    http.workers = m_config.workers;
    const DbSessionOptions session = sessionOptions();
    http.openDatabase = [session](const QString &name) {
        auto db =
            std::make_unique<DbConnection>(session, name + u'-' + QUuid::createUuid().toString());
        QString openError;
        const bool open = db->open(&openError);
        if (!open)
            qCWarning(lcServer, "%s: database not reachable yet: %s", qUtf8Printable(name),
                      qUtf8Printable(openError));
        // On the worker's thread: the pool gauges count this worker from now.
        metrics::setWorkerConnectionOpen(open);
        return db;
    };
    m_http = std::make_unique<HttpServer>(http, *m_dispatcher);
    if (!m_http->start(error))
        return false;
    if (m_config.metrics) {
        m_metrics = std::make_unique<MetricsEndpoint>();
        if (!m_metrics->start(m_config.metrics->address, m_config.metrics->port, error)) {
            *error = QStringLiteral("metrics: ") + *error;
            return false;
        }
        qCInfo(lcServer, "metrics at http://%s:%d/metrics",
               qUtf8Printable(m_config.metrics->address.toString()), m_metrics->port());
    }
    qCInfo(lcServer, "reservad listening on %s:%d with %d workers (%s)",
           qUtf8Printable(m_config.listenAddress.toString()), m_http->port(), m_http->workerCount(),
           !m_config.http.tls ? "http"
           : m_config.http.tls->requestsClientCertificates()
               ? "https, client certificates requested"
               : "https");
    return true;
}

void ReservaServer::registerRoutes()
{
    registerHealthRoutes(*m_router, *m_services);
    registerOpenApiRoutes(*m_router);
    registerAuthRoutes(*m_router, *m_services);
    registerUserRoutes(*m_router, *m_services);
    registerTenantRoutes(*m_router, *m_services);
    registerAuditRoutes(*m_router, *m_services);
    registerCatalogRoutes(*m_router, *m_services);
    registerReservationRoutes(*m_router, *m_services);
    registerPromotionRoutes(*m_router, *m_services);
    registerPaymentRoutes(*m_router, *m_services);
    registerWebhookRoutes(*m_router, *m_services);
    registerDashboardRoutes(*m_router, *m_services);
}

void ReservaServer::stop()
{
    if (m_metrics) {
        m_metrics->stop();
        m_metrics.reset();
    }
    if (m_http) {
        m_http->stop();
        m_http.reset();
    }
    if (m_jobs) {
        m_jobs->stop();
        m_jobs.reset();
    }
    m_dispatcher.reset();
    m_router.reset();
    m_services.reset();
    m_payments.reset();
    m_reservations.reset();
    m_auth.reset();
    m_identityVerifier.reset();
    m_outbound.reset();
    m_tokens.reset();
    if (m_endpoint) {
        m_endpoint->close();
        m_endpoint.reset();
    }
}

} // namespace reserva
