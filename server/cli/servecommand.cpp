#include "servecommand.h"

#include "cli.h"
#include "commonoptions.h"
#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "demoseed.h"
#include "http/connectionadmission.h"
#include "runtime/reservaserver.h"
#include "serveoptions.h"
#include "shutdownsignals.h"

#include <QCoreApplication>
#include <QUuid>

namespace reserva::cli {

int serveCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Run the HTTP API server."));
    // --config and every setting's flag (--listen, --database, --tls-cert...).
    const ServeOptions options;
    options.addTo(parser);
    const QCommandLineOption seedDemo(
        QStringLiteral("seed-demo"),
        QStringLiteral(
            "Seed a demo tenant, catalog and users on first start and print the credentials."));
    parser.addOption(seedDemo);
    if (int code = 0; !parseCommand(parser, arguments, &code))
        return code;

    // The same loader as `config check`: defaults < config file < environment
    // < flags, every file (TLS, secrets, master key) read and checked before
    // any database work; each problem names its key (exit 2).
    const ConfigLoader::Result loaded = ConfigLoader::load(options.inputs(parser));
    if (!loaded.ok())
        return usageErrors(parser, loaded.problems);
    ConfigLoader::exportEnvironment(loaded.config);
    ServerConfig config = loaded.config.server;
    if (const QString problem = ReservaServer::transportProblem(config); !problem.isEmpty())
        return usageError(parser, problem);

    // Installed before the (possibly long) start: a SIGTERM that arrives while
    // the managed PostgreSQL is starting must not kill us with the default
    // action and leave that cluster running. It is acted on once the event
    // loop runs, after which stop() shuts everything down in order.
    ShutdownSignals shutdown;
    QObject::connect(&shutdown, &ShutdownSignals::received, qApp, [] { QCoreApplication::quit(); });

    // Each client connection is a descriptor: the soft default (1024) would
    // cap a server far below what it can hold (ConnectionAdmission).
    ConnectionAdmission::raiseOpenFileLimit();
    ReservaServer server(config);
    QString error;
    if (!server.start(&error)) {
        printErr(QStringLiteral("error: ") + error);
        return kExitFailure;
    }
    const QString url = QStringLiteral("%1://%2:%3")
                            .arg(config.http.tls ? QStringLiteral("https") : QStringLiteral("http"),
                                 config.listenAddress.toString())
                            .arg(server.port());
    if (parser.isSet(seedDemo)) {
        DemoCredentials credentials;
        bool seeded = false;
        try {
            DbConnection conn(server.sessionOptions(),
                              QStringLiteral("seed-") + QUuid::createUuid().toString());
            seeded = conn.open(&error) && cli::seedDemo(conn, config.dataDir, &credentials, &error);
        } catch (const DatabaseFailure &failure) {
            error = QString::fromUtf8(failure.what());
        }
        if (!seeded) {
            printErr(QStringLiteral("error: demo seed failed: ") + error);
            return kExitFailure;
        }
        printErr(
            QStringLiteral(
                "\nReserva is running at %1\n"
                "  API health:    %1/healthz\n"
                "  admin:         %2 / %3\n"
                "  partner:       %4 / %5 (tenant \"demo\")\n"
                "  try:           curl -s %1/v1/auth/login -H 'Content-Type: application/json' "
                "-d '{\"username\":\"%2\",\"password\":\"%3\"}'\n"
                "Press Ctrl+C to stop.\n")
                .arg(url, credentials.adminUser, credentials.adminPassword, credentials.managerUser,
                     credentials.managerPassword));
    }

    const int code = QCoreApplication::exec();
    server.stop();
    return code;
}

} // namespace reserva::cli
