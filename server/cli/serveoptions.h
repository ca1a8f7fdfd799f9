#pragma once

#include "config/configloader.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QStringList>

#include <utility>

namespace reserva::cli {

// The flags of `serve` that are settings, and --config: built from
// configSettings() so that `serve` and `config check` take the same ones
// and hand them to the same ConfigLoader.
class ServeOptions
{
public:
    ServeOptions();

    void addTo(QCommandLineParser &parser) const;
    // --config and the flags given, with this process's environment.
    ConfigInputs inputs(const QCommandLineParser &parser) const;

private:
    QCommandLineOption m_config;
    QList<std::pair<QString, QCommandLineOption>> m_settings; // config key, its flag
};

// Prints "error: <problem>" for each problem, then usage; returns kExitUsage.
int usageErrors(const QCommandLineParser &parser, const QStringList &problems);

} // namespace reserva::cli
