#include "localpostgres.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcLocalPostgres, "reserva.db.local")

namespace reserva {

namespace {

constexpr int kToolTimeoutMs = 120000;

#ifdef Q_OS_UNIX
// Whether `uid`/`gid` may traverse every ancestor of `path` (the x bit), the
// usual reason a root-started cluster fails: the data dir sits under /root.
bool canTraverse(const QString &path, uid_t uid, gid_t gid, QString *blocking)
{
    QString dir = QFileInfo(path).absoluteFilePath();
    while (!dir.isEmpty()) {
        struct stat st
        {
        };
        if (::stat(QFile::encodeName(dir).constData(), &st) == 0) {
            const bool ok = (st.st_uid == uid && (st.st_mode & S_IXUSR)) ||
                            (st.st_gid == gid && (st.st_mode & S_IXGRP)) || (st.st_mode & S_IXOTH);
            if (!ok) {
                *blocking = dir;
                return false;
            }
        }
        if (dir == u"/")
            break;
        dir = QFileInfo(dir).absolutePath();
    }
    return true;
}
#endif

} // namespace

LocalPostgres::LocalPostgres(Options options)
    : m_options(std::move(options))
{
}

LocalPostgres::~LocalPostgres()
{
    stop();
}

QString LocalPostgres::clusterDir() const
{
    return QDir(m_options.dataDir).absoluteFilePath(QStringLiteral("pg"));
}

ConnectionSettings LocalPostgres::connectionSettings() const
{
    ConnectionSettings s;
    s.host = socketDir();
    s.port = kPort;
    s.database = m_options.database;
    s.user = QLatin1String(kSuperuser);
    return s;
}

bool LocalPostgres::runTool(const QString &program, const QStringList &args, int timeoutMs,
                            QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.remove(QStringLiteral("PGDATA"));
    process.setProcessEnvironment(env);
#ifdef Q_OS_UNIX
    if (m_uid >= 0) {
        const uid_t uid = static_cast<uid_t>(m_uid);
        const gid_t gid = static_cast<gid_t>(m_gid);
        // Runs in the forked child before exec: only async-signal-safe calls.
        process.setChildProcessModifier([uid, gid] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
                ::_exit(126);
        });
        process.setWorkingDirectory(clusterDir());
    }
#endif
    process.start(program, args);
    const bool finished = process.waitForFinished(timeoutMs);
    if (output)
        *output = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (!finished) {
        process.kill();
        process.waitForFinished(2000);
        return false;
    }
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool LocalPostgres::prepareOwnership(QString *error)
{
#ifdef Q_OS_UNIX
    if (::geteuid() != 0)
        return true;
    QByteArrayList names;
    if (qEnvironmentVariableIsSet("RESERVA_PG_USER"))
        names << qgetenv("RESERVA_PG_USER");
    names << "postgres"
          << "nobody";
    for (const QByteArray &name : std::as_const(names)) {
        if (const passwd *pw = ::getpwnam(name.constData()); pw && pw->pw_uid != 0) {
            m_uid = static_cast<int>(pw->pw_uid);
            m_gid = static_cast<int>(pw->pw_gid);
            break;
        }
    }
    if (m_uid < 0) {
        *error = QStringLiteral("running as root, but no unprivileged account to run PostgreSQL "
                                "(set RESERVA_PG_USER)");
        return false;
    }
    QString blocking;
    if (!canTraverse(QFileInfo(clusterDir()).absolutePath(), static_cast<uid_t>(m_uid),
                     static_cast<gid_t>(m_gid), &blocking)) {
        *error = QStringLiteral("running as root, PostgreSQL runs as an unprivileged account that "
                                "cannot enter %1; choose a --data-dir outside it (e.g. "
                                "/var/lib/reserva)")
                     .arg(blocking);
        return false;
    }
    const QByteArray dir = QFile::encodeName(clusterDir());
    if (::chown(dir.constData(), static_cast<uid_t>(m_uid), static_cast<gid_t>(m_gid)) != 0) {
        *error = QStringLiteral("cannot hand %1 to the PostgreSQL account").arg(clusterDir());
        return false;
    }
#else
    Q_UNUSED(error)
#endif
    return true;
}

bool LocalPostgres::initCluster(QString *error)
{
    QString output;
    const QString superuser = QLatin1String(kSuperuser);
    if (!runTool(m_binaries->initdb(),
                 {QStringLiteral("-D"), clusterDir(), QStringLiteral("-U"), superuser,
                  QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"),
                  QStringLiteral("--no-locale")},
                 kToolTimeoutMs, &output)) {
        *error = QStringLiteral("initdb failed: %1").arg(output.right(2000));
        return false;
    }
    // Only the Unix socket, and only local connections: no host lines at all.
    QFile hba(clusterDir() + QStringLiteral("/pg_hba.conf"));
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1").arg(hba.fileName());
        return false;
    }
    hba.write("# Managed by reservad: Unix socket only; the socket directory is mode 0700.\n"
              "local all all trust\n");
    hba.close();
    QFile conf(clusterDir() + QStringLiteral("/postgresql.conf"));
    if (!conf.open(QIODevice::Append)) {
        *error = QStringLiteral("cannot write %1").arg(conf.fileName());
        return false;
    }
    conf.write("\n# Managed by reservad\ninclude_if_exists = 'reserva.conf'\n");
    return true;
}

bool LocalPostgres::writeServerConfig(QString *error)
{
    // Rewritten at every start so the durability switch and paths follow the
    // options of the process that starts it.
    QFile f(clusterDir() + QStringLiteral("/reserva.conf"));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1").arg(f.fileName());
        return false;
    }
    QByteArray socketDirLiteral = QFile::encodeName(socketDir());
    socketDirLiteral.replace('\'', "''");
    const QByteArray durable = m_options.durable ? "on" : "off";
    f.write("listen_addresses = ''\n"
            "unix_socket_directories = '" +
            socketDirLiteral +
            "'\n"
            "unix_socket_permissions = 0700\n"
            "port = " +
            QByteArray::number(kPort) +
            "\n"
            "max_connections = " +
            QByteArray::number(m_options.maxConnections) +
            "\n"
            "fsync = " +
            durable +
            "\n"
            "synchronous_commit = " +
            durable +
            "\n"
            "full_page_writes = " +
            durable +
            "\n"
            "log_destination = 'stderr'\n"
            "log_min_messages = warning\n"
            "timezone = 'UTC'\n");
    f.close();
#ifdef Q_OS_UNIX
    if (m_uid >= 0 && ::chown(QFile::encodeName(f.fileName()).constData(),
                              static_cast<uid_t>(m_uid), static_cast<gid_t>(m_gid)) != 0) {
        *error = QStringLiteral("cannot hand %1 to the PostgreSQL account").arg(f.fileName());
        return false;
    }
#endif
    return true;
}

bool LocalPostgres::serverIsRunning()
{
    return runTool(m_binaries->pgCtl(),
                   {QStringLiteral("status"), QStringLiteral("-D"), clusterDir()}, 10000, nullptr);
}

bool LocalPostgres::start(QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    if (m_running)
        return true;
    m_binaries = PostgresBinaries::locate(error);
    if (!m_binaries)
        return false;

#ifdef Q_OS_UNIX
    const QByteArray socketPath =
        QFile::encodeName(socketDir() + QStringLiteral("/.s.PGSQL.%1").arg(kPort));
    if (socketPath.size() >= qsizetype(sizeof(sockaddr_un::sun_path))) {
        *error = QStringLiteral("the data directory path is too long for a Unix socket (%1 bytes, "
                                "at most %2): choose a shorter --data-dir")
                     .arg(socketPath.size())
                     .arg(sizeof(sockaddr_un::sun_path) - 1);
        return false;
    }
#endif

    const bool fresh = !QFileInfo::exists(clusterDir() + QStringLiteral("/PG_VERSION"));
    if (!QDir().mkpath(clusterDir())) {
        *error = QStringLiteral("cannot create %1").arg(clusterDir());
        return false;
    }
    QFile::setPermissions(clusterDir(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (!prepareOwnership(error))
        return false;
    if (fresh) {
        qCInfo(lcLocalPostgres, "initializing a PostgreSQL cluster in %s",
               qUtf8Printable(clusterDir()));
        if (!initCluster(error))
            return false;
    }

    if (serverIsRunning()) {
        // Another process of ours (a running `reservad serve`) owns it; use it
        // and leave it running.
        qCInfo(lcLocalPostgres, "using the PostgreSQL server already running in %s",
               qUtf8Printable(clusterDir()));
    } else {
        if (!writeServerConfig(error))
            return false;
        QString output;
        if (!runTool(m_binaries->pgCtl(),
                     {QStringLiteral("start"), QStringLiteral("-D"), clusterDir(),
                      QStringLiteral("-l"), clusterDir() + QStringLiteral("/postgresql.log"),
                      QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                      QStringLiteral("-s")},
                     kToolTimeoutMs, &output)) {
            QFile log(clusterDir() + QStringLiteral("/postgresql.log"));
            QString tail;
            if (log.open(QIODevice::ReadOnly))
                tail = QString::fromLocal8Bit(log.readAll().right(1500));
            *error = QStringLiteral("pg_ctl start failed: %1 %2").arg(output, tail);
            return false;
        }
        m_startedHere = true;
    }
    m_running = true;
    const QString name = m_options.database;
    if (!createDatabase(name, error)) {
        stop();
        return false;
    }
    return true;
}

bool LocalPostgres::stopAbandoned(const QString &dataDir, QString *error)
{
    Options options;
    options.dataDir = dataDir;
    LocalPostgres cluster(options);
    cluster.m_binaries = PostgresBinaries::locate(error);
    if (!cluster.m_binaries || !cluster.prepareOwnership(error))
        return false;
    QString output;
    const bool stopped = cluster.runTool(
        cluster.m_binaries->pgCtl(),
        {QStringLiteral("stop"), QStringLiteral("-D"), cluster.clusterDir(), QStringLiteral("-m"),
         QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("-s")},
        kToolTimeoutMs, &output);
    if (!stopped && error)
        *error = output;
    return stopped;
}

bool LocalPostgres::createDatabase(const QString &name, QString *error) const
{
    static const QRegularExpression valid(QStringLiteral("^[a-z_][a-z0-9_]{0,62}\\z"));
    if (!valid.match(name).hasMatch()) {
        if (error)
            *error = QStringLiteral("invalid database name '%1'").arg(name);
        return false;
    }
    const QString connectionName =
        QStringLiteral("reserva-admin-") + QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        connectionSettings().withDatabase(QStringLiteral("postgres")).applyTo(db);
        if (!db.open()) {
            if (error)
                *error = QStringLiteral("cannot connect to the managed cluster: %1")
                             .arg(db.lastError().text());
        } else {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = ?"));
            q.addBindValue(name);
            if (q.exec() && q.next()) {
                ok = true;
            } else {
                // The name matched the pattern above, so it is a safe identifier;
                // CREATE DATABASE takes no bind parameters.
                QSqlQuery create(db);
                ok = create.exec(QStringLiteral("CREATE DATABASE ") + name);
                if (!ok && create.lastError().nativeErrorCode() == u"42P04")
                    ok = true; // created concurrently by another process
                if (!ok && error)
                    *error = QStringLiteral("cannot create database %1: %2")
                                 .arg(name, create.lastError().text());
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return ok;
}

void LocalPostgres::stop(Shutdown mode)
{
    if (!m_running)
        return;
    m_running = false;
    if (!m_startedHere)
        return;
    m_startedHere = false;
    QString output;
    if (!runTool(m_binaries->pgCtl(),
                 {QStringLiteral("stop"), QStringLiteral("-D"), clusterDir(), QStringLiteral("-m"),
                  mode == Shutdown::Fast ? QStringLiteral("fast") : QStringLiteral("immediate"),
                  QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                  QStringLiteral("-s")},
                 kToolTimeoutMs, &output)) {
        qCWarning(lcLocalPostgres, "pg_ctl stop failed: %s", qUtf8Printable(output));
    }
}

} // namespace reserva
