#include "commonoptions.h"

#include "cli.h"
#include "config/configloader.h"

#include <cstdio>

namespace reserva::cli {

void DatabaseOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOption(database);
    parser.addOption(dataDir);
}

namespace {

// What serve would use for `key` when no flag names it: the environment
// (RESERVA_*, or its _FILE) over the config file (RESERVA_CONFIG, else
// /etc/reserva/reservad.conf when it exists), so a one-shot command on an
// installed server finds the same database as the service.
QString configured(const QString &key)
{
    const ConfigLoader::Result loaded = ConfigLoader::load(ConfigInputs{});
    for (const ConfigLoader::Resolved &r : loaded.settings) {
        if (r.setting && r.setting->key == key)
            return r.value;
    }
    return {};
}

} // namespace

QString DatabaseOptions::databaseUrl(const QCommandLineParser &parser) const
{
    return parser.isSet(database) ? parser.value(database)
                                  : configured(QStringLiteral("database_url"));
}

QString DatabaseOptions::dataDirectory(const QCommandLineParser &parser) const
{
    if (parser.isSet(dataDir))
        return parser.value(dataDir);
    const QString value = configured(QStringLiteral("data_dir"));
    return value.isEmpty() ? QStringLiteral("reserva-data") : value;
}

bool parseCommand(QCommandLineParser &parser, const QStringList &arguments, int *exitCode)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
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
    if (!parser.positionalArguments().isEmpty()) {
        *exitCode = usageError(
            parser,
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
        return false;
    }
    return true;
}

bool parseHostPort(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == u"localhost")
        host = QStringLiteral("127.0.0.1");
    bool ok = false;
    const int p = text.mid(colon + 1).toInt(&ok);
    if (!ok || p < 0 || p > 65535 || !address->setAddress(host))
        return false;
    *port = quint16(p);
    return true;
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
