#include "testcluster.h"

#include "db/localpostgres.h"
#include "db/migrator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <memory>

namespace reserva::test {

namespace {

struct ClusterState
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<LocalPostgres> postgres;
    std::optional<ConnectionSettings> external;
};

QMutex g_mutex;

// A test executable that crashed never stopped its cluster. Each cluster dir
// records its owner's pid; clusters whose owner is gone are stopped and
// removed, so crashed runs do not pile up postgres processes.
void reapAbandonedClusters()
{
    const QDir tmp(QStringLiteral("/tmp"));
    for (const QString &name :
         tmp.entryList({QStringLiteral("rsv-*")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = tmp.absoluteFilePath(name);
        QFile ownerFile(dir + QStringLiteral("/owner.pid"));
        if (!ownerFile.open(QIODevice::ReadOnly))
            continue;
        const qint64 owner = ownerFile.readAll().trimmed().toLongLong();
        if (owner <= 0 || QFileInfo::exists(QStringLiteral("/proc/%1").arg(owner)))
            continue;
        QString error;
        LocalPostgres::stopAbandoned(dir, &error);
        QDir(dir).removeRecursively();
    }
}
ClusterState *g_state = nullptr;

void stopCluster()
{
    QMutexLocker lock(&g_mutex);
    if (!g_state)
        return;
    if (g_state->postgres)
        g_state->postgres->stop();
    delete g_state;
    g_state = nullptr;
}

ClusterState &state()
{
    QMutexLocker lock(&g_mutex);
    if (g_state)
        return *g_state;
    g_state = new ClusterState;
    const QString url = qEnvironmentVariable("RESERVA_TEST_DATABASE_URL");
    if (!url.isEmpty()) {
        QString error;
        g_state->external = ConnectionSettings::fromUrl(url, &error);
        if (!g_state->external)
            qFatal("RESERVA_TEST_DATABASE_URL: %s", qPrintable(error));
        return *g_state;
    }
    reapAbandonedClusters();
    // Short path: the Unix socket lives inside it (108-byte limit).
    g_state->dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/rsv-XXXXXX"));
    if (!g_state->dir->isValid())
        qFatal("cannot create a temporary directory for the test cluster");
    QFile owner(g_state->dir->filePath(QStringLiteral("owner.pid")));
    if (owner.open(QIODevice::WriteOnly))
        owner.write(QByteArray::number(QCoreApplication::applicationPid()));
    // As root the cluster runs as an unprivileged account, which must be able
    // to enter (not list) this directory.
    QFile::setPermissions(g_state->dir->path(), QFile::ReadOwner | QFile::WriteOwner |
                                                    QFile::ExeOwner | QFile::ExeGroup |
                                                    QFile::ExeOther);
    LocalPostgres::Options options;
    options.dataDir = g_state->dir->path();
    options.durable = false;
    options.database = QStringLiteral("postgres");
    g_state->postgres = std::make_unique<LocalPostgres>(options);
    QString error;
    if (!g_state->postgres->start(&error))
        qFatal("cannot start the test PostgreSQL cluster: %s", qPrintable(error));
    qAddPostRoutine(stopCluster);
    return *g_state;
}

} // namespace

QString TestCluster::clusterDataDir()
{
    ClusterState &s = state();
    return s.dir ? s.dir->path() : QString();
}

ConnectionSettings TestCluster::createDatabase(const QString &prefix)
{
    ClusterState &s = state();
    const QString name = prefix + u'_' + QUuid::createUuid().toString(QUuid::Id128).left(16);
    if (s.postgres) {
        QString error;
        if (!s.postgres->createDatabase(name, &error))
            qFatal("cannot create test database: %s", qPrintable(error));
        return s.postgres->connectionSettings().withDatabase(name);
    }
    const QString connection = QStringLiteral("create-") + name;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        s.external->applyTo(db);
        if (!db.open())
            qFatal("cannot connect to RESERVA_TEST_DATABASE_URL: %s",
                   qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE DATABASE ") + name))
            qFatal("cannot create test database: %s", qPrintable(q.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return s.external->withDatabase(name);
}

ConnectionSettings TestCluster::createMigratedDatabase(const QString &prefix)
{
    const ConnectionSettings settings = createDatabase(prefix);
    const QString connection = QStringLiteral("migrate-") + settings.database;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        settings.applyTo(db);
        if (!db.open())
            qFatal("cannot connect to the test database: %s", qPrintable(db.lastError().text()));
        QString error;
        if (!Migrator::migrate(db, nullptr, &error))
            qFatal("migrations failed: %s", qPrintable(error));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return settings;
}

} // namespace reserva::test
