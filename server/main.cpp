// reservad: parse the command line, run the command.
#include "cli/cli.h"
#include "log/jsonlog.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // reservad keeps and writes every time in UTC, but QtSql's PostgreSQL
    // driver hands each timestamptz back in local time and Qt converts it
    // under process-wide locks, calling tzset(), which without TZ stats
    // /etc/localtime every time. An availability answer converts dozens of
    // times: the workers queued on those locks. With TZ=UTC the conversion
    // is the identity and tzset() returns at once. Set before any thread
    // starts; the desktop app, which shows local times, does not do this.
    qputenv("TZ", "UTC");
    // Qt's own event loop rather than glib's: a daemon integrates with no
    // glib main loop, and glib's adds a wake-up (an eventfd write and read)
    // whenever a socket notifier changes, which a keep-alive connection does
    // on every request.
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("reservad"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RESERVA_VERSION));
    reserva::jsonlog::install();
    return reserva::cli::run(QCoreApplication::arguments());
}
