#include "commonoptions.h"

#include "cli.h"

#include <cstdio>

namespace reserva::cli {

void DatabaseOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOption(database);
    parser.addOption(dataDir);
}

QString DatabaseOptions::databaseUrl(const QCommandLineParser &parser) const
{
    return parser.isSet(database) ? parser.value(database)
                                  : qEnvironmentVariable("RESERVA_DATABASE_URL");
}

QString DatabaseOptions::dataDirectory(const QCommandLineParser &parser) const
{
    if (parser.isSet(dataDir))
        return parser.value(dataDir);
    const QString env = qEnvironmentVariable("RESERVA_DATA_DIR");
    return env.isEmpty() ? QStringLiteral("reserva-data") : env;
}

void printErr(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

int usageError(const QCommandLineParser &parser, const QString &message)
{
    printErr(QStringLiteral("error: ") + message);
    printErr(parser.helpText());
    return kExitUsage;
}

} // namespace reserva::cli
