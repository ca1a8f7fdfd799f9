#include "testserver.h"

#include "audit/auditchain.h"
#include "identity/passwordhasher.h"
#include "identity/userstore.h"
#include "log/jsonlog.h"
#include "logcapture.h"
#include "tenants/tenantstore.h"
#include "testcluster.h"

#include <QUuid>
#include <QtTest>

namespace reserva::test {

TestServer::TestServer(const Clock &clock, const std::function<void(ServerConfig &)> &configure)
    : m_clock(clock)
    , m_dataDir(std::make_shared<QTemporaryDir>())
    , m_database(TestCluster::createDatabase(QStringLiteral("srv")))
{
    start(configure);
}

TestServer::TestServer(const TestServer &other, const Clock &clock,
                       const std::function<void(ServerConfig &)> &configure)
    : m_clock(clock)
    , m_dataDir(other.m_dataDir) // the same master key: instances share keys
    , m_database(other.m_database)
{
    start(configure);
}

TestServer::~TestServer()
{
    stop();
}

void TestServer::start(const std::function<void(ServerConfig &)> &configure)
{
    startLogCapture();
    if (!qEnvironmentVariableIsSet("RESERVA_TEST_VERBOSE"))
        jsonlog::setQuiet(true);
    m_config.database = m_database;
    m_config.databaseIsPrivateCluster = qEnvironmentVariableIsEmpty("RESERVA_TEST_DATABASE_URL");
    m_config.dataDir = m_dataDir->path();
    m_config.listenAddress = QHostAddress::LocalHost;
    m_config.port = 0;
    m_config.workers = 4;
    // Cheap password hashing keeps suites fast; production keeps N = 2^15.
    if (configure)
        configure(m_config);
    m_server = std::make_unique<ReservaServer>(m_config, m_clock);
    QString error;
    if (!m_server->start(&error))
        qFatal("test server failed to start: %s", qPrintable(error));
}

TestHttpClient TestServer::client() const
{
    TestHttpClient http(m_server->port());
    if (m_clientTls)
        http.setTls(*m_clientTls);
    return http;
}

void TestServer::stop()
{
    m_appDb.reset();
    m_superDb.reset();
    if (m_server) {
        m_server->stop();
        m_server.reset();
    }
}

DbConnection &TestServer::appDb()
{
    if (!m_appDb) {
        DbSessionOptions options = m_server ? m_server->sessionOptions() : DbSessionOptions{};
        options.settings = m_database;
        m_appDb = std::make_unique<DbConnection>(options, QStringLiteral("test-app-") +
                                                              QUuid::createUuid().toString());
        QString error;
        if (!m_appDb->open(&error))
            qFatal("test app connection: %s", qPrintable(error));
    }
    return *m_appDb;
}

DbConnection &TestServer::superDb()
{
    if (!m_superDb) {
        DbSessionOptions options;
        options.settings = m_database;
        options.role.clear();
        m_superDb = std::make_unique<DbConnection>(options, QStringLiteral("test-super-") +
                                                                QUuid::createUuid().toString());
        QString error;
        if (!m_superDb->open(&error))
            qFatal("test superuser connection: %s", qPrintable(error));
    }
    return *m_superDb;
}

TenantView TestServer::createTenant(const QString &slug)
{
    const auto t = tenantstore::create(appDb(), slug, QStringLiteral("Tenant ") + slug);
    if (!t)
        qFatal("createTenant(%s): %s", qPrintable(slug), qPrintable(t.problem().detail));
    return *t;
}

UserView TestServer::createUser(const QString &username, const QString &password,
                                const QStringList &roles, const QUuid &tenantId,
                                const QString &documentType, const QString &documentNumber)
{
    // The cheapest scrypt cost the verifier accepts: these suites log in a lot.
    ScryptParams fast;
    fast.logN = 10;
    const auto u = userstore::create(appDb(),
                                     {username, PasswordHasher::hash(password, fast), roles,
                                      tenantId, documentType, documentNumber},
                                     m_clock.now());
    if (!u)
        qFatal("createUser(%s): %s", qPrintable(username), qPrintable(u.problem().detail));
    return u->view;
}

TokenPair TestServer::login(const QString &username, const QString &password)
{
    TestHttpClient http = client();
    const TestResponse r =
        http.post(QStringLiteral("/v1/auth/login"),
                  {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    const auto pair = TokenPair::fromJson(r.json());
    if (r.status != 200 || !pair)
        qFatal("login(%s) failed: %d %s", qPrintable(username), r.status, r.body.constData());
    return *pair;
}

void TestServer::sealAudit()
{
    // The background sealer may hold the sealing lock: repeat until the queue
    // is empty.
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000) {
        auditchain::sealPending(appDb(), 1000);
        DbRows q =
            appDb().exec(QStringLiteral("SELECT count(*) FROM audit_pending"), {}, "pending");
        if (q.next() && q.value(0).toLongLong() == 0)
            return;
        QThread::msleep(20);
    }
    qFatal("audit rows stayed unsealed for 20 s");
}

} // namespace reserva::test
