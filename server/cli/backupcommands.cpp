#include "backupcommands.h"

#include "cli.h"
#include "commonoptions.h"
#include "db/databaseendpoint.h"
#include "db/migrator.h"
#include "db/postgresbinaries.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <optional>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace reserva::cli {

namespace {

// Like parseCommand, but the command takes exactly one FILE argument.
bool parseWithFile(QCommandLineParser &parser, const QStringList &arguments, QString *file,
                   int *exitCode)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The backup file."));
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        *exitCode = usageError(parser, parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        printOut(parser.helpText());
        *exitCode = kExitOk;
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first().isEmpty()) {
        *exitCode = usageError(
            parser, positional.size() > 1
                        ? QStringLiteral("unexpected argument '%1'").arg(positional.at(1))
                        : QStringLiteral("FILE is required"));
        return false;
    }
    *file = positional.first();
    return true;
}

// A libpq keyword/value connection string (quoted values, \ and ' escaped).
// The password is not in it: it travels in PGPASSWORD, because any local user
// can read a process's arguments.
QString conninfo(const ConnectionSettings &s, const QString &applicationName)
{
    auto quoted = [](QString value) -> QString {
        value.replace(u'\\', QStringLiteral("\\\\"));
        value.replace(u'\'', QStringLiteral("\\'"));
        return u'\'' + value + u'\'';
    };
    QStringList parts;
    if (!s.host.isEmpty())
        parts << QStringLiteral("host=") + quoted(s.host);
    parts << QStringLiteral("port=") + QString::number(s.port);
    parts << QStringLiteral("dbname=") + quoted(s.database);
    if (!s.user.isEmpty())
        parts << QStringLiteral("user=") + quoted(s.user);
    if (!s.sslMode.isEmpty())
        parts << QStringLiteral("sslmode=") + quoted(s.sslMode);
    parts << QStringLiteral("application_name=") + quoted(applicationName);
    return parts.join(u' ');
}

// No PG* variable of the caller's may point pg_dump or pg_restore elsewhere.
QProcessEnvironment toolEnvironment(const ConnectionSettings &s)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QStringLiteral("PG")))
            env.remove(key);
    }
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    if (!s.password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), s.password);
    return env;
}

struct ToolRun
{
    bool ok = false;
    QByteArray out;
    QString err;
};

// Runs a PostgreSQL client tool to completion: no time limit, a large
// database takes as long as it takes.
ToolRun runTool(const QString &program, const QStringList &arguments,
                const QProcessEnvironment &environment)
{
    ToolRun run;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(-1)) {
        run.err = QStringLiteral("cannot run %1: %2").arg(program, process.errorString());
        return run;
    }
    process.closeWriteChannel();
    process.waitForFinished(-1);
    run.out = process.readAllStandardOutput();
    // Only the tools' own error lines: the server's DETAIL and CONTEXT lines
    // and the failed command quote row values (customer data) verbatim.
    const QString tool = QFileInfo(program).completeBaseName();
    const QStringList lines =
        QString::fromLocal8Bit(process.readAllStandardError()).split(u'\n', Qt::SkipEmptyParts);
    QStringList kept;
    for (const QString &line : lines) {
        if (kept.size() < 3 && line.startsWith(tool + QStringLiteral(": ")) &&
            !line.contains(QStringLiteral("DETAIL:")) &&
            !line.contains(QStringLiteral("CONTEXT:")) &&
            !line.contains(QStringLiteral("Command was:")))
            kept << line.trimmed().left(300);
    }
    run.err = kept.join(QStringLiteral("; "));
    run.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!run.ok && run.err.isEmpty())
        run.err = QStringLiteral("%1 failed (exit %2)")
                      .arg(QFileInfo(program).fileName())
                      .arg(process.exitCode());
    return run;
}

struct DumpSchema
{
    QList<std::pair<int, QByteArray>> migrations; // version, checksum
    int version() const
    {
        int v = 0;
        for (const auto &m : migrations)
            v = std::max(v, m.first);
        return v;
    }
};

// The schema_migrations rows inside a custom-format archive, read with
// `pg_restore --data-only --table=schema_migrations --file=-`: pg_restore
// seeks to that one table's data block and prints it as COPY text, so the
// version is known before anything is written anywhere (no scratch database,
// which an external server may not let us create). A file that is not an
// archive, or one whose table of contents is cut short, fails here already.
std::optional<DumpSchema> readDumpSchema(const PostgresBinaries &binaries, const QString &file,
                                         QString *error)
{
    const ToolRun run =
        runTool(binaries.pgRestore(),
                {QStringLiteral("--data-only"), QStringLiteral("--table=schema_migrations"),
                 QStringLiteral("--file=-"), file},
                toolEnvironment({}));
    if (!run.ok) {
        *error = QStringLiteral("%1 is not a readable backup: %2").arg(file, run.err);
        return std::nullopt;
    }
    const QList<QByteArray> lines = run.out.split('\n');
    DumpSchema schema;
    bool found = false;
    qsizetype i = 0;
    int versionColumn = -1;
    int checksumColumn = -1;
    for (; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.startsWith("COPY ") && line.contains("schema_migrations (") &&
            line.endsWith("FROM stdin;")) {
            const qsizetype open = line.indexOf('(');
            const qsizetype close = line.indexOf(')', open);
            const QList<QByteArray> columns = line.mid(open + 1, close - open - 1).split(',');
            for (int c = 0; c < columns.size(); ++c) {
                const QByteArray name = columns.at(c).trimmed();
                if (name == "version")
                    versionColumn = c;
                else if (name == "checksum")
                    checksumColumn = c;
            }
            found = true;
            ++i;
            break;
        }
    }
    if (found && versionColumn >= 0 && checksumColumn >= 0) {
        for (; i < lines.size() && lines.at(i) != "\\."; ++i) {
            const QList<QByteArray> fields = lines.at(i).split('\t');
            bool ok = false;
            const int version = fields.value(versionColumn).toInt(&ok); // a number: no COPY escapes
            if (!ok || checksumColumn >= fields.size()) {
                *error = QStringLiteral("%1: unreadable schema_migrations row").arg(file);
                return std::nullopt;
            }
            schema.migrations.append({version, fields.at(checksumColumn)});
        }
    }
    if (schema.migrations.isEmpty()) {
        *error =
            QStringLiteral("%1 is not a reserva backup: it records no schema version").arg(file);
        return std::nullopt;
    }
    return schema;
}

// The dump's migrations must be ones this binary has, unchanged: a dump from
// a newer reservad holds a schema this one cannot serve (and would not
// migrate: the Migrator refuses unknown versions too).
bool checkDumpAgainstBinary(const DumpSchema &dump, QString *error)
{
    const QList<Migration> compiled = Migrator::compiledMigrations();
    for (const auto &entry : dump.migrations) {
        const int version = entry.first;
        const QByteArray &checksum = entry.second;
        const auto known = std::find_if(compiled.cbegin(), compiled.cend(),
                                        [&](const Migration &m) { return m.version == version; });
        if (known == compiled.cend()) {
            *error = QStringLiteral("the backup's schema version is %1, newer than this reservad "
                                    "knows (%2): restore it with the reservad that wrote it")
                         .arg(dump.version())
                         .arg(compiled.isEmpty() ? 0 : compiled.last().version);
            return false;
        }
        if (known->checksum != checksum) {
            *error = QStringLiteral("the backup's migration %1 (%2) differs from this reservad's")
                         .arg(version)
                         .arg(known->name);
            return false;
        }
    }
    return true;
}

// One superuser (login role) connection on the calling thread, removed with
// this object.
class AdminConnection
{
public:
    AdminConnection(const ConnectionSettings &settings, QString name)
        : m_name(std::move(name))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        settings.applyTo(db);
        m_open = db.open();
        if (!m_open)
            m_error = db.lastError().text();
    }
    ~AdminConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(AdminConnection)

    bool isOpen() const { return m_open; }
    const QString &error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    // The first column of the first row; nullopt (with `error`) on failure.
    std::optional<QVariant> scalar(const QString &sql, const QVariantList &params,
                                   QString *error) const
    {
        QSqlQuery q(db());
        q.prepare(sql);
        for (const QVariant &p : params)
            q.addBindValue(p);
        if (!q.exec() || !q.next()) {
            *error = q.lastError().text();
            return std::nullopt;
        }
        return q.value(0);
    }

private:
    QString m_name;
    bool m_open = false;
    QString m_error;
};

// What the target database holds now.
struct TargetState
{
    qint64 objects = 0;    // tables, sequences, views, functions outside the system schemas
    int schemaVersion = 0; // 0: no schema_migrations
};

std::optional<TargetState> inspectTarget(const AdminConnection &conn, QString *error)
{
    TargetState state;
    const auto objects = conn.scalar(
        QStringLiteral(
            "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            "         WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%')"
            "     + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            "         WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%')"),
        {}, error);
    if (!objects)
        return std::nullopt;
    state.objects = objects->toLongLong();
    const auto hasTable = conn.scalar(
        QStringLiteral("SELECT to_regclass('public.schema_migrations') IS NOT NULL"), {}, error);
    if (!hasTable)
        return std::nullopt;
    if (hasTable->toBool()) {
        const auto version = conn.scalar(
            QStringLiteral("SELECT COALESCE(max(version), 0) FROM schema_migrations"), {}, error);
        if (!version)
            return std::nullopt;
        state.schemaVersion = version->toInt();
    }
    return state;
}

bool execute(const AdminConnection &conn, const QString &sql, QString *error)
{
    QSqlQuery q(conn.db());
    if (q.exec(sql))
        return true;
    *error = q.lastError().text();
    return false;
}

bool syncPath(const QString &path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
#else
    Q_UNUSED(path)
    return true;
#endif
}

int fail(const QString &message)
{
    printErr(QStringLiteral("error: ") + message);
    return kExitFailure;
}

// The server binaries' directory may come without the client tools (a
// minimal bundle): say which one is missing rather than "cannot run".
bool hasTool(const QString &path, QString *error)
{
    if (QFileInfo(path).isExecutable())
        return true;
    *error = QStringLiteral("%1 is missing beside the PostgreSQL server binaries (install the "
                            "PostgreSQL client tools, or set RESERVA_PG_BINDIR)")
                 .arg(path);
    return false;
}

} // namespace

int backupCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write a backup of the reserva database to FILE: a pg_dump custom-format archive "
        "(consistent while `reservad serve` runs), replaced atomically, mode 0600 (it holds "
        "customer data and sealed secrets). Restore it with `reservad restore FILE`."));
    DatabaseOptions db;
    db.addTo(parser);
    QString file;
    int code = kExitOk;
    if (!parseWithFile(parser, arguments, &file, &code))
        return code;
    const QFileInfo target(file);
    const QFileInfo targetDir(target.absolutePath());
    if (target.isDir())
        return usageError(parser, QStringLiteral("%1 is a directory").arg(file));
    if (!targetDir.isDir() || !targetDir.isWritable())
        return usageError(
            parser,
            QStringLiteral("cannot write to the directory %1").arg(targetDir.absoluteFilePath()));
    const QString databaseUrl = db.databaseUrl(parser);
    const QString dataDir = db.dataDirectory(parser);
    // Backing up a data dir that holds no cluster would create an empty one
    // and save nothing: surely the wrong --data-dir.
    if (databaseUrl.isEmpty() && !QFileInfo::exists(dataDir + QStringLiteral("/pg/PG_VERSION")))
        return usageError(parser, QStringLiteral("%1 holds no reserva database (wrong --data-dir?)")
                                      .arg(QDir(dataDir).absolutePath()));

    QString error;
    const auto binaries = PostgresBinaries::locate(&error);
    if (!binaries || !hasTool(binaries->pgDump(), &error) ||
        !hasTool(binaries->pgRestore(), &error))
        return fail(error);
    DatabaseEndpoint endpoint;
    if (!endpoint.open(databaseUrl, dataDir, true, &error))
        return fail(error);
    const ConnectionSettings &settings = endpoint.settings();

    // Written beside FILE (same file system: the rename is atomic) under a
    // name no reader mistakes for a backup; QTemporaryFile creates it 0600
    // and pg_dump truncates it in place, keeping that mode.
    QTemporaryFile temp(targetDir.absoluteFilePath() + QStringLiteral("/.") + target.fileName() +
                        QStringLiteral(".XXXXXX"));
    if (!temp.open())
        return fail(QStringLiteral("cannot create a file in %1: %2")
                        .arg(targetDir.absoluteFilePath(), temp.errorString()));
    temp.close();
    const ToolRun dump = runTool(
        binaries->pgDump(),
        {QStringLiteral("--format=custom"), QStringLiteral("--no-password"),
         QStringLiteral("--file=") + temp.fileName(),
         QStringLiteral("--dbname=") + conninfo(settings, QStringLiteral("reservad-backup"))},
        toolEnvironment(settings));
    if (!dump.ok)
        return fail(QStringLiteral("pg_dump failed: ") + dump.err);
    // Read the version back from the archive itself: it proves the file is
    // readable, and it is the version of the very snapshot pg_dump took.
    const auto schema = readDumpSchema(*binaries, temp.fileName(), &error);
    if (!schema)
        return fail(QStringLiteral("the database holds no reserva schema: ") + error);
    if (!QFile::setPermissions(temp.fileName(), QFile::ReadOwner | QFile::WriteOwner) ||
        !syncPath(temp.fileName()))
        return fail(QStringLiteral("cannot secure and flush %1").arg(temp.fileName()));
    if (std::rename(QFile::encodeName(temp.fileName()).constData(),
                    QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        return fail(QStringLiteral("cannot replace %1").arg(target.absoluteFilePath()));
    temp.setAutoRemove(false);
    syncPath(targetDir.absoluteFilePath());
    printOut(QStringLiteral("wrote %1: %2 bytes, schema version %3, database %4")
                 .arg(target.absoluteFilePath())
                 .arg(QFileInfo(target.absoluteFilePath()).size())
                 .arg(schema->version())
                 .arg(settings.describe()));
    return kExitOk;
}

int restoreCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Restore a backup written by `reservad backup` into the database, in one transaction "
        "(a failed restore changes nothing), then apply the migrations it lacks. Refuses a "
        "database that is not empty unless --force, a backup from a newer reservad, and a "
        "database other sessions (a running server) are connected to."));
    DatabaseOptions db;
    db.addTo(parser);
    const QCommandLineOption force(
        QStringLiteral("force"),
        QStringLiteral("Replace what a non-empty database holds (pg_restore --clean)."));
    parser.addOption(force);
    QString file;
    int code = kExitOk;
    if (!parseWithFile(parser, arguments, &file, &code))
        return code;
    const QFileInfo source(file);
    if (!source.isFile() || !source.isReadable())
        return usageError(parser, QStringLiteral("cannot read the backup file %1").arg(file));

    QString error;
    const auto binaries = PostgresBinaries::locate(&error);
    if (!binaries || !hasTool(binaries->pgRestore(), &error))
        return fail(error);
    // Everything about the file is checked before the database is touched.
    const auto dump = readDumpSchema(*binaries, source.absoluteFilePath(), &error);
    if (!dump)
        return fail(error);
    if (!checkDumpAgainstBinary(*dump, &error))
        return fail(error);

    DatabaseEndpoint endpoint;
    if (!endpoint.open(db.databaseUrl(parser), db.dataDirectory(parser), true, &error))
        return fail(error);
    const ConnectionSettings &settings = endpoint.settings();
    const AdminConnection conn(settings, QStringLiteral("cli-restore-") +
                                             QUuid::createUuid().toString(QUuid::Id128));
    if (!conn.isOpen())
        return fail(QStringLiteral("cannot connect to the database: ") + conn.error());

    // The migrations' lock, held by this session until it ends: a reservad
    // starting meanwhile waits in its migrator instead of serving or
    // migrating a half-restored database. Our own Migrator run below takes
    // the same key again in this session, which PostgreSQL grants.
    const auto locked = conn.scalar(QStringLiteral("SELECT pg_try_advisory_lock(?)"),
                                    {Migrator::kAdvisoryLockKey}, &error);
    if (!locked)
        return fail(error);
    if (!locked->toBool())
        return fail(QStringLiteral("another reservad is migrating this database; try again"));

    const auto state = inspectTarget(conn, &error);
    if (!state)
        return fail(error);
    if (state->objects > 0 && !parser.isSet(force)) {
        printErr(QStringLiteral("error: the database %1 is not empty (schema version %2); pass "
                                "--force to replace its contents with the backup")
                     .arg(settings.describe())
                     .arg(state->schemaVersion));
        return kExitUsage;
    }
    // A running server keeps connections open; restoring under it would
    // either wait on its locks or pull the data out from under it.
    const auto others = conn.scalar(
        QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                       " AND pid <> pg_backend_pid() AND backend_type = 'client backend'"),
        {}, &error);
    if (!others)
        return fail(error);
    if (others->toLongLong() > 0)
        return fail(QStringLiteral("%1 other session(s) are connected to %2 (is reservad serve "
                                   "running?): stop them first")
                        .arg(others->toLongLong())
                        .arg(settings.describe()));
    // --clean drops only what the archive holds: objects that later
    // migrations made (functions) would survive and make those migrations
    // fail when they run again. An empty database is the way back.
    if (state->schemaVersion > dump->version())
        return fail(QStringLiteral("the database is at schema version %1, newer than the "
                                   "backup's %2: restore into an empty database instead")
                        .arg(state->schemaVersion)
                        .arg(dump->version()));
    // Roles live in the cluster, not in the dump: the archive's GRANTs need
    // the application role (migration 0001 makes it the same way).
    if (!execute(
            conn,
            QStringLiteral(
                "DO $$ BEGIN"
                " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reserva_app') THEN"
                "  CREATE ROLE reserva_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;"
                " END IF;"
                " IF NOT pg_has_role(current_user, 'reserva_app', 'MEMBER') THEN"
                "  EXECUTE format('GRANT reserva_app TO %I', current_user);"
                " END IF;"
                " END $$"),
            &error))
        return fail(QStringLiteral("cannot prepare the application role: ") + error);

    // --single-transaction: any error rolls the whole restore back (it also
    // implies --exit-on-error). --no-owner: the objects belong to whoever
    // restores, the role the migrations run as, not to the dumping cluster's.
    QStringList restoreArgs{QStringLiteral("--single-transaction"), QStringLiteral("--no-owner"),
                            QStringLiteral("--no-password")};
    if (parser.isSet(force))
        restoreArgs << QStringLiteral("--clean") << QStringLiteral("--if-exists");
    restoreArgs << QStringLiteral("--dbname=") +
                       conninfo(settings, QStringLiteral("reservad-restore"))
                << source.absoluteFilePath();
    const ToolRun restore = runTool(binaries->pgRestore(), restoreArgs, toolEnvironment(settings));
    if (!restore.ok)
        return fail(QStringLiteral("pg_restore failed, the database is unchanged: ") + restore.err);

    QSqlDatabase sql = conn.db();
    int applied = 0;
    if (!Migrator::migrate(sql, &applied, &error))
        return fail(QStringLiteral("restored, but migrating it failed: ") + error);
    execute(conn, QStringLiteral("SELECT pg_advisory_unlock_all()"), &error);
    const QList<Migration> compiled = Migrator::compiledMigrations();
    printOut(QStringLiteral("restored %1 (schema version %2) into %3; %4 migration(s) applied, "
                            "now at schema version %5")
                 .arg(source.absoluteFilePath())
                 .arg(dump->version())
                 .arg(settings.describe())
                 .arg(applied)
                 .arg(compiled.isEmpty() ? 0 : compiled.last().version));
    // The signing keys in the backup are sealed under the master key, which
    // a backup deliberately does not hold.
    const QString masterKey =
        QDir(db.dataDirectory(parser)).absoluteFilePath(QStringLiteral("master.key"));
    if (qEnvironmentVariableIsEmpty("RESERVA_MASTER_KEY_FILE") && !QFileInfo::exists(masterKey))
        printErr(QStringLiteral("note: %1 does not exist: copy the master key of the installation "
                                "the backup came from there before `reservad serve`, or the "
                                "restored signing keys cannot be opened")
                     .arg(masterKey));
    return kExitOk;
}

} // namespace reserva::cli
