#include "fakeproviders.h"

#include "cli.h"
#include "commonoptions.h"
#include "providers/fake/fakeproviderserver.h"
#include "shutdownsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace reserva::cli {

namespace {

// stripe-mock's port: the usual home of a local Stripe stand-in.
constexpr quint16 kDefaultPort = 12111;

} // namespace

int fakeProvidersCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serve in-memory stand-ins for the Stripe, Mercado Pago and Pix PSP APIs, for local "
        "runs and tests. Point reservad at them with RESERVA_STRIPE_API_BASE, "
        "RESERVA_MP_API_BASE and RESERVA_PIX_API_BASE; settle a payment with "
        "POST /_simulate/{provider}/{ref} or `reservad simulate-webhook`."));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("Address and port (default 127.0.0.1:%1; port 0: any free port).")
            .arg(kDefaultPort),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption allowRemote(
        QStringLiteral("allow-non-loopback"),
        QStringLiteral("Accept a non-loopback --listen address. The fakes take any credentials "
                       "and let anyone settle payments: never expose them to a network."));
    parser.addOptions({listen, allowRemote});
    if (int code = 0; !parseCommand(parser, arguments, &code))
        return code;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = kDefaultPort;
    if (parser.isSet(listen) && !parseHostPort(parser.value(listen), &address, &port))
        return usageError(parser, QStringLiteral("--listen wants HOST:PORT, e.g. 127.0.0.1:12111"));
    if (!address.isLoopback() && !parser.isSet(allowRemote))
        return usageError(parser,
                          QStringLiteral("%1 is not a loopback address; the fake providers "
                                         "listen on loopback only unless --allow-non-loopback")
                              .arg(address.toString()));

    ShutdownSignals shutdown;
    QObject::connect(&shutdown, &ShutdownSignals::received, qApp, [] { QCoreApplication::quit(); });
    FakeProviderServer server;
    QString error;
    if (!server.start(address, port, &error)) {
        printErr(QStringLiteral("error: ") + error);
        return kExitFailure;
    }
    const QString base = server.baseUrl().toString();
    printOut(QStringLiteral("fake providers listening on %1\n"
                            "  reservad serve environment:\n"
                            "    RESERVA_STRIPE_API_BASE=%1 RESERVA_STRIPE_API_KEY=sk_test_fake\n"
                            "    RESERVA_MP_API_BASE=%1 RESERVA_MP_ACCESS_TOKEN=TEST-fake\n"
                            "    RESERVA_PIX_API_BASE=%1 RESERVA_PIX_CLIENT_ID=fake "
                            "RESERVA_PIX_CLIENT_SECRET=fake RESERVA_PIX_KEY=fake@example.com\n"
                            "  (plus RESERVA_*_WEBHOOK_SECRET of your choice)\n"
                            "  settle a payment: POST %1_simulate/{stripe|mercadopago|pix}/{ref} "
                            "{\"outcome\": \"succeeded|failed|refunded\"}\n"
                            "Press Ctrl+C to stop.")
                 .arg(base));
    const int code = QCoreApplication::exec();
    server.stop();
    return code;
}

} // namespace reserva::cli
