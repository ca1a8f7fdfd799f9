#include "serveoptions.h"

#include "cli.h"
#include "commonoptions.h"

namespace reserva::cli {

ServeOptions::ServeOptions()
    : m_config(QStringLiteral("config"),
               QStringLiteral("Config file (default %1 when it exists; env RESERVA_CONFIG).")
                   .arg(ConfigLoader::kDefaultConfigFile),
               QStringLiteral("FILE"))
{
    for (const ConfigSetting &s : configSettings()) {
        if (s.flag.isEmpty())
            continue;
        QString help = s.help;
        if (!s.defaultText.isEmpty())
            help += QStringLiteral(" Default: %1.").arg(s.defaultText);
        help += QStringLiteral(" Config key %1, env %2.").arg(s.key, s.env);
        m_settings.emplaceBack(s.key, s.flagValue.isEmpty()
                                          ? QCommandLineOption(s.flag, help)
                                          : QCommandLineOption(s.flag, help, s.flagValue));
    }
}

void ServeOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOption(m_config);
    for (const auto &[key, option] : m_settings)
        parser.addOption(option);
}

ConfigInputs ServeOptions::inputs(const QCommandLineParser &parser) const
{
    ConfigInputs in;
    in.configFile = parser.value(m_config);
    for (const auto &[key, option] : m_settings) {
        if (!parser.isSet(option))
            continue;
        // A switch (--allow-plain-http) has no value: given means on.
        in.flags.insert(key,
                        option.valueName().isEmpty() ? QStringLiteral("1") : parser.value(option));
    }
    return in;
}

int usageErrors(const QCommandLineParser &parser, const QStringList &problems)
{
    for (const QString &problem : problems)
        printErr(QStringLiteral("error: ") + problem);
    printErr(parser.helpText());
    return kExitUsage;
}

} // namespace reserva::cli
