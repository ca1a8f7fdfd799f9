#include "servecommand.h"

#include "cli.h"
#include "commonoptions.h"
#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "demoseed.h"
#include "runtime/reservaserver.h"
#include "shutdownsignals.h"

#include <QCoreApplication>
#include <QUuid>

namespace reserva::cli {

int serveCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Run the HTTP API server."));
    DatabaseOptions db;
    db.addTo(parser);
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("Address and port (default 127.0.0.1:8080; env RESERVA_LISTEN)."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QStringLiteral("HTTP worker threads (default 4 x cores)."),
                                     QStringLiteral("N"));
    const QCommandLineOption seedDemo(
        QStringLiteral("seed-demo"),
        QStringLiteral(
            "Seed a demo tenant, catalog and users on first start and print the credentials."));
    const QCommandLineOption identityApi(
        QStringLiteral("identity-api"),
        QStringLiteral("Identity verification API base URL (env RESERVA_IDENTITY_API_URL)."),
        QStringLiteral("URL"));
    const QCommandLineOption holdMinutes(
        QStringLiteral("hold-minutes"),
        QStringLiteral(
            "How long a new reservation holds its seats awaiting payment (default 15; env "
            "RESERVA_HOLD_MINUTES)."),
        QStringLiteral("N"));
    const QCommandLineOption tlsCert(
        QStringLiteral("tls-cert"),
        QStringLiteral("Serve HTTPS with this PEM certificate (and its intermediates after it; "
                       "env RESERVA_TLS_CERT)."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(
        QStringLiteral("tls-key"),
        QStringLiteral("The certificate's unencrypted PEM private key (env RESERVA_TLS_KEY)."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsClientCa(
        QStringLiteral("tls-client-ca"),
        QStringLiteral("Request client certificates and require one issued by this PEM CA on "
                       "the Pix webhook (the PSP's mutual TLS; env RESERVA_TLS_CLIENT_CA)."),
        QStringLiteral("FILE"));
    const QCommandLineOption allowPlainHttp(
        QStringLiteral("allow-plain-http"),
        QStringLiteral("Serve plain HTTP on a non-loopback address, behind a TLS-terminating "
                       "proxy (env RESERVA_ALLOW_PLAIN_HTTP=1)."));
    parser.addOptions({listen, workers, seedDemo, identityApi, holdMinutes, tlsCert, tlsKey,
                       tlsClientCa, allowPlainHttp});
    if (int code = 0; !parseCommand(parser, arguments, &code))
        return code;

    ServerConfig config;
    config.payments = PaymentSettings::fromEnvironment();
    if (const QString problem = config.payments.problem(); !problem.isEmpty())
        return usageError(parser, problem);
    config.databaseUrl = db.databaseUrl(parser);
    config.dataDir = db.dataDirectory(parser);
    const QString listenText =
        parser.isSet(listen) ? parser.value(listen) : qEnvironmentVariable("RESERVA_LISTEN");
    if (!listenText.isEmpty() && !parseHostPort(listenText, &config.listenAddress, &config.port))
        return usageError(parser, QStringLiteral("--listen wants HOST:PORT, e.g. 127.0.0.1:8080"));
    if (parser.isSet(workers)) {
        bool ok = false;
        config.workers = parser.value(workers).toInt(&ok);
        if (!ok || config.workers < 1 || config.workers > 256)
            return usageError(parser, QStringLiteral("--workers wants a number from 1 to 256"));
    }
    const QString holdText = parser.isSet(holdMinutes)
                                 ? parser.value(holdMinutes)
                                 : qEnvironmentVariable("RESERVA_HOLD_MINUTES");
    if (!holdText.isEmpty()) {
        bool ok = false;
        const int minutes = holdText.toInt(&ok);
        if (!ok || minutes < 1 || minutes > 24 * 60)
            return usageError(parser,
                              QStringLiteral("--hold-minutes wants a number from 1 to 1440"));
        config.holdSeconds = minutes * 60;
    }
    // TLS material is read and checked now, before any database work: a bad
    // file is a configuration error naming the file (exit 2).
    const auto setting = [&parser](const QCommandLineOption &option, const char *variable) {
        return parser.isSet(option) ? parser.value(option) : qEnvironmentVariable(variable);
    };
    const QString certFile = setting(tlsCert, "RESERVA_TLS_CERT");
    const QString keyFile = setting(tlsKey, "RESERVA_TLS_KEY");
    const QString clientCaFile = setting(tlsClientCa, "RESERVA_TLS_CLIENT_CA");
    if (certFile.isEmpty() != keyFile.isEmpty())
        return usageError(parser, QStringLiteral("--tls-cert and --tls-key go together"));
    if (!clientCaFile.isEmpty() && certFile.isEmpty())
        return usageError(parser,
                          QStringLiteral("--tls-client-ca needs --tls-cert and --tls-key: client "
                                         "certificates exist only on HTTPS"));
    if (!certFile.isEmpty()) {
        QString tlsError;
        config.http.tls = TlsSettings::fromFiles(certFile, keyFile, clientCaFile, &tlsError);
        if (!config.http.tls)
            return usageError(parser, tlsError);
    }
    config.allowPlainHttp =
        parser.isSet(allowPlainHttp) || qEnvironmentVariable("RESERVA_ALLOW_PLAIN_HTTP") == u"1";
    if (const QString problem = ReservaServer::transportProblem(config); !problem.isEmpty())
        return usageError(parser, problem);
    const QString identityUrl = parser.isSet(identityApi)
                                    ? parser.value(identityApi)
                                    : qEnvironmentVariable("RESERVA_IDENTITY_API_URL");
    if (!identityUrl.isEmpty()) {
        config.identityApiUrl = QUrl(identityUrl, QUrl::StrictMode);
        if (!config.identityApiUrl.isValid() || config.identityApiUrl.scheme().isEmpty())
            return usageError(parser, QStringLiteral("--identity-api wants an http(s) URL"));
        config.identityApiKey = qEnvironmentVariable("RESERVA_IDENTITY_API_KEY");
    }

    // Installed before the (possibly long) start: a SIGTERM that arrives while
    // the managed PostgreSQL is starting must not kill us with the default
    // action and leave that cluster running. It is acted on once the event
    // loop runs, after which stop() shuts everything down in order.
    ShutdownSignals shutdown;
    QObject::connect(&shutdown, &ShutdownSignals::received, qApp, [] { QCoreApplication::quit(); });

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
