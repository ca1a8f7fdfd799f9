#include "postgresbinaries.h"

#include <QCollator>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace reserva {

namespace {

QString exe(const QString &dir, const char *name)
{
#ifdef Q_OS_WIN
    return dir + u'/' + QLatin1String(name) + QStringLiteral(".exe");
#else
    return dir + u'/' + QLatin1String(name);
#endif
}

bool isServerBinDir(const QString &dir)
{
    if (dir.isEmpty())
        return false;
    for (const char *name : {"initdb", "pg_ctl", "postgres"}) {
        if (!QFileInfo(exe(dir, name)).isExecutable())
            return false;
    }
    return true;
}

// Newest version first: /usr/lib/postgresql/15/bin before .../13/bin.
QStringList versionedDirs(const QString &parent, const QString &pattern, const QString &suffix)
{
    QStringList names = QDir(parent).entryList({pattern}, QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(names.begin(), names.end(),
              [&](const QString &a, const QString &b) { return collator.compare(a, b) > 0; });
    QStringList out;
    for (const QString &n : names)
        out << parent + u'/' + n + suffix;
    return out;
}

} // namespace

QString PostgresBinaries::initdb() const
{
    return exe(binDir, "initdb");
}
QString PostgresBinaries::pgCtl() const
{
    return exe(binDir, "pg_ctl");
}
QString PostgresBinaries::pgDump() const
{
    return exe(binDir, "pg_dump");
}
QString PostgresBinaries::pgRestore() const
{
    return exe(binDir, "pg_restore");
}

std::optional<PostgresBinaries> PostgresBinaries::locate(QString *error)
{
    QStringList candidates;
    candidates << qEnvironmentVariable("RESERVA_PG_BINDIR");
    // What an installer put beside the app: <prefix>/pgsql/bin on Windows,
    // Reserva.app/Contents/Resources/pgsql/bin on macOS.
    if (QCoreApplication::instance()) {
        const QString appDir = QCoreApplication::applicationDirPath();
        candidates << appDir + QStringLiteral("/../pgsql/bin")
                   << appDir + QStringLiteral("/../Resources/pgsql/bin");
    }

    const QString initdbOnPath = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    if (!initdbOnPath.isEmpty())
        candidates << QFileInfo(initdbOnPath).canonicalPath();

    const QString pgConfig = QStandardPaths::findExecutable(QStringLiteral("pg_config"));
    if (!pgConfig.isEmpty()) {
        QProcess p;
        p.start(pgConfig, {QStringLiteral("--bindir")});
        if (p.waitForFinished(5000) && p.exitCode() == 0)
            candidates << QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
    }

    candidates << versionedDirs(QStringLiteral("/usr/lib/postgresql"), QStringLiteral("*"),
                                QStringLiteral("/bin"));
    candidates << versionedDirs(QStringLiteral("/usr/pgsql"), QStringLiteral("*"),
                                QStringLiteral("/bin"));
    candidates << versionedDirs(QStringLiteral("/opt/homebrew/opt"), QStringLiteral("postgresql@*"),
                                QStringLiteral("/bin"));
    candidates << versionedDirs(QStringLiteral("/usr/local/opt"), QStringLiteral("postgresql@*"),
                                QStringLiteral("/bin"));
    candidates << versionedDirs(QStringLiteral("C:/Program Files/PostgreSQL"), QStringLiteral("*"),
                                QStringLiteral("/bin"));

    for (const QString &dir : std::as_const(candidates)) {
        if (isServerBinDir(dir))
            return PostgresBinaries{dir};
    }
    if (error)
        *error = QStringLiteral(
            "no PostgreSQL server binaries found (initdb, pg_ctl, postgres): install PostgreSQL "
            "(Debian: apt-get install postgresql) or set RESERVA_PG_BINDIR");
    return std::nullopt;
}

} // namespace reserva
