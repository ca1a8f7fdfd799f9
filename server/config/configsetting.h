#pragma once

#include "runtime/serverconfig.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <utility>

namespace reserva {

// What a configuration yields: the server's settings, the TLS file names
// (checked together once all layers are applied), and values read by code
// outside ServerConfig from the process environment (the managed
// PostgreSQL's binaries and account), which serve exports before starting.
struct LoadedConfig
{
    ServerConfig server;
    QString tlsCertificateFile;
    QString tlsKeyFile;
    QString tlsClientCaFile;
    QList<std::pair<QByteArray, QString>> environmentExports;
};

// One setting of reservad under its three names: the config file key, the
// environment variable and (for some) the command-line flag.
struct ConfigSetting
{
    QString key;         // config file key: "tls.cert"
    QString env;         // environment variable: "RESERVA_TLS_CERT"
    QString flag;        // flag without dashes: "tls-cert"; empty: none
    QString flagValue;   // the flag's value name: "FILE"; empty: a switch (means "1")
    QString help;        // what it is, for --help
    QString defaultText; // shown by `config check` when unset; empty: "(not set)"
    // A secret may also be read from a file: <key>_file in the config file,
    // <ENV>_FILE in the environment (systemd credentials). Its value is never
    // printed, logged or put in a message.
    bool secret = false;
    // Parses `value` into `out`. Returns the problem, without the value's
    // origin (the caller prefixes it) and never quoting a secret; empty: ok.
    std::function<QString(const QString &value, LoadedConfig &out)> apply;
};

// Every setting, in the order `reservad config check` prints them: the one
// table mapping config keys, environment variables and flags.
const QList<ConfigSetting> &configSettings();
// nullptr when `key` is no setting's config file key.
const ConfigSetting *findConfigSetting(const QString &key);

} // namespace reserva
