#pragma once

#include "db/connectionsettings.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>

namespace reserva::test {

// A real `reservad serve` child process on a test database, for the suites
// that kill it, starve it or take its database away (the crash and fault
// suites). Each start writes its log to a new file in `dataDir` (nobody reads
// a pipe while a load runs); the JSON lines go to the log scan when the
// process ends.
class ReservadServer
{
public:
    // `program`: the reservad binary (a suite's RESERVAD_PATH).
    ReservadServer(QString program, QString databaseUrl, QString dataDir);
    ~ReservadServer();
    Q_DISABLE_COPY_MOVE(ReservadServer)

    // RESERVA_* variables on top of cleanReservadEnvironment() (metrics off).
    void setEnvironment(const QList<std::pair<QString, QString>> &extra) { m_extra = extra; }
    void setWorkers(int workers) { m_workers = workers; }
    // Runs in the child between fork and exec (setrlimit...): async-signal-safe only.
    void setChildSetup(std::function<void()> setup) { m_childSetup = std::move(setup); }

    // Starts it and waits until it listens and, when `waitReady`, answers
    // /readyz 200. Empty when it did; otherwise why not (its stderr tail).
    QString start(bool waitReady = true);
    // SIGKILL, as a crash or the OOM killer would; reaps it.
    void kill();
    // SIGTERM and wait; its exit code (-1: it had to be killed).
    int stop();

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); }
    quint16 port() const { return m_port; }
    QProcess &process() { return m_process; }
    // What the current (or last) run wrote to stdout: its JSON log lines.
    QByteArray log() const;

private:
    void captureLogs();

    QString m_program;
    QString m_databaseUrl;
    QString m_dataDir;
    int m_workers = 4;
    QList<std::pair<QString, QString>> m_extra;
    std::function<void()> m_childSetup;
    QProcess m_process;
    QString m_logPath;
    quint16 m_port = 0;
};

// `<program> audit verify` on `databaseUrl`: empty when the chain is
// intact, else what it said.
QString auditChainProblem(const QString &program, const QString &databaseUrl);

// A tenant `slug` and its partner_manager `username`, written the way
// `reservad user add` does (fast scrypt). False (warned) on failure.
bool seedTenantManager(const ConnectionSettings &database, const QString &slug,
                       const QString &username, const QString &password);

} // namespace reserva::test
