// reserva: the desktop backoffice. Parses the few options, wires the objects
// (settings, API client, session, keychain, embedded server, windows) and
// runs the event loop; everything else lives in reserva_ui.
#include "common/translationloader.h"
#include "embedded/inprocessserver.h"
#include "net/apiclient.h"
#include "net/certificatepins.h"
#include "net/connectionmonitor.h"
#include "net/session.h"
#include "net/tokenstore.h"
#include "shell/signinflow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QStandardPaths>

using namespace reserva::ui;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Reserva"));
    QApplication::setOrganizationDomain(QStringLiteral("reserva.app"));
    QApplication::setApplicationName(QStringLiteral("reserva"));
    QApplication::setApplicationDisplayName(QStringLiteral("Reserva"));
    QApplication::setApplicationVersion(QStringLiteral(RESERVA_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("reserva"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/reserva/icons/reserva.svg")));
    QApplication::setQuitOnLastWindowClosed(false);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Reserva desktop backoffice"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption language(QStringLiteral("language"),
                                      QStringLiteral("en, es or pt_BR (default: the system's)."),
                                      QStringLiteral("LANG"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("Where \"This computer\" keeps its database (default: the user's "
                       "application data folder; env RESERVA_DATA_DIR)."),
        QStringLiteral("DIR"));
    parser.addOptions({language, dataDir});
    parser.process(app);

    QSettings settings;
    // --language, else the one last chosen in View > Language, else the system's.
    QString chosen = parser.value(language);
    if (chosen.isEmpty())
        chosen = SignInFlow::savedLanguage(settings);
    if (chosen.isEmpty())
        chosen = TranslationLoader::languageFor(QLocale::system());
    TranslationLoader translations;
    translations.install(chosen);

    QString embeddedDir = parser.value(dataDir);
    if (embeddedDir.isEmpty())
        embeddedDir = qEnvironmentVariable("RESERVA_DATA_DIR");
    if (embeddedDir.isEmpty())
        embeddedDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                      QStringLiteral("/server");

    CertificatePins pins(settings);
    ApiClient api(&pins);
    TokenStore tokens;
    Session session(api, &tokens);
    ConnectionMonitor monitor(api);
    InProcessServer embedded(embeddedDir);
    SignInFlow flow(api, session, monitor, pins, settings, &embedded);
    flow.setTranslationLoader(&translations);
    QObject::connect(&flow, &SignInFlow::quitRequested, &app, &QApplication::quit,
                     Qt::QueuedConnection);
    // The embedded server and its PostgreSQL stop before the process ends.
    QObject::connect(&app, &QApplication::aboutToQuit, &embedded, &InProcessServer::stop);
    flow.start();
    return QApplication::exec();
}
