// reservad: parse the command line, run the command.
#include "cli/cli.h"
#include "log/jsonlog.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("reservad"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RESERVA_VERSION));
    reserva::jsonlog::install();
    return reserva::cli::run(QCoreApplication::arguments());
}
