#pragma once

#include "contract/identitytypes.h"
#include "db/dbconnection.h"
#include "runtime/reservaserver.h"
#include "testhttpclient.h"

#include <QSslConfiguration>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace reserva::test {

// A real reservad (ReservaServer) on 127.0.0.1:<free port> over a fresh,
// migrated database of the test cluster, with helpers to seed identities.
class TestServer
{
public:
    // `configure` may adjust the configuration (clock-independent settings,
    // identity API URL, throttle rules...) before start.
    explicit TestServer(const Clock &clock = SystemClock::instance(),
                        const std::function<void(ServerConfig &)> &configure = {});
    // Another server on the SAME database as `other` (multi-instance tests).
    TestServer(const TestServer &other, const Clock &clock,
               const std::function<void(ServerConfig &)> &configure = {});
    ~TestServer();

    void stop();
    bool isRunning() const { return m_server != nullptr; }
    quint16 port() const { return m_server->port(); }
    ReservaServer &server() { return *m_server; }
    const ServerConfig &config() const { return m_config; }
    // Superuser settings of this server's database.
    const ConnectionSettings &database() const { return m_database; }
    QString dataDir() const { return m_dataDir->path(); }

    // A connection on the test thread: as the application role (what reservad
    // runs as) or as the superuser (to look behind its back, e.g. tampering).
    DbConnection &appDb();
    DbConnection &superDb();

    // A client of this server: HTTPS with `setClientTls`'s configuration
    // when one is set (a server configured with http.tls), else plain HTTP.
    TestHttpClient client() const;
    void setClientTls(std::optional<QSslConfiguration> configuration)
    {
        m_clientTls = std::move(configuration);
    }

    TenantView createTenant(const QString &slug);
    UserView createUser(const QString &username, const QString &password, const QStringList &roles,
                        const QUuid &tenantId = {}, const QString &documentType = {},
                        const QString &documentNumber = {});
    // Logs in through the API; QFAIL-style abort if it fails.
    TokenPair login(const QString &username, const QString &password);
    // Seals every pending audit row now (instead of waiting for the job).
    void sealAudit();

private:
    void start(const std::function<void(ServerConfig &)> &configure);

    const Clock &m_clock;
    std::shared_ptr<QTemporaryDir> m_dataDir;
    ConnectionSettings m_database;
    ServerConfig m_config;
    std::unique_ptr<ReservaServer> m_server;
    std::unique_ptr<DbConnection> m_appDb;
    std::unique_ptr<DbConnection> m_superDb;
    std::optional<QSslConfiguration> m_clientTls;
};

} // namespace reserva::test
