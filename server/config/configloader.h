#pragma once

#include "configsetting.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace reserva {

// Where `serve` and `config check` take their settings from.
struct ConfigInputs
{
    QString configFile;            // --config; empty: RESERVA_CONFIG, else kDefaultConfigFile
    QHash<QString, QString> flags; // command-line values by config key ("listen")
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

// Builds serve's configuration from four layers, each over the one before:
// built-in defaults < the config file < the environment < command-line flags.
// A secret may come from a file (<key>_file, <ENV>_FILE: systemd
// credentials), read here with its trailing newline trimmed. Every problem is
// collected, one line each, naming where the bad value came from ("--listen",
// "RESERVA_LISTEN", "/etc/reserva/reservad.conf:3: listen") and never a
// secret's value. Reads files (config, secrets, TLS, master key) but starts
// nothing and connects to nothing.
class ConfigLoader
{
public:
    static inline const QString kDefaultConfigFile = QStringLiteral("/etc/reserva/reservad.conf");

    // One setting's effective value, for `config check`.
    struct Resolved
    {
        const ConfigSetting *setting = nullptr;
        QString value;  // empty: not set (the default applies)
        QString source; // "--listen", "RESERVA_LISTEN", "RESERVA_X_FILE", "file:line"
    };

    struct Result
    {
        LoadedConfig config;
        QString file; // the config file read; empty: none
        QList<Resolved> settings;
        QStringList problems;

        bool ok() const { return problems.isEmpty(); }
        // "key = value  (source)" lines; a secret shows as "(set, N bytes)".
        QStringList summary() const;
    };

    static Result load(const ConfigInputs &inputs);

    // Sets the variables that code outside ServerConfig reads (the managed
    // PostgreSQL's binaries and account) to the configured values.
    static void exportEnvironment(const LoadedConfig &config);
};

} // namespace reserva
