#include "inprocessserverworker.h"

#include "audit/auditlog.h"
#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/transaction.h"
#include "domain/role.h"
#include "identity/passwordhasher.h"
#include "identity/userstore.h"
#include "runtime/reservaserver.h"

#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

namespace reserva::ui {

namespace {

// The desktop app is one user's server: a handful of workers is plenty and
// keeps PostgreSQL connections (one per worker) low.
constexpr int kEmbeddedWorkers = 4;

} // namespace

InProcessServerWorker::InProcessServerWorker(QString dataDir)
    : m_dataDir(std::move(dataDir))
{
}

InProcessServerWorker::~InProcessServerWorker()
{
    stop();
}

void InProcessServerWorker::start()
{
    if (m_server)
        return;
    if (!QDir().mkpath(m_dataDir)) {
        Q_EMIT failed(tr("The data folder %1 cannot be created.").arg(m_dataDir));
        return;
    }
    ServerConfig config;
    config.dataDir = m_dataDir;
    config.listenAddress = QHostAddress::LocalHost;
    config.port = 0; // a free port, chosen by the system
    config.workers = kEmbeddedWorkers;
    config.payments = PaymentSettings::fromEnvironment();
    if (const QString problem = config.payments.problem(); !problem.isEmpty()) {
        Q_EMIT failed(tr("The payment provider settings are not valid: %1").arg(problem));
        return;
    }
    auto server = std::make_unique<ReservaServer>(config);
    QString error;
    if (!server->start(&error)) {
        server->stop();
        Q_EMIT failed(tr("The local server could not start: %1").arg(error));
        return;
    }
    qint64 users = 0;
    try {
        DbConnection db(server->sessionOptions(),
                        QStringLiteral("first-run-") + QUuid::createUuid().toString());
        if (!db.open(&error)) {
            server->stop();
            Q_EMIT failed(tr("The local database is not reachable: %1").arg(error));
            return;
        }
        users = userstore::count(db);
    } catch (const DatabaseFailure &failure) {
        server->stop();
        Q_EMIT failed(
            tr("The local database is not reachable: %1").arg(QString::fromUtf8(failure.what())));
        return;
    }
    const quint16 port = server->port();
    m_server = std::move(server);
    Q_EMIT started(port, users == 0);
}

void InProcessServerWorker::createAdministrator(const QString &username, const QString &password)
{
    if (!m_server) {
        Q_EMIT administratorFailed(tr("The local server is not running."));
        return;
    }
    try {
        DbConnection db(m_server->sessionOptions(),
                        QStringLiteral("first-run-") + QUuid::createUuid().toString());
        QString error;
        if (!db.open(&error)) {
            Q_EMIT administratorFailed(tr("The local database is not reachable: %1").arg(error));
            return;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Transaction tx(db);
        // Only on a server with no account at all: the first-run dialog can
        // never add a second administrator behind the real one's back.
        if (userstore::count(db) != 0) {
            Q_EMIT administratorFailed(tr("This server already has an administrator."));
            return;
        }
        const QStringList roles{role::kAdmin};
        const auto created = userstore::create(
            db, {username, PasswordHasher::hash(password), roles, {}, {}, {}}, now);
        if (!created) {
            Q_EMIT administratorFailed(created.problem().detail);
            return;
        }
        AuditEvent event;
        event.action = QStringLiteral("user.create");
        event.actor = QStringLiteral("first-run");
        event.resource = QStringLiteral("user:") + created->view.id.toString(QUuid::WithoutBraces);
        event.detail = {{QStringLiteral("roles"), QJsonArray::fromStringList(roles)}};
        appendAudit(db, event, now);
        tx.commit();
    } catch (const DatabaseFailure &failure) {
        Q_EMIT administratorFailed(
            tr("The account could not be saved: %1").arg(QString::fromUtf8(failure.what())));
        return;
    }
    Q_EMIT administratorCreated(username);
}

void InProcessServerWorker::stop()
{
    if (!m_server)
        return;
    m_server->stop();
    m_server.reset();
}

} // namespace reserva::ui
