#pragma once

#include "db/connectionsettings.h"

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <utility>

namespace reserva::test {

// One finished run of the reservad binary, as an operator would run it.
struct ReservadRun
{
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;

    // "exit N", stdout and stderr: for a failed QVERIFY2.
    QString describe() const;
};

// This process's environment without any RESERVA_* variable (the developer's
// own settings must not steer the commands under test), with metrics off
// (RESERVA_METRICS_LISTEN=off: a fixed port would collide), plus `extra`.
QProcessEnvironment cleanReservadEnvironment(const QList<std::pair<QString, QString>> &extra = {});

// Runs `program` with `arguments`, writes `stdinBytes` and closes its input,
// and waits for it to finish (killed after two minutes).
ReservadRun runReservad(const QString &program, const QStringList &arguments,
                        const QByteArray &stdinBytes = {},
                        const QProcessEnvironment &environment = cleanReservadEnvironment());

// postgresql://user@/DB?host=<socket dir>&port=N: how an operator reaches a
// cluster over its Unix socket.
QString cliDatabaseUrl(const ConnectionSettings &settings);

} // namespace reserva::test
