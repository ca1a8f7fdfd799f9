#include "configcommand.h"

#include "cli.h"
#include "commonoptions.h"
#include "serveoptions.h"

namespace reserva::cli {

int configCheckCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check the configuration `serve` would run with (defaults < config file "
                       "< environment < flags) without starting anything. Exit 0: config ok; "
                       "2: one line per problem."));
    const ServeOptions options;
    options.addTo(parser);
    if (int code = 0; !parseCommand(parser, arguments, &code))
        return code;
    const ConfigLoader::Result loaded = ConfigLoader::load(options.inputs(parser));
    if (!loaded.ok()) {
        for (const QString &problem : loaded.problems)
            printErr(QStringLiteral("error: ") + problem);
        return kExitUsage;
    }
    printOut(QStringLiteral("config ok\n") + loaded.summary().join(u'\n'));
    return kExitOk;
}

} // namespace reserva::cli
